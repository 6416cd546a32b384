import { expect } from 'chai'
import { dashboardFiguresShown } from '../../bench/province/frontends.js'
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
    let release = () => {}
    const released = new Promise<void>((resolve) => (release = resolve))
    const chartsAsked = page.waitForRequest((r) => /\/assets\/charts-[^/]*\.js$/.test(r.url()))
    await page.route('**/console/assets/charts-*.js', async (route) => {
      await released
      await route.continue()
    })

    await logInAs(
      page,
      story.app.login((l) => l.username === 'chenshihan'),
    )
    await page.getByRole('heading', { name: '工作概览' }).waitFor()
    await dashboardFiguresShown(page) // as the province bench waits for them
    await chartsAsked // and held back
    expect(await page.locator('[data-chart="weeks"] .chart').getAttribute('data-bars')).to.equal('[]')
    await page.locator('[data-chart="weeks"]').getByText('图表正在加载').waitFor() // the blank box says why
    await screenshot(page, 'dashboard-before-charts')

    release()
    await page.locator('[data-chart="weeks"] [data-bars]:not([data-bars="[]"])').waitFor()
    expect(await page.getByText('图表正在加载').count(), 'the words go once the charts are drawn').to.equal(0)
    // Nobody has rated an answer yet: 群众满意度 says so, without five empty bars on a 0–1 axis.
    const satisfaction = page.locator('[data-chart="satisfaction"]')
    await satisfaction.getByText('还没有群众评价。代表答复后，群众可以打分。').waitFor()
    expect(await satisfaction.locator('.chart').count(), 'charts drawn under 群众满意度').to.equal(0)
    await screenshot(page, 'console-dashboard-no-ratings')
    expect(page.problems).to.deep.equal([])
  })

  it("the dashboard's figures are asked for while its page is still loading, and only once", async () => {
    const page = await newPage(story.browser, story.app)
    let release = () => {}
    const released = new Promise<void>((resolve) => (release = resolve))
    await page.route('**/console/assets/Dashboard-*.js', async (route) => {
      await released
      await route.continue()
    })
    const reads: string[] = []
    page.on('request', (r) => void (new URL(r.url()).pathname === '/api/admin/dashboard/cases' && reads.push(r.url())))
    const asked = page.waitForRequest((r) => new URL(r.url()).pathname === '/api/admin/dashboard/cases')
    const pageAsked = page.waitForRequest((r) => /\/assets\/Dashboard-[^/]*\.js$/.test(r.url()))

    await page.goto('/console/login')
    await page.getByPlaceholder('请输入账号').fill(story.app.login((l) => l.username === 'chenshihan').username)
    await page.getByPlaceholder('请输入密码').fill(story.app.login((l) => l.username === 'chenshihan').password)
    await page.getByRole('button', { name: '登录' }).click()
    await Promise.all([asked, pageAsked]) // the figures were asked for with the page's script held back

    release()
    for (const title of ['今天新收到', '正在办理', '已超期']) await page.getByLabel(new RegExp(`${title} \\d+ 条`)).waitFor()
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
    // TDesign's styles come once, in the whole sheet: not again in a copy per component.
    const sheets = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) => e.name.endsWith('.css') && (e as PerformanceResourceTiming).decodedBodySize > 20_000)
        .map((e) => e.name),
    )
    expect(sheets).to.have.length(1)

    await page.locator('.t-menu').getByText('留言办理').click()
    await page.getByRole('heading', { name: '留言办理' }).waitFor()
    await page.locator('.t-table').first().waitFor()
    expect(await ofOtherPages()).to.have.members(otherPages)
    expect(page.problems).to.deep.equal([])
  })

  it("when the other pages' components fail to arrive once (a blip on the line), the click on 留言办理 still opens it", async () => {
    const page = await newPage(story.browser, story.app)
    let failures = 0
    await page.route('**/console/assets/tdesign-rest-*.js', async (route) => {
      if (failures++ === 0) await route.abort('connectionreset')
      else await route.continue()
    })
    await logInAs(
      page,
      story.app.login((l) => l.username === 'chenshihan'),
    )
    await page.getByLabel(/今天新收到 \d+ 条/).waitFor()

    const failed = page.waitForEvent('requestfailed', (r) => /tdesign-rest-/.test(r.url()))
    await page.locator('.t-menu').getByText('留言办理').click()
    await failed
    // The console opens the page asked for once more by itself (src/stale-build.ts), as after an update:
    // no second click, and no 系统已更新 for a blip.
    await page.getByRole('heading', { name: '留言办理' }).waitFor()
    await page.locator('.t-table').first().waitFor()
    expect(failures, 'asked for again, and it came').to.equal(2)
    expect(await page.getByText('系统已更新').count()).to.equal(0)
  })
})
