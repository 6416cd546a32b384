import { expect } from 'chai'
import type { Route } from 'playwright-core'
import { logInAs, newPage, screenshot, useConsole } from './harness.js'

/**
 * The first screens on a slow line. The dashboard's figures must not wait for the chart library
 * (ECharts, the largest script of the console), nor be asked for only once the page's own
 * scripts have arrived; the login page and the dashboard load none of the components only other
 * pages use. The browser holds scripts back to show what waits for what.
 */
describe('console: the first screens', function () {
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

  it("the dashboard's figures are asked for while its page is still loading, and only once", async () => {
    const page = await newPage(story.browser, story.app)
    const held: Route[] = []
    await page.route('**/console/assets/Dashboard-*.js', (route) => void held.push(route))
    const reads: string[] = []
    page.on('request', (r) => void (new URL(r.url()).pathname === '/api/admin/dashboard/cases' && reads.push(r.url())))
    const asked = page.waitForRequest((r) => new URL(r.url()).pathname === '/api/admin/dashboard/cases')

    await page.goto('/console/login')
    await page.getByPlaceholder('请输入账号').fill(story.app.login((l) => l.username === 'chenshihan').username)
    await page.getByPlaceholder('请输入密码').fill(story.app.login((l) => l.username === 'chenshihan').password)
    await page.getByRole('button', { name: '登录' }).click()
    await asked
    expect(held, "the dashboard's script is still held back").to.have.length(1)

    for (const route of held.splice(0)) await route.continue()
    for (const title of ['今天新收到', '正在办理', '已经超期']) await page.getByLabel(new RegExp(`${title} \\d+ 条`)).waitFor()
    await page.locator('[data-chart="weeks"] [data-bars]:not([data-bars="[]"])').waitFor()
    expect(reads).to.have.length(1)
    expect(page.problems).to.deep.equal([])
  })

  it('the login page and the dashboard carry no tables or date pickers of other pages; the inbox gets them when opened', async () => {
    const page = await newPage(story.browser, story.app)
    // The <t-…> components the console has registered so far (Vue keeps them on the app).
    const registered = () =>
      page.evaluate(() =>
        Object.keys((document.querySelector('#app') as unknown as { __vue_app__: { _context: { components: object } } }).__vue_app__._context.components),
      )
    const otherPages = ['TTable', 'TDateRangePicker', 'TSelect', 'TTreeSelect']
    const ofOtherPages = async () => (await registered()).filter((name) => otherPages.includes(name))
    await page.goto('/console/login')
    await page.getByPlaceholder('请输入账号').waitFor()
    expect(await registered()).to.include('TInput')
    expect(await ofOtherPages()).to.deep.equal([])

    await logInAs(
      page,
      story.app.login((l) => l.username === 'chenshihan'),
    )
    await page.getByLabel(/今天新收到 \d+ 条/).waitFor()
    expect(await ofOtherPages()).to.deep.equal([])

    await page.locator('.t-menu').getByText('留言办理').click()
    await page.getByRole('heading', { name: '留言办理' }).waitFor()
    await page.locator('.t-table').first().waitFor()
    expect(await ofOtherPages()).to.have.members(otherPages)
    expect(page.problems).to.deep.equal([])
  })
})
