import { expect } from 'chai'
import type { Route } from 'playwright-core'
import { logInAs, newPage, screenshot, useConsole } from './harness.js'

/**
 * The dashboard on a slow line: its figures must not wait for the chart library (ECharts, the
 * largest script of the console). The browser holds the charts' script back until the figures
 * show; the charts are drawn once it arrives.
 */
describe('console: the dashboard comes before its charts', function () {
  // A real browser on a shared machine: each story gets two minutes (it usually needs under thirty seconds).
  this.timeout(120_000)
  const story = useConsole()

  it('陈诗涵 sees the three figures while the charts are still on their way, then the charts', async () => {
    const page = await newPage(story.browser, story.app)
    const held: Route[] = []
    await page.route('**/console/assets/charts-*.js', (route) => void held.push(route))

    await logInAs(
      page,
      story.app.login((l) => l.username === 'chenshihan'),
    )
    await page.getByRole('heading', { name: '工作概览' }).waitFor()
    for (const title of ['今天新收到', '正在办理', '已经超期']) await page.getByLabel(new RegExp(`${title} \\d+ 条`)).waitFor()
    expect(held, 'the charts were asked for beside the figures').to.have.length(1)
    expect(await page.locator('[data-chart="weeks"] .chart').getAttribute('data-bars')).to.equal('[]')
    await screenshot(page, 'dashboard-before-charts')

    for (const route of held.splice(0)) await route.continue()
    for (const chart of ['weeks', 'satisfaction']) await page.locator(`[data-chart="${chart}"] [data-bars]:not([data-bars="[]"])`).waitFor()
    expect(page.problems).to.deep.equal([])
  })
})
