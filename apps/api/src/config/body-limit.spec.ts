import { ConfigError, loadConfig } from './app-config';

const base = { NODE_ENV: 'test', AUTH_JWT_SECRET: 'x'.repeat(32), DATA_DIR: '' };

describe('BODY_LIMIT', () => {
  it('is 100 kB unless set, in units or in bytes', () => {
    expect(loadConfig(base).bodyLimitBytes).toBe(100 * 1024);
    expect(loadConfig({ ...base, BODY_LIMIT: '1mb' }).bodyLimitBytes).toBe(1024 * 1024);
    expect(loadConfig({ ...base, BODY_LIMIT: '5000' }).bodyLimitBytes).toBe(5000);
  });

  it('refuses at boot what is not a size', () => {
    for (const wrong of ['a lot', '-1kb', '0'])
      expect(() => loadConfig({ ...base, BODY_LIMIT: wrong })).toThrow(ConfigError);
  });
});
