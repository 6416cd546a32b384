import { expect } from 'chai'
import { logInAs, newPage, screenshot, useConsole } from './harness.js'
import { PROMISE_AHEAD as AHEAD, PROMISE_PASSED as LATE, promisePassedThreeDaysAgo, unitLogin } from './suggestion-promised.js'

/**
 * Three days past the day 住建局 promised without its report: the office's 工作概览 counts it under 已超期 (承诺日期已过的
 * 1 件) and 只看已超期 lists it; the bureau's staff read on their list and on its page that the day has passed and that
 * the report is what they owe; another unit's staff neither find it nor read the mark.
 */
describe('console: a promise past its day is overdue for the office, and marked for its own unit only', function () {
  this.timeout(120_000)
  const story = useConsole()
  let late = ''

  before(async () => {
    late = await promisePassedThreeDaysAgo(story.app)
  })

  it('工作概览 counts it under 已超期, and 只看已超期 lists it with how late the promise is', async () => {
    const page = await newPage(story.browser, story.app)
    await logInAs(
      page,
      story.app.login((l) => l.role === 'organizer'),
    )
    const figure = page.locator('[data-card=suggestions] [data-figure=overdue]')
    await figure.waitFor()
    expect(await figure.innerText()).to.match(/^已超期\s*\d+\s*件\s*其中.*承诺日期已过的 1 件$/)
    await figure.click()
    await page.waitForURL(/\/suggestions\?overdue=true/)
    await page.locator('[data-test=overdue-order]', { hasText: '或过了承诺日期还没报告办完' }).waitFor()
    const rows = page.locator('[data-test=suggestions] tbody tr')
    const lateRow = rows.filter({ hasText: LATE })
    await lateRow.locator('[data-test=promise-late]').waitFor()
    expect(await lateRow.locator('[data-test=promise-late]').innerText()).to.equal('承诺日期已过 3 天')
    expect(await rows.filter({ hasText: AHEAD }).count(), 'a promise still ahead is not overdue').to.equal(0)
    await screenshot(page, 'console-suggestions-overdue-promise')
    expect(page.problems).to.deep.equal([])
  })

  it('the bureau’s staff read on their list and on its page that the promised day has passed, and to report; another unit’s do not', async () => {
    const page = await newPage(story.browser, story.app)
    await logInAs(page, await unitLogin(story.app, 'u01'), '/unit/suggestions')
    await page
      .locator('[data-test=pending]', { hasText: '本单位目前没有待答复的建议。有 1 件过了本单位承诺的日期，办完后请打开建议，点“报告办理结果”。' })
      .waitFor()
    const rows = page.locator('[data-test=assigned] tbody tr')
    const lateRow = rows.filter({ hasText: LATE })
    await lateRow.locator('[data-test=promise-late]').waitFor()
    expect(await lateRow.locator('[data-test=promise-late]').innerText()).to.equal('承诺日期已过 3 天')
    expect(await rows.filter({ hasText: AHEAD }).locator('[data-test=promise-late]').count()).to.equal(0)
    await screenshot(page, 'console-unit-promise-late')

    await lateRow.getByText(LATE).click()
    // The list's own mark has the same name and may still be on screen while the page opens: wait for the page's.
    const alert = page.locator('[data-test=promise-late]', { hasText: '本单位承诺' })
    await alert.waitFor()
    expect(await alert.innerText()).to.match(/^本单位承诺.*前办完，承诺日期已过 3 天，还没有报告办理结果。办完后请在这里报告办理结果，代表会再评价。$/)
    await page.getByRole('button', { name: '报告办理结果' }).waitFor()
    expect(page.problems).to.deep.equal([])

    // Another unit's staff (交通运输局): neither on their list nor on its page.
    const other = await newPage(story.browser, story.app)
    await logInAs(other, await unitLogin(story.app, 'u02'), '/unit/suggestions')
    await other.locator('[data-test=pending]').waitFor()
    expect(await other.locator('[data-test=pending]').innerText()).not.to.include('承诺')
    await other.locator('[data-test=assigned]').waitFor()
    expect(await other.locator('[data-test=assigned]').innerText()).not.to.include(LATE)
    expect(await other.locator('[data-test=promise-late]').count()).to.equal(0)
    await other.goto(`/console/unit/suggestions/${late}`)
    await other.getByText('找不到这件建议').waitFor()
    expect(await other.locator('[data-test=promise-late]').count()).to.equal(0)
    expect(other.problems).to.deep.equal([])
  })
})
