import { expect } from 'chai'
import { demoDirectory } from '../../src/demo/demo-city.js'
import { startOfLocalDay } from '../../src/domain/local-days.js'
import { asResident, Client } from '../helpers/app.js'
import { logInAs, newPage, screenshot, useConsole, type ConsolePage } from './harness.js'

const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE

/**
 * 催办 is once a business day. An organizer urges a deputy late in the evening and leaves the
 * message's page open overnight: after midnight the page offers 催办 again without being reloaded,
 * whether she comes back to the window (the tab is shown again) or the page was left in front.
 */
describe('console: 催办 again the next day on a page left open', function () {
  this.timeout(180_000)
  const story = useConsole()
  const deputy = demoDirectory().deputies![0]
  let organizer: { username: string; password: string; name: string }

  /** Tonight at 23:40 business time, a day or more ahead of the clock so that it only moves forward. */
  function lateEvening() {
    const { clock, liaison } = story.app
    const dayAfterTomorrow = startOfLocalDay(new Date(clock.now().getTime() + 2 * DAY), liaison.config.business.timeZone)
    clock.set(new Date(dayAfterTomorrow.getTime() - 20 * MINUTE))
  }
  async function submit(text: string) {
    const sent = await (await asResident(story.app)).post('/api/mp/cases', { text, deputyCode: deputy.code })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    return sent.body as { id: string; ticket: string }
  }
  const urgedLine = (page: ConsolePage, name: string) => page.getByText(new RegExp(`^今天 (?:1?\\d|2[0-3]):\\d{2} 已由${name}催办，明天可再次催办$`))
  const urgeButton = (page: ConsolePage) => page.getByRole('button', { name: '催办', exact: true })
  const urges = async (caseId: string) =>
    (await story.app.liaison.store.outbox.search({ limit: 20, kind: 'case.urged' })).items.filter((m) => m.payload.caseId === caseId).length

  before(async () => {
    // The first organizer who may act on a message to this deputy.
    const probe = await submit('试一下谁能看到')
    for (const login of story.app.logins.filter((l) => l.role === 'organizer')) {
      const client = await new Client(story.app.baseUrl).login(login.username, login.password)
      if ((await client.get(`/api/admin/cases/${probe.id}`)).status === 200) organizer = login
      if (organizer) break
    }
    expect(organizer, 'an organizer who may act on it').not.to.equal(undefined)
  })

  it('she urges at 23:40, comes back to the window after midnight, and may urge again', async () => {
    lateEvening()
    const { id, ticket } = await submit('小区南门的路灯坏了，晚上出门看不清路')
    const page = await newPage(story.browser, story.app)
    await logInAs(page, organizer)
    await page.goto(`/console/cases/${id}`)
    await page.getByRole('heading', { name: `留言 ${ticket}` }).waitFor()
    await urgeButton(page).click()
    await page.getByRole('button', { name: '确认催办' }).click()
    await page.getByText('已催办，记在办理经过里；代表收不到提醒').waitFor()
    await urgedLine(page, organizer.name).waitFor()
    expect(await urgeButton(page).count(), 'urged once today').to.equal(0)
    // The dialog and the notice gone, as she leaves the page for the night.
    await page.getByRole('button', { name: '确认催办' }).waitFor({ state: 'hidden' })
    await page.locator('.t-message').waitFor({ state: 'detached' })

    // Half an hour later the business day has turned; she comes back to the browser tab.
    story.app.clock.advance(30 * MINUTE)
    await page.evaluate(() => {
      document.dispatchEvent(new Event('visibilitychange'))
      window.dispatchEvent(new Event('focus'))
    })
    await urgeButton(page).waitFor()
    expect(await urgedLine(page, organizer.name).count(), "yesterday's line is gone").to.equal(0)
    await screenshot(page, 'case-urge-next-day')

    await urgeButton(page).click()
    await page.getByRole('button', { name: '确认催办' }).click()
    await page.getByText('已催办，记在办理经过里；代表收不到提醒').waitFor()
    await urgedLine(page, organizer.name).waitFor()
    expect(await urges(id), 'once each day').to.equal(2)
    expect(page.problems).to.deep.equal([])
  })

  it('a page left in front offers 催办 again on its own once midnight has passed', async () => {
    lateEvening()
    const { id, ticket } = await submit('楼道里的消防栓没有水，存在安全隐患')
    const page = await newPage(story.browser, story.app)
    // This PC's clock agrees with the server's (and is moved with it below).
    await page.clock.install({ time: story.app.clock.now().getTime() })
    await logInAs(page, organizer)
    await page.goto(`/console/cases/${id}`)
    await page.getByRole('heading', { name: `留言 ${ticket}` }).waitFor()
    await urgeButton(page).click()
    await page.getByRole('button', { name: '确认催办' }).click()
    await urgedLine(page, organizer.name).waitFor()

    // Nobody touches the page; the night passes.
    story.app.clock.advance(30 * MINUTE)
    await page.clock.fastForward(30 * MINUTE)
    await urgeButton(page).waitFor()
    expect(await urgedLine(page, organizer.name).count()).to.equal(0)
    expect(await urges(id)).to.equal(1)
    expect(page.problems).to.deep.equal([])
  })
})
