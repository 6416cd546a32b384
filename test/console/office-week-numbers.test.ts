import { expect } from 'chai'
import { addDays, startOfLocalDate } from '../../src/domain/business-calendar.js'
import { mondayOf } from '../../src/domain/case-series.js'
import { localDate } from '../../src/domain/dates.js'
import { asDeputy, Client } from '../helpers/app.js'
import { buildDeputy, buildResident } from '../factories.js'
import { LIFT_MESSAGES } from '../fixtures.js'
import { logInAs, newPage, screenshot, useConsole } from './harness.js'

const MINUTE = 60_000
const HOUR = 60 * MINUTE

/**
 * 陈明亮 directs 澜江区's office (review 36). In a week of his, five lift messages come from 光明社区 and an advert the
 * clerk turns down; one lift message is answered and rated. Sixteen more deputies of 建设路街道代表联络站 each get a
 * message. His 周报 says what 收到 leaves out and how many rated, in whole-number 本周热度 and why it differs from
 * 热点问题's; his 工作概览 says how many deputies 按代表 leaves out and leads to all of them.
 */
describe('console: the office’s week in numbers it can count (review 36)', function () {
  this.timeout(120_000)
  const story = useConsole()
  let weekMonday = ''

  before(async function () {
    this.timeout(120_000)
    const { app } = story
    const zone = app.liaison.config.business.timeZone
    weekMonday = addDays(mondayOf(localDate(app.clock.now(), zone)), 7)
    app.clock.set(new Date(startOfLocalDate(weekMonday, zone).getTime() + 10 * HOUR))
    const write = async (text: string, deputyCode?: string) => {
      app.clock.advance(MINUTE)
      const resident = await buildResident(app)
      const sent = await resident.post('/api/mp/cases', { text, regionId: 'c010101', ...(deputyCode ? { deputyCode } : {}) })
      expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
      return { id: sent.body.id as string, resident, deputyId: (await app.liaison.store.cases.get(sent.body.id))!.deputyId! }
    }
    const lifts = []
    for (const text of LIFT_MESSAGES) lifts.push(await write(text))
    const advert = await write('低价出售保健品，有意者联系')
    const clerk = app.login((l) => l.username === 'zhangguohua')
    const staff = await new Client(app.baseUrl).login(clerk.username, clerk.password)
    expect((await staff.post(`/api/admin/cases/${advert.id}/reject`, { reason: '广告，不是意见建议' })).status).to.equal(200)
    const answered = lifts[0]
    expect(
      (await (await asDeputy(app, answered.deputyId)).post(`/api/mp/deputy/cases/${answered.id}/reply`, { text: '已请物业修好了电梯。' })).status,
    ).to.equal(200)
    expect((await answered.resident.post(`/api/mp/cases/${answered.id}/rate`, { rating: 4 })).status).to.equal(200)
    for (let n = 0; n < 16; n++) {
      const deputy = await buildDeputy(app, { stationIds: ['st001'] })
      await write('光明社区门口的路灯坏了，晚上很黑', deputy.code)
    }
    // The Monday after, 9:00.
    app.clock.set(new Date(startOfLocalDate(addDays(weekMonday, 7), zone).getTime() + 9 * HOUR))
  })

  const director = () => story.app.login((l) => l.username === 'chenmingliang')

  it('the 周报 says what 收到 leaves out, how many rated, 本周热度 in whole numbers and why it is not 热点问题’s, and the deputies’ order', async () => {
    const page = await newPage(story.browser, story.app)
    await logInAs(page, director(), `/analysis/weekly-report?week=${weekMonday}&scope=d01`)
    await page.getByRole('heading', { name: '分析周报', exact: true }).waitFor()
    const figures = page.locator('.report .figure')
    await figures.first().waitFor()
    const said = (await figures.allInnerTexts()).map((t) => t.replace(/\s/g, ''))
    expect(said.find((t) => t.startsWith('收到留言'))).to.match(/^收到留言\d+条其中不予受理1条，不计入下面的统计$/)
    // In the server's words, as the download says it.
    expect(said.find((t) => t.startsWith('比上周'))).to.match(/^比上周(多\d+条|少\d+条|持平)$/)
    // The ratings given in the week, said so.
    expect(said.find((t) => t.startsWith('满意度'))).to.match(/^满意度[\d.]+分本周\d+人评价，满意率\d+%（4分、5分算满意）$/)
    const issues = page.getByTestId('top-issues')
    expect(await issues.innerText()).to.match(/本周热度 \d+\s/)
    expect(await issues.innerText()).not.to.match(/热度 \d+\.\d/)
    expect(await page.getByTestId('heat-note').innerText()).to.equal(
      '本周热度只算本周的留言；“热点问题”页面的热度算所选时间段（默认近 30 天）的留言，所以同一个问题的数字不一样。',
    )
    expect(await page.getByTestId('deputy-order').innerText()).to.equal('按本周留言多少排列，一样多的超期多的在前。')
    await screenshot(page, 'office-week-report-numbers')
    expect(page.problems).to.deep.equal([])
  })

  it('热点问题 says its 热度 counts the days it shows, in whole numbers', async () => {
    const page = await newPage(story.browser, story.app)
    await logInAs(page, director(), '/analysis/hot-issues')
    await page.getByRole('heading', { name: '热点问题' }).waitFor()
    await page.getByTestId('hot-issue').first().waitFor()
    expect(await page.locator('[data-test=heat-window]').innerText()).to.equal(
      '热度按这段时间的留言计算；分析周报里的“本周热度”只算一周的留言，所以同一个问题的数字会小一些。',
    )
    for (const heat of await page.locator('.heat').allInnerTexts()) expect(heat).to.match(/^热度 \d+$/)
    // A bare number says nothing: beside it, what makes it larger (people first, as the rule above says).
    const why = await page.locator('.heat-why').allInnerTexts()
    expect(why.length, 'beside every 热度').to.equal(await page.locator('.heat').count())
    for (const said of why) expect(said).to.equal('（反映的居民越多越高）')
    expect(page.problems).to.deep.equal([])
  })

  it('工作概览 按代表 says how many deputies it leaves out and what they hold, and 查看全部代表 opens 统计分析 by deputy', async () => {
    const page = await newPage(story.browser, story.app)
    await logInAs(page, director())
    await page.getByRole('heading', { name: '工作概览' }).waitFor()
    const card = page.locator('[data-chart="responsiveness"]')
    await card.locator('tbody tr').first().waitFor()
    await card.locator('.t-tabs').getByText('按代表').click()
    const leftOut = page.getByTestId('deputies-left-out')
    await leftOut.waitFor()
    const text = await leftOut.innerText()
    const [, total, others] = /^按超期、在办的多少排列，列出前 15 位代表（共 (\d+) 位代表有留言）。另外 (\d+) 位代表：在办 \d+ 条，/.exec(text) ?? []
    expect(Number(total), text).to.be.greaterThan(16)
    expect(Number(others)).to.equal(Number(total) - 15)
    await screenshot(page, 'office-dashboard-deputies-left-out')
    await leftOut.getByRole('link', { name: '查看全部代表' }).click()
    await page.waitForURL(/\/stats\?.*groupBy=deputy/)
    await page.getByRole('heading', { name: '统计分析' }).waitFor()
    expect(page.problems).to.deep.equal([])
  })
})
