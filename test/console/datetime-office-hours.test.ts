import { expect } from 'chai'
import type { Locator } from 'playwright-core'
import { dateTimeShown, logInAs, newPage, screenshot, typeDateTime, useConsole, type ConsolePage } from './harness.js'

/**
 * A clerk who picks only a day in an empty date-and-time field means an office hour: a meeting's
 * start at 9:00 and its end at 17:00, not midnight (read 0:00 beside the field). A time she
 * typed or picked herself is kept, and a day typed alone ("2026-12-22") gets the office hour too.
 */
describe('console: a day picked alone is at an office hour', function () {
  // A real browser on a shared machine: each story gets two minutes (it usually needs under thirty seconds).
  this.timeout(120_000)
  const story = useConsole()

  /** Opens the field's calendar and reads the month it shows: "2026-12". */
  async function openCalendar(page: ConsolePage, field: Locator) {
    await field.click()
    const calendar = page.locator('.t-date-picker__panel').filter({ visible: true })
    await calendar.locator('.t-date-picker__table').waitFor()
    const month = parseInt(await calendar.locator('.t-date-picker__header-controller-month input').inputValue(), 10)
    const year = parseInt(await calendar.locator('.t-date-picker__header-controller-year input').inputValue(), 10)
    return { calendar, month: `${year}-${String(month).padStart(2, '0')}` }
  }
  /** Clicks day `day` of the month the calendar shows, then closes it as a clerk does, by a click beside it. */
  async function pickDay(page: ConsolePage, field: Locator, day: number) {
    const { calendar, month } = await openCalendar(page, field)
    await calendar.locator('td.t-date-picker__cell:not(.t-date-picker__cell--additional)').getByText(String(day), { exact: true }).click()
    await page.getByRole('heading', { name: '新建会议' }).click()
    await calendar.first().waitFor({ state: 'hidden' })
    return `${month}-${day}`
  }
  /** The field's value once it has settled on `text` (shown as 2026-12-20 9:00), or what it shows after a step's timeout. */
  async function shows(field: Locator, text: string) {
    const deadline = Date.now() + 30_000
    const want = dateTimeShown(text)
    let shown = await field.inputValue()
    while (shown !== want && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      shown = await field.inputValue()
    }
    return shown
  }
  const spokenBeside = (page: ConsolePage, label: string) =>
    page.locator('.datetime-field', { has: page.getByLabel(label) }).locator('[data-test=datetime-spoken]')

  it('a meeting’s start picked as a day is at 9:00 and its end at 17:00; her own time is kept', async () => {
    const page = await newPage(story.browser, story.app)
    await logInAs(
      page,
      story.app.login((l) => l.role === 'organizer'),
      '/meetings/new',
    )
    await page.getByRole('heading', { name: '新建会议' }).waitFor()
    const start = page.getByLabel('开始时间')
    const end = page.getByLabel('结束时间')
    expect(await start.inputValue(), 'a new meeting has no time yet').to.equal('')

    // She picks the 20th for the start and for the end, and no time.
    const startDay = await pickDay(page, start, 20)
    const endDay = await pickDay(page, end, 20)
    const startShown = await shows(start, `${startDay} 09:00`)
    const endShown = await shows(end, `${endDay} 17:00`)
    await screenshot(page, 'console-datetime-office-hours')
    expect(startShown, 'a start picked as a day: the office opens').to.equal(dateTimeShown(`${startDay} 09:00`))
    expect(await spokenBeside(page, '开始时间').innerText()).to.match(/^(\d{4}年)?\d{1,2}月20日（星期.）9:00$/)
    expect(endShown, 'an end picked as a day: the office closes').to.equal(dateTimeShown(`${endDay} 17:00`))
    expect(await spokenBeside(page, '结束时间').innerText()).to.match(/^(\d{4}年)?\d{1,2}月20日（星期.）17:00$/)

    // A time she gave is hers: another day picked keeps it.
    await typeDateTime(start, `${startDay} 14:30`)
    const otherDay = await pickDay(page, start, 21)
    expect(await shows(start, `${otherDay} 14:30`)).to.equal(dateTimeShown(`${otherDay} 14:30`))

    // A day typed alone into an empty field is at the office hour too; one typed with 0:00 stays at 0:00.
    await typeDateTime(end, '')
    await openCalendar(page, end)
    await end.fill(`${endDay.slice(0, 8)}22`)
    await end.press('Enter')
    expect(await shows(end, `${endDay.slice(0, 8)}22 17:00`), 'a day typed alone').to.equal(dateTimeShown(`${endDay.slice(0, 8)}22 17:00`))
    await typeDateTime(end, `${endDay.slice(0, 8)}23 00:00`)
    expect(await spokenBeside(page, '结束时间').innerText()).to.match(/（星期.）0:00$/)
    // She types a day alone, thinks again and clicks the next one in the calendar: an office hour still.
    await typeDateTime(start, '')
    const { calendar } = await openCalendar(page, start)
    await start.fill(`${startDay.slice(0, 8)}24`)
    await calendar.locator('td.t-date-picker__cell:not(.t-date-picker__cell--additional)').getByText('25', { exact: true }).click()
    await page.getByRole('heading', { name: '新建会议' }).click()
    await calendar.first().waitFor({ state: 'hidden' })
    expect(await shows(start, `${startDay.slice(0, 8)}25 09:00`)).to.equal(dateTimeShown(`${startDay.slice(0, 8)}25 09:00`))
    expect(page.problems).to.deep.equal([])
  })
})
