import { expect } from 'chai'
import { asResident } from '../helpers/app.js'
import { officeDayAfter } from './office-days.js'
import { logInAs, newPage, screenshot, useConsole } from './harness.js'

describe('console: an organizer builds a survey with a condition', function () {
  // A real browser on a shared machine: each story gets two minutes (it usually needs under thirty seconds).
  this.timeout(120_000)
  const story = useConsole()

  it("builds it with a preview that follows the condition, publishes, and the chart counts the residents' answers", async () => {
    const page = await newPage(story.browser, story.app)
    // The office PC's clock runs ten minutes ahead of the server's. "Start now" is the server's now:
    // the builder sends no start, so residents are not told 尚未开始 (nor refused, 409) for ten minutes.
    await page.clock.install({ time: story.app.clock.now().getTime() + 10 * 60_000 })
    await logInAs(
      page,
      story.app.login((l) => l.role === 'organizer'),
    )
    await page.goto('/console/surveys')
    // None yet: the page points at the button where it is, above the table.
    await page.getByText('还没有问卷，点上方的“新建”按钮开始').waitFor()
    await page.getByRole('button', { name: '新建', exact: true }).click()
    await page.getByPlaceholder('如：社区停车管理意见征集').fill('小区停车情况调查')
    expect(await page.getByLabel('开始时间').inputValue(), 'no start: it opens when published').to.equal('')
    // The end offered is the close of an office day two weeks on, not this minute two weeks on.
    const inTwoWeeks = officeDayAfter(story.app.clock.now().getTime() + 10 * 60_000, 14, story.app.liaison.config.business.timeZone)
    expect(await page.getByLabel('结束时间').inputValue()).to.equal(`${inTwoWeeks} 17:00`)
    await page.getByText('不填表示发布时开始').waitFor()

    const first = page.locator('[data-test=question-1]')
    await first.getByPlaceholder('题目，如：您对小区停车满意吗？').fill('您家有汽车吗？')
    await first.getByPlaceholder('选项 A').fill('有')
    await first.getByPlaceholder('选项 B').fill('没有')
    await page.getByRole('button', { name: '+ 单选题' }).click()
    const second = page.locator('[data-test=question-2]')
    await second.getByPlaceholder('题目，如：您对小区停车满意吗？').fill('晚上停车难吗？')
    await second.getByPlaceholder('选项 A').fill('很难')
    await second.getByPlaceholder('选项 B').fill('还好')
    await second.getByText('只在前面某题选了某些选项时才显示').click()
    await second.getByPlaceholder('哪些选项').click()
    await page.locator('.t-select-option', { hasText: 'A 有' }).click()
    await page.keyboard.press('Escape')

    // The preview shows the second question only once "有" is chosen, as the respondent will see it.
    const preview = page.locator('[data-test=survey-preview]')
    await preview.getByText('另有 1 道题按前面的回答才会出现').waitFor()
    expect(await preview.getByText('晚上停车难吗？').count()).to.equal(0)
    await preview.getByText('有', { exact: true }).click()
    await preview.getByText('2. 晚上停车难吗？').waitFor()
    await screenshot(page, 'console-survey-builder')

    const saved = page.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/api/admin/surveys')
    await page.getByRole('button', { name: '保存为草稿' }).click()
    expect((await saved).postDataJSON(), 'the browser’s clock is not sent for "now"').to.not.have.property('opensAt')
    await page.getByRole('heading', { name: /小区停车情况调查/ }).waitFor()
    await page.getByRole('button', { name: '发布' }).click()
    // Whom it reaches and when, before it goes: anyone with the poster, from the moment it is published.
    await page
      .locator('[data-test=publish-reach]')
      .getByText(/^群众扫二维码就可以填写，发布后马上开始，/)
      .waitFor()
    await page.getByRole('button', { name: '确认发布' }).click()
    await page.getByText('已发布，现在可以扫码填写了').waitFor()
    // Open to anyone who scans: its poster is offered.
    await page.getByRole('button', { name: '二维码海报' }).waitFor()

    // Three residents answer from the mini-program: two have a car (one finds parking hard), one has none.
    const surveyId = new URL(page.url()).pathname.split('/').pop()!
    const seen = (await (await asResident(story.app)).get(`/api/mp/surveys/${surveyId}`)).body
    const [car, parking] = seen.questions as Array<{ id: string; options: Array<{ id: string; label: string }> }>
    const option = (q: typeof car, label: string) => q.options.find((o) => o.label === label)!.id
    const answers = [
      { [car.id]: option(car, '有'), [parking.id]: option(parking, '很难') },
      { [car.id]: option(car, '有'), [parking.id]: option(parking, '还好') },
      { [car.id]: option(car, '没有') },
    ]
    for (const a of answers) expect((await (await asResident(story.app)).post(`/api/mp/surveys/${surveyId}/responses`, { answers: a })).status).to.equal(201)

    await page.reload()
    await page.locator('[data-test=survey-total]').getByText('3').waitFor()
    const carResult = page.locator(`[data-test=result-${car.id}]`)
    expect(await carResult.locator('.bar-chart').getAttribute('aria-label')).to.equal('有 2人，没有 1人')
    expect(await carResult.locator('h4').innerText()).to.include('（3 人作答）')
    expect(await page.locator(`[data-test=result-${parking.id}] .bar-chart`).getAttribute('aria-label')).to.equal('很难 1人，还好 1人')
    // Asked only of those with a car: its 2 answers beside the 3 sheets say why, not as if one resident skipped it.
    expect(await page.locator(`[data-test=result-${parking.id}] h4`).innerText()).to.include('（只问第 1 题选了“有”的人，2 人作答）')
    await screenshot(page, 'console-survey-results')
    expect(page.problems).to.deep.equal([])
  })
})
