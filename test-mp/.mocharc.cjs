// The mini-program's own mocha process: jsdom loads here and must never load in the backend's.
module.exports = {
  'node-option': ['import=tsx'],
  spec: ['test-mp/**/*.test.ts'],
  recursive: true,
  timeout: 30000,
  exit: true,
  require: ['test-mp/setup.mjs'],
  reporter: 'test/summary-reporter.cjs',
}
