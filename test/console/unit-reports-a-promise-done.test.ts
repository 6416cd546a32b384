import { expect } from 'chai'
import { asAdmin, asDeputy, Client } from '../helpers/app.js'
import { logInAs, newPage, useConsole } from './harness.js'

/**
 * Review 37, finding 16, the unit's side: an answer of 正在解决或列入计划 names the day the work will be done; once the
 * deputy has rated it, the suggestion stays with the unit (已答复，正在办理) and its page asks for the report when the
 * work is done, which the deputy then rates again.
 */
describe('console: a unit reports the promised work done', function () {
  // A real browser on a shared machine: each story gets two minutes (it usually needs under thirty seconds).
  this.timeout(120_000)
  const story = useConsole()

  it('asks for the day with 正在解决或列入计划, and after the rating offers 报告办理结果', async () => {
    const deputy = await asDeputy(story.app, 'dp0001')
    const { body: s } = await deputy.post('/api/mp/deputy/suggestions', {
      title: '关于楼顶违建整治的建议',
      body: '建设路社区3号院楼顶违建，建议明确牵头单位。',
    })
    await deputy.post(`/api/mp/deputy/suggestions/${s.id}/submit`)
    const office = await asAdmin(story.app)
    await office.post(`/api/admin/suggestions/${s.id}/review`, { decision: 'accept' })
    expect((await office.post(`/api/admin/suggestions/${s.id}/assignment`, { leadUnitId: 'u01' })).status).to.equal(200)

    const page = await newPage(story.browser, story.app)
    await logInAs(
      page,
      story.app.login((l) => l.role === 'unit_staff'),
      `/unit/suggestions/${s.id}`,
    )
    const form = page.locator('[data-test=answer-form]')
    await form.waitFor()
    expect(await form.getByText('承诺日期').count(), 'asked only with a plan').to.equal(0)
    await form.getByText('正在解决或列入计划').click()
    await form.getByRole('textbox', { name: '承诺日期', exact: true }).waitFor()

    // The answer itself goes through the API (a date picker is the browser's own), then the deputy rates it.
    const plannedBy = `${story.app.clock.now().getUTCFullYear() + 1}-06-30`
    const unit = story.app.login((l) => l.role === 'unit_staff')
    const staff = await new Client(story.app.baseUrl).login(unit.username, unit.password)
    expect((await staff.post(`/api/unit/suggestions/${s.id}/answer`, { category: 'in_progress', text: '已列入明年计划。', plannedBy })).status).to.equal(200)
    expect((await deputy.post(`/api/mp/deputy/suggestions/${s.id}/rating`, { score: 'basically_satisfied' })).status).to.equal(200)

    await page.reload()
    await page.locator('[data-test=status]', { hasText: '已答复，正在办理' }).waitFor()
    const year = Number(plannedBy.slice(0, 4))
    expect(await page.locator('[data-test=following]').innerText()).to.include(`承诺${year}年6月30日前办完`)
    await form.getByText('已解决', { exact: true }).click()
    await page.getByPlaceholder('写明办理情况：做了什么、结果如何、下一步安排').fill('楼顶违建已全部拆除。')
    await page.getByRole('button', { name: '报告办理结果' }).click()
    await page.locator('[data-test=status]', { hasText: '已答复待评价' }).waitFor()
    expect(await page.locator('[data-test=answer-form]').count()).to.equal(0)
    expect(page.problems).to.deep.equal([])
  })
})
