import { expect } from 'chai'
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { BUILD_TIMEOUT_MS } from './harness.js'

/**
 * Once in CI a story failed at its first step with only Playwright's "Target page, context or browser
 * has been closed": its Chromium had been killed from outside. Such a story now says that Chromium went
 * away and how, and its next test runs in a new Chromium instead of failing the same way.
 */
describe('console stories: a Chromium killed under a story', function () {
  it('fails that test saying Chromium was killed, and runs the next test in a new Chromium', async function () {
    // Its own mocha: a build check, the app and two Chromiums on a loaded machine.
    this.timeout(BUILD_TIMEOUT_MS)
    const mocha = createRequire(import.meta.url).resolve('mocha/bin/mocha.js')
    const args = [mocha, '--no-config', '-n', 'import=tsx', '-r', 'test/setup.ts', '--reporter', 'test/summary-reporter.cjs', '--exit']
    const child = spawn(process.execPath, [...args, 'test/console/browser-lost.fixture.ts'], { stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    const code = await new Promise((resolve) => child.on('close', resolve))

    expect(code, output).to.equal(1)
    expect(output).to.include(
      'failed: a story whose Chromium is killed under it an admin opens the login page, and Chromium is killed before she types — ' +
        'Chromium was killed (SIGKILL: a kill -9 by another process, or the out-of-memory killer) during this test, which did not close it; the next test gets a new Chromium.',
    )
    expect(output, 'Playwright’s own words still follow').to.include('Target page, context or browser has been closed')
    expect(output).to.include('a new Chromium is started for "the next test logs in as usual"')
    expect(output.trim().split('\n').at(-1)).to.equal('1 passed, 1 failed, 0 skipped')
  })
})
