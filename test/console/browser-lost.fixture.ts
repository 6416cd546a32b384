import { readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'
import { logInAs, newPage, useConsole } from './harness.js'

/**
 * Run by browser-lost.test.ts in a mocha of its own (its first test is meant to fail): Chromium is
 * killed from outside in the middle of a login, as happened once to a story in CI.
 */
describe('a story whose Chromium is killed under it', function () {
  this.timeout(120_000)
  const story = useConsole()

  /** The Chromium this mocha started (its children, the renderers, belong to Chromium, not to us). */
  function ourChromium(): number {
    for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
        // "pid (comm) state ppid ...": the name may hold spaces, so read after its closing parenthesis.
        const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
        if (ppid === process.pid && comm.startsWith('chromium')) return Number(pid)
      } catch {
        // the process ended while we looked
      }
    }
    throw new Error('no Chromium started by this process')
  }

  it('an admin opens the login page, and Chromium is killed before she types', async () => {
    const page = await newPage(story.browser, story.app)
    await page.goto('/console/login')
    const chromium = ourChromium()
    // A killed Chromium leaves its single-instance socket's folder in /tmp: remove it, as Chromium would have.
    const profile = readFileSync(`/proc/${chromium}/cmdline`, 'utf8')
      .split('\0')
      .find((arg) => arg.startsWith('--user-data-dir='))!
      .slice('--user-data-dir='.length)
    const singleton = dirname(readlinkSync(`${profile}/SingletonSocket`))
    process.kill(chromium, 'SIGKILL')
    rmSync(singleton, { recursive: true, force: true })
    await page.getByPlaceholder('请输入账号').fill('admin')
  })

  it('the next test logs in as usual', async () => {
    const page = await newPage(story.browser, story.app)
    await logInAs(
      page,
      story.app.login((l) => l.role === 'admin'),
    )
    await page.locator('.t-menu').getByText('承办单位', { exact: true }).waitFor()
  })
})
