// The mini-program's own mocha process: jsdom loads here and must never load in the backend's.
module.exports = {
  // ~520 page stories in one process: each keeps jsdom and simulate state that V8 frees late, past the default ~4 GB heap.
  'node-option': ['import=tsx', 'max-old-space-size=8192'],
  spec: ['test-mp/**/*.test.ts'],
  recursive: true,
  timeout: 30000,
  exit: true,
  require: ['test-mp/setup.mjs'],
  reporter: 'test/summary-reporter.cjs',
}
