import { expect } from 'chai'
import type { Page } from 'playwright-core'
import { addDays, startOfLocalDate } from '../../src/domain/local-days.js'
import { localDate } from '../../src/domain/dates.js'
import { asDeputy, asResident } from '../helpers/app.js'
import { logInAs, newPage, screenshot, useConsole } from './harness.js'

const STAFF = { kind: 'staff' as const, id: 'admin', name: '管理员', username: 'admin', role: 'admin' as const, stationIds: [], regionIds: [], unitIds: [] }
const HOUR = 3_600_000

/**
 * 张国华, clerk of 建设路街道代表联络站, opens a message that came in this morning. Its page said "明天到期" at the top
 * and, under it, "受理期限 …（明天） · 答复期限 …": the same fact twice. It says it once, on the line that names the
 * deadline and its date; the badge stays where it says what the line does not ("还有 15 天").
 */
describe('console: a message’s page says how near its deadline is once', function () {
  this.timeout(180_000)
  const story = useConsole()
  const clerk = () => story.app.login((l) => l.username === 'zhangguohua')

  /** 10:00 on a working day followed by another, ahead of the clock: a message written then is to be acknowledged 明天. */
  async function workingDayBeforeAnother() {
    const zone = story.app.liaison.config.business.timeZone
    const calendar = await story.app.liaison.services.calendar.current()
    let day = addDays(localDate(story.app.clock.now(), zone), 1)
    while (!calendar.isWorkingDay(day) || !calendar.isWorkingDay(addDays(day, 1))) day = addDays(day, 1)
    story.app.clock.set(new Date(startOfLocalDate(day, zone).getTime() + 10 * HOUR))
  }
  async function write(text: string) {
    const sent = await (await asResident(story.app)).post('/api/mp/cases', { text, regionId: 'c010101' }) // 光明社区
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    const { id, ticket } = sent.body as { id: string; ticket: string }
    const { case: held } = await story.app.liaison.services.caseQueries.forStaff(STAFF, id)
    return { id, ticket, deputyId: held.deputyId! }
  }
  async function open(page: Page, c: { id: string; ticket: string }) {
    await page.goto(`/console/cases/${c.id}`)
    await page.getByRole('heading', { name: `留言 ${c.ticket}` }).waitFor()
  }

  it('says （明天） beside 受理期限 and no 明天到期 badge; a badge saying more stays', async () => {
    await workingDayBeforeAnother()
    const c = await write('光明社区7号楼的楼道灯坏了，晚上上楼看不见')
    const page = await newPage(story.browser, story.app, { timezoneId: 'Asia/Shanghai' })
    await logInAs(page, clerk(), `/cases/${c.id}`)
    await page.getByRole('heading', { name: `留言 ${c.ticket}` }).waitFor()
    expect(await page.getByTestId('deadlines').innerText()).to.match(/^受理期限 \d{1,2}月\d{1,2}日 \d{2}:\d{2}（明天） · 答复期限 \d{1,2}月\d{1,2}日$/)
    expect(await page.getByText('明天到期').count(), 'said once, not twice').to.equal(0)
    await screenshot(page, 'case-deadline-said-once')

    // Acknowledged: the answer is due in weeks, and the badge says how many days, which the line does not.
    expect((await (await asDeputy(story.app, c.deputyId)).post(`/api/mp/deputy/cases/${c.id}/acknowledge`, {})).status).to.equal(200)
    await open(page, c)
    expect(await page.getByTestId('deadlines').innerText()).to.match(/^答复期限 \d{1,2}月\d{1,2}日$/)
    expect(await page.getByTestId('sla').innerText()).to.match(/^还有 \d+ 天$/)
    expect(page.problems).to.deep.equal([])
  })
})
