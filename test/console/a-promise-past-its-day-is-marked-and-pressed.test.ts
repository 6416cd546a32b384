import { expect } from 'chai'
import type { Locator } from 'playwright-core'
import { told } from '../helpers/suggestions.js'
import { dialogsClosed, logInAs, newPage, screenshot, useConsole } from './harness.js'
import { PROMISE_AHEAD as AHEAD, PROMISE_PASSED as LATE, promisePassedThreeDaysAgo } from './suggestion-promised.js'

const HOUSING = '青澜市住房和城乡建设局' // u01, whose staff is the demo's first unit login

/** How many lines an element's text takes on the screen. */
const linesOf = (cell: Locator) =>
  cell.evaluate((el) => {
    const range = document.createRange()
    range.selectNodeContents(el)
    return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size
  })

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
    late = await promisePassedThreeDaysAgo(story.app)
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
