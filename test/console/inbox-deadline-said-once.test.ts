import { expect } from 'chai'
import { addDays, startOfLocalDate } from '../../src/domain/local-days.js'
import { localDate } from '../../src/domain/dates.js'
import { asDeputy, asResident } from '../helpers/app.js'
import { logInAs, newPage, screenshot, useConsole } from './harness.js'

const ZONE = 'Asia/Shanghai'
const HOUR = 3_600_000

/**
 * 张国华, clerk of 建设路街道代表联络站, reads her list. A message that came in this morning said "明天到期" in the 期限
 * column and, under its words, "受理期限 …（明天） · 答复期限 …": the same fact twice on one line. It says it once, on
 * the line that names the deadline and its date, as the message's page does; a tag that says more than the line
 * ("还有 15 天") stays.
 */
describe('console: a line of the inbox says how near its deadline is once', function () {
  this.timeout(180_000)
  const story = useConsole()
  const clerk = () => story.app.login((l) => l.username === 'zhangguohua')

  /** 10:00 on a working day followed by another, ahead of the clock: a message written then is to be acknowledged 明天. */
  async function workingDayBeforeAnother() {
    const calendar = await story.app.liaison.services.calendar.current()
    let day = addDays(localDate(story.app.clock.now(), ZONE), 1)
    while (!calendar.isWorkingDay(day) || !calendar.isWorkingDay(addDays(day, 1))) day = addDays(day, 1)
    story.app.clock.set(new Date(startOfLocalDate(day, ZONE).getTime() + 10 * HOUR))
  }
  async function write(text: string) {
    const sent = await (await asResident(story.app)).post('/api/mp/cases', { text, regionId: 'c010101' }) // 光明社区
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    return sent.body as { id: string; ticket: string }
  }

  it('says （明天） beside 受理期限 and no 明天到期 tag; a tag saying more stays', async () => {
    await workingDayBeforeAnother()
    const waiting = await write('光明社区7号楼的楼道灯坏了，晚上上楼看不见')
    const taken = await write('光明社区门口的井盖松了，车一过就响')
    const held = await story.app.liaison.store.cases.get(taken.id)
    expect((await (await asDeputy(story.app, held!.deputyId!)).post(`/api/mp/deputy/cases/${taken.id}/acknowledge`, {})).status).to.equal(200)

    const page = await newPage(story.browser, story.app, { timezoneId: ZONE })
    await logInAs(page, clerk(), '/cases')
    const line = page.getByRole('row').filter({ hasText: waiting.ticket })
    expect(await line.getByTestId('deadlines').innerText()).to.match(/^受理期限 \d{1,2}月\d{1,2}日 \d{2}:\d{2}（明天） · 答复期限 \d{1,2}月\d{1,2}日$/)
    expect(await line.getByText('明天到期').count(), 'said once, not twice').to.equal(0)
    await screenshot(page, 'inbox-deadline-said-once')

    // Acknowledged: the answer is due in weeks, and the tag says how many days, which the line does not.
    const other = page.getByRole('row').filter({ hasText: taken.ticket })
    expect(await other.getByTestId('deadlines').innerText()).to.match(/^答复期限 \d{1,2}月\d{1,2}日$/)
    expect(await other.getByTestId('sla').innerText()).to.match(/^还有 \d+ 天$/)
    expect(page.problems).to.deep.equal([])
  })
})
