import { expect } from 'chai'
import { localDate } from '../../src/domain/dates.js'
import { logInAs, newPage, screenshot, typeDateTime, useConsole, type ConsolePage } from './harness.js'

const DAY = 86_400_000

/** The 新建会议 form's box labelled so (its label exactly). */
const box = (page: ConsolePage, label: string) =>
  page.locator('.t-form__item').filter({ has: page.locator('.t-form__label', { hasText: new RegExp(`^${label}$`) }) })

/**
 * An organizer creating a meeting sees each problem at the box to fix, in red, not in a line under
 * the buttons at the bottom of a long form; fixed, the words go.
 */
describe('console: the meeting form says each problem at its box', function () {
  // A real browser on a shared machine: each story gets two minutes (it usually needs under thirty seconds).
  this.timeout(150_000)
  const story = useConsole()

  it('says a missing time, an empty place and an end before the start beside each, all at once, and clears each as it is fixed', async () => {
    const page = await newPage(story.browser, story.app)
    await logInAs(
      page,
      story.app.login((l) => l.role === 'organizer'),
      '/meetings/new',
    )
    await page.getByPlaceholder('如：市人大常委会第十次会议').fill('全国人大代表座谈会')
    await page.getByText('全国人大代表', { exact: true }).click()
    await page
      .locator('[data-test=invitee-preview]')
      .getByText(/共 \d+ 人/)
      .waitFor()
    const save = page.getByRole('button', { name: '保存为草稿' })

    // No times yet and no place: each box says so, at once (not the times first, then the place).
    await save.click()
    await box(page, '地点').getByText('会议地点不能为空').waitFor()
    await box(page, '开始时间').getByText('请选择开始时间').waitFor()
    await box(page, '结束时间').getByText('请选择结束时间').waitFor()
    expect(await page.locator('.t-alert').count(), 'nothing under the buttons').to.equal(0)

    // Times typed, the end before the start, and still no place: both problems in one refusal (review 44: she fixed the
    // place, only to be refused again for the times).
    const day = localDate(new Date(story.app.clock.now().getTime() + 3 * DAY), story.app.liaison.config.business.timeZone)
    await typeDateTime(page.getByLabel('开始时间'), `${day} 15:00`)
    expect(await page.getByText('请选择开始时间').count(), 'a time typed: its words go').to.equal(0)
    await typeDateTime(page.getByLabel('结束时间'), `${day} 14:00`)
    await save.click()
    await box(page, '地点').getByText('会议地点不能为空').waitFor()
    await box(page, '结束时间').getByText('结束时间应晚于开始时间').waitFor()
    expect(await page.locator('.t-alert').count(), 'nothing under the buttons').to.equal(0)
    expect(await box(page, '地点').locator('.t-form-item-tips.t-is-error').innerText(), 'in red, under the box').to.equal('会议地点不能为空')
    expect(await page.getByText('结束时间应晚于开始时间').count(), 'said once').to.equal(1)
    await screenshot(page, 'console-meeting-field-errors')

    await page.getByPlaceholder('如：市人大常委会第一会议室').fill('市民中心三楼')
    expect(await page.getByText('会议地点不能为空').count(), 'a place typed: its words go').to.equal(0)
    expect(await page.getByText('结束时间应晚于开始时间').count(), 'the times not changed: their words stay').to.equal(1)
    await screenshot(page, 'console-meeting-end-before-start')

    await typeDateTime(page.getByLabel('结束时间'), `${day} 17:00`)
    expect(await page.getByText('结束时间应晚于开始时间').count(), 'the end changed: its words go').to.equal(0)
    await save.click()
    await page.waitForURL(/\/console\/meetings\/mt-/)
    expect(page.problems).to.deep.equal([])
  })
})
