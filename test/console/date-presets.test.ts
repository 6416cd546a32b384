import { expect } from 'chai'
import { localDate } from '../../src/domain/dates.js'
import { logInAs, newPage, screenshot, useConsole } from './harness.js'

const DAY = 86_400_000

/**
 * A clerk asked for "last week's messages" opens the date filter: the calendar opens on this month
 * and the next, so last month's days are a page back. The quick choices beside it (最近7天, 最近30天,
 * 本月, 上个月) take one click, counted in the office's days.
 */
describe('console: quick choices of the date filters', function () {
  this.timeout(120_000)
  const story = useConsole()

  it('lists the last seven days with one click on 最近7天, and last month with 上个月', async () => {
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
    await page.getByLabel('提交日期').click()
    await page.getByText('最近7天', { exact: true }).click()
    const today = localDate(new Date(now), zone)
    await page.getByText(`提交日期：${localDate(new Date(now - 6 * DAY), zone)} 至 ${today}`).waitFor()
    await screenshot(page, 'console-date-presets')

    await page.getByLabel('提交日期').click()
    await page.getByText('上个月', { exact: true }).click()
    const lastOfPrevious = localDate(new Date(now - Number(today.slice(8)) * DAY), zone)
    await page.getByText(`提交日期：${lastOfPrevious.slice(0, 8)}01 至 ${lastOfPrevious}`).waitFor()
    expect(page.problems).to.deep.equal([])
  })
})
