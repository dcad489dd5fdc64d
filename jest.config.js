/**
 * One Jest for every suite. @nestjs/* 12 and aedes 1.x are ESM-only, so SWC compiles
 * them to CommonJS along with our TypeScript (see README "Testing").
 */
const paths = require('./tsconfig.json').compilerOptions.paths;

const moduleNameMapper = Object.fromEntries(
  Object.entries(paths).map(([alias, [target]]) => [`^${alias}$`, `<rootDir>/${target}`]),
);

const transform = {
  '^.+\\.(t|j|mj)s$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
      },
      module: { type: 'commonjs' },
    },
  ],
};

const common = {
  moduleNameMapper,
  transform,
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|aedes|aedes-[^/]+)/)'],
  testEnvironment: 'node',
};

module.exports = {
  // Integration suites start real servers and the platform; a slow machine needs the room.
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,devices,simulators,seeds}/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      testTimeout: 60000,
    },
    {
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/apps/console/test/**/*.browser.test.ts'],
      testTimeout: 60000,
    },
  ],
};
