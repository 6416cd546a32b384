import { expect } from 'chai'
import { addDays, startOfLocalDate } from '../../src/domain/business-calendar.js'
import { mondayOf } from '../../src/domain/case-series.js'
import { localDate } from '../../src/domain/dates.js'
import { asResident } from '../helpers/app.js'
import { logInAs, newPage, screenshot, useConsole, type ConsolePage } from './harness.js'

const HOUR = 3_600_000
const DAY = 24 * HOUR
/** The console's neutral blue (#2563eb): red is what its pages keep for 超期 and warnings. */
const BLUE = [37, 99, 235]

/** The colour in the middle of a chart's first bar, as the screen shows it. */
async function firstBarColour(page: ConsolePage, chart: string): Promise<number[]> {
  const selector = `[data-chart="${chart}"] .chart`
  await page.waitForFunction((s) => JSON.parse(document.querySelector(s)?.getAttribute('data-bars') ?? '[]').length > 0, selector)
  return page.locator(selector).evaluate((el) => {
    const [{ x, y }] = JSON.parse(el.getAttribute('data-bars')!) as Array<{ x: number; y: number }>
    const canvas = el.querySelector('canvas')!
    const k = canvas.width / canvas.clientWidth
    return [
      ...canvas
        .getContext('2d')!
        .getImageData(Math.round(x * k), Math.round(y * k), 1, 1)
        .data.slice(0, 3),
    ]
  })
}

/**
 * 陈明亮, who directs 澜江区's office, reads his figures without red where nothing is late: 统计分析's chart and the
 * 分析周报's 按主题 chart are drawn in the page's blue. His 工作概览's bar of this week opens the messages his office
 * handles (由澜江区办理), the number the 周报 counts; and a message only late to be acknowledged reads 未按时受理 in
 * the inbox, not the red 已超期, which is said of the reply deadline alone.
 */
describe('console: calm charts, the week’s messages the office handles, and 已超期 for the reply deadline', function () {
  this.timeout(180_000)
  const story = useConsole()
  const director = () => story.app.login((l) => l.username === 'chenmingliang')
  let ticket = ''

  before(async () => {
    // Next Monday, 10:00: a week of its own whatever day the story runs on, two working days ahead of it.
    const zone = story.app.liaison.config.business.timeZone
    const monday = addDays(mondayOf(localDate(story.app.clock.now(), zone)), 7)
    story.app.clock.set(new Date(startOfLocalDate(monday, zone).getTime() + 10 * HOUR))
    const sent = await (await asResident(story.app)).post('/api/mp/cases', { text: '光明社区3号楼电梯坏了，老人上不去楼', regionId: 'c010101' })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    ticket = sent.body.ticket
  })

  it('draws 统计分析 and the 周报’s 按主题 in blue, not the red of 超期', async () => {
    const page = await newPage(story.browser, story.app)
    await logInAs(page, director(), '/stats?groupBy=station')
    await page.getByRole('heading', { name: '统计分析' }).waitFor()
    expect(await firstBarColour(page, 'stats'), '统计分析').to.deep.equal(BLUE)
    await screenshot(page, 'stats-chart-blue')

    const week = mondayOf(localDate(story.app.clock.now(), story.app.liaison.config.business.timeZone))
    await page.goto(`/console/analysis/weekly-report?week=${week}`)
    await page.getByRole('heading', { name: '分析周报', exact: true }).waitFor()
    expect(await firstBarColour(page, 'by-topic'), '分析周报 按主题').to.deep.equal(BLUE)
    await screenshot(page, 'weekly-report-topics-blue')
    expect(page.problems).to.deep.equal([])
  })

  it('opens from this week’s bar the messages his office handles, saying so, and calls a late acknowledgement 未按时受理', async () => {
    // Two days on: the message's acknowledgement is late, its reply (15 working days) not yet due.
    story.app.clock.advance(2 * DAY)
    const page = await newPage(story.browser, story.app)
    await logInAs(page, director())
    await page.getByRole('heading', { name: '工作概览' }).waitFor()
    const weeks = page.locator('[data-chart="weeks"] .chart')
    await page.waitForFunction(() => JSON.parse(document.querySelector('[data-chart="weeks"] .chart')?.getAttribute('data-bars') ?? '[]').length > 0)
    const bars = JSON.parse((await weeks.getAttribute('data-bars'))!) as Array<{ x: number; y: number }>
    const thisWeek = bars[bars.length - 1]
    await weeks.click({ position: { x: thisWeek.x, y: thisWeek.y } })
    await page.waitForURL(/\/console\/cases\?.*handledIn=/)
    await page.getByText('由澜江区办理').waitFor()
    const line = page.locator('tbody tr', { hasText: ticket })
    await line.waitFor()
    const tag = line.getByText('未按时受理', { exact: true })
    await tag.waitFor()
    expect(await line.innerText()).not.to.match(/已超期/)
    expect(await tag.evaluate((el) => el.closest('.t-tag')?.className ?? ''), 'a warning, not the red of 已超期').to.match(/t-tag--warning/)
    await screenshot(page, 'inbox-handled-week-ack-late')
    expect(page.problems).to.deep.equal([])
  })
})
