import { expect } from 'chai'
import type { Page } from 'playwright-core'
import { asResident, Client } from '../helpers/app.js'
import { addDays } from '../../src/domain/local-days.js'
import { localDate, monthDayText } from '../../src/domain/dates.js'
import { moveOn, pickDay } from './date-picker.js'
import { dialogShown, dialogsClosed, logInAs, newPage, screenshot, useConsole } from './harness.js'
import { dayOf, nextMorning } from './morning.js'

const ZONE = 'Asia/Shanghai'

/**
 * Review 37 § 6, in the browser: 张国华 (建设路街道代表联络站) reads on each line of her list and on the message's page
 * which deadlines are running and when they end, in words, without hovering over 明天到期; and when she gives the
 * message to another deputy she picks a 要求答复日期, which the page, its timeline and the deputy then keep.
 */
describe('console: the clerk reads both deadlines and asks for an earlier answer when she gives a message on', function () {
  this.timeout(180_000)
  const story = useConsole()
  const clerk = () => story.app.login((l) => l.username === 'zhangguohua')

  /**
   * A working day earlier than the rules' she may ask for: the latest in the month on show, else the first of the next
   * (the picker opens on this month).
   */
  async function dayToAsk(latest: string): Promise<string> {
    const calendar = await story.app.liaison.services.calendar.current()
    const today = localDate(story.app.clock.now(), ZONE)
    const days: string[] = []
    for (let d = addDays(today, 1); d < latest; d = addDays(d, 1)) if (calendar.isWorkingDay(d)) days.push(d)
    const thisMonth = days.filter((d) => d.slice(0, 7) === today.slice(0, 7))
    return thisMonth.at(-1) ?? days[0]
  }
  async function chooseDay(page: Page, day: string) {
    await page.getByLabel('要求答复日期').click()
    await moveOn(page, localDate(story.app.clock.now(), ZONE), day)
    await pickDay(page, day)
  }

  it('says 受理期限 and 答复期限 on the line and the page, and keeps the 要求答复日期 she picks at 改派', async () => {
    // Written at 9:05 on a working day: acknowledged by 9:05 on the next, said as people write it (not 09:05).
    const calendar = await story.app.liaison.services.calendar.current()
    const morning = nextMorning(story.app.clock.now(), (d) => calendar.isWorkingDay(d))
    story.app.clock.set(morning)
    const ackDay = nextMorning(morning, (d) => calendar.isWorkingDay(d))
    const sent = await (await asResident(story.app)).post('/api/mp/cases', { text: '光明社区5号楼电梯坏了两个星期，老人下不了楼', regionId: 'c010101' })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    const { id, ticket } = sent.body as { id: string; ticket: string }
    const api = await new Client(story.app.baseUrl).login(clerk().username, clerk().password)
    const held = (await api.get(`/api/admin/cases/${id}`)).body
    const words = held.deadlines as string
    expect(words, 'both, the acknowledgement first').to.match(new RegExp(`^受理期限 ${dayOf(ackDay)} 9:05(（明天）)? · 答复期限 \\d{1,2}月\\d{1,2}日$`))

    const page = await newPage(story.browser, story.app, { timezoneId: ZONE })
    await page.clock.install({ time: morning.getTime() }) // her PC's day is the server's
    await logInAs(page, clerk(), '/cases')
    const line = page.getByRole('row').filter({ hasText: ticket })
    // On her list under the 期限 tag, which says how near (明天到期): which deadlines and when, one a line.
    const listed = words
      .replaceAll('期限', '')
      .replace(/（明天）/, '')
      .split(' · ')
      .join('\n')
    expect(await line.getByTestId('due-dates').innerText(), 'on her list, no hover').to.equal(listed)
    await page.goto(`/console/cases/${id}`)
    await page.getByRole('heading', { name: `留言 ${ticket}` }).waitFor()
    expect(await page.getByTestId('deadlines').innerText(), 'on the page, no hover').to.equal(words)

    // 改派 to a colleague, to answer by a day she picks.
    const colleague = (await story.app.liaison.store.deputies.listByStation(held.stationId)).find((d) => d.active && d.id !== held.deputyId)!
    await page.getByRole('button', { name: '改派给其他代表' }).click()
    await dialogShown(page)
    await page.getByRole('listbox', { name: '可分派的代表' }).getByRole('option').filter({ hasText: colleague.name }).click()
    const latest = held.replyByLatest.date as string
    expect(await page.getByTestId('reply-by').innerText()).to.include(`规定的答复期限是${monthDayText(latest)}，要求的日期不能晚于这一天`)
    const day = await dayToAsk(latest)
    await chooseDay(page, day)
    await screenshot(page, 'assign-with-reply-by', { window: true })
    await page.getByRole('button', { name: '确认改派' }).click()
    await page
      .locator('.t-message')
      .filter({ hasText: `已改派给${colleague.name}代表` })
      .waitFor()
    await dialogsClosed(page)

    const asked = `答复期限 ${monthDayText(day)}（分派时要求）`
    await page.getByTestId('deadlines').filter({ hasText: asked }).waitFor()
    await page
      .getByLabel('办理经过')
      .getByText(`要求在${monthDayText(day)}前（含当日）答复`)
      .waitFor()
    await screenshot(page, 'case-reply-by-asked')
    expect(page.problems).to.deep.equal([])
  })
})
