import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  type GraphQLInputType,
  type GraphQLField,
} from 'graphql';
import { loadWorld, startAccessApp, type World } from '../access/access-world';
import { gql } from '../support/graphql';

/*
 * Every mutation of the committed schema, read at run time (a new mutation is covered without an
 * edit here), sent malformed arguments over real HTTP as the brand admin and as FR's market
 * manager. Whatever the input, the answer is a client error: never INTERNAL_SERVER_ERROR, never
 * SQL or a stack trace in a message. Bounded (CASES per mutation and user) and seeded: a failure
 * prints the seed and the input; FUZZ_SEED=<n> replays it, FUZZ_CASES=<n> runs more.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261205);
const CASES = Number(process.env.FUZZ_CASES ?? 5);
const NUL = '\u0000';
const LEAK = /\bSELECT\b|INSERT INTO|UPDATE "?\w+"? SET|DELETE FROM|QueryFailed|violates .*constraint|relation "|\bat \S+ \([^)]*:\d+:\d+\)|\.(ts|js):\d+:\d+/;

/** mulberry32: small, fast, the same sequence for the same seed. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)];
  return { next, int, pick };
}
type Rng = ReturnType<typeof prng>;

const randomUuid = (r: Rng) => 'xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx'.replace(/x/g, () => r.int(16).toString(16));

/** Plausible values, so some inputs get past the first checks and reach the services' deeper code. */
function plausible(type: GraphQLInputType, r: Rng, ids: string[], depth = 0): unknown {
  if (isNonNullType(type)) return plausible(type.ofType, r, ids, depth);
  if (isListType(type)) return Array.from({ length: r.int(3) + (depth > 2 ? 0 : 1) }, () => plausible(type.ofType, r, ids, depth + 1));
  if (isEnumType(type)) return r.pick(type.getValues()).name;
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) || r.next() < 0.6) out[field.name] = plausible(field.type, r, ids, depth + 1);
    }
    return out;
  }
  switch (type.name) {
    case 'ID':
      return r.next() < 0.8 ? r.pick(ids) : randomUuid(r);
    case 'Int':
      return r.pick([0, 1, 3, 10, 100]);
    case 'Float':
      return r.pick([0, 1.5, 100]);
    case 'Boolean':
      return r.next() < 0.5;
    case 'DateTime':
      return new Date(Date.now() + r.pick([-1, 1, 24, 24 * 400]) * 3_600_000).toISOString();
    default:
      return r.pick(['fr', 'fr-FR', 'FR', 'facebook', 'Bonjour {{author.firstName}}', 'https://example.com/a', 'consumer', 'x'.repeat(300)]);
  }
}

/** One malformed value for a place of this type. */
function malformed(type: GraphQLInputType, r: Rng): unknown {
  const named = getNamedType(type);
  const common = [null, 12345, true, { nested: 'object' }, [NUL]];
  if (isListType(isNonNullType(type) ? type.ofType : type)) return r.pick([...common, [], Array.from({ length: 5000 }, () => 'x'), 'not a list']);
  if (isEnumType(named)) return r.pick([...common, 'NOT_A_VALUE', '', `DRAFT${NUL}`]);
  if (isInputObjectType(named)) return r.pick([...common, {}, 'not an object']);
  switch (named.name) {
    case 'ID':
      return r.pick([...common, 'not-a-uuid', '', randomUuid(r), `${randomUuid(r)}${NUL}`, '00000000-0000-0000-0000-000000000000', 'x'.repeat(10_000)]);
    case 'Int':
    case 'Float':
      return r.pick([...common, 'abc', 2 ** 40, -1, -2147483648, 1.5, 1e308]);
    case 'Boolean':
      return r.pick([...common, 'yes', 0]);
    case 'DateTime':
      return r.pick([...common, 'not a date', '2026-13-45T00:00:00Z', '0000-01-01T00:00:00Z', '+275760-09-13T00:00:00Z', '9999-12-31T23:59:59Z', -1e15]);
    default:
      return r.pick([...common, `bad${NUL}text`, NUL, 'x'.repeat(100_000), 'é'.repeat(30_000), '', '   ', '\ud800', '<script>', "'; DROP TABLE users; --"]);
  }
}

interface Place {
  type: GraphQLInputType;
  set: (value: unknown) => void;
}

/** Every argument and nested input field of a generated value, each with a setter. */
function places(root: Record<string, unknown>, types: Record<string, GraphQLInputType>): Place[] {
  const out: Place[] = [];
  const walk = (holder: Record<string, unknown> | unknown[], key: string | number, type: GraphQLInputType) => {
    out.push({ type, set: (value) => ((holder as Record<string, unknown>)[key as string] = value) });
    const value = (holder as Record<string, unknown>)[key as string];
    const inner = isNonNullType(type) ? type.ofType : type;
    if (isListType(inner) && Array.isArray(value)) value.forEach((_item, index) => walk(value, index, inner.ofType));
    else if (isInputObjectType(inner) && value && typeof value === 'object') {
      for (const field of Object.values(inner.getFields())) walk(value as Record<string, unknown>, field.name, field.type);
    }
  };
  for (const [name, type] of Object.entries(types)) walk(root, name, type);
  return out;
}

function operation(field: GraphQLField<unknown, unknown>): string {
  const defs = field.args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const args = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  return `mutation${defs ? `(${defs})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`;
}

describe('mutation fuzz: malformed arguments never make a server error', () => {
  let w: World;
  const schema = buildSchema(readFileSync(join(__dirname, '..', '..', 'schema.gql'), 'utf8'));
  const mutations = Object.values(schema.getMutationType()!.getFields());

  beforeAll(async () => {
    w = await loadWorld(await startAccessApp());
  });
  afterAll(async () => {
    await w?.app.close();
  });

  it.each(['ADMIN', 'FR_MANAGER'] as const)(`answers every malformed mutation as %s with a client error (seed ${SEED})`, async (who) => {
    const ids = [w.brandId, w.id.G, w.id.EMEA, w.id.FR, w.id.ES, w.id.frConsumer, w.userId.FR_PUBLISHER, w.assignmentId.ANALYST];
    const failures: string[] = [];
    for (const field of mutations) {
      const query = operation(field);
      const types = Object.fromEntries(field.args.map((arg) => [arg.name, arg.type]));
      for (let n = 0; n < CASES; n++) {
        const seed = `${SEED}:${who}:${field.name}:${n}`;
        const r = prng([...seed].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0, 2166136261));
        const variables = Object.fromEntries(field.args.map((arg) => [arg.name, plausible(arg.type, r, ids)]));
        // One in five kept plausible: valid-looking input reaches further into the services.
        const spots = places(variables, types);
        if (n % 5 !== 0 && spots.length) {
          const spot = r.pick(spots);
          spot.set(malformed(spot.type, r));
        }
        const result = await gql(w.app, query, variables, w.token[who]);
        const internal = result.status >= 500 || result.errors?.some((error) => error.extensions?.code === 'INTERNAL_SERVER_ERROR');
        const leaked = result.errors?.some((error) => LEAK.test(error.message));
        if (internal || leaked) {
          const messages = (result.errors ?? []).filter((error) => error.extensions?.code === 'INTERNAL_SERVER_ERROR' || LEAK.test(error.message)).slice(0, 3).map((error) => `${error.extensions?.code}: ${error.message.slice(0, 300)}`).join(' | ');
          const shown = JSON.stringify(variables, (_k, v) => (typeof v === 'string' && v.length > 200 ? `${v.slice(0, 40)}…(${v.length} chars)` : v));
          failures.push(`${field.name} [FUZZ_SEED=${SEED} case ${seed}] HTTP ${result.status}: ${messages}\n  ${query}\n  variables ${shown}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
