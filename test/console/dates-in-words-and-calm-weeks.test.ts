import { expect } from 'chai'
import { localDate } from '../../src/domain/dates.js'
import { addDays } from '../../src/domain/business-calendar.js'
import { mondayOf } from '../../src/domain/case-series.js'
import { asDeputy, asResident, Client } from '../helpers/app.js'
import { dialogShown, logInAs, newPage, screenshot, useConsole } from './harness.js'

/** A calendar date as the console says it: 3月6日, with the year when it is not this one (2027年3月6日). */
function inWords(date: string, today: string) {
  const [y, m, d] = date.split('-').map(Number)
  return `${y === Number(today.slice(0, 4)) ? '' : `${y}年`}${m}月${d}日`
}

/**
 * Review 36, finding 16: the office reads dates one way across the console. 交办's 办理期限 shows 2027年3月6日 (not
 * 2027-03-06) and the 分析周报's week picker the week in words (not its Monday's 2026-11-23). The dashboard's
 * 每周收到的留言 bars are drawn in the page's blue: red is what the page keeps for 超期.
 */
describe('console: dates in words in the 交办 dialog and the week picker, and calm weekly bars', function () {
  this.timeout(180_000)
  const story = useConsole()
  const today = () => localDate(story.app.clock.now(), story.app.liaison.config.business.timeZone)

  it('交办 shows its 办理期限 in words, three months on', async () => {
    const { app } = story
    const deputy = await asDeputy(app, 'dp0001')
    const draft = await deputy.post('/api/mp/deputy/suggestions', { title: '关于增设社区养老食堂的建议', body: '老人吃饭难，建议每个社区设一处养老食堂。' })
    expect(draft.status, JSON.stringify(draft.body)).to.equal(201)
    expect((await deputy.post(`/api/mp/deputy/suggestions/${draft.body.id}/submit`)).status).to.equal(200)
    const login = app.login((l) => l.role === 'organizer')
    const office = await new Client(app.baseUrl).login(login.username, login.password)
    const accepted = await office.post(`/api/admin/suggestions/${draft.body.id}/review`, { decision: 'accept' })
    expect(accepted.status, JSON.stringify(accepted.body)).to.equal(200)

    const page = await newPage(story.browser, app)
    await logInAs(page, login, `/suggestions/${draft.body.id}`)
    await page.getByRole('button', { name: '交办', exact: true }).click()
    await dialogShown(page)
    const field = page.locator('.t-form__item', { hasText: '办理期限' }).locator('.t-date-picker')
    // The dialog's default: three months from today, as the PC's calendar counts them (AssignDialog's monthsFrom).
    const due = await page.evaluate(() => {
      const now = new Date()
      const d = new Date(now.getFullYear(), now.getMonth() + 3, now.getDate())
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
    })
    const shown = (await field.innerText()).trim()
    // With its year always, as 办理经过 writes a deadline (review 44): "2027年3月6日".
    const [y, m, d] = due.split('-').map(Number)
    expect(shown).to.equal(`${y}年${m}月${d}日`)
    expect(shown, 'no ISO date').not.to.match(/\d{4}-\d{2}-\d{2}/)
    await screenshot(page, 'assign-dialog-deadline-in-words', { window: true })
    expect(page.problems).to.deep.equal([])
  })

  it('the weekly report’s picker names its week in words', async () => {
    const { app } = story
    const week = addDays(mondayOf(today()), -7)
    const page = await newPage(story.browser, app)
    await logInAs(
      page,
      app.login((l) => l.username === 'chenmingliang'),
      `/analysis/weekly-report?week=${week}`,
    )
    await page.getByRole('heading', { name: '分析周报', exact: true }).waitFor()
    const picker = page.locator('.toolbar .t-date-picker')
    const expected = `${inWords(week, today())}至${inWords(addDays(week, 6), today())}`
    await picker.getByText(expected, { exact: true }).waitFor()
    expect(await picker.innerText(), 'no ISO date').not.to.match(/\d{4}-\d{2}-\d{2}/)
    await screenshot(page, 'weekly-report-week-in-words')
    expect(page.problems).to.deep.equal([])
  })

  it('draws 每周收到的留言 in blue, not the red of 超期', async () => {
    const { app } = story
    const sent = await (await asResident(app)).post('/api/mp/cases', { text: '光明社区的健身器材坏了', regionId: 'c010101' })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    const page = await newPage(story.browser, app)
    await logInAs(
      page,
      app.login((l) => l.username === 'chenmingliang'),
    )
    const chart = page.locator('[data-chart="weeks"] .chart')
    await page.waitForFunction(() => JSON.parse(document.querySelector('[data-chart="weeks"] .chart')?.getAttribute('data-bars') ?? '[]').length > 0)
    // The colour in the middle of this week's bar (the last, with the message just sent), as the screen shows it.
    const colour = await chart.evaluate((el) => {
      const bars = JSON.parse(el.getAttribute('data-bars')!) as Array<{ x: number; y: number }>
      const canvas = el.querySelector('canvas')!
      const k = canvas.width / canvas.clientWidth
      const { x, y } = bars[bars.length - 1]
      return [
        ...canvas
          .getContext('2d')!
          .getImageData(Math.round(x * k), Math.round(y * k), 1, 1)
          .data.slice(0, 3),
      ]
    })
    expect(colour, 'the page’s blue (#2563eb)').to.deep.equal([37, 99, 235])
    await screenshot(page, 'dashboard-weekly-bars-blue')
    expect(page.problems).to.deep.equal([])
  })
})
