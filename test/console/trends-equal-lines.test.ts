import { expect } from 'chai'
import { asResident } from '../helpers/app.js'
import { localDate } from '../../src/domain/dates.js'
import { logInAs, newPage, screenshot, useConsole } from './harness.js'

/**
 * Two communities each sent one message on the same day: on 趋势 by community their lines have the
 * same count in every week and are drawn one on top of the other. The clerk is told in words that
 * the lines run together, instead of seeing one line and wondering where the other went.
 */
describe('console: 趋势 with equal lines', function () {
  this.timeout(120_000)
  const story = useConsole()

  it('says which lines run together when two communities have the same count every week', async () => {
    const app = story.app
    const zone = app.liaison.config.business.timeZone
    // Both on one day (one week), whatever the hour the test runs.
    if (localDate(new Date(app.clock.now().getTime() + 10 * 60_000), zone) !== localDate(app.clock.now(), zone)) app.clock.advance(15 * 60_000)
    for (const [text, regionId] of [
      ['建设路口的路灯坏了一个星期，晚上很黑', 'c010101'],
      ['光明社区门口的垃圾桶满了没人清运', 'c010102'],
    ]) {
      expect((await (await asResident(app)).post('/api/mp/cases', { text, regionId })).status).to.equal(201)
      app.clock.advance(60_000)
    }
    const page = await newPage(story.browser, app)
    await logInAs(
      page,
      app.login((l) => l.username === 'zhangguohua'),
      '/analysis/trends',
    )
    const note = page.locator('[data-test=equal-lines]')
    await note.waitFor()
    expect(await note.innerText()).to.match(/^「.+」和「.+」每期的留言数都一样，图中的线重合在一起。$/)
    await screenshot(page, 'console-analysis-trends-equal-lines')
    // 合计 is one line: nothing to say.
    await page.getByLabel('分组').getByText('合计', { exact: true }).click()
    await note.waitFor({ state: 'detached' })
    expect(page.problems).to.deep.equal([])
  })
})
