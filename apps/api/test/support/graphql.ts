import type { TestApp } from './test-app';

export const DEMO_PASSWORD = 'pivot-demo';

export interface GraphqlResult<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; [key: string]: unknown } }[];
}

/** POST /graphql as a browser would (JSON, so CSRF prevention lets it through). */
export async function gql<T = Record<string, any>>(
  app: TestApp,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GraphqlResult<T>> {
  const req = app.http.post('/graphql').set('content-type', 'application/json');
  if (token) req.set('authorization', `Bearer ${token}`);
  const res = await req.send({ query, variables });
  return { status: res.status, data: res.body?.data, errors: res.body?.errors };
}

export function errorCode(result: GraphqlResult): string | undefined {
  return result.errors?.[0]?.extensions?.code;
}

export async function login(app: TestApp, email: string, password = DEMO_PASSWORD, ip?: string): Promise<string> {
  const req = app.http.post('/graphql').set('content-type', 'application/json');
  if (ip) req.set('x-forwarded-for', ip);
  const res = await req.send({
    query: 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }',
    variables: { email, password },
  });
  const token = res.body?.data?.login?.accessToken;
  if (!token) throw new Error(`login failed for ${email}: ${JSON.stringify(res.body)}`);
  return token;
}

export const ADMIN = 'admin@northwind.example';
export const PLATFORM = 'platform@pivot.example';
export const FR_MANAGER = 'fr.manager@northwind.example';
export const ES_MANAGER = 'es.manager@northwind.example';
export const FR_PUBLISHER = 'fr.publisher@northwind.example';
export const FR_MODERATOR = 'fr.moderator@northwind.example';
export const ANALYST = 'analyst@northwind.example';
export const FR_ANALYST = 'fr.analyst@northwind.example';
