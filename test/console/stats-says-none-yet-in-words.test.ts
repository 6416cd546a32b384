import { expect } from 'chai'
import { addDays, startOfLocalDate } from '../../src/domain/business-calendar.js'
import { mondayOf } from '../../src/domain/case-series.js'
import { localDate } from '../../src/domain/dates.js'
import { asResident } from '../helpers/app.js'
import { logInAs, newPage, screenshot, useConsole, type ConsolePage } from './harness.js'

const HOUR = 3_600_000

/**
 * Review 44 § 3: 周主任 read a bare "—" under 按时受理, 按时答复 and 平均满意度 in 统计分析 and took it for a broken figure.
 * On a day whose only message came an hour ago (nothing due yet, nobody rated), the page says 暂无 with why under
 * the card (还没有到期的留言) and 暂无评价 for satisfaction, as the weekly report and 履职档案 say them; its rows too.
 */
describe('console: 统计分析 says "none yet" in words', function () {
  this.timeout(180_000)
  const story = useConsole()
  const clerk = () => story.app.login((l) => l.username === 'zhangguohua')

  it('says 暂无 and why under 按时受理 and 按时答复, 暂无评价 for satisfaction, never a bare "—"', async () => {
    const { app } = story
    const zone = app.liaison.config.business.timeZone
    // Next Monday, 9:00: a day of its own, whatever day the test runs on.
    const day = addDays(mondayOf(localDate(app.clock.now(), zone)), 7)
    app.clock.set(new Date(startOfLocalDate(day, zone).getTime() + 9 * HOUR))
    const sent = await (await asResident(app)).post('/api/mp/cases', { text: '光明社区3号楼门口的路灯不亮了', regionId: 'c010101' })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    app.clock.advance(HOUR)

    const page: ConsolePage = await newPage(story.browser, story.app)
    const from = startOfLocalDate(day, zone).toISOString()
    const to = startOfLocalDate(addDays(day, 1), zone).toISOString()
    await logInAs(page, clerk(), `/stats?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`)
    await page.locator('[data-chart="stats"] tbody tr:not(.t-table__empty-row)').first().waitFor()
    const said = async (id: string) => (await page.getByTestId(id).innerText()).replace(/\s/g, '')
    expect(await said('figure-ack')).to.equal('按时受理暂无还没有到期的留言')
    expect(await said('figure-reply')).to.equal('按时答复暂无还没有到期的留言')
    expect(await said('figure-satisfaction')).to.equal('平均满意度暂无评价')
    const rows = await page
      .locator('[data-chart="stats"] tbody tr:not(.t-table__empty-row)')
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => (td as HTMLElement).innerText.trim())))
    // Her one station's deputies (名次, 名称, then 收到, 按时受理, 按时答复, 一般几天答复, 平均满意度, 已超期).
    expect(rows.map((r) => r.slice(2))).to.deep.equal([['1', '暂无', '暂无', '暂无', '暂无评价', '0']])
    await screenshot(page, 'stats-none-yet-in-words')
    expect(page.problems).to.deep.equal([])
  })
})
