// Three projects: unit (pure code), integration (real PostgreSQL / PGlite), e2e (the HTTP app).
const shared = {
  // Type-checking is `npm run typecheck`'s job; tests only transpile.
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testEnvironment: 'node',
  moduleNameMapper: {
    '^@pass/(domain|event-store|vouchers|projections|messaging)$': '<rootDir>/libs/$1/src',
    '^@pass/(domain|event-store|vouchers|projections|messaging)/(.*)$': '<rootDir>/libs/$1/src/$2',
  },
};

module.exports = {
  globalSetup: '<rootDir>/test/support/global-setup.js',
  // Integration and e2e tests talk to real databases on a shared 2-core machine.
  testTimeout: 60_000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,scripts}/**/*.spec.ts'] },
    { ...shared, displayName: 'integration', testMatch: ['<rootDir>/{apps,libs,test}/**/*.int-spec.ts'] },
    { ...shared, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
  ],
};
