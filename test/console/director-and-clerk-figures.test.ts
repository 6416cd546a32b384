import { expect } from 'chai'
import { readFileSync } from 'node:fs'
import { addDays, startOfLocalDate } from '../../src/domain/business-calendar.js'
import { mondayOf } from '../../src/domain/case-series.js'
import { localDate, monthDayText } from '../../src/domain/dates.js'
import { asDeputy, Client } from '../helpers/app.js'
import { buildResident } from '../factories.js'
import { logInAs, newPage, screenshot, useConsole, type ConsolePage } from './harness.js'
import { ANSWER_IN_THREE_DAYS } from '../helpers/weekly-report-week.js'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/**
 * A Monday at 光明社区 (建设路街道代表联络站): thirteen residents write. One answer comes at once; 张国华, the clerk, hands
 * one message up to 澜江区's office (上报) after its deputy handed it back, and keeps another its deputy handed back;
 * ten wait on their deputies. On the Friday of the next week seven more come in and are handed back to her.
 *
 * The office's rules give three working days to answer (ANSWER_IN_THREE_DAYS): by that Friday every message of the
 * Monday still waiting is past its reply deadline (超期). 陈明亮, who directs 澜江区's office, finds what waits for his
 * office on his first screen, and his breakdowns by station and by deputy add up to the figures above them; 按时答复
 * judges the reply's deadline, which every waiting message of the Monday has passed. The clerk's 待分派 list puts the
 * one eleven days late on top. The last week's 周报 says its overdue days are counted to the week's last day, how many
 * it leaves out, and 未分派 where no deputy holds a message; its download says the same.
 */
describe('console: what waits for the district office, rows that add up, the clerk’s queue and the weekly report', function () {
  // A real browser on a shared machine: each story gets two minutes (it usually needs under thirty seconds).
  this.timeout(120_000)
  const story = useConsole({ overrides: ANSWER_IN_THREE_DAYS })
  const tickets: Record<string, string> = {}
  let weekEndDay = ''
  let weekMonday = ''

  before(async function () {
    this.timeout(120_000)
    const { app } = story
    const zone = app.liaison.config.business.timeZone
    // Next Monday, 10:00: a week of its own, whatever day the test runs on.
    weekMonday = addDays(mondayOf(localDate(app.clock.now(), zone)), 7)
    weekEndDay = addDays(weekMonday, 6)
    app.clock.set(new Date(startOfLocalDate(weekMonday, zone).getTime() + 10 * HOUR))
    const clerk = await new Client(app.baseUrl).login('zhangguohua', app.login((l) => l.username === 'zhangguohua').password)
    const write = async (text: string) => {
      app.clock.advance(MINUTE)
      const sent = await (await buildResident(app)).post('/api/mp/cases', { text, regionId: 'c010101' })
      expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
      const stored = (await app.liaison.store.cases.get(sent.body.id))!
      expect(stored.stationId, '光明社区 is 建设路街道代表联络站’s').to.equal('st001')
      return { id: stored.id, ticket: stored.ticket, deputy: await asDeputy(app, stored.deputyId!) }
    }
    const handBack = async (c: Awaited<ReturnType<typeof write>>) =>
      expect((await c.deputy.post(`/api/mp/deputy/cases/${c.id}/transfer`, { reason: '不是我熟悉的事，请站里另找代表' })).status).to.equal(200)

    const queued = await write('光明社区垃圾桶满了好几天没人清运，味道很大')
    await handBack(queued)
    const handedUp = await write('光明社区的医保报销政策看不懂，想请人解释一下')
    await handBack(handedUp)
    expect((await clerk.post(`/api/admin/cases/${handedUp.id}/hand-up`, { reason: '涉及全区医保政策，本站无法答复' })).status).to.equal(200)
    const answered = await write('光明社区门口的路灯坏了，晚上很黑')
    expect((await answered.deputy.post(`/api/mp/deputy/cases/${answered.id}/reply`, { text: '已请街道今天把路灯修好了。' })).status).to.equal(200)
    for (let i = 1; i <= 10; i++) await write(`光明社区${i}号楼楼道灯不亮，晚上上下楼很黑`)
    Object.assign(tickets, { queued: queued.ticket, handedUp: handedUp.ticket })

    // Friday of the next week, 10:00: seven new messages, each handed back to the station.
    app.clock.set(new Date(startOfLocalDate(addDays(weekMonday, 11), zone).getTime() + 10 * HOUR))
    for (let i = 1; i <= 7; i++) await handBack(await write(`光明社区${i}号楼门口的下水道堵了，污水漫到路上`))
  })

  const director = () => story.app.login((l) => l.username === 'chenmingliang')
  /** The cells of each row of a table, as the page shows them. */
  const cells = (page: ConsolePage, table: string) =>
    page
      .locator(`${table} tbody tr:not(.t-table__empty-row)`)
      .evaluateAll((rows) => rows.map((tr) => [...tr.children].map((td) => (td as HTMLElement).innerText.trim())))
  const figure = async (page: ConsolePage, title: string) =>
    Number((await page.getByLabel(new RegExp(`^${title} \\d+ 条`)).getAttribute('aria-label'))!.split(' ')[1])

  it('陈明亮 sees what waits for his office first, and the rows by station and by deputy add up to the figures above them', async () => {
    const page = await newPage(story.browser, story.app)
    await logInAs(page, director())
    await page.getByRole('heading', { name: '工作概览' }).waitFor()
    // His office by its name (review 36, finding 16), not a fixed 区人大办.
    const waiting = page.getByLabel('上报到澜江区人大办、等您分派 1 条，点击查看')
    await waiting.waitFor()
    expect(await waiting.innerText()).to.include('去分派')
    expect(await waiting.innerText(), 'who places them, by name').to.include('要由澜江区人大办交给代表')
    // His 1 is only what waits for his office: the 8 at the station, counted in the 还没交给代表 row below, are said (review 44).
    expect(await waiting.locator('[data-test="at-stations"]').innerText()).to.equal('另有 8 条在联络站，等联络站分派')
    const [open, overdue] = [await figure(page, '正在办理'), await figure(page, '已超期')]

    const card = page.locator('[data-chart="responsiveness"]')
    await card.locator('tbody tr').first().waitFor()
    const stations = await cells(page, '[data-chart="responsiveness"]')
    expect(stations.map((r) => r[0])).to.deep.equal(['建设路街道代表联络站', '澜江区人大常委会办公室'])
    // The first column says what it lists, as the tab chose it: 联络站 here, 代表 below (名称 named nothing).
    const head = () => card.locator('thead th').first().innerText()
    expect(await head()).to.equal('联络站')
    // 按时答复: the one answer in time, the station's eleven waiting past their reply deadline not; nor the office's one.
    expect(stations[1].slice(1)).to.deep.equal(['1', '1', '1', '0%'])
    expect(stations[0][4]).to.equal('8%')
    const sum = (rows: string[][], col: number) => rows.reduce((n, r) => n + Number(r[col]), 0)
    expect(sum(stations, 2), '在办 adds up to 正在办理').to.equal(open)
    expect(sum(stations, 3), '已超期 adds up to 已超期').to.equal(overdue)
    expect(await page.getByTestId('responsiveness-notes').innerText())
      .to.include('“澜江区人大常委会办公室”一行：联络站上报的、所在地没有联络站的留言，由澜江区人大常委会办公室分派给代表。')
      .and.include('过了答复期限还没答复的，算作没有按时答复')
    await page.waitForTimeout(600) // the charts' first drawing animates
    await screenshot(page, 'director-dashboard-office')

    await card.locator('.t-tabs').getByText('按代表').click()
    await page.waitForFunction(() => document.querySelector('[data-chart="responsiveness"] tbody')?.textContent?.includes('还没交给代表'))
    const deputies = await cells(page, '[data-chart="responsiveness"]')
    expect(await head()).to.equal('代表')
    // The two of the Monday no deputy holds are past their reply deadline; the seven of the Friday are not yet due.
    // What it counts (every message no deputy holds yet, at the office or a station), not 未分派 beside 等您分派 1 条.
    expect(deputies.at(-1)).to.deep.equal(['还没交给代表', '9', '9', '2', '0%'])
    expect(await page.getByTestId('responsiveness-notes').innerText()).to.include('“还没交给代表”一行：在联络站或人大办、等着分派给代表的留言。')
    expect(sum(deputies, 2), '在办 adds up to 正在办理').to.equal(open)
    expect(sum(deputies, 3), '已超期 adds up to 已超期').to.equal(overdue)
    // A deputy holding a message past its reply deadline has not answered everything in time.
    const behind = deputies.slice(0, -1).filter((r) => Number(r[3]) > 0)
    expect(behind.length, 'deputies with a message past its reply deadline').to.be.greaterThan(0)
    expect(behind.map((r) => r[4]))
      .not.to.include('100%')
      .and.not.to.include('—')
    await screenshot(page, 'director-dashboard-unassigned')

    // The figure opens exactly the message handed up, the longest overdue first.
    await waiting.click()
    await page.waitForURL(/atOffice=true/)
    expect(page.url()).to.include('order=due')
    await page.getByText('在澜江区人大办（联络站上报，或没有联络站）').waitFor()
    await page.locator('tbody tr:not(.t-table__empty-row)').first().waitFor()
    const listed = await cells(page, '')
    expect(listed).to.have.length(1)
    expect(listed[0].join(' ')).to.include(tickets.handedUp).and.include('澜江区人大常委会办公室')
    await screenshot(page, 'director-office-queue')
    expect(page.problems).to.deep.equal([])
  })

  it('统计分析 says how many no station or deputy holds, and 按时答复 by the reply’s deadline', async () => {
    const page = await newPage(story.browser, story.app)
    await logInAs(page, director(), '/stats?groupBy=station')
    await page.getByRole('heading', { name: '统计分析' }).waitFor()
    const rest = page.getByTestId('stats-rest')
    await rest.waitFor()
    expect(await rest.innerText()).to.include('另有 1 条由澜江区人大办办理（联络站上报的，或所在地没有联络站），其中 1 条已超期，不在上面的联络站里。')
    const figures = (await page.locator('.t-statistic').allInnerTexts()).map((t) => t.replace(/\s/g, ''))
    expect(figures).to.include('留言总数20条').and.include('按时答复8%')
    await page.getByText('过了答复期限还没答复的，算作没有按时答复').waitFor()
    // The median said as a clerk asks it, and what it is once under the table (no 中位数).
    expect(await page.locator('[data-chart="stats"] thead').innerText())
      .to.include('一般几天答复')
      .and.not.include('中位数')
    expect(await page.getByTestId('days-note').innerText()).to.equal('一般几天答复：一半的留言在这个天数内答复。')
    // Answered the day they came: 当天, not a 0 she reads as "never answered".
    expect(
      (await cells(page, '[data-chart="stats"]')).map((r) => r[5]),
      '一般几天答复',
    ).to.deep.equal(['当天'])
    await screenshot(page, 'director-stats-station')

    await page.locator('[aria-label="分组"]').getByText('按代表').click()
    await page.waitForURL(/groupBy=deputy/)
    await page.getByText('另有 9 条还没交给代表，其中 2 条已超期，不在上面的代表名下。').waitFor()
    await screenshot(page, 'director-stats-deputy')
    await rest.getByRole('link', { name: '查看这些留言' }).click()
    await page.waitForURL(/status=submitted/)
    await page.locator('tbody tr:not(.t-table__empty-row)').first().waitFor()
    expect(await page.locator('tbody tr').count()).to.equal(9)
    expect(page.problems).to.deep.equal([])
  })

  it('张国华’s 待分派 list puts the message eleven days late on top, and keeps the order in the address', async () => {
    const page = await newPage(story.browser, story.app)
    await logInAs(
      page,
      story.app.login((l) => l.username === 'zhangguohua'),
    )
    await page.getByRole('heading', { name: '留言办理' }).waitFor()
    await page.locator('tbody tr:not(.t-table__empty-row)').first().waitFor()
    const firstTicket = async () => (await page.locator('tbody tr').first().innerText()).split(/\s+/).find((w) => /^\d{8}-\d{4}$/.test(w))

    await page.getByLabel('状态').click()
    await page.getByRole('listitem').filter({ hasText: '待分派' }).click()
    await page.waitForURL(/status=submitted/)
    await page.waitForURL(/order=due/)
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 8)
    const top = await page.locator('tbody tr').first().innerText()
    // Eleven days late to be placed, its reply due a week ago: 已超期 (the reply deadline's), not 未按时受理.
    expect(top)
      .to.include(tickets.queued)
      .and.match(/已超期 \d+ 天/)
    expect(await page.locator('.t-radio-button.t-is-checked').innerText()).to.equal('最先到期在前')
    await screenshot(page, 'clerk-queue-due-first')
    await page.reload()
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 8)
    expect(await firstTicket(), 'a reload keeps the order').to.equal(tickets.queued)

    // Her own choice stays too: newest first, in the address.
    await page.getByText('最新提交在前').click()
    await page.waitForURL(/order=newest/)
    await page.reload()
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 8)
    expect(await firstTicket()).not.to.equal(tickets.queued)
    expect(await page.locator('tbody tr').last().innerText()).to.include(tickets.queued)

    // 工作概览's 去分派 opens the queue the same way.
    await page.locator('.t-menu').getByText('工作概览').click()
    await page.getByLabel('等您分派 8 条，点击查看').click()
    await page.waitForURL(/status=submitted.*order=due|order=due.*status=submitted/)
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 8)
    expect(await firstTicket()).to.equal(tickets.queued)
    expect(page.problems).to.deep.equal([])
  })

  it('the weekly report counts overdue days to the week’s last day, says how many it lists, and names 未分派; its download says the same', async () => {
    const asOf = monthDayText(weekEndDay)
    const page = await newPage(story.browser, story.app, { acceptDownloads: true })
    await logInAs(page, director(), `/analysis/weekly-report?week=${weekMonday}`)
    await page.getByRole('heading', { name: '分析周报', exact: true }).waitFor()
    const count = page.getByTestId('overdue-count')
    await count.waitFor()
    expect(await count.innerText()).to.equal(`截至${asOf}，共 12 条，列出超期最久的 10 条`)
    const figures = (await page.locator('.report .figure').allInnerTexts()).map((t) => t.replace(/\s/g, ''))
    expect(figures).to.include(`已超期12条过了答复期限还没答复，截至${asOf}`)
    const overdueCard = page.locator('.t-card').filter({ hasText: '已超期、还没答复的留言' })
    expect(await overdueCard.locator('thead').innerText()).to.include(`超期天数（截至${asOf}）`)
    const rows = await cells(page, '.t-card:has-text("已超期、还没答复的留言")')
    expect(rows).to.have.length(10)
    const row = (ticket: string) => rows.find((r) => r[0] === ticket)!
    expect(row(tickets.queued).slice(2, 4)).to.deep.equal(['建设路街道代表联络站', '未分派'])
    expect(row(tickets.handedUp).slice(2, 4)).to.deep.equal(['澜江区人大常委会办公室', '未分派'])
    await page.getByTestId('deputy-rest').getByText('另有 2 条没有分派给代表（未分派），不在上面的代表名下。').waitFor()
    // 一般几天答复 of answers given the day they came: 当天, not a 0 she reads as "never answered".
    const daysOf = async (title: string) => (await cells(page, `.t-card:has-text("${title}")`)).map((r) => [r[0], r[4]])
    expect(await daysOf('各联络站办理情况'))
      .to.deep.include(['建设路街道代表联络站', '当天'])
      .and.not.deep.include(['建设路街道代表联络站', '0'])
    expect(
      (await daysOf('各位代表办理情况')).find((r) => r[1] !== '暂无'),
      'the one deputy who answered',
    ).to.deep.equal(['朱丽华', '当天'])
    await screenshot(page, 'director-weekly-report')

    const downloading = page.waitForEvent('download')
    await page.getByRole('button', { name: '下载表格' }).click()
    const csv = readFileSync((await (await downloading).path())!, 'utf8')
    expect(csv).to.include('\r\n按主题\r\n').and.not.include('按类别')
    expect(csv).to.include(`截至${asOf}，共 12 条，列出超期最久的 10 条`)
    expect(csv)
      .to.include(`${tickets.handedUp},`)
      .and.match(new RegExp(`${tickets.queued},[^,]+,建设路街道代表联络站,未分派,\\d+\\r\\n`))
    expect(csv).to.include('名称,留言,按时受理,按时答复,一般几天答复,满意度（分）')
    expect(csv).to.match(/\r\n建设路街道代表联络站,12,[^,]+,[^,]+,当天,/)
    expect(page.problems).to.deep.equal([])
  })
})
