import { ConfigError, loadConfig } from './app-config';

const base = { NODE_ENV: 'test', AUTH_JWT_SECRET: 'x'.repeat(32), DATA_DIR: '' };

describe('DATABASE_PREPARED_STATEMENTS', () => {
  it('keeps statements prepared unless set to false', () => {
    expect(loadConfig(base).databasePreparedStatements).toBe(true);
    expect(loadConfig({ ...base, DATABASE_PREPARED_STATEMENTS: 'true' }).databasePreparedStatements).toBe(
      true,
    );
    expect(loadConfig({ ...base, DATABASE_PREPARED_STATEMENTS: 'false' }).databasePreparedStatements).toBe(
      false,
    );
  });

  it('refuses at boot what is neither true nor false', () => {
    for (const wrong of ['no', '0', 'FALSE'])
      expect(() => loadConfig({ ...base, DATABASE_PREPARED_STATEMENTS: wrong })).toThrow(ConfigError);
  });
});
