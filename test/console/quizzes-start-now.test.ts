import { expect } from 'chai'
import { Client } from '../helpers/app.js'
import { BANK_CSV } from '../helpers/quizzes.js'
import { officeDayAfter } from './office-days.js'
import { logInAs, newPage, screenshot, useConsole } from './harness.js'
import { dayOf, nextMorning } from './morning.js'

describe('console: a new quiz starts now by the server’s clock', function () {
  this.timeout(120_000)
  const story = useConsole()

  it('an organizer whose PC clock runs ahead leaves the start empty: the draft starts when published, at the server’s minute', async () => {
    // A morning on the server: the minute it opens is then said with a one-digit hour (9:35, not 09:35).
    const morning = nextMorning(story.app.clock.now())
    story.app.clock.set(morning)
    const page = await newPage(story.browser, story.app)
    await page.clock.install({ time: story.app.clock.now().getTime() + 10 * 60_000 })
    const organizer = story.app.login((l) => l.role === 'organizer')
    await logInAs(page, organizer, '/quizzes')
    await page.getByRole('button', { name: '新建竞赛' }).click()
    const dialog = page.locator('.t-dialog')
    await dialog.locator('.t-input input').first().fill('代表法知识竞赛')
    expect(await dialog.getByLabel('开始时间').inputValue(), 'no start: it opens when published').to.equal('')
    await dialog.getByText('不填表示发布时开始').waitFor()
    // The end offered is the close of an office day two weeks on (as a survey's), not this minute two weeks on.
    const inTwoWeeks = officeDayAfter(story.app.clock.now().getTime() + 10 * 60_000, 14, story.app.liaison.config.business.timeZone)
    expect(await dialog.getByLabel('结束时间').inputValue()).to.equal(`${inTwoWeeks} 17:00`)
    expect(await dialog.locator('.datetime-field', { has: page.getByLabel('结束时间') }).innerText()).to.match(/（星期.）17:00$/)
    // Pictured once the dialog has faded in, for whoever looks at the screenshot.
    await page.evaluate(() =>
      Promise.all(
        document
          .getAnimations()
          .filter((a) => a.effect?.getTiming().iterations !== Infinity)
          // One cancelled (its element redrawn) rejects its promise, yet has stopped moving all the same.
          .map((a) => a.finished.catch(() => {})),
      ),
    )
    await screenshot(page, 'console-quiz-new')
    const sent = page.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/api/admin/quizzes')
    await dialog.getByRole('button', { name: '创建草稿' }).click()
    expect((await sent).postDataJSON(), 'the browser’s clock is not sent for "now"').to.not.have.property('opensAt')
    await page.waitForURL(/\/console\/quizzes\/qz-/)
    const quizId = new URL(page.url()).pathname.split('/').pop()!

    // A draft with no start starts when it is published: its page says so, not the minute it was saved.
    const [, month, day] = inTwoWeeks.split('-').map(Number)
    const period = page.locator('[data-test=quiz-period]')
    await period.getByText('发布时开始').waitFor()
    expect(await period.innerText()).to.match(new RegExp(`^发布时开始 至 (\\d{4}年)?${month}月${day}日 17:00$`))
    await page.locator('.t-tabs__nav-item', { hasText: '设置' }).click()
    expect(await page.getByLabel('开始时间').inputValue(), 'its start box empty, as it was left').to.equal('')
    await page.getByText('不填表示发布时开始').waitFor()
    await screenshot(page, 'console-quiz-draft-starts-on-publish')

    // Questions added, it is published half an hour later: the period starts at the server's minute then.
    const office = await new Client(story.app.baseUrl).login(organizer.username, organizer.password)
    expect((await office.post(`/api/admin/quizzes/${quizId}/questions/import`, { csv: BANK_CSV })).status).to.equal(201)
    story.app.clock.set(new Date(story.app.clock.now().getTime() + 30 * 60_000))
    await page.reload()
    await page.getByRole('button', { name: '发布', exact: true }).click()
    // Whom it is for and when it opens are read out first (quiz-question-and-publish.test.ts): it opens as published.
    await page
      .locator('[data-test=quiz-publish-confirm] [data-test=publish-reach]')
      .getByText(/发布后马上开始/)
      .waitFor()
    await page.getByRole('button', { name: '确认发布' }).click()
    await page.locator('.t-alert').getByText('已发布', { exact: true }).waitFor()
    await period.locator('.nowrap', { hasText: new RegExp(`^(\\d{4}年)?${dayOf(morning)} 9:35(—|$)`) }).waitFor()
    expect(await period.innerText()).to.not.include('发布时开始')
    expect(page.problems).to.deep.equal([])
  })
})
