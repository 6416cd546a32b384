// The spec reporter, plus one plain closing line ("N passed, N failed, N skipped") that CI reads.
// Just before it, one "failed: <test> — <first line of the error>" line per failure: CI shows only
// the tail of the output, and scripts/test-all.mjs repeats these lines at the very end.
const { reporters } = require('mocha')

class SpecWithSummary extends reporters.Spec {
  constructor(runner, options) {
    super(runner, options)
    const failed = []
    runner.on('fail', (test, err) => {
      const first = String(err?.message ?? err)
        .split('\n')[0]
        .slice(0, 300)
      failed.push(`failed: ${test.fullTitle()} — ${first}`)
    })
    runner.once('end', () => {
      const { passes, failures, pending } = this.stats
      for (const line of failed) process.stdout.write(`${line}\n`)
      process.stdout.write(`${passes} passed, ${failures} failed, ${pending} skipped\n`)
    })
  }
}

module.exports = SpecWithSummary
