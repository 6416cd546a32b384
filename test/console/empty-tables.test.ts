import { expect } from 'chai'
import { localDate } from '../../src/domain/dates.js'
import type { Locator } from 'playwright-core'
import { logInAs, newPage, screenshot, useConsole } from './harness.js'

/**
 * An empty table says, in the page's own words, what is missing and what to do: never TDesign's
 * bare 暂无数据 ("no data"), which says neither. 陈明亮 reads the weekly report of a week no resident
 * wrote in; the administrator looks for something that is not there in 操作记录, 名册 and 账号与角色.
 */
describe('console: an empty table says what is missing', function () {
  // A real browser on a shared machine: each story gets two minutes (it usually needs under thirty seconds).
  this.timeout(120_000)
  const story = useConsole()

  /**
   * The words in a table's empty row once they are `expected`, or those it shows after a step's
   * timeout: the row appears as the search starts and its words follow the answer.
   */
  async function emptyRowSays(table: Locator, expected: string) {
    const row = table.locator('.t-table__empty-row')
    const deadline = Date.now() + 30_000
    for (;;) {
      const said = (await row.count()) ? (await row.innerText()).trim() : ''
      if (said === expected || Date.now() > deadline) return said
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }

  it('the weekly report of a quiet week says 本周没有收到留言 under each table', async () => {
    const week = localDate(story.app.clock.now(), story.app.liaison.config.business.timeZone)
    const page = await newPage(story.browser, story.app)
    await logInAs(
      page,
      story.app.login((l) => l.username === 'chenmingliang'),
      `/analysis/weekly-report?week=${week}`,
    )
    await page.getByRole('heading', { name: '分析周报', exact: true }).waitFor()
    const report = page.locator('.report')
    await report.getByText('没有已超期、还没答复的留言。').waitFor()
    await screenshot(page, 'console-weekly-report-quiet-week')
    // The card titled so (the innermost, should the page put one card in another).
    const card = (title: string) => page.locator('.t-card', { has: page.locator('.t-card__title', { hasText: new RegExp(`^${title}$`) }) }).last()
    // No message this week nor last: each part says so, the way 已超期 beside them does.
    expect(await card('按主题').innerText()).to.include('本周和上周都没有收到留言。')
    for (const title of ['按地点（居民所在社区）', '各联络站办理情况', '各位代表办理情况'])
      expect(await card(title).innerText(), title).to.include('本周没有收到留言。')
    expect(await report.innerText()).not.to.include('暂无数据')
    expect(page.problems).to.deep.equal([])
  })

  it('the administrator finds nothing in 操作记录, 名册 and 账号与角色, and each list says nothing matched and what to try', async () => {
    const page = await newPage(story.browser, story.app)
    await logInAs(
      page,
      story.app.login((l) => l.role === 'admin'),
      '/audit',
    )
    await page.getByRole('heading', { name: '操作记录' }).waitFor()
    const audit = page.locator('[data-test=audit]')
    await audit.locator('.t-table__body').waitFor()
    const ticket = page.getByPlaceholder('留言编号（如 20261205-0001）')
    await ticket.fill('20991231-9999')
    await ticket.press('Enter')
    const auditSays = await emptyRowSays(audit, '没有符合条件的操作记录。可以换个条件，再点“查找”。')
    await screenshot(page, 'console-audit-none')
    expect(auditSays).to.equal('没有符合条件的操作记录。可以换个条件，再点“查找”。')
    expect(await audit.innerText()).not.to.include('暂无数据')

    await page.goto('/console/directory')
    await page.getByRole('heading', { name: '名册' }).waitFor()
    await page.locator('.t-tabs__nav-item', { hasText: '代表' }).click()
    const deputies = page.locator('[data-test=deputies]')
    await deputies.getByRole('button', { name: '修改' }).first().waitFor()
    const search = page.getByPlaceholder('按姓名或代码查找')
    await search.fill('查无此人')
    await search.press('Enter')
    const deputiesSay = await emptyRowSays(deputies, '没有符合条件的代表。可以少输几个字、换个层级，或清空条件后再点“查找”。')
    await screenshot(page, 'console-directory-deputies-none')
    expect(deputiesSay).to.equal('没有符合条件的代表。可以少输几个字、换个层级，或清空条件后再点“查找”。')
    expect(await deputies.innerText()).not.to.include('暂无数据')

    await page.goto('/console/staff')
    await page.getByRole('heading', { name: '账号与角色' }).waitFor()
    const staff = page.locator('[data-test=staff]')
    await staff.getByRole('button', { name: '修改' }).first().waitFor()
    const who = page.getByPlaceholder('按姓名或账号查找')
    await who.fill('查无此人')
    await who.press('Enter')
    const staffSays = await emptyRowSays(staff, '没有符合条件的账号。可以少输几个字，或换个角色再找。')
    await screenshot(page, 'console-staff-none')
    expect(staffSays).to.equal('没有符合条件的账号。可以少输几个字，或换个角色再找。')
    expect(await staff.innerText()).not.to.include('暂无数据')
    expect(page.problems).to.deep.equal([])
  })
})
