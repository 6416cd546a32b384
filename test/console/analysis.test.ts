import { expect } from 'chai'
import { asDeputy, asResident, Client } from '../helpers/app.js'
import { mondayOf } from '../../src/domain/case-series.js'
import { localDate } from '../../src/domain/dates.js'
import { logInAs, newPage, screenshot, useConsole, type ConsoleApp } from './harness.js'
import { dayOf, nextMorning } from './morning.js'

/**
 * 分析研判 in the console. Five families of 光明社区 write about one broken lift: 张国华 of
 * 建设路街道代表联络站 sees it among the hot issues, 陈明亮 of 澜江区 reads it at the top of
 * this week's report with its chart; a message put under the wrong topic is corrected; an
 * answered message its writer agreed to publish is checked and published for anyone to read.
 */
describe('console: 分析研判', function () {
  // A real browser on a shared machine: each story gets two minutes (it usually needs under thirty seconds).
  this.timeout(120_000)
  const story = useConsole()
  let app: ConsoleApp
  const lift = [
    '光明社区3号楼电梯又坏了，老人上不去楼，请尽快修电梯',
    '光明社区3号楼的电梯坏了一个星期了，没人来修，老人上下楼太难了',
    '光明社区3号楼电梯坏了好几天，老人腿脚不便上不去楼',
    '3号楼电梯又坏了！老人上不去楼，求求代表帮忙催一下修电梯',
    '光明社区3号楼电梯坏了没人修，老人只能在楼下等，太难了',
  ]
  before(async () => {
    app = story.app
    // All five on one morning (so in one week, whatever the day the test runs), a minute apart from 9:05: the
    // report's 统计到 then says the hour as people write it (9:10, not 09:10).
    app.clock.set(nextMorning(app.clock.now()))
    for (const text of lift) {
      const resident = await asResident(app)
      expect((await resident.post('/api/mp/cases', { text, regionId: 'c010101' })).status).to.equal(201)
      app.clock.advance(60_000) // the last one, too, before "now" (hot issues count up to now)
    }
  })
  const staff = () => app.login((l) => l.username === 'zhangguohua')

  it('station staff see the five lift messages as one hot issue, with its 热度, and open its messages', async () => {
    const page = await newPage(story.browser, app)
    await logInAs(page, staff(), '/analysis/hot-issues')
    await page.getByRole('heading', { name: '热点问题' }).waitFor()
    const issue = page.getByTestId('hot-issue').filter({ hasText: '电梯' })
    await issue.waitFor()
    expect(await issue.innerText())
      .to.include('光明社区')
      .and.include('留言 5 条')
      .and.include('涉及居民 5 位')
      .and.include('热度')
    expect(await issue.innerText(), 'days in words, as the dashboard writes them').to.match(/时间 \d{1,2}月\d{1,2}日/)
    expect(await issue.innerText()).not.to.match(/\d\/\d/)
    // Each date box says which date it takes; the default is said once, in a line of its own.
    const range = page.locator('.t-range-input input')
    expect(await range.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).placeholder))).to.deep.equal(['开始日期', '结束日期'])
    await page.locator('[data-test=default-range]').getByText('不选日期时，看最近30天的留言。').waitFor()
    // The resident's 重新办理 in her words, not 退回 (a deputy's handing back to the station is another step).
    expect(await page.locator('[data-test=heat-rule]').innerText())
      .to.include('群众要求重新办理或超期的')
      .and.not.include('退回')
    await screenshot(page, 'console-analysis-hot-issues')

    await issue.getByRole('link', { name: '第 1 条' }).click()
    await page.getByRole('heading', { name: /^留言 / }).waitFor()
    expect(await page.getByText('电梯').first().innerText()).to.include('电梯')
    expect(page.problems).to.deep.equal([])
  })

  it("an organizer opens this week's report and sees the lift at the top and the charts drawn", async () => {
    const week = localDate(app.clock.now(), app.liaison.config.business.timeZone)
    const page = await newPage(story.browser, app, { acceptDownloads: true })
    await logInAs(
      page,
      app.login((l) => l.username === 'chenmingliang'),
      `/analysis/weekly-report?week=${week}`,
    )
    await page.getByRole('heading', { name: '分析周报', exact: true }).waitFor()
    // This week, still running: its days say how far it counts, and 比上周 does not compare a part of a week with a whole one.
    expect(await page.locator('.report .sub').innerText()).to.match(
      new RegExp(`^\\d{1,2}月\\d{1,2}日至\\d{1,2}月\\d{1,2}日（本周还没过完，统计到${dayOf(app.clock.now())} 9:10）　·　生成于`),
    )
    const compared = page.locator('.report .figure').filter({ hasText: '比上周' })
    expect((await compared.innerText()).replace(/\s/g, '')).to.equal('比上周本周还没过完，暂不比较')
    const top = page.getByTestId('top-issues').locator('li').first()
    await top.waitFor()
    expect(await top.innerText())
      .to.include('光明社区')
      .and.include('电梯')
      .and.include('新出现')
    await page.waitForFunction(() => JSON.parse(document.querySelector('[data-chart="by-place"] .chart')?.getAttribute('data-bars') ?? '[]').length > 0)
    expect(await page.locator('[data-chart="by-place"] .chart').getAttribute('aria-label')).to.include('光明社区')
    const asked = page.waitForRequest((r) => r.url().includes('/weekly-report.csv'))
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载表格' }).click()])
    expect((await asked).url()).to.match(/weekly-report\.csv\?scope=d01&week=\d{4}-\d{2}-\d{2}$/)
    // Named for whose it is (d01, 澜江区) and the week's Monday, as the page asked for it.
    expect(download.suggestedFilename()).to.equal(`澜江区-分析研判周报-${mondayOf(week)}.csv`)
    await page.emulateMedia({ media: 'print' })
    expect(await page.locator('.shell-aside').isVisible(), 'the menu is not printed').to.equal(false)
    await screenshot(page, 'console-analysis-weekly-report')
    await page.emulateMedia({ media: 'screen' })

    // In the office's words, not a programmer's (训练): what pressing does, and what it did.
    const sorting = page.locator('.retrain')
    expect(await sorting.locator('p').innerText()).to.equal('工作人员在留言详情里“更正主题”后，点下面的按钮，以后的留言会照这些更正分主题。')
    await sorting.getByRole('button', { name: '按本区的更正改进主题分类' }).click()
    await sorting.getByText(/^已按 \d+ 条更正改进主题分类$/).waitFor()
    expect(page.problems).to.deep.equal([])
  })

  it('the trend page draws messages per week by community', async () => {
    const page = await newPage(story.browser, app)
    await logInAs(page, staff(), '/analysis/trends')
    await page.getByRole('heading', { name: '趋势' }).waitFor()
    const chart = page.locator('[data-chart="trend"] .line-chart')
    await chart.waitFor()
    expect(await chart.getAttribute('aria-label')).to.match(/光明社区：[\d、]*5 条/)
    // The axis and its summary name weeks by their Monday in words, never 2026-09-07; the week under way as 本周（未完）.
    expect(await chart.getAttribute('aria-label')).to.match(/^\d{1,2}月\d{1,2}日至(\d{1,2}月\d{1,2}日|本周（未完）)，/)
    await screenshot(page, 'console-analysis-trends')
    await page.getByText('每月', { exact: true }).click()
    await page.waitForFunction(() => /^\d{4}年\d{1,2}月至/.test(document.querySelector('[data-chart="trend"] .line-chart')?.getAttribute('aria-label') ?? ''))
    expect(page.problems).to.deep.equal([])
  })

  it('staff correct a case put under the wrong topic, and the timeline says so', async () => {
    const resident = await asResident(app)
    const { body } = await resident.post('/api/mp/cases', { text: '光明社区幼儿园门口早上堵车严重，孩子上学不安全', regionId: 'c010101' })
    const before = (await app.liaison.store.cases.get(body.id))!
    const wanted = before.topic === '教育' ? '交通出行' : '教育'
    const page = await newPage(story.browser, app)
    await logInAs(page, staff(), `/cases/${body.id}`)
    await page.getByRole('heading', { name: `留言 ${before.ticket}` }).waitFor()
    await page.getByRole('button', { name: '更正主题' }).click()
    await page.getByLabel('正确的主题').click()
    await page.getByRole('listitem').filter({ hasText: wanted }).click()
    await page.getByRole('button', { name: '确认更正' }).click()
    await page.getByLabel('办理经过').getByText('更正主题').waitFor()
    expect((await app.liaison.store.cases.get(body.id))!.topic).to.equal(wanted)
    expect(page.problems).to.deep.equal([])
  })

  it('staff check a message its writer agreed to publish, publish it, and anyone can read it without logging in', async () => {
    const resident = await asResident(app)
    const { body } = await resident.post('/api/mp/cases', {
      text: '我叫王大爷，电话13912345678，光明社区健身器材坏了好久了，孩子玩的时候很危险',
      regionId: 'c010101',
      publicConsent: true,
    })
    const c = (await app.liaison.store.cases.get(body.id))!
    const deputy = await asDeputy(app, c.deputyId!)
    expect((await deputy.post(`/api/mp/deputy/cases/${c.id}/reply`, { text: '已请街道安排更换健身器材，下周完工。' })).status).to.equal(200)

    const page = await newPage(story.browser, app)
    await logInAs(page, staff(), '/analysis/publications')
    const card = page.getByTestId('candidate').filter({ hasText: c.ticket })
    await card.waitFor()
    expect(await card.innerText())
      .to.include('健身器材坏了')
      .and.not.include('13912345678')
    await card.getByRole('button', { name: '检查并发布' }).click()
    await page.getByLabel('公开的留言内容').locator('textarea').fill('光明社区健身器材坏了好久了，孩子玩的时候很危险')
    await page.getByRole('button', { name: '发布', exact: true }).click()
    await card.getByText(/已发布/).waitFor()

    const list = await new Client(app.baseUrl).get('/api/public/cases')
    expect(list.status).to.equal(200)
    expect(list.body.items.map((p: { id: string; question: string }) => [p.id, p.question])).to.deep.include([
      c.id,
      '光明社区健身器材坏了好久了，孩子玩的时候很危险',
    ])

    // Taken down from the same card.
    await card.getByRole('button', { name: '撤下' }).click()
    await page.getByRole('button', { name: '确定' }).click()
    await card.getByText('未发布').waitFor()
    expect((await new Client(app.baseUrl).get('/api/public/cases')).body.items.map((p: { id: string }) => p.id)).not.to.include(c.id)
    expect(page.problems).to.deep.equal([])
  })
})
