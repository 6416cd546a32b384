import { expect } from 'chai'
import type { Locator } from 'playwright-core'
import { asAdmin, asDeputy, Client, type TestApp } from '../helpers/app.js'
import { told } from '../helpers/suggestions.js'
import { addDays } from '../../src/domain/suggestion-due.js'
import { dialogsClosed, logInAs, newPage, screenshot, useConsole, type ConsoleApp } from './harness.js'

const DAY = 86_400_000
const HOUSING = '青澜市住房和城乡建设局' // u01, whose staff is the demo's first unit login
const LATE = '关于老旧小区加装电梯的建议'
const AHEAD = '关于背街小巷路灯改造的建议'

/** How many lines an element's text takes on the screen. */
const linesOf = (cell: Locator) =>
  cell.evaluate((el) => {
    const range = document.createRange()
    range.selectNodeContents(el)
    return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size
  })

/** Today in the business time zone, as the server keeps a date. */
const today = (app: TestApp) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(app.clock.now())

/**
 * A suggestion of 李欣悦 (dp0001) given to 住建局, answered 正在解决或列入计划 with a promised day `days` from today, and
 * rated 基本满意: 已答复，正在办理 until the bureau reports the work done.
 */
async function promised(app: ConsoleApp, title: string, days: number) {
  const deputy = await asDeputy(app, 'dp0001')
  const draft = await deputy.post('/api/mp/deputy/suggestions', { title, body: '老小区多为六层，没有电梯，建议财政补贴加装。' })
  expect(draft.status, JSON.stringify(draft.body)).to.equal(201)
  const id = draft.body.id as string
  expect((await deputy.post(`/api/mp/deputy/suggestions/${id}/submit`)).status).to.equal(200)
  const admin = await asAdmin(app)
  expect((await admin.post(`/api/admin/suggestions/${id}/review`, { decision: 'accept' })).status).to.equal(200)
  expect((await admin.post(`/api/admin/suggestions/${id}/assignment`, { leadUnitId: 'u01' })).status).to.equal(200)
  const staff = (await app.liaison.store.staff.search({ role: 'unit_staff', unitId: 'u01', limit: 10 })).items[0]
  const unit = await new Client(app.baseUrl).login(staff.username, app.login((l) => l.username === staff.username).password)
  const answer = await unit.post(`/api/unit/suggestions/${id}/answer`, { category: 'in_progress', text: '已列入计划。', plannedBy: addDays(today(app), days) })
  expect(answer.status, JSON.stringify(answer.body)).to.equal(200)
  const rated = await deputy.post(`/api/mp/deputy/suggestions/${id}/rating`, { score: 'basically_satisfied' })
  expect(rated.body.statusLabel).to.equal('已答复，正在办理')
  return id
}

/**
 * The office's list of 已答复，正在办理 suggestions: the one whose promised day passed three days ago without the bureau's
 * report reads 承诺日期已过 3 天 in red, the other its promised day. On the late one's page she reads how late it is and
 * presses the bureau (催办): the bureau's staff hear it and the timeline keeps it.
 */
describe('console: a promise past its day is marked on the list and pressed from its page', function () {
  this.timeout(120_000)
  const story = useConsole()
  let late = ''

  before(async () => {
    late = await promised(story.app, LATE, 5)
    await promised(story.app, AHEAD, 60)
    story.app.clock.advance(8 * DAY)
  })

  it('marks the late promise on the list, in words and on one line', async () => {
    const page = await newPage(story.browser, story.app)
    await logInAs(
      page,
      story.app.login((l) => l.role === 'organizer'),
      '/suggestions?status=following',
    )
    const rows = page.locator('[data-test=suggestions] tbody tr')
    const lateRow = rows.filter({ hasText: LATE })
    await lateRow.locator('[data-test=promise-late]').waitFor()
    expect(await lateRow.locator('[data-test=promise-late]').innerText()).to.equal('承诺日期已过 3 天')
    expect(await linesOf(lateRow.locator('[data-test=promise-late]')), 'lines of 承诺日期已过 3 天').to.equal(1)
    const aheadRow = rows.filter({ hasText: AHEAD })
    expect(await aheadRow.innerText())
      .to.match(/承诺\d{1,2}月\d{1,2}日|承诺\d{4}年\d{1,2}月\d{1,2}日/)
      .and.not.include('已过')
    expect(await aheadRow.locator('[data-test=promise-late]').count()).to.equal(0)
    await screenshot(page, 'console-suggestions-promise-late')
    expect(page.problems).to.deep.equal([])
  })

  it('on its page she reads how late it is and presses the bureau; its staff are told and the timeline keeps it', async () => {
    const page = await newPage(story.browser, story.app)
    await logInAs(
      page,
      story.app.login((l) => l.role === 'organizer'),
      `/suggestions/${late}`,
    )
    const press = page.locator('[data-test=press]')
    await press.getByText(`${HOUSING}答复正在解决或列入计划，承诺日期已过 3 天，还没有报告办完。`).waitFor()
    await press.getByRole('button', { name: '催办承办单位' }).click()
    await page.getByText(`${HOUSING}的工作人员会收到催办消息`).waitFor()
    await page.getByPlaceholder('附言（可不填），例如：请本周内书面答复').fill('请月底前办完')
    await page.getByRole('button', { name: '发送催办' }).click()
    await page
      .locator('[data-test=timeline]')
      .getByText(/^催办 青澜市住房和城乡建设局：承诺.*前办完，承诺日期已过 3 天；附言：请月底前办完$/)
      .waitFor()
    await dialogsClosed(page)
    await screenshot(page, 'console-suggestion-promise-urged')
    const urged = await told(story.app, 'suggestion.urged')
    expect(urged).to.have.length(1)
    expect(urged[0]).to.match(/承诺日期已过 3 天，请尽快办完，并在“交办建议”里报告办理结果。附言：请月底前办完$/)
    expect(page.problems).to.deep.equal([])
  })
})
