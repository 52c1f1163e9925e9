import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { MAIN, startServer } from '../support/server-process';
import { createTestDatabase } from '../support/test-app';

/** Sends a request in two halves, so it is still in flight when we choose. */
function slowRequest(port: number, body: string, requestId: string) {
  const socket = connect(port, '127.0.0.1');
  let response = '';
  socket.on('data', (chunk) => (response += chunk));
  const done = new Promise<string>((resolve) => socket.on('close', () => resolve(response)));
  const head =
    `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nConnection: close\r\n` +
    `X-Request-Id: ${requestId}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`;
  const half = Math.floor(body.length / 2);
  return {
    sendFirstHalf: () => new Promise<void>((resolve) => socket.write(head + body.slice(0, half), () => resolve())),
    sendRest: () => socket.write(body.slice(half)),
    done,
  };
}

describe('the server process', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('on SIGTERM finishes the request in flight, closes the pool and exits 0', async () => {
    const server = await startServer({ DATABASE_URL: db.url });
    const body = JSON.stringify({
      query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { user { email } } }',
      variables: { e: 'admin@northwind.example', p: 'pivot-demo' },
    });
    const request = slowRequest(server.port, body, 'drain-test-0001');
    await request.sendFirstHalf();
    await new Promise((resolve) => setTimeout(resolve, 200));
    server.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    request.sendRest();

    const response = await request.done;
    expect(response).toMatch(/^HTTP\/1\.1 200/);
    expect(response).toContain('"email":"admin@northwind.example"');
    expect(await server.exited).toBe(0);
    expect(server.stdout()).toContain('shutdown complete');
  });

  it('logs structured JSON lines carrying the request id', async () => {
    const server = await startServer({ DATABASE_URL: db.url });
    const res = await fetch(`http://127.0.0.1:${server.port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'log-test-000042' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(res.headers.get('x-request-id')).toBe('log-test-000042');
    server.child.kill('SIGTERM');
    await server.exited;
    const lines = server
      .stdout()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { level: number; msg: string; req?: { id: string } });
    expect(lines.length).toBeGreaterThan(0);
    const requestLine = lines.find((line) => line.req?.id === 'log-test-000042');
    expect(requestLine).toMatchObject({ msg: 'request completed', req: { method: 'POST', url: '/graphql' } });
    // The bearer token and cookies never reach the log.
    expect(server.stdout()).not.toMatch(/authorization/i);
  });

  it('refuses to start with a wrong setting and names it', async () => {
    const child = spawn(process.execPath, [MAIN], { env: { PATH: process.env.PATH, PORT: 'eighty', DATABASE_URL: 'mysql://nope' } });
    let err = '';
    child.stderr.on('data', (chunk) => (err += chunk));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(err).toContain('PORT');
    expect(err).toContain('DATABASE_URL');
    expect(err).not.toMatch(/\bat .+\.js:\d+/);
  });
});
