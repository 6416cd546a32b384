import { expect } from 'chai'
import { dayText, dayTextFrom, localDate } from '../../src/domain/dates.js'
import { addDays } from '../../src/domain/local-days.js'
import { logInAs, newPage, screenshot, useConsole } from './harness.js'

const DAY = 86_400_000

/**
 * A clerk asked for "last week's messages" opens the date filter: the calendar opens on this month
 * and the next, so last month's days are a page back. The quick choices beside it (最近7天, 最近30天,
 * 本月, 上个月) take one click, counted in the office's days. The days picked are said as people write them, in the
 * picker and in 正在看 ("12月1日至12月7日"), never as "2026-12-01"; a day clicked in last year's calendar is last year's (the picker's words have no year).
 */
describe('console: quick choices of the date filters', function () {
  this.timeout(120_000)
  const story = useConsole()

  it('lists the last seven days with one click on 最近7天, and last month with 上个月, in words, and days a year back', async () => {
    const { app, browser } = story
    const zone = app.liaison.config.business.timeZone
    const now = app.clock.now().getTime()
    const page = await newPage(browser, app)
    await page.clock.install({ time: now })
    await logInAs(
      page,
      app.login((l) => l.username === 'zhangguohua'),
      '/cases',
    )
    await page.getByLabel('提交日期（开始）').click()
    await page.getByText('最近7天', { exact: true }).click()
    const today = localDate(new Date(now), zone)
    const said = (date: string) => dayTextFrom(date, today)
    const weekAgo = localDate(new Date(now - 6 * DAY), zone)
    await page.getByText(`提交日期：${said(weekAgo)}至${said(today)}`, { exact: true }).waitFor()
    const shown = () =>
      page
        .locator('.t-date-range-picker')
        .first()
        .locator('input')
        .evaluateAll((xs) => xs.map((x) => (x as HTMLInputElement).value))
    expect(await shown(), 'the picker in words').to.deep.equal([said(weekAgo), said(today)])
    await screenshot(page, 'console-date-presets')

    await page.getByLabel('提交日期（开始）').click()
    await page.getByText('上个月', { exact: true }).click()
    const lastOfPrevious = localDate(new Date(now - Number(today.slice(8)) * DAY), zone)
    await page.getByText(`提交日期：${said(`${lastOfPrevious.slice(0, 8)}01`)}至${said(lastOfPrevious)}`, { exact: true }).waitFor()
    // The address still holds the instants the server reads, from the first day's start.
    expect(new URL(page.url()).searchParams.get('from')).to.match(new RegExp(`^${lastOfPrevious.slice(0, 8)}01T00:00:00`))

    // Days clicked a year back: the 1st of this month last year, and the 2nd of the month after it.
    await page.goto('/console/cases')
    await page.locator('.t-date-range-picker input').first().click()
    const panel = page.locator('.t-date-range-picker__panel').filter({ visible: true })
    // Each of the two months on show a year back (each has its own 上个月).
    for (const side of [0, 1]) for (let i = 0; i < 12; i++) await panel.locator('.t-pagination-mini__prev').nth(side).click()
    const from = `${Number(today.slice(0, 4)) - 1}${today.slice(4, 8)}01`
    const to = `${addDays(`${from.slice(0, 8)}28`, 7).slice(0, 8)}02`
    const cell = (table: number, day: number) =>
      panel
        .locator('.t-date-picker__table')
        .nth(table)
        .locator('td.t-date-picker__cell:not(.t-date-picker__cell--additional)')
        .filter({ hasText: new RegExp(`^${day}$`) })
    await cell(0, 1).click()
    await cell(1, 2).click()
    // Both with their year, one of them being last year's.
    await page.getByText(`提交日期：${dayText(from)}至${dayText(to)}`, { exact: true }).waitFor()
    expect(await shown()).to.deep.equal([dayText(from), dayText(to)])
    expect(new URL(page.url()).searchParams.get('from'), 'the address keeps the instant').to.match(new RegExp(`^${from}T00:00:00`))
    await screenshot(page, 'console-date-range-last-year')
    expect(page.problems).to.deep.equal([])
  })
})
