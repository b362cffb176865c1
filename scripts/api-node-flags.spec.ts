import { apiNodeFlags, packageScripts } from './api-node-flags';

describe("the API's Node flags", () => {
  it('are the same for npm start, npm run start:prod and the bench', () => {
    const flags = apiNodeFlags();
    expect(flags).toContain('--max-semi-space-size=64');
    const scripts = packageScripts();
    expect(scripts.start.split(/\s+/)).toEqual(['node', ...flags, 'scripts/start.js']);
    expect(scripts['start:prod'].split(/\s+/)).toEqual(['node', ...flags, 'dist/apps/api/src/main.js']);
  });

  it('are read from the command, not from what it runs', () => {
    expect(apiNodeFlags({ 'start:prod': 'node --a=1 --b dist/main.js --port=3' })).toEqual(['--a=1', '--b']);
    expect(() => apiNodeFlags({ 'start:prod': 'tsx main.ts' })).toThrow(/must run node/);
  });
});
