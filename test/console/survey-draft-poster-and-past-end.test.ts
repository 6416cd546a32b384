import { expect } from 'chai'
import { Client } from '../helpers/app.js'
import { localDate } from '../../src/domain/dates.js'
import { cityOrganizer } from './organizer-story.js'
import { logInAs, newPage, screenshot, typeDateTime, useConsole } from './harness.js'

const DAY = 86_400_000

/**
 * An organizer's questionnaire before it is published: a form whose end has already passed (copied
 * from last week's) is refused at 新建, said beside 结束时间 and nowhere else; and a draft open to
 * anyone who scans offers no 二维码海报 until it is published: a draft takes no answers, and a
 * poster put up now would send residents to a refusal.
 */
describe('console: a survey before it is published', function () {
  // A real browser on a shared machine: each story gets two minutes (it usually needs under thirty seconds).
  this.timeout(150_000)
  const story = useConsole()
  const zone = () => story.app.liaison.config.business.timeZone
  const dayAfter = (days: number) => localDate(new Date(story.app.clock.now().getTime() + days * DAY), zone())

  it('refuses at 新建 an end already past, beside 结束时间, and saves once it is changed', async () => {
    const page = await newPage(story.browser, story.app)
    await logInAs(page, await cityOrganizer(story.app), '/surveys/new')
    await page.getByPlaceholder('如：社区停车管理意见征集').fill('社区停车管理意见征集')
    const first = page.locator('[data-test=question-1]')
    await first.getByPlaceholder('题目，如：您对小区停车满意吗？').fill('您对小区停车满意吗？')
    await first.getByPlaceholder('选项 A').fill('满意')
    await first.getByPlaceholder('选项 B').fill('不满意')
    // Last week's times, as a form filled in from an old survey keeps them.
    const lastWeek = dayAfter(-7)
    await typeDateTime(page.getByLabel('开始时间'), `${lastWeek} 09:00`)
    await typeDateTime(page.getByLabel('结束时间'), `${dayAfter(-3)} 17:00`)
    await page.getByRole('button', { name: '保存为草稿' }).click()

    const end = page.locator('[data-test=closes-field]')
    await end.locator('.t-form-item-tips').getByText('结束时间已经过去了，请选一个以后的时间').waitFor()
    expect(await page.getByText('结束时间已经过去了', { exact: false }).count(), 'said once, beside the end').to.equal(1)
    expect(await page.locator('.t-alert').count(), 'no banner repeats it').to.equal(0)
    expect(await page.locator('[data-test=opens-field] .t-form-item-tips').count(), 'the start is not blamed').to.equal(0)
    expect(page.url(), 'still on the form').to.match(/\/surveys\/new$/)
    expect((await story.app.liaison.store.surveys.search({ limit: 10 })).items, 'nothing saved').to.deep.equal([])
    await screenshot(page, 'console-survey-new-end-passed')

    await typeDateTime(page.getByLabel('结束时间'), `${dayAfter(7)} 17:00`)
    expect(await end.locator('.t-form-item-tips').count(), 'gone once the end changed').to.equal(0)
    await page.getByRole('button', { name: '保存为草稿' }).click()
    await page.waitForURL(/\/console\/surveys\/sv-/)
    expect(page.problems).to.deep.equal([])
  })

  it('offers no 二维码海报 for a draft open to anyone, and offers it once published', async () => {
    const login = await cityOrganizer(story.app)
    const office = await new Client(story.app.baseUrl).login(login.username, login.password)
    const draft = await office.post('/api/admin/surveys', {
      kind: 'survey',
      title: '社区食堂就餐意见调查',
      closesAt: `${dayAfter(7)}T17:00:00+08:00`,
      draft: true,
      questions: [{ id: 'taste', type: 'text', title: '您对社区食堂有什么建议？' }],
    })
    expect(draft.status, JSON.stringify(draft.body)).to.equal(201)

    const page = await newPage(story.browser, story.app)
    await logInAs(page, login, `/surveys/${draft.body.id}`)
    await page.locator('[data-test=phase]').getByText('草稿').waitFor()
    await page.getByRole('button', { name: '发布', exact: true }).waitFor()
    expect(await page.getByRole('button', { name: '二维码海报' }).count(), 'a draft takes no answers: no poster yet').to.equal(0)
    await screenshot(page, 'console-survey-draft-no-poster')

    await page.getByRole('button', { name: '发布', exact: true }).click()
    await page.getByRole('button', { name: '确认发布' }).click()
    await page.locator('.t-alert').getByText('已发布，现在可以扫码填写了', { exact: true }).waitFor()
    await page.getByRole('button', { name: '二维码海报' }).click()
    await page.getByRole('img', { name: '问卷二维码' }).waitFor()
    expect(page.problems).to.deep.equal([])
  })
})
