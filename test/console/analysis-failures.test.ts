import { expect } from 'chai'
import type { Page } from 'playwright-core'
import { asResident } from '../helpers/app.js'
import { logInAs, newPage, screenshot, shownOptions, useConsole } from './harness.js'

const DOWN = {
  status: 500,
  contentType: 'application/json',
  body: JSON.stringify({ error: { code: 'internal', message: '系统出了点问题，请稍后再试', details: [] } }),
}

/**
 * 王明 of the city office opens the figures while the server is failing: every page says so and
 * offers 重试, instead of "no messages this week" or the figures of another choice. Then the
 * choices the pages offer: every topic of the config, words for an empty department list, and
 * no district ranking for an organizer held to one district.
 */
describe('console: the figures pages when a read fails, and the choices they offer', function () {
  // A real browser on a shared machine: each story gets two minutes (it usually needs under thirty seconds).
  this.timeout(120_000)
  const story = useConsole()
  const office = () => story.app.login((l) => l.username === 'office')

  const failed = (page: Page) => page.getByTestId('load-failed')
  before(async () => {
    // A few messages to count: the demo city starts with none.
    for (const text of ['光明社区3号楼电梯坏了，老人上不去楼', '光明社区门口路灯坏了，晚上很黑', '光明社区垃圾没人清运，味道很大']) {
      const resident = await asResident(story.app)
      expect((await resident.post('/api/mp/cases', { text, regionId: 'c010101' })).status).to.equal(201)
      story.app.clock.advance(60_000) // before "now": the figures count up to it
    }
  })

  // Each page, what it reads, the words it used to show for a failure, and what it shows once read.
  for (const [path, api, emptyWords, shown] of [
    ['/dashboard', '**/api/admin/dashboard/cases*', '还没有留言。', (p: Page) => p.getByText('今天新收到')],
    ['/stats', '**/api/admin/cases/stats*', '这段时间没有留言。', (p: Page) => p.getByText('留言总数')],
    [
      '/analysis/hot-issues',
      '**/api/admin/analysis/hot-issues*',
      '这段时间没有发现热点问题。',
      (p: Page) => p.getByTestId('hot-issue').first().or(p.getByText('这段时间没有发现热点问题。')),
    ],
    ['/analysis/trends', '**/api/admin/analysis/series*', '这段时间没有留言。', (p: Page) => p.locator('[data-chart="trend"] .line-chart')],
  ] as const) {
    it(`${path}: a failed read says so with 重试, not "nothing found", and 重试 shows the figures`, async () => {
      const page = await newPage(story.browser, story.app)
      await logInAs(page, office())
      await page.route(api, (r) => r.fulfill(DOWN))
      await page.goto(`/console${path}`)
      await failed(page).waitFor()
      expect(await failed(page).innerText()).to.include('系统出了点问题，请稍后再试')
      expect(await page.locator('main').innerText()).not.to.include(emptyWords)
      await screenshot(page, `figures-failed${path.replaceAll('/', '-')}`)

      await page.unroute(api)
      await failed(page).getByRole('button', { name: '重试' }).click()
      await shown(page).waitFor()
      expect(await failed(page).count()).to.equal(0)
      expect(page.problems).to.deep.equal([])
    })
  }

  it('统计分析: a grouping chosen while the line is down shows no figures of the grouping before', async () => {
    const page = await newPage(story.browser, story.app)
    await logInAs(page, office(), '/stats?groupBy=station')
    const chart = page.locator('[data-chart="stats"]')
    await chart.getByText(/共 \d+ 个联络站/).waitFor()
    await page.route('**/api/admin/cases/stats*', (r) => r.abort('internetdisconnected'))
    await page.getByText('按代表', { exact: true }).click()
    await failed(page).waitFor()
    expect(await failed(page).innerText()).to.include('连不上服务器')
    expect(await chart.count(), 'no table of stations under 按代表').to.equal(0)
    expect(await page.locator('main').innerText()).not.to.include('联络站，')
    await screenshot(page, 'stats-failed-after-choice')
    await page.unroute('**/api/admin/cases/stats*')
    await failed(page).getByRole('button', { name: '重试' }).click()
    await chart.getByText(/共 \d+ 位代表/).waitFor()
    expect(page.problems).to.deep.equal([])
  })

  it('the topic filters offer every topic of the config, 劳动就业 and 物业管理 among them', async () => {
    const topics = story.app.liaison.config.business.topics
    expect(topics).to.include('劳动就业').and.include('物业管理')
    const page = await newPage(story.browser, story.app)
    await logInAs(page, office())
    for (const [path, heading] of [
      ['/cases', '留言办理'],
      ['/stats', '统计分析'],
      ['/analysis/hot-issues', '热点问题'],
      ['/analysis/publications', '公开选登'],
    ] as const) {
      await page.goto(`/console${path}`)
      await page.getByRole('heading', { name: heading }).waitFor()
      await page.getByLabel('主题', { exact: true }).click()
      const offered = await shownOptions(page, (texts) => topics.every((topic) => texts.includes(topic)))
      expect(offered, path).to.deep.equal([...topics])
      if (path === '/cases') await screenshot(page, 'inbox-topic-options')
      await page.keyboard.press('Escape')
    }
    expect(page.problems).to.deep.equal([])
  })

  it('统计分析 by department with none forwarded says so, without a "第 1–0 名" rank', async () => {
    const page = await newPage(story.browser, story.app)
    await logInAs(page, office(), '/stats?groupBy=department')
    const chart = page.locator('[data-chart="stats"]')
    await chart.getByText('这段时间没有转交承办部门的留言。').waitFor()
    const words = await chart.innerText()
    expect(words).to.include('按转交部门：收到的留言').and.not.include('名）').and.not.include('这段时间没有留言')
    await screenshot(page, 'stats-department-none')
    expect(page.problems).to.deep.equal([])
  })

  it("a district organizer's 统计分析 offers no ranking by district, as the dashboard does not", async () => {
    const page = await newPage(story.browser, story.app)
    await logInAs(
      page,
      story.app.login((l) => l.username === 'chenmingliang'),
      '/stats?groupBy=district',
    )
    await page
      .locator('[data-chart="stats"]')
      .getByText(/共 \d+ 个联络站/)
      .waitFor()
    const choices = await page.locator('[aria-label="分组"]').innerText()
    expect(choices).to.include('按联络站').and.not.include('按区县')
    expect(page.problems).to.deep.equal([])
  })

  it('趋势 of a station no message came to says so once, in its own words', async () => {
    // The messages above went to the station of 光明社区; the second station's staff have none.
    const quiet = story.app.logins.filter((l) => l.role === 'station_staff')[1]
    const page = await newPage(story.browser, story.app)
    await logInAs(page, quiet, '/analysis/trends')
    const card = page.locator('[data-chart="trend"]')
    await card.getByText('这段时间没有留言。').waitFor()
    expect(await card.innerText(), "no empty table under it saying TDesign's 暂无数据").not.to.include('暂无数据')
    await screenshot(page, 'trends-none')
    expect(page.problems).to.deep.equal([])
  })

  it('趋势 opened by its address fits the window, its chart as wide as its card', async () => {
    const page = await newPage(story.browser, story.app)
    await logInAs(page, office(), '/analysis/trends')
    await page.reload()
    const chart = page.locator('[data-chart="trend"] .line-chart')
    await chart.locator('canvas').waitFor()
    await page.waitForTimeout(300) // a resize is drawn on the next frame
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      window: window.innerWidth,
      card: document.querySelector('[data-chart="trend"]')!.getBoundingClientRect().width,
      canvas: document.querySelector('[data-chart="trend"] canvas')!.getBoundingClientRect().width,
    }))
    expect(widths.page, 'no sideways scrolling').to.be.at.most(widths.window)
    expect(widths.canvas).to.be.below(widths.card)
    await screenshot(page, 'trends-by-address')
    expect(page.problems).to.deep.equal([])
  })
})
