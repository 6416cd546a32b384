import { expect } from 'chai'
import { addDays, startOfLocalDate } from '../../src/domain/business-calendar.js'
import { mondayOf } from '../../src/domain/case-series.js'
import { localDate } from '../../src/domain/dates.js'
import { asResident } from '../helpers/app.js'
import { logInAs, newPage, screenshot, useConsole, type ConsolePage } from './harness.js'

const HOUR = 3_600_000
/** 按时答复 of a row whose messages came but none is due yet: 暂无, and why, as 统计分析 says it. */
const NONE_YET = '暂无（还没有到期的留言）'

/** The rows of 办理情况's table as read on screen: 名称, 收到, 在办, 已超期, 按时答复. */
const rowsOf = (page: ConsolePage) =>
  page
    .locator('[data-chart="responsiveness"] tbody tr:not(.t-table__empty-row)')
    .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => (td as HTMLElement).innerText.trim())))

/** How many lines the 按时答复 cells' words take, each: 1 when none wraps. */
const linesOf = (page: ConsolePage) =>
  page
    .locator('[data-chart="responsiveness"] tbody .none-yet')
    .evaluateAll((spans) => spans.map((s) => new Set([...s.getClientRects()].map((r) => Math.round(r.top))).size))

/**
 * 工作概览's 办理情况 card, on a day whose only message came an hour ago: its reply deadline is weeks away and nobody
 * has answered, so nothing can be counted as answered in time or not. 按时答复 says 暂无 ("none yet"), as 统计分析 says
 * it, never "0%", which a director reads as a deputy who answered nothing in time; and why beside it
 * (还没有到期的留言, 统计分析's words), else a clerk reading a bare 暂无 next to a deputy's name takes it that he did
 * nothing. A row that received nothing says 暂无 alone: its 收到 0 says why.
 */
describe('console: 工作概览 says "none yet" in words where nothing is due', function () {
  this.timeout(180_000)
  const story = useConsole()

  it('says 暂无 and why under 按时答复 for the deputy, the station and the district holding only a new message', async () => {
    const { app } = story
    const { store, config } = app.liaison
    const zone = config.business.timeZone
    // Next Monday, 9:00: a day of its own, whatever day the test runs on.
    const day = addDays(mondayOf(localDate(app.clock.now(), zone)), 7)
    app.clock.set(new Date(startOfLocalDate(day, zone).getTime() + 9 * HOUR))
    const sent = await (await asResident(app)).post('/api/mp/cases', { text: '光明社区3号楼门口的路灯不亮了', regionId: 'c010101' })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    const held = (await store.cases.get(sent.body.id))!
    expect(held.deputyId, 'the message went straight to a deputy').to.be.a('string')
    const deputy = (await store.deputies.get(held.deputyId!))!
    app.clock.advance(HOUR)

    // 张国华, the station's clerk: her deputies, one row each.
    const page = await newPage(story.browser, app)
    await logInAs(
      page,
      app.login((l) => l.username === 'zhangguohua'),
    )
    await page.locator('.t-menu').getByText('工作概览').click()
    await page.getByRole('heading', { name: '工作概览' }).waitFor()
    const card = page.locator('[data-chart="responsiveness"]')
    await card.locator('tbody tr:not(.t-table__empty-row)').first().waitFor()
    expect(await card.locator('thead').innerText()).to.match(/按时答复/)
    expect(await rowsOf(page)).to.deep.equal([[deputy.name, '1', '1', '0', NONE_YET]])
    expect(await linesOf(page), 'on one line').to.deep.equal([1])
    await page.waitForTimeout(600) // the charts' first drawing animates
    await screenshot(page, 'dashboard-none-yet-in-words')

    // The office across the city: by district (its first tab), then by station, each row says it the same way.
    const office = await newPage(story.browser, app)
    await logInAs(
      office,
      app.login((l) => l.role === 'organizer'),
    )
    await office.locator('.t-menu').getByText('工作概览').click()
    await office.getByRole('heading', { name: '工作概览' }).waitFor()
    const officeCard = office.locator('[data-chart="responsiveness"]')
    await officeCard.locator('tbody tr:not(.t-table__empty-row)').first().waitFor()
    /** The one row holding the message, by its name; any other row received nothing and says 暂无 alone. */
    const holding = async () => {
      const rows = await rowsOf(office)
      expect(
        rows.filter((r) => r[1] === '0' && r[4] !== '暂无'),
        'rows that received nothing saying more than 暂无',
      ).to.deep.equal([])
      expect(
        (await linesOf(office)).filter((n) => n !== 1),
        'cells wrapped',
      ).to.deep.equal([])
      return rows.filter((r) => r[1] !== '0')
    }
    expect(await holding()).to.deep.equal([['澜江区', '1', '1', '0', NONE_YET]])
    await office.waitForTimeout(600) // the charts' first drawing animates
    await screenshot(office, 'dashboard-none-yet-in-words-office')
    await officeCard.locator('.t-tabs').getByText('按联络站').click()
    await officeCard.locator('tbody').getByText('建设路街道代表联络站').waitFor()
    expect(await holding()).to.deep.equal([['建设路街道代表联络站', '1', '1', '0', NONE_YET]])
    expect(page.problems).to.deep.equal([])
    expect(office.problems).to.deep.equal([])
  })
})
