import { expect } from 'chai'
import type { Locator } from 'playwright-core'
import { Client } from '../helpers/app.js'
import { surveyBody } from '../helpers/surveys.js'
import { localDate } from '../../src/domain/dates.js'
import { cityOrganizer, dayWords, shortDay } from './organizer-story.js'
import { dateTimeShown, logInAs, newPage, screenshot, typeDateTime, useConsole } from './harness.js'

const DAY = 86_400_000

/**
 * A survey draft's start and end change on its page, with the rules of 新建 (an empty start is when
 * it is published; a refusal is said at its box): a draft whose end has passed is not refused at
 * 发布 in a word, its times open with the problem beside 结束时间, and publishing goes on once it is changed.
 */
describe('console: an organizer changes a survey draft’s times on its page', function () {
  this.timeout(150_000)
  const story = useConsole()
  const zone = () => story.app.liaison.config.business.timeZone
  /** A business day `days` after the server's now, as "2026-12-07". */
  const dayAfter = (days: number) => localDate(new Date(story.app.clock.now().getTime() + days * DAY), zone())
  /** A questionnaire draft saved with no start (it opens when published), ending then. */
  async function draftEnding(closesAt: string, title: string) {
    const login = await cityOrganizer(story.app)
    const office = await new Client(story.app.baseUrl).login(login.username, login.password)
    const draft = await office.post('/api/admin/surveys', surveyBody({ title, opensAt: undefined, closesAt, draft: true }))
    expect(draft.status, JSON.stringify(draft.body)).to.equal(201)
    return { login, id: draft.body.id as string }
  }

  it('opens the times at 发布 when the end has passed, with the problem beside 结束时间, and publishes once it is changed', async () => {
    const { login, id } = await draftEnding(`${dayAfter(2)}T17:00:00+08:00`, '社区停车管理意见征集')
    // The draft waited too long: its end passed before anyone published it.
    story.app.clock.set(new Date(story.app.clock.now().getTime() + 3 * DAY))
    const page = await newPage(story.browser, story.app)
    await logInAs(page, login, `/surveys/${id}`)
    await page.getByRole('button', { name: '发布', exact: true }).click()

    const times = page.locator('[data-test=survey-times]')
    const end = times.locator('[data-test=closes-field]')
    await end.locator('.t-form-item-tips').getByText('结束时间已经过了，不能发布：请改到以后的时间').waitFor()
    expect(await page.getByText('结束时间已经过了', { exact: false }).count(), 'said once, beside the end').to.equal(1)
    expect(await page.locator('[data-test=survey-publish-confirm]').count(), 'nothing to confirm yet').to.equal(0)
    expect(await times.getByLabel('开始时间').inputValue(), 'no start: it opens when published').to.equal('')
    await times.getByText('不填表示发布时开始').waitFor()
    await screenshot(page, 'console-survey-draft-end-passed')

    const later = dayAfter(7)
    await typeDateTime(times.getByLabel('结束时间'), `${later} 17:00`)
    expect(await end.locator('.t-form-item-tips').count(), 'gone once the end changed').to.equal(0)
    await page.getByRole('button', { name: '保存时间' }).click()

    // Saved, it goes on to what publishing would do, with the new end read out.
    const reach = page.locator('[data-test=survey-publish-confirm] [data-test=publish-reach]')
    expect(await reach.innerText()).to.equal(`群众扫二维码就可以填写，发布后马上开始，${dayWords(story.app, later)}17:00截止`)
    await page.getByRole('button', { name: '确认发布' }).click()
    await page.getByText('已发布，现在可以扫码填写了').waitFor()
    const published = (await story.app.liaison.store.surveys.get(id))!
    expect(published.draft).to.equal(false)
    expect(published.closesAt.toISOString()).to.equal(new Date(`${later}T17:00:00+08:00`).toISOString())
    expect(page.problems).to.deep.equal([])
  })

  it('says an end passing while 确认发布 is open beside the end, not in a banner', async () => {
    const { login, id } = await draftEnding(new Date(story.app.clock.now().getTime() + 30 * 60_000).toISOString(), '代表联系群众情况问卷')
    const page = await newPage(story.browser, story.app)
    await logInAs(page, login, `/surveys/${id}`)
    await page.getByRole('button', { name: '发布', exact: true }).click()
    await page.locator('[data-test=survey-publish-confirm]').waitFor()
    // The dialog stayed open past the end (half an hour away): the server refuses at 确认发布.
    story.app.clock.set(new Date(story.app.clock.now().getTime() + 31 * 60_000))
    await page.getByRole('button', { name: '确认发布' }).click()
    await page
      .locator('[data-test=survey-times] [data-test=closes-field] .t-form-item-tips')
      .getByText('结束时间已经过了，不能发布：请改到以后的时间')
      .waitFor()
    expect(await page.locator('.t-alert').count(), 'no banner repeats it').to.equal(0)
    expect((await story.app.liaison.store.surveys.get(id))!.draft).to.equal(true)
    expect(page.problems).to.deep.equal([])
  })

  it('changes a draft’s start and end with 修改时间, a refusal said at its box, and an emptied start opens when published', async () => {
    const { login, id } = await draftEnding(`${dayAfter(14)}T17:00:00+08:00`, '社区绿化满意度调查')
    const page = await newPage(story.browser, story.app)
    await logInAs(page, login, `/surveys/${id}`)
    await page.getByRole('button', { name: '修改时间' }).click()
    const times = page.locator('[data-test=survey-times]')

    // An end before the start: refused by the server, said beside 结束时间, once.
    const [opens, closes] = [dayAfter(3), dayAfter(10)]
    await typeDateTime(times.getByLabel('开始时间'), `${opens} 09:00`)
    await typeDateTime(times.getByLabel('结束时间'), `${opens} 08:00`)
    await page.getByRole('button', { name: '保存时间' }).click()
    const end = times.locator('[data-test=closes-field]')
    await end.locator('.t-form-item-tips').getByText('结束时间应晚于开始时间').waitFor()
    // In the size of the form's own words, not TDesign's small print.
    const fontSize = (l: Locator) => l.evaluate((el) => getComputedStyle(el).fontSize)
    expect(await fontSize(end.locator('.t-form-item-tips')), 'as large as the label 结束时间').to.equal(await fontSize(end.locator('.t-form__label')))
    expect(await page.getByText('结束时间应晚于开始时间').count(), 'said once').to.equal(1)
    await screenshot(page, 'console-survey-draft-times-refused')
    await typeDateTime(times.getByLabel('结束时间'), `${closes} 17:00`)
    expect(await end.locator('.t-form-item-tips').count(), 'gone once the end changed').to.equal(0)
    await page.getByRole('button', { name: '保存时间' }).click()
    await page.getByText('时间已修改').waitFor()
    await page
      .locator('.time-span', { hasText: `${shortDay(story.app, opens)} 9:00` })
      .getByText(`${shortDay(story.app, closes)} 17:00`)
      .waitFor()
    await screenshot(page, 'console-survey-draft-times-changed')

    // The start emptied again, as at 新建: it opens when it is published.
    await page.getByRole('button', { name: '修改时间' }).click()
    expect(await times.getByLabel('开始时间').inputValue()).to.equal(dateTimeShown(`${opens} 09:00`))
    await typeDateTime(times.getByLabel('开始时间'), '')
    await times.getByText('不填表示发布时开始').waitFor()
    const sent = page.waitForRequest((r) => r.method() === 'PATCH' && new URL(r.url()).pathname === `/api/admin/surveys/${id}`)
    await page.getByRole('button', { name: '保存时间' }).click()
    expect((await sent).postDataJSON(), 'only the start, as none').to.deep.equal({ opensAt: null })
    await page
      .locator('[data-test=opens-on-publish]')
      .getByText(`发布时开始，${shortDay(story.app, closes)} 17:00 截止`)
      .waitFor()
    expect((await story.app.liaison.store.surveys.get(id))!.draft).to.equal(true)
    expect(page.problems).to.deep.equal([])
  })
})
