// The spec reporter, plus one plain closing line ("N passed, N failed, N skipped") that CI reads.
// Just before it, one "failed: <test> — <first line of the error>" line per failure: CI shows only
// the tail of the output, and scripts/test-all.mjs repeats these lines at the very end.
const { reporters } = require('mocha')

/**
 * The first line of the error, and where to look: a browser story's "locator.click: Timeout 30000ms
 * exceeded." names neither the element it waited for nor the line of the story (CI's tail once showed
 * only that, and the failure could not be told apart from the story's other clicks).
 */
function failureLine(test, err) {
  const message = String(err?.message ?? err)
  const first = message.split('\n')[0].slice(0, 300)
  const waited = message.match(/waiting for (.+)/)?.[1]?.slice(0, 200)
  const at = String(err?.stack ?? '')
    .split('\n')
    .map((line) => line.match(/\(?((?:test|test-mp)\/[^():\s]+:\d+):\d+\)?$/)?.[1] ?? line.match(/((?:test|test-mp)\/[^():\s]+:\d+)/)?.[1])
    .find(Boolean)
  return [`failed: ${test.fullTitle()} — ${first}`, waited && `(waiting for ${waited})`, at && `at ${at}`].filter(Boolean).join(' ')
}

class SpecWithSummary extends reporters.Spec {
  constructor(runner, options) {
    super(runner, options)
    const failed = []
    runner.on('fail', (test, err) => failed.push(failureLine(test, err)))
    runner.once('end', () => {
      const { passes, failures, pending } = this.stats
      for (const line of failed) process.stdout.write(`${line}\n`)
      process.stdout.write(`${passes} passed, ${failures} failed, ${pending} skipped\n`)
    })
  }
}

module.exports = SpecWithSummary
