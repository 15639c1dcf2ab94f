/** Tests run the TypeScript sources directly (ts-jest); the CLI tests run the compiled bin. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  // LibreOffice and Chromium run in many tests: on a loaded 2-core machine one took over 60 s
  testTimeout: 300_000,
  setupFiles: ['<rootDir>/tests/aides/environnement.ts'],
};
