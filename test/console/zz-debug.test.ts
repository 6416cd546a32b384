import type { Browser } from 'playwright-core'
import { launchBrowser, logInAs, newPage, startConsoleApp, type ConsoleApp } from './harness.js'
describe('debug', () => {
  let app: ConsoleApp; let browser: Browser
  before(async function () { browser = await launchBrowser(this); app = await startConsoleApp() })
  after(async () => { await browser?.close(); await app?.close() })
  it('shows', async () => {
    const page = await newPage(browser, app)
    page.on('console', (m) => console.log('CONSOLE', m.type(), m.text()))
    await logInAs(page, app.login((l) => l.role === 'organizer'), process.env.PATHX ?? '/meetings')
    await page.waitForTimeout(3000)
    console.log(page.url(), (await page.locator('body').innerText()).slice(0, 1500), page.problems)
    await page.screenshot({ path: '/tmp/conb/shot.png', fullPage: true })
  })
})
