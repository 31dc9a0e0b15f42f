// Two projects: unit specs beside the code (no server), and e2e/integration tests under test/
// that talk to real PostgreSQL and Redis.
const esmPackages = ['kdbush', 'geokdbush', 'tinyqueue'].join('|');
const shared = {
  moduleFileExtensions: ['ts', 'js', 'json'],
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': 'ts-jest',
    [`node_modules/(${esmPackages})/.+\\.js$`]: [
      'ts-jest',
      { tsconfig: { allowJs: true, isolatedModules: true } },
    ],
  },
  transformIgnorePatterns: [`node_modules/(?!(${esmPackages})/)`],
};
module.exports = {
  // testTimeout is a global option (ignored inside a project): e2e hooks need more than the 5 s default.
  testTimeout: 60000,
  projects: [
    { ...shared, displayName: 'unit', rootDir: '.', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'e2e',
      rootDir: '.',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      setupFiles: ['<rootDir>/test/support/setup-env.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
