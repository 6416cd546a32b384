// The mini-program's own mocha process: jsdom loads here and must never load in the backend's.
module.exports = {
  // All the stories in one process, in V8's default heap: what each page keeps (its stylesheet in jsdom, miniprogram-simulate's
  // registrations) is forgotten when its story ends (closeAllPages in test-mp/harness/page.ts), or the run once passed 6 GB.
  'node-option': ['import=tsx'],
  spec: ['test-mp/**/*.test.ts'],
  recursive: true,
  timeout: 30000,
  exit: true,
  require: ['test-mp/setup.mjs'],
  reporter: 'test/summary-reporter.cjs',
}
