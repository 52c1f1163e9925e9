import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('runs `npm start` with no variables at all: embedded database, demo data, port 4000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 4000, databaseUrl: undefined, seedDemo: true, production: false, bodyLimit: '100kb' });
    expect(config.database).toEqual({ poolSize: 10, statementTimeoutMs: 15_000, idleInTransactionTimeoutMs: 30_000 });
  });

  it('does not seed demo data on a configured database unless asked', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://db/pivot' }).seedDemo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://db/pivot', SEED_DEMO: 'true' }).seedDemo).toBe(true);
  });

  it('leases reply claims for 5 minutes and sweeps every 15 s unless told otherwise, refusing a zero lease', () => {
    expect(loadConfig({}).replies).toEqual({ leaseSeconds: 300, sweepIntervalMs: 15_000 });
    expect(loadConfig({ REPLY_LEASE_SECONDS: '2', REPLY_SWEEP_INTERVAL_MS: '500' }).replies).toEqual({ leaseSeconds: 2, sweepIntervalMs: 500 });
    expect(() => loadConfig({ REPLY_LEASE_SECONDS: '0' })).toThrow(ConfigError);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '' }).port).toBe(4000);
  });

  it.each([
    ['PORT', { PORT: 'eighty' }],
    ['PORT', { PORT: '70000' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://localhost/pivot' }],
    ['JWT_SECRET', { JWT_SECRET: 'short' }],
    ['NODE_ENV', { NODE_ENV: 'staging' }],
    ['BODY_LIMIT', { BODY_LIMIT: 'lots' }],
    ['TRUST_PROXY', { TRUST_PROXY: 'yes' }],
  ])('names %s when its value is wrong', (name, env) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (error) {
      expect((error as ConfigError).problems.join('\n')).toContain(name);
    }
  });

  it('lists every problem at once', () => {
    try {
      loadConfig({ PORT: 'x', LOG_LEVEL: 'loud' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect((error as ConfigError).problems).toHaveLength(2);
    }
  });

  it('requires a database and a signing secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET[\s\S]*DATABASE_URL|DATABASE_URL[\s\S]*JWT_SECRET/);
  });
});
