import { ChildProcess, execFileSync } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core'
import { startApp, type TestApp } from '../helpers/app.js'
import { demoDirectory } from '../../src/demo/demo-city.js'
import { seedDemo } from '../../src/services/bootstrap.js'
import { localDate } from '../../src/domain/dates.js'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
export const SCREENSHOTS = `${ROOT}test-output/console`
const CHROMIUM = '/usr/bin/chromium'

/** A build on a busy machine can take a minute or two. */
export const BUILD_TIMEOUT_MS = 240_000

let built = false
/** The console as `npm start` would serve it: built now if admin/ changed since the last build. */
export function ensureConsoleBuilt() {
  if (built) return
  execFileSync(process.execPath, ['scripts/build-console.mjs', '--if-stale'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] })
  built = true
}

export interface DemoLogin {
  username: string
  name: string
  role: string
  password: string
}

export interface ConsoleApp extends TestApp {
  logins: DemoLogin[]
  /** The first demo login of a role, or the one matching a test. */
  login(match: (l: DemoLogin) => boolean): DemoLogin
}

/** What a story may change about its backend: settings over config/test.json (e.g. another business time zone). */
export interface ConsoleAppOptions {
  overrides?: Record<string, unknown>
}

/** The real backend on an ephemeral port with the demo city seeded exactly as `npm start` seeds it. */
export async function startConsoleApp(options: ConsoleAppOptions = {}): Promise<ConsoleApp> {
  ensureConsoleBuilt()
  const app = await startApp({ overrides: options.overrides })
  const { store, services, config } = app.liaison
  const logins = (await seedDemo(store, services.importer, demoDirectory({ today: localDate(app.clock.now(), config.business.timeZone) }))) ?? []
  return Object.assign(app, {
    logins,
    login(match: (l: DemoLogin) => boolean) {
      const found = logins.find(match)
      if (!found) throw new Error('no such demo login')
      return found
    },
  })
}

/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser). Without it the
 * browser stories are skipped, saying why, except in CI where they must run.
 */
export async function launchBrowser(ctx: Mocha.Context): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    const why = `Chromium is not installed at ${CHROMIUM}: apt-get install -y --no-install-recommends chromium fonts-wqy-microhei`
    if (process.env.CI === 'true') throw new Error(why)
    console.warn(`  (console browser stories skipped) ${why}`)
    ctx.skip()
  }
  const running = chromiumProcesses()
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
  const started = [...chromiumProcesses()].find((p) => !running.has(p))
  ends.set(
    browser,
    new Promise((resolve) => {
      if (started) started.once('exit', (code, signal) => resolve(howItEnded(code, signal)))
      else browser.once('disconnected', () => resolve('lost its connection (how its process ended is not known)'))
    }),
  )
  return browser
}

/**
 * The Chromium processes this test process has started and not yet seen end. Playwright does not hand
 * out the process of a browser it launched, and Node lists the child processes it waits for only through
 * the undocumented `process._getActiveHandles`: without it, a lost browser is said to be lost, not how.
 */
function chromiumProcesses(): Set<ChildProcess> {
  const handles = (process as unknown as { _getActiveHandles?: () => unknown[] })._getActiveHandles?.() ?? []
  return new Set(handles.filter((h): h is ChildProcess => h instanceof ChildProcess && h.spawnfile === CHROMIUM))
}

/** How each launched Chromium's process ended, once it has. */
const ends = new WeakMap<Browser, Promise<string>>()

function howItEnded(code: number | null, signal: NodeJS.Signals | null): string {
  if (signal === 'SIGKILL') return 'was killed (SIGKILL: a kill -9 by another process, or the out-of-memory killer)'
  if (signal) return `crashed (${signal})`
  // Chromium exits with 0 on SIGTERM, SIGHUP and SIGINT; Playwright closes it when this process gets SIGTERM or SIGHUP.
  if (code === 0) return 'was stopped (exit code 0: a SIGTERM, SIGHUP or SIGINT, e.g. a pkill by name, or this test process got SIGTERM or SIGHUP)'
  return `exited by itself with code ${code}`
}

/**
 * Why `browser` is gone, in words, when it went without this harness closing it; null while it is
 * connected. Waits a little for the process's end, which Node may learn just after the connection closed.
 */
async function lostBrowser(browser: Browser): Promise<string | null> {
  if (browser.isConnected()) return null
  const unseen = new Promise<string>((resolve) =>
    setTimeout(() => resolve('lost its connection, and its process had not ended 5 seconds later'), 5_000).unref(),
  )
  return `Chromium ${await Promise.race([ends.get(browser) ?? unseen, unseen])}`
}

/** A tab that remembers script errors and CSP refusals, which every story expects to be none. */
export type ConsolePage = Page & { problems: string[] }

/**
 * A fresh browser tab (its own cookies) at the console's size on an office screen; `timezoneId` sets
 * the PC's own time zone (the browser's default when not given).
 */
export async function newPage(browser: Browser, app: TestApp, options: { acceptDownloads?: boolean; timezoneId?: string } = {}): Promise<ConsolePage> {
  const context = await browser.newContext({
    baseURL: app.baseUrl,
    viewport: { width: 1366, height: 860 },
    locale: 'zh-CN',
    acceptDownloads: options.acceptDownloads ?? false,
    ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
  })
  openedInTest?.add(context)
  const page = await context.newPage()
  // Generous: on a loaded two-core machine a step of a real browser can take many seconds.
  page.setDefaultTimeout(30_000)
  const problems: string[] = []
  page.on('pageerror', (err) => problems.push(err.message))
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy/.test(msg.text())) problems.push(msg.text())
  })
  return Object.assign(page, { problems })
}

/** Log in through the login page, as a person would. */
export async function logInAs(page: Page, login: { username: string; password: string }, next = '') {
  await page.goto(`/console/login${next ? `?next=${encodeURIComponent(next)}` : ''}`)
  await page.getByPlaceholder('请输入账号').fill(login.username)
  await page.getByPlaceholder('请输入密码').fill(login.password)
  await page.getByRole('button', { name: '登录' }).click()
  await page
    .waitForURL((url) => !url.pathname.endsWith('/login'))
    .catch(async (err: Error) => {
      // Say what the login page showed: a refusal in words, or nothing (the click was not taken).
      const shown = await page
        .locator('form, .t-alert, .t-message')
        .allInnerTexts()
        .catch(() => [])
      throw new Error(`${login.username} stayed on the login page, which shows: ${JSON.stringify(shown.join(' | ').slice(0, 300))}\n${err.message}`)
    })
}

/**
 * The texts of the open select's options once `ready` holds for them: a popup draws its options over a few
 * frames on a busy machine (and one closed just before fades out over a few), so read at once it gave [],
 * half a list or another list's. After thirty seconds, a step's timeout, what is drawn then.
 */
export async function shownOptions(page: Page, ready: (texts: string[]) => boolean): Promise<string[]> {
  const options = page.locator('.t-select-option').filter({ visible: true })
  const deadline = Date.now() + 30_000
  for (;;) {
    const texts = await options.allInnerTexts()
    if (ready(texts) || Date.now() > deadline) return texts
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/**
 * The words of the open dropdown once they are `expected` (a popup draws over a few frames on a busy
 * machine), or those it shows after thirty seconds, a step's timeout: a failed story then shows what was said.
 */
export async function dropdownSays(page: Page, expected: string): Promise<string> {
  const shown = page.locator('.t-popup').filter({ visible: true }).last()
  const deadline = Date.now() + 30_000
  for (;;) {
    const said = (await shown.count()) ? (await shown.innerText()).trim() : ''
    if (said === expected || Date.now() > deadline) return said
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/**
 * Waits until the open dialog stands whole: TDesign zooms and fades it in, and a picture taken meanwhile shows
 * it small and half see-through over the page. Whole: Vue has taken off its entering classes, nothing in it
 * still moves, and it is fully opaque. A wait on that state, never on a timer.
 */
export async function dialogShown(page: Page) {
  await page.waitForFunction(() => {
    const ctx = [...document.querySelectorAll<HTMLElement>('.t-dialog__ctx')].find((c) => c.style.display !== 'none')
    const dialog = ctx?.querySelector<HTMLElement>('.t-dialog')
    return (
      !!ctx &&
      !!dialog &&
      ![...ctx.classList, ...dialog.classList].some((c) => c.includes('-enter')) &&
      ctx.getAnimations({ subtree: true }).every((a) => a.playState === 'finished') &&
      getComputedStyle(dialog).opacity === '1'
    )
  })
}

/**
 * Waits until no dialog is open nor fading out: TDesign keeps a closed dialog shown while its veil fades, and a
 * picture taken then shows the page greyed. A dialog whose button was renamed on closing (分派 becomes 改派) is
 * waited for too, which a wait on the button alone is not.
 */
export async function dialogsClosed(page: Page) {
  await page.locator('.t-dialog__ctx').filter({ visible: true }).first().waitFor({ state: 'detached' })
}

/** What a date-time field shows for "2026-12-07 09:30": "2026-12-07 9:30", the hour as people say it ('' stays ''). */
export function dateTimeShown(text: string): string {
  const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}):(\d{2})$/.exec(text)
  return m ? `${m[1]} ${Number(m[2])}:${m[3]}` : text
}

/** The day a date-time field shows ("2026-12-07 9:30"): "2026-12-07". */
export function dayOfShown(shown: string): string {
  const m = /^\d{4}-\d{2}-\d{2}/.exec(shown)
  if (!m) throw new Error(`not a date-time field's words: ${JSON.stringify(shown)}`)
  return m[0]
}

/**
 * Types a date and time into a console date-time field (TDesign's picker) as a clerk does: clicks it,
 * writes "2026-12-07 09:30" (or deletes what is there, for ''), and presses Enter; then waits until
 * the field shows it (as 2026-12-07 9:30, dateTimeShown) and its calendar has closed.
 */
export async function typeDateTime(field: Locator, text: string) {
  const panel = field.page().locator('.t-date-picker__panel').filter({ visible: true }).first()
  for (let attempt = 1; ; attempt++) {
    // As a clerk: the calendar is open before she types. Typed into a field whose calendar was still
    // opening, the picker wrote its old value back over the text on a busy CI machine.
    await field.click()
    await panel.waitFor()
    await field.fill(text)
    await field.press('Enter')
    // A step's timeout in all: the field is redrawn over a few frames on a busy machine.
    const deadline = Date.now() + 15_000
    const want = dateTimeShown(text)
    let shown = await field.inputValue()
    while (shown !== want && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      shown = await field.inputValue()
    }
    if (shown === want) break
    if (attempt === 2)
      throw new Error(`the date-time field shows ${JSON.stringify(shown)}, not ${JSON.stringify(want)} for the ${JSON.stringify(text)} typed (twice)`)
  }
  // Its calendar fades out over a few frames: gone before the next field's opens.
  await panel.waitFor({ state: 'hidden' })
}

/**
 * Saves what the page shows now under test-output/console/<name>.png (looked at by people, not compared).
 * `window`: only the browser window, as she sees an open dialog: the whole page's picture leaves the part of
 * the page under the window's edge uncovered by the dialog's grey veil, which she never sees.
 */
export async function screenshot(page: Page, name: string, { window = false } = {}) {
  mkdirSync(SCREENSHOTS, { recursive: true })
  // Transitions run to their end first: a picture taken just after a menu click caught the item left behind still
  // fading out of its blue (0.28s), and two items looked marked; a person never sees that moment as a state.
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: !window, animations: 'disabled' })
}

/** A story's console and browser: the app with the demo city and one Chromium, for every test of the `describe`. */
export interface ConsoleStory {
  readonly app: ConsoleApp
  readonly browser: Browser
}

/**
 * The tabs opened by the test that runs now (and its beforeEach), closed after it: a tab left open
 * keeps its page polling the backend, and a story's later tests ran slower for every one.
 */
let openedInTest: Set<BrowserContext> | null = null

/** Registers the hooks that start the console (built first when admin/ changed) and Chromium, and close both after. */
export function useConsole(options: ConsoleAppOptions = {}): ConsoleStory {
  const story = {} as { app: ConsoleApp; browser: Browser }
  before(async function () {
    this.timeout(BUILD_TIMEOUT_MS)
    story.browser = await launchBrowser(this)
    story.app = await startConsoleApp(options)
  })
  beforeEach(async function () {
    openedInTest = new Set()
    // A Chromium that went away (killed or crashed, as once in CI) would fail every later test of the
    // story with "Target page, context or browser has been closed": the next test gets a new one.
    const lost = story.browser && (await lostBrowser(story.browser))
    if (lost) {
      console.warn(`    (${lost}; a new Chromium is started for "${this.currentTest?.title}")`)
      story.browser = await launchBrowser(this)
    }
    if (this.currentTest) sayWhenBrowserIsLost(this.currentTest, () => story.browser)
  })
  afterEach(async () => {
    const opened = [...(openedInTest ?? [])]
    openedInTest = null
    await Promise.all(opened.map((context) => context.close().catch(() => {})))
  })
  after(async () => {
    await story.browser?.close()
    await story.app?.close()
  })
  return story
}

const EXPLAINED = Symbol('says when Chromium is lost')

/**
 * Makes a test that fails because its Chromium went away say so first, and how it ended: Playwright's
 * own words ("Target page, context or browser has been closed") read as if the test had closed a tab.
 */
function sayWhenBrowserIsLost(test: Mocha.Test, browserOf: () => Browser) {
  const run = test.fn as (((this: Mocha.Context) => unknown) & { [EXPLAINED]?: true }) | undefined
  // A test taking `done` keeps its function as written (mocha tells the two kinds apart by its arity).
  if (!run || run.length > 0 || run[EXPLAINED]) return
  const explained = async function (this: Mocha.Context) {
    const browser = browserOf()
    try {
      return await run.call(this)
    } catch (err) {
      const lost = await lostBrowser(browser)
      if (lost && err instanceof Error) {
        const said = `${lost} during this test, which did not close it; the next test gets a new Chromium.\n${err.message}`
        err.stack = err.stack?.replace(err.message, said)
        err.message = said
      }
      throw err
    }
  }
  test.fn = Object.assign(explained, { [EXPLAINED]: true as const })
}
