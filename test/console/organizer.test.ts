import { expect } from 'chai'
import { readFileSync } from 'node:fs'
import { asResident, Client } from '../helpers/app.js'
import { demoDirectory } from '../../src/demo/demo-city.js'
import { logInAs, newPage, screenshot, useConsole, type ConsoleApp } from './harness.js'

/** A community of the demo city in a district, and the station covering it. */
function communityIn(district: string) {
  const regions = demoDirectory().regions ?? []
  const streets = regions.filter((r) => r.parentId === district).map((r) => r.id)
  return regions.find((r) => r.kind === 'community' && streets.includes(r.parentId!))!.id
}

/** 陈诗涵 organizes for the whole city; 陈明亮 for 澜江区 (d01) only. */
describe('console: organizers', function () {
  // A real browser on a shared machine: each story gets two minutes (it usually needs under thirty seconds).
  this.timeout(120_000)
  // The city's office by the name its config gives it: a refused page names whom to ask by it.
  const story = useConsole({ overrides: { business: { officeName: '青澜市人大常委会办公室' } } })
  let app: ConsoleApp
  const tickets: Record<string, string[]> = { d01: [], d02: [] }
  const ids: Record<string, string[]> = { d01: [], d02: [] }
  before(async () => {
    app = story.app
    const resident = await asResident(app)
    const texts = { d01: ['光明社区路灯坏了', '幸福社区垃圾清运不及时', '建新社区停车难'], d02: ['澜东区学校门口交通拥堵'] }
    for (const [district, list] of Object.entries(texts)) {
      for (const text of list) {
        const answer = await resident.post('/api/mp/cases', { text, regionId: communityIn(district) })
        expect(answer.status).to.equal(201)
        ids[district].push(answer.body.id)
        tickets[district].push((await app.liaison.store.cases.get(answer.body.id))!.ticket)
      }
    }
  })

  it('a click on a dashboard bar lists exactly the cases behind it, and "导出当前列表" downloads them as a spreadsheet', async () => {
    const page = await newPage(story.browser, app, { acceptDownloads: true })
    await logInAs(
      page,
      app.login((l) => l.username === 'chenshihan'),
    )
    await page.getByRole('heading', { name: '工作概览' }).waitFor()
    expect(new URL(page.url()).pathname).to.equal('/console/dashboard')
    await page.getByLabel(/今天新收到 4 条/).waitFor()
    // Nothing overdue on a first day: the 0 is not in alarm red.
    const overdue = page.getByLabel(/^已超期 0 条/)
    await overdue.waitFor()
    expect(await overdue.locator('.figure-count').getAttribute('class')).not.to.include('danger')
    // The whole city's offices are many words: the card's title says 人大办, its hint names them.
    const office = page.getByLabel(/^上报到人大办、等待分派 0 条/)
    await office.waitFor()
    expect(await office.innerText()).to.include('要由各区县人大办和青澜市人大办交给代表')
    await screenshot(page, 'dashboard')

    // The district chart: one bar per district; click 澜江区's.
    const chart = page.locator('[data-chart="responsiveness"] .chart')
    await page.waitForFunction(() => JSON.parse(document.querySelector('[data-chart="responsiveness"] .chart')?.getAttribute('data-bars') ?? '[]').length > 0)
    const bars = JSON.parse((await chart.getAttribute('data-bars'))!) as Array<{ name: string; x: number; y: number }>
    const bar = bars.find((b) => b.name === '澜江区')!
    await chart.click({ position: { x: bar.x, y: bar.y } })
    await page.waitForURL(/\/console\/cases\?districtId=d01/)
    await page.getByText('区县：澜江区').waitFor()
    await page.waitForFunction((n) => document.querySelectorAll('tbody tr').length === n, tickets.d01.length)
    const listed = await page.locator('tbody').innerText()
    for (const t of tickets.d01) expect(listed).to.include(t)
    for (const t of tickets.d02) expect(listed).not.to.include(t)
    await screenshot(page, 'dashboard-click-through')

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByText('导出当前列表').click()])
    const bytes = readFileSync((await download.path())!)
    expect([...bytes.subarray(0, 3)], 'a BOM, so Excel reads the Chinese').to.deep.equal([0xef, 0xbb, 0xbf])
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n')
    expect(lines[0]).to.match(/^留言编号,/)
    expect(
      lines
        .slice(1)
        .map((l) => l.split(',')[0])
        .sort(),
    ).to.deep.equal([...tickets.d01].sort())
    expect(page.problems).to.deep.equal([])
  })

  it("the statistics page shows figures per station; a bar opens that station's cases", async () => {
    const page = await newPage(story.browser, app)
    await logInAs(
      page,
      app.login((l) => l.username === 'chenshihan'),
      '/stats?groupBy=station',
    )
    await page.getByRole('heading', { name: '统计分析' }).waitFor()
    const chart = page.locator('[data-chart="stats"] .chart')
    await page.waitForFunction(() => JSON.parse(document.querySelector('[data-chart="stats"] .chart')?.getAttribute('data-bars') ?? '[]').length > 0)
    const bars = JSON.parse((await chart.getAttribute('data-bars'))!) as Array<{ name: string; x: number; y: number }>
    expect(bars.length).to.be.greaterThan(1)
    await screenshot(page, 'stats')
    await chart.click({ position: { x: bars[0].x, y: bars[0].y } })
    await page.waitForURL(/\/console\/cases\?.*stationId=st/)
    await page.getByText(`联络站：${bars[0].name}`).waitFor()

    // One topic chosen, grouped by topic: one group, "第 1 名", not "第 1–1 名".
    const office = await new Client(app.baseUrl).login('chenshihan', app.login((l) => l.username === 'chenshihan').password)
    const [topic] = (await office.get('/api/admin/cases/stats?groupBy=topic')).body.groups as Array<{ key: string }>
    await page.goto(`/console/stats?groupBy=topic&topic=${encodeURIComponent(topic.key)}`)
    const title = page.locator('[data-chart="stats"] .t-card__title')
    await title.getByText('按主题：收到的留言（第 1 名）').waitFor()
    expect(await title.innerText()).not.to.include('1–1')
    expect(page.problems).to.deep.equal([])
  })

  it("the statistics by deputy come a page at a time in the order chosen, with how many in all; a row opens that deputy's cases", async () => {
    // Messages to 24 deputies, three to the first: more deputies with messages than one page holds.
    const resident = await asResident(app)
    const deputies = (demoDirectory().deputies ?? []).slice(0, 24)
    for (const [i, d] of deputies.entries())
      for (let n = 0; n < (i === 0 ? 3 : 1); n++)
        // Each deputy's own gate: the same words twice from her would be asked about first (409 same_message_open).
        expect((await resident.post('/api/mp/cases', { text: `第${n + 1}件：小区门口路灯不亮（写给${d.code}）`, deputyCode: d.code })).status).to.equal(201)
    const office = await new Client(app.baseUrl).login('chenshihan', app.login((l) => l.username === 'chenshihan').password)
    const server = async (query: string) =>
      (await office.get(`/api/admin/cases/stats?groupBy=deputy&${query}`)).body as { groupCount: number; groups: Array<{ name: string }> }
    const byTotal = await server('sort=total&limit=20')
    expect(byTotal.groupCount).to.be.greaterThan(20)

    const page = await newPage(story.browser, app)
    await logInAs(
      page,
      app.login((l) => l.username === 'chenshihan'),
      '/stats?groupBy=deputy&page=9', // an old address: there is no page 9 any more
    )
    await page.getByRole('heading', { name: '统计分析' }).waitFor()
    await page.waitForURL((url) => url.searchParams.get('groupBy') === 'deputy' && !url.searchParams.has('page'))
    const count = page.locator('[data-count]')
    await count.waitFor()
    expect(await count.innerText()).to.equal(`共 ${byTotal.groupCount} 位代表，收到最多的排在前面`)
    expect(await page.getByRole('radio', { name: '收到最多' }).isChecked()).to.equal(true)
    const names = async () => (await page.locator('tbody tr td:nth-child(2)').allInnerTexts()).map((t) => t.trim())
    expect(await names()).to.deep.equal(byTotal.groups.map((g) => g.name))
    // The chart draws this page only, not every deputy.
    const bars = JSON.parse((await page.locator('[data-chart="stats"] .chart').getAttribute('data-bars'))!) as unknown[]
    expect(bars).to.have.length(20)
    await screenshot(page, 'stats-deputies')

    // Page two continues where page one ended, numbered on.
    await page.locator('.t-pagination').getByText('2', { exact: true }).click()
    await page.waitForURL(/page=2/)
    const second = await server('sort=total&limit=20&offset=20')
    await page.waitForFunction((first) => document.querySelector('tbody tr td:nth-child(2)')?.textContent?.trim() === first, second.groups[0].name)
    expect(await names()).to.deep.equal(second.groups.map((g) => g.name))
    expect((await page.locator('tbody tr td:nth-child(1)').first().innerText()).trim()).to.equal('21')

    // Another order starts again at page one, and says so in the address.
    await page.getByText('已超期最多').click()
    await page.waitForURL((url) => url.searchParams.get('sort') === 'overdue' && !url.searchParams.has('page'))
    const byOverdue = await server('sort=overdue&limit=20')
    await page.waitForFunction((first) => document.querySelector('tbody tr td:nth-child(2)')?.textContent?.trim() === first, byOverdue.groups[0].name)
    expect(await names()).to.deep.equal(byOverdue.groups.map((g) => g.name))
    expect(await count.innerText()).to.include('已超期最多的排在前面')

    // Orders chosen quickly one after the other: a slow answer for the one left behind does not replace the last.
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    await page.route(/\/api\/admin\/cases\/stats\?.*sort=total/, async (route) => {
      await held
      await route.continue()
    })
    await page.getByText('收到最多').click()
    await page.getByText('按时答复最低').click()
    const byReplied = await server('sort=replied&limit=20')
    await page.waitForFunction((first) => document.querySelector('tbody tr td:nth-child(2)')?.textContent?.trim() === first, byReplied.groups[0].name)
    const late = page.waitForResponse(/\/api\/admin\/cases\/stats\?.*sort=total/)
    release()
    await late
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)))
    expect(await names(), 'still the order chosen last').to.deep.equal(byReplied.groups.map((g) => g.name))
    expect(await count.innerText()).to.include('按时答复最低')
    await page.unroute(/\/api\/admin\/cases\/stats\?.*sort=total/)

    await page.locator('tbody tr').first().click()
    await page.waitForURL(/\/console\/cases\?.*deputyId=/)
    expect(page.problems).to.deep.equal([])
  })

  it('an address with a page the statistics cannot have opens the first page, not an error', async () => {
    const page = await newPage(story.browser, app)
    await logInAs(
      page,
      app.login((l) => l.username === 'chenshihan'),
      '/stats?groupBy=station&page=99999999',
    )
    await page.waitForURL((url) => url.searchParams.get('groupBy') === 'station' && !url.searchParams.has('page'))
    await page.locator('[data-count]').waitFor()
    expect((await page.locator('tbody tr td:nth-child(1)').first().innerText()).trim()).to.equal('1')
    expect(page.problems).to.deep.equal([])
  })

  it("a district organizer who opens another district's case by its address is told they may not see it, and sees none of it", async () => {
    const page = await newPage(story.browser, app)
    await logInAs(
      page,
      app.login((l) => l.username === 'chenmingliang'),
    )
    await page.goto(`/console/cases/${ids.d02[0]}`)
    await page.getByRole('heading', { name: '无权查看这条留言' }).waitFor()
    const shown = await page.locator('body').innerText()
    expect(shown).not.to.include('澜东区学校门口交通拥堵')
    expect(shown).not.to.include(tickets.d02[0])
    // Whom to ask, by name: a district's organizer asks the city's office.
    expect(await page.getByTestId('ask-office').innerText()).to.equal('如果您认为应该能看到，请联系青澜市人大常委会办公室。')
    await screenshot(page, 'case-refused')

    // Their own district's case opens.
    await page.goto(`/console/cases/${ids.d01[0]}`)
    await page.getByText('光明社区路灯坏了').first().waitFor()

    // A clerk of 澜江区 asks her district's office.
    const clerk = await newPage(story.browser, app)
    await logInAs(
      clerk,
      app.login((l) => l.username === 'zhangguohua'),
    )
    await clerk.goto(`/console/cases/${ids.d02[0]}`)
    await clerk.getByRole('heading', { name: '无权查看这条留言' }).waitFor()
    expect(await clerk.getByTestId('ask-office').innerText()).to.equal('如果您认为应该能看到，请联系澜江区人大常委会办公室。')
  })
})
