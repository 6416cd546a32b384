import { expect } from 'chai'
import { Client } from '../helpers/app.js'
import { clerkZhang } from './clerk-inbox.js'
import { logInAs, newPage, useConsole, type ConsoleApp, type ConsolePage, type DemoLogin } from './harness.js'

/** What the console says wherever a session that was open has ended (SESSION_ENDED in admin/src/api.ts). */
const SESSION_ENDED = '登录已超时，请重新登录'

/** The office's administrator signs her out on every computer (强制下线), as the staff page does. */
async function signedOutEverywhere(app: ConsoleApp, who: DemoLogin) {
  const admin = app.login((l) => l.role === 'admin')
  const office = await new Client(app.baseUrl).login(admin.username, admin.password)
  const found = await office.get<{ items: Array<{ id: string; username: string }> }>(`/api/admin/staff?q=${encodeURIComponent(who.username)}`)
  const id = found.body.items.find((s) => s.username === who.username)!.id
  const ended = await office.post<{ ended: number }>(`/api/admin/staff/${id}/sessions/end`)
  expect(ended.status).to.equal(200)
  expect(ended.body.ended, 'her open console was signed out').to.be.at.least(1)
}

/**
 * Her page's own reads are answered: the session ends between two of her clicks, not under a read the page
 * started by itself (that one would take her to the login page before the click).
 */
async function settled(page: ConsolePage) {
  await page.waitForLoadState('networkidle')
}

/**
 * Her click after the session ended. On a loaded machine her page may ask the server on its own first (a refresh
 * it started) and meet the ended session before the click lands: the same login page, told once, only with the page
 * she was on as the way back. Either is what she sees; the answer is where the login page sends her back to.
 */
async function clickOnceOut(page: ConsolePage, click: () => Promise<void>): Promise<string> {
  await Promise.race([click().catch(() => undefined), page.waitForURL((url) => url.pathname === '/console/login')])
  await page.waitForURL((url) => url.pathname === '/console/login')
  const next = new URL(page.url()).searchParams.get('next') ?? ''
  return next.split('?')[0]
}

/**
 * She is on the login page, told once (no toast beside the page's own words), and signs in again: back on the
 * page she was on. Nothing went wrong inside the page meanwhile (no uncaught failure).
 */
async function toldOnceAndBack(page: ConsolePage, who: DemoLogin, from: string) {
  await page.waitForURL((url) => url.pathname === '/console/login' && (url.searchParams.get('next') ?? '').startsWith(from))
  await page.locator('.session-ended').getByText(SESSION_ENDED).waitFor()
  expect(await page.getByText(SESSION_ENDED).count(), `${SESSION_ENDED}, once`).to.equal(1)
  await page.getByPlaceholder('请输入账号').fill(who.username)
  await page.getByPlaceholder('请输入密码').fill(who.password)
  await page.getByRole('button', { name: '登录' }).click()
  await page.waitForURL((url) => url.pathname.startsWith(`/console${from.split('?')[0]}`))
  expect(page.problems, 'nothing uncaught in the page').to.deep.equal([])
}

/**
 * An administrator signs a clerk out everywhere (强制下线) while her console is open on the page she starts on.
 * Her next click that asks the server takes her to the login page, which says 登录已超时 once: no second toast
 * of the same words, no failure left uncaught in the page (a half-loaded page behind her, an error in the log).
 */
describe('console: a session ended elsewhere, met by the next click', function () {
  // A real browser on a shared machine: each story gets three minutes (it usually needs under a minute).
  this.timeout(180_000)
  const story = useConsole()

  it('张国华 on her inbox: a change of order, then 代表与值班 from the menu, each lead to the login page once', async () => {
    const clerk = clerkZhang(story.app)
    const page = await newPage(story.browser, story.app)
    await logInAs(page, clerk)
    await page.getByRole('heading', { name: '留言办理' }).waitFor()
    await settled(page)

    await signedOutEverywhere(story.app, clerk)
    await toldOnceAndBack(page, clerk, await clickOnceOut(page, () => page.getByText('最先到期在前').click()))

    await page.getByRole('heading', { name: '留言办理' }).waitFor()
    await settled(page)
    await signedOutEverywhere(story.app, clerk)
    const toDeputies = await clickOnceOut(page, () => page.locator('.t-menu').getByText('代表与值班', { exact: true }).click())
    expect(['/deputies', '/cases']).to.include(toDeputies)
    await toldOnceAndBack(page, clerk, toDeputies)
  })

  it('an organizer on 工作概览: a figure, then 会议活动 from the menu, each lead to the login page once', async () => {
    const organizer = story.app.login((l) => l.role === 'organizer')
    const page = await newPage(story.browser, story.app)
    await logInAs(page, organizer)
    await page.waitForURL((url) => url.pathname === '/console/dashboard')
    const figure = page.locator('a.figure').first()
    await figure.waitFor()
    await settled(page)

    await signedOutEverywhere(story.app, organizer)
    const fromFigure = await clickOnceOut(page, () => figure.click())
    expect(['/cases', '/dashboard']).to.include(fromFigure)
    await toldOnceAndBack(page, organizer, fromFigure)

    await page.getByRole('heading', { name: '留言办理' }).waitFor()
    await settled(page)
    await signedOutEverywhere(story.app, organizer)
    const toMeetings = await clickOnceOut(page, () => page.locator('.t-menu').getByText('会议活动', { exact: true }).click())
    expect(['/meetings', '/cases', '/dashboard']).to.include(toMeetings)
    await toldOnceAndBack(page, organizer, toMeetings)
  })
})
