import { expect } from 'chai'
import type { Locator } from 'playwright-core'
import { asAdmin, asDeputy, Client, type TestApp } from '../helpers/app.js'
import { told } from '../helpers/suggestions.js'
import { addDays } from '../../src/domain/suggestion-due.js'
import { logInAs, newPage, screenshot, useConsole } from './harness.js'

const DAY = 86_400_000
const HOUSING = '青澜市住房和城乡建设局' // u01, whose staff is the demo's first unit login
const TRANSPORT = '青澜市交通运输局' // u02

/** Today in the business time zone, as the server keeps a deadline. */
const today = (app: TestApp) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(app.clock.now())

/** A suggestion of 李欣悦 (dp0001), accepted and assigned by the admin: returns its id and number. */
async function assigned(app: TestApp, title: string, assignment: Record<string, unknown>) {
  const deputy = await asDeputy(app, 'dp0001')
  const draft = await deputy.post('/api/mp/deputy/suggestions', { title, body: '老小区多为六层，没有电梯，建议财政补贴加装。' })
  expect(draft.status, JSON.stringify(draft.body)).to.equal(201)
  const submitted = await deputy.post(`/api/mp/deputy/suggestions/${draft.body.id}/submit`)
  expect(submitted.status, JSON.stringify(submitted.body)).to.equal(200)
  const admin = await asAdmin(app)
  expect((await admin.post(`/api/admin/suggestions/${draft.body.id}/review`, { decision: 'accept' })).status).to.equal(200)
  const given = await admin.post(`/api/admin/suggestions/${draft.body.id}/assignment`, { deadline: today(app), ...assignment })
  expect(given.status, JSON.stringify(given.body)).to.equal(200)
  return { id: draft.body.id as string, number: submitted.body.number as string }
}

/** How many lines a table cell's text takes on the screen. */
const linesOf = (cell: Locator) =>
  cell.evaluate((td) => {
    const range = document.createRange()
    range.selectNodeContents(td)
    return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size
  })

/**
 * The office's week with an overdue 代表建议: 工作概览 says how many suggestions wait and how many are overdue,
 * the overdue list puts the longest overdue first, and on the 重点督办 one she presses the unit (催办) and
 * records a 督办; 建议办理统计 counts it as not on time and draws no bar for a unit nobody has rated.
 */
describe('console: the office presses the units of an overdue 代表建议', function () {
  this.timeout(120_000)
  const story = useConsole()
  let key = { id: '', number: '' }
  /** The key suggestion's 办理期限 as 办理经过 writes it, with its year ("2026年11月24日"). */
  let keyDeadline = ''

  before(async () => {
    const app = story.app
    key = await assigned(app, '关于加快老旧小区加装电梯的建议', { leadUnitId: 'u01', keySupervision: true, supervisionLeader: '区人大常委会赵副主任' })
    const [y, m, d] = today(app).split('-').map(Number)
    keyDeadline = `${y}年${m}月${d}日`
    app.clock.advance(20 * DAY)
    await assigned(app, '关于增设公交线路的建议', { leadUnitId: 'u02' })
    // 交通运输局 answers another in time, and the deputy rates it 满意: the one unit with a 满意率.
    const lights = await assigned(app, '关于学校门口增设红绿灯的建议', { leadUnitId: 'u02', deadline: addDays(today(app), 30) })
    const transport = (await app.liaison.store.staff.search({ role: 'unit_staff', unitId: 'u02', limit: 10 })).items[0]
    const unit = await new Client(app.baseUrl).login(transport.username, app.login((l) => l.username === transport.username).password)
    const answer = await unit.post(`/api/unit/suggestions/${lights.id}/answer`, { category: 'resolved', text: '红绿灯已安装。' })
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200)
    expect((await (await asDeputy(app, 'dp0001')).post(`/api/mp/deputy/suggestions/${lights.id}/rating`, { score: 'satisfied' })).status).to.equal(200)
    app.clock.advance(13 * DAY)
  })

  it('工作概览 shows the suggestions waiting and overdue; the overdue list puts the longest overdue first, each on one line', async () => {
    const page = await newPage(story.browser, story.app)
    await logInAs(
      page,
      story.app.login((l) => l.role === 'organizer'),
    )
    const card = page.locator('[data-card=suggestions]')
    await card.locator('[data-figure=overdue]').waitFor()
    expect(await card.locator('[data-figure=overdue]').innerText()).to.match(/^已超期\s*2\s*件\s*其中重点督办 1 件$/)
    expect(await card.locator('[data-figure=submitted]').innerText()).to.match(/^待审查\s*0\s*件/)
    await screenshot(page, 'console-dashboard-suggestions')
    await card.locator('[data-figure=overdue]').click()
    await page.waitForURL(/\/suggestions\?overdue=true/)
    await page.locator('[data-test=overdue-order]', { hasText: '超期最久的排在最前面' }).waitFor()
    const rows = page.locator('[data-test=suggestions] tbody tr')
    await rows.nth(1).waitFor()
    expect(await rows.nth(0).innerText())
      .to.include('关于加快老旧小区加装电梯的建议')
      .and.include('已超期 33 天')
    expect(await rows.nth(1).innerText())
      .to.include('关于增设公交线路的建议')
      .and.include('已超期 13 天')
    expect(await linesOf(rows.nth(0).locator('td').nth(0)), 'lines of the number').to.equal(1)
    expect(await linesOf(rows.nth(0).locator('td').nth(5)), 'lines of 已超期 33 天').to.equal(1)
    await screenshot(page, 'console-suggestions-overdue-first')
    expect(page.problems).to.deep.equal([])
  })

  it('on the overdue 重点督办 suggestion she presses the unit (催办) and records a 督办; both are on its timeline and reach the unit', async () => {
    const page = await newPage(story.browser, story.app)
    await logInAs(
      page,
      story.app.login((l) => l.role === 'organizer'),
      `/suggestions/${key.id}`,
    )
    const press = page.locator('[data-test=press]')
    await press.getByText('已超期 33 天，承办单位还没有答复。').waitFor()
    await press.getByRole('button', { name: '催办承办单位' }).click()
    await page.getByText(`${HOUSING}的工作人员会收到催办消息`).waitFor()
    await page.getByPlaceholder('附言（可不填），例如：请本周内书面答复').fill('请本周内书面答复')
    await screenshot(page, 'console-suggestion-urge', { window: true })
    await page.getByRole('button', { name: '发送催办' }).click()
    const timeline = page.locator('[data-test=timeline]')
    await timeline.getByText(`催办 青澜市住房和城乡建设局：办理期限 ${keyDeadline}，已超期 33 天；附言：请本周内书面答复`, { exact: true }).waitFor()
    // 交办情况 says the deadline as 办理经过 does, with its year (review 44: 12月7日 beside 期限 2026年12月7日).
    expect(await page.locator('[data-test=deadline]').innerText()).to.equal(keyDeadline)

    await press.getByRole('button', { name: '督办' }).click()
    await page.getByPlaceholder('例如：赵副主任已电话督办，要求月底前答复').fill('赵副主任已电话督办，要求月底前答复')
    await page.getByRole('button', { name: '记下督办' }).click()
    await timeline.getByText(`督办 ${HOUSING}：赵副主任已电话督办，要求月底前答复`).waitFor()
    await screenshot(page, 'console-suggestion-urged')

    const staffId = (await story.app.liaison.store.staff.search({ role: 'unit_staff', unitId: 'u01', limit: 10 })).items[0].id
    const urged = await told(story.app, 'suggestion.urged')
    expect(urged).to.have.length(1)
    expect(urged[0]).to.match(
      new RegExp(
        `^staff:${staffId} → .*催办代表建议 ${key.number}《关于加快老旧小区加装电梯的建议》：办理期限 .*，已超期 33 天，请尽快答复。附言：请本周内书面答复$`,
      ),
    )
    expect(await told(story.app, 'suggestion.supervised')).to.have.length(1)
    expect(page.problems).to.deep.equal([])
  })

  it('建议办理统计 counts the overdue one as not on time, with a 超期未答复 column (not 已超期, which counts late promises too elsewhere), and draws no 满意率 bar for a unit nobody rated', async () => {
    const page = await newPage(story.browser, story.app)
    await logInAs(
      page,
      story.app.login((l) => l.role === 'organizer'),
      '/suggestions/stats',
    )
    const table = page.locator('[data-test=suggestion-stats]')
    const housing = table.locator('tbody tr', { hasText: HOUSING })
    await housing.waitFor()
    const headers = await table.locator('thead th').allInnerTexts()
    expect(headers.map((h) => h.trim()))
      .to.include('超期未答复')
      .and.not.include('已超期')
    const cells = (await housing.locator('td').allInnerTexts()).map((t) => t.trim())
    const at = (title: string) => cells[headers.findIndex((h) => h.trim() === title)]
    expect(at('超期未答复')).to.equal('1')
    expect(at('按时答复率')).to.equal('0%')
    expect(at('满意率')).to.equal('暂无')
    await page.locator('[data-test=stats-note]').getByText('按时答复率：按时答复的件数，占已答复的和已过办理期限还没答复的件数之和').waitFor()
    expect(await page.locator('[data-test=stats-note]').innerText()).to.include(
      '超期未答复：还在办理、已过办理期限的建议（过了承诺日期的，见“代表建议”里的“只看已超期”）。',
    )
    const chart = page.locator('[data-test=satisfied-chart]')
    expect(await chart.getAttribute('aria-label'), 'a bar only for a unit someone rated').to.equal(`${TRANSPORT} 100%`)
    expect(await page.locator('[data-test=unrated]').innerText())
      .to.include('暂无评价')
      .and.include(HOUSING)
    await screenshot(page, 'console-suggestion-stats-overdue')
    expect(page.problems).to.deep.equal([])
  })
})
