// Two projects: unit specs beside the code (no server), and e2e/integration tests under test/
// that talk to real PostgreSQL and Redis.
// openid-client 6 and its dependencies are ESM only (Node's require(esm) loads them in production; jest's
// module system needs them compiled). Its own jose 6 sits below it; the root jose 5 ships CommonJS.
const esmPackages = [
  'kdbush',
  'geokdbush',
  'tinyqueue',
  'openid-client',
  'oauth4webapi',
  'openid-client/node_modules/jose',
].join('|');
const notIgnored = ['kdbush', 'geokdbush', 'tinyqueue', 'openid-client', 'oauth4webapi', 'jose'].join('|');
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
  transformIgnorePatterns: [`node_modules/(?!(${notIgnored})/)`],
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
