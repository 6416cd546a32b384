import { expect } from 'chai'
import type { Locator } from 'playwright-core'
import { Client } from '../helpers/app.js'
import { localDate } from '../../src/domain/dates.js'
import { quizWithBank } from '../helpers/quizzes.js'
import { logInAs, newPage, screenshot, typeDateTime, useConsole } from './harness.js'

const DAY = 86_400_000

/**
 * An organizer corrects a quiz on its 设置 tab and picks an end before the start: the server's refusal
 * is said beside 结束时间, as the survey form says it, not in a banner over the page; changing the
 * end takes the words away, and the corrected settings save.
 */
describe('console: a quiz’s settings refused at the box', function () {
  this.timeout(150_000)
  const story = useConsole()
  const zone = () => story.app.liaison.config.business.timeZone
  const dayAfter = (days: number) => localDate(new Date(story.app.clock.now().getTime() + days * DAY), zone())

  it('says an end before the start beside 结束时间, once, and saves once it is changed', async () => {
    const organizer = story.app.login((l) => l.role === 'organizer')
    const office = await new Client(story.app.baseUrl).login(organizer.username, organizer.password)
    const quiz = await quizWithBank(story.app, office, {
      draft: true,
      opensAt: `${dayAfter(3)}T09:00:00+08:00`,
      closesAt: `${dayAfter(10)}T17:00:00+08:00`,
    })

    const page = await newPage(story.browser, story.app)
    await logInAs(page, organizer, `/quizzes/${quiz.id}`)
    await page.locator('.t-tabs__nav-item', { hasText: '设置' }).click()
    // The end typed on the start's day, before it opens: a slip of the date.
    await typeDateTime(page.getByLabel('结束时间'), `${dayAfter(3)} 08:00`)
    await page.getByRole('button', { name: '保存设置' }).click()

    const end = page.locator('[data-test=closes-field]')
    await end.locator('.t-form-item-tips').getByText('结束时间应晚于开始时间').waitFor()
    expect(await page.getByText('结束时间应晚于开始时间').count(), 'said once, beside the end').to.equal(1)
    // In the size of the form's own words, not small print, and clear of 保存设置 below it.
    const size = (l: Locator) => l.evaluate((el) => getComputedStyle(el).fontSize)
    expect(await size(end.locator('.t-form-item-tips')), 'as large as the label 结束时间').to.equal(await size(end.locator('.t-form__label')))
    const tips = (await end.locator('.t-form-item-tips').boundingBox())!
    const save = (await page.getByRole('button', { name: '保存设置' }).boundingBox())!
    expect(save.y - (tips.y + tips.height), 'room between the words and the button').to.be.at.least(8)
    expect(await page.locator('.t-alert').count(), 'no banner repeats it').to.equal(0)
    expect(await page.locator('[data-test=opens-field] .t-form-item-tips').count(), 'the start is not blamed').to.equal(0)
    expect((await office.get(`/api/admin/quizzes/${quiz.id}`)).body.closesAt, 'nothing saved').to.equal(
      new Date(`${dayAfter(10)}T17:00:00+08:00`).toISOString(),
    )
    await screenshot(page, 'console-quiz-settings-end-before-start')

    await typeDateTime(page.getByLabel('结束时间'), `${dayAfter(12)} 17:00`)
    expect(await end.locator('.t-form-item-tips').count(), 'gone once the end changed').to.equal(0)
    await page.getByRole('button', { name: '保存设置' }).click()
    await page.locator('.t-alert').getByText('设置已保存').waitFor()
    expect((await office.get(`/api/admin/quizzes/${quiz.id}`)).body.closesAt).to.equal(new Date(`${dayAfter(12)}T17:00:00+08:00`).toISOString())
    expect(page.problems).to.deep.equal([])
  })
})
