// Tests run as native ES modules (like the app on Node 24), transformed by SWC.
// SWC does no type checking; `npm run typecheck` does that, and `npm test` runs both.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      target: 'es2023',
      transform: { react: { runtime: 'automatic' } },
    },
    module: { type: 'es6' },
  },
];

const common = {
  rootDir: '.',
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': swc },
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
};

export default {
  // Most tests wait on sockets, timers and Chromium rather than the CPU, so two files at a time
  // halve the run on a two-core machine without crowding it.
  maxWorkers: 2,
  // A browser journey under a loaded two-core run can take longer than Jest's 5 s default. Jest
  // reads testTimeout only here, not per project, so it bounds every test; it only bounds a hang,
  // it measures nothing.
  testTimeout: 30_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/tests/integration/**/*.test.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'] },
    { ...common, displayName: 'security', testMatch: ['<rootDir>/tests/security/**/*.test.ts'] },
  ],
};
