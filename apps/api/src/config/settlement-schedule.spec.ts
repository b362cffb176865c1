import { ConfigError, loadConfig } from './app-config';

const base = { NODE_ENV: 'test', AUTH_JWT_SECRET: 'x'.repeat(32), DATA_DIR: '' };

describe('SETTLEMENT_SCHEDULE', () => {
  it('is off unless set to a cron expression', () => {
    expect(loadConfig(base).settlementSchedule).toBeUndefined();
    expect(loadConfig({ ...base, SETTLEMENT_SCHEDULE: '' }).settlementSchedule).toBeUndefined();
    expect(loadConfig({ ...base, SETTLEMENT_SCHEDULE: 'off' }).settlementSchedule).toBeUndefined();
    expect(loadConfig({ ...base, SETTLEMENT_SCHEDULE: '0 6 1 * *' }).settlementSchedule).toBe('0 6 1 * *');
  });

  it('refuses at boot what is not a cron expression', () => {
    for (const wrong of ['monthly', '61 6 1 * *', '0 6 1'])
      expect(() => loadConfig({ ...base, SETTLEMENT_SCHEDULE: wrong })).toThrow(ConfigError);
  });
});
