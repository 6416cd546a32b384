import { expect } from 'chai'
import { Client } from '../helpers/app.js'
import { addDays } from '../../src/domain/local-days.js'
import { localDate, monthDayText } from '../../src/domain/dates.js'
import { bulkAssignOpened, clerkZhang, writtenDaysAgo, type Sent } from './clerk-inbox.js'
import { moveOn, pickDay } from './date-picker.js'
import { dialogsClosed, logInAs, newPage, screenshot, useConsole } from './harness.js'

const ZONE = 'Asia/Shanghai'

/**
 * 张国华, clerk of 建设路街道代表联络站, in the browser. One message of two months ago is past its reply deadline (已超期);
 * one of ten days ago is not acknowledged yet, its answer not due (未按时受理); two came today. Her 工作概览 counts 已经超期
 * and 未按时受理 apart, each opening its own list; her inbox's 只看已超期 and 只看未按时受理 each list the messages whose
 * badge says so. She then gives the old one and a new one to a colleague at once (批量分派) with a 要求答复日期: the new
 * one is held to it, the old one keeps its own reply deadline, and she is told so by its number.
 */
describe('console: 已超期 and 未按时受理 apart on 工作概览 and in the inbox, and 批量分派 with a 要求答复日期', function () {
  this.timeout(180_000)
  const story = useConsole()
  const clerk = () => clerkZhang(story.app)
  let sent: Record<'old' | 'slow' | 'fresh' | 'other', Sent>

  before(async function () {
    this.timeout(120_000)
    sent = await writtenDaysAgo(story.app, {
      old: ['光明社区3号楼的路灯坏了两个月，晚上出门看不清路', 60],
      slow: ['光明社区门口的井盖松了，踩上去会响', 10],
      fresh: ['光明社区5号楼电梯坏了两个星期，老人下不了楼', 0],
      other: ['光明社区2号楼停水三天了，也没有通知', 0],
    })
  })

  it('counts 已超期 and 未按时受理 apart on 工作概览, and each opens the list its badge says', async () => {
    const page = await newPage(story.browser, story.app, { timezoneId: ZONE })
    await logInAs(page, clerk(), '/dashboard')
    await page.getByRole('heading', { name: '工作概览' }).waitFor()
    const overdue = page.getByLabel('已超期 1 条，点击查看')
    await overdue.waitFor()
    expect(await overdue.innerText()).to.include('过了答复期限、还没答复的')
    const ackLate = page.getByLabel('未按时受理 1 条，点击查看')
    expect(await ackLate.innerText()).to.include('过了受理期限还没受理、还没到答复期限的')
    await screenshot(page, 'clerk-dashboard-overdue-and-ack-late')

    await ackLate.click()
    await page.waitForURL(/ackLate=true/)
    const rows = page.locator('tbody tr:not(.t-table__empty-row)')
    await rows.filter({ hasText: sent.slow.ticket }).waitFor()
    expect(await rows.count()).to.equal(1)
    expect(await rows.first().innerText())
      .to.include('未按时受理')
      .and.not.include('已超期')
    await page.getByText('未按时受理（答复期限还没到）').waitFor()
    expect(page.problems).to.deep.equal([])
  })

  it('lists under 只看已超期 only the one past its reply deadline, and under 只看未按时受理 only the one late to be acknowledged', async () => {
    const page = await newPage(story.browser, story.app, { timezoneId: ZONE })
    await logInAs(page, clerk(), '/cases')
    const rows = page.locator('tbody tr:not(.t-table__empty-row)')
    await rows.filter({ hasText: sent.fresh.ticket }).waitFor()

    await page.getByText('只看已超期').click()
    await page.waitForURL(/overdue=true/)
    await page.waitForFunction(() => document.querySelectorAll('tbody tr:not(.t-table__empty-row)').length === 1)
    expect(await rows.first().innerText())
      .to.include(sent.old.ticket)
      .and.match(/已超期 \d+ 天/)
    await screenshot(page, 'inbox-overdue-is-the-reply-deadline')

    await page.getByText('只看已超期').click()
    await page.getByText('只看未按时受理').click()
    await page.waitForURL(/ackLate=true/)
    await page.waitForFunction((ticket) => {
      const lines = [...document.querySelectorAll('tbody tr:not(.t-table__empty-row)')]
      return lines.length === 1 && (lines[0] as HTMLElement).innerText.includes(ticket)
    }, sent.slow.ticket)
    expect(await rows.first().innerText()).to.include('未按时受理')
    expect(page.problems).to.deep.equal([])
  })

  /** A working day she may ask for: after today, before the fresh message's rule date, in the month on show if one is. */
  async function dayToAsk(latest: string): Promise<string> {
    const calendar = await story.app.liaison.services.calendar.current()
    const today = localDate(story.app.clock.now(), ZONE)
    const days: string[] = []
    for (let d = addDays(today, 1); d < latest; d = addDays(d, 1)) if (calendar.isWorkingDay(d)) days.push(d)
    return days.filter((d) => d.slice(0, 7) === today.slice(0, 7)).at(-1) ?? days[0]
  }

  it('gives two at once with a 要求答复日期: the new one is held to it, the old one keeps its own, said by its number', async () => {
    const api = await new Client(story.app.baseUrl).login(clerk().username, clerk().password)
    const [fresh, old] = [(await api.get(`/api/admin/cases/${sent.fresh.id}`)).body, (await api.get(`/api/admin/cases/${sent.old.id}`)).body]
    const colleague = (await story.app.liaison.store.deputies.listByStation(fresh.stationId)).find(
      (d) => d.active && d.id !== fresh.deputyId && d.id !== old.deputyId,
    )!
    const day = await dayToAsk(fresh.replyByLatest.date as string)

    const page = await newPage(story.browser, story.app, { timezoneId: ZONE })
    await logInAs(page, clerk(), '/cases')
    await bulkAssignOpened(page, [sent.fresh.ticket, sent.old.ticket])
    await page.getByRole('listbox', { name: '可分派的代表' }).getByRole('option').filter({ hasText: colleague.name }).click()
    // A date later than some of them is allowed (those keep their own): the rule says so, not "不能晚于每条".
    expect(await page.getByTestId('bulk-reply-by').innerText())
      .to.include('规定期限比要求日期更早的留言，仍按原来的答复期限。填了，代表会收到这个日期，到期没答复会提醒、督办，按时答复也按这一天算。')
      .and.not.include('不能晚于每条留言')
    await page.getByLabel('要求答复日期').click()
    await moveOn(page, localDate(story.app.clock.now(), ZONE), day)
    await pickDay(page, day)
    await screenshot(page, 'bulk-assign-with-reply-by', { window: true })
    await page.getByRole('button', { name: '分派', exact: true }).click()
    const said = `已分派 2 条：1 条要求在${monthDayText(day)}前（含当日）答复；1 条规定的答复期限早于${monthDayText(day)}，要求的日期不能晚于规定的期限，仍按原来的答复期限（${sent.old.ticket}）。`
    await page.locator('.t-message').filter({ hasText: said }).waitFor()
    await dialogsClosed(page)
    // Under 期限 the note after the date moves down whole: never "答复 12月25日（分" / "派时要求）".
    const note = page.locator('tbody tr').filter({ hasText: sent.fresh.ticket }).getByText('（分派时要求）', { exact: true })
    await note.waitFor()
    expect(await note.evaluate((e) => e.getClientRects().length), 'the note in one piece').to.equal(1)
    await screenshot(page, 'bulk-assign-said-which-kept-their-own')

    expect((await api.get(`/api/admin/cases/${sent.fresh.id}`)).body.deadlines).to.include(`答复期限 ${monthDayText(day)}（分派时要求）`)
    const kept = (await api.get(`/api/admin/cases/${sent.old.id}`)).body
    expect([kept.handledBy.deputy, kept.deadlines.includes(monthDayText(day))]).to.deep.equal([colleague.name, false])
    expect(page.problems).to.deep.equal([])
  })
})
