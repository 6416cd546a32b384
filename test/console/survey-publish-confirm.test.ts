import { expect } from 'chai'
import type { Locator } from 'playwright-core'
import { Client } from '../helpers/app.js'
import { localDate } from '../../src/domain/dates.js'
import { cityOrganizer, dayWords, shortDay } from './organizer-story.js'
import { dayOfShown, logInAs, newPage, screenshot, typeDateTime, useConsole } from './harness.js'

const DAY = 86_400_000

/**
 * An organizer's survey and ballot forms: an empty start is when it is published (not when the
 * draft was saved); 发布 first says whom it reaches and when it opens and closes, with 确认发布 and
 * 再看看; a refusal is said once, at its field, and goes when the field changes.
 */
describe('console: an organizer publishes a survey or a ballot knowingly', function () {
  // A real browser on a shared machine: each story gets two minutes (it usually needs under thirty seconds).
  this.timeout(150_000)
  const story = useConsole()
  const zone = () => story.app.liaison.config.business.timeZone
  const nationals = async () => (await story.app.liaison.store.deputies.search({ level: 'national', limit: 10 })).items.length

  it('saves a draft with no start, which opens when it is published, after 再看看 and 确认发布', async () => {
    const page = await newPage(story.browser, story.app)
    await logInAs(page, await cityOrganizer(story.app), '/surveys/new')
    await page.getByPlaceholder('如：社区停车管理意见征集').fill('代表联系群众情况问卷')
    await page.getByText('不填表示发布时开始').waitFor()
    const first = page.locator('[data-test=question-1]')
    await first.getByPlaceholder('题目，如：您对小区停车满意吗？').fill('本月接待过群众吗？')
    await first.getByPlaceholder('选项 A').fill('接待过')
    await first.getByPlaceholder('选项 B').fill('没有')
    await page.locator('.t-form__item', { hasText: '请代表填写' }).locator('.t-switch').click()
    await page.locator('[data-test=audience-field]').getByText('全国人大代表', { exact: true }).click()
    const n = await nationals()
    await page.locator('[data-test=audience-count]').getByText(`共 ${n} 位代表`).waitFor()
    const closes = dayOfShown(await page.getByLabel('结束时间').inputValue())
    await page.getByRole('button', { name: '保存为草稿' }).click()
    await page.waitForURL(/\/console\/surveys\/sv-/)
    const surveyId = new URL(page.url()).pathname.split('/').pop()!

    // The draft says when it opens: when it is published, not the minute it was saved.
    await page
      .locator('[data-test=opens-on-publish]')
      .getByText(`发布时开始，${shortDay(story.app, closes)} 17:00 截止`)
      .waitFor()
    // 统计结果 of a draft: when answers will show there, not each question charted at 0 人 0% (review 44).
    await page.locator('.t-tabs__nav-item', { hasText: '统计结果' }).click()
    await page.locator('[data-test=no-answers]').getByText('发布后，收到的答卷会在这里按题统计。', { exact: true }).waitFor()
    expect(await page.locator('[data-test^=result-]').count(), 'no question charted').to.equal(0)

    // Published an hour and a half later.
    const publishedAt = new Date(story.app.clock.now().getTime() + 90 * 60_000)
    story.app.clock.set(publishedAt)
    await page.reload()
    await page.getByRole('button', { name: '发布', exact: true }).click()
    const dialog = page.locator('[data-test=survey-publish-confirm]')
    expect(await dialog.locator('[data-test=publish-reach]').innerText()).to.equal(
      `会请 ${n} 人填写（都是代表），发布后马上开始，${dayWords(story.app, closes)}17:00截止`,
    )
    await screenshot(page, 'console-survey-publish-confirm')
    await page.getByRole('button', { name: '再看看' }).click()
    await dialog.waitFor({ state: 'hidden' })
    expect((await story.app.liaison.store.surveys.get(surveyId))!.draft, '再看看 leaves it a draft').to.equal(true)
    expect(await story.app.liaison.store.outbox.search({ limit: 10, kind: 'survey.published' }).then((p) => p.items), 'nobody told yet').to.deep.equal([])

    await page.getByRole('button', { name: '发布', exact: true }).click()
    await page.getByRole('button', { name: '确认发布' }).click()
    // As the confirmation said: every deputy asked is told, and a resident who scans is refused, so no poster is offered.
    await page.locator('.t-alert').getByText(`已发布，已通知 ${n} 人`, { exact: true }).waitFor()
    await dialog.waitFor({ state: 'hidden' })
    expect(await page.getByRole('button', { name: '二维码海报' }).count(), 'no poster for a survey asked of deputies').to.equal(0)
    expect(await page.getByText('扫码', { exact: false }).count(), 'nor any word of scanning').to.equal(0)
    await screenshot(page, 'console-survey-published-to-deputies')
    // Published, nobody has answered yet: said in words, not charts of nothing.
    await page.locator('.t-tabs__nav-item', { hasText: '统计结果' }).click()
    await page.locator('[data-test=no-answers]').getByText('还没有人填写。收到答卷后，这里按题显示统计。', { exact: true }).waitFor()
    expect(await page.locator('[data-test^=result-]').count(), 'no question charted').to.equal(0)
    const published = (await story.app.liaison.store.surveys.get(surveyId))!
    expect(published.opensAt.toISOString(), 'it opened when published, not when saved').to.equal(publishedAt.toISOString())
    expect((await story.app.liaison.store.outbox.search({ limit: 10, kind: 'survey.published' })).items).to.have.length(n)
    expect(page.problems).to.deep.equal([])
  })

  it('reads out a ballot’s roll and its days before publishing it', async () => {
    const login = await cityOrganizer(story.app)
    const office = await new Client(story.app.baseUrl).login(login.username, login.password)
    const now = story.app.clock.now().getTime()
    const [opens, closes] = [localDate(new Date(now + 3 * DAY), zone()), localDate(new Date(now + 10 * DAY), zone())]
    const draft = await office.post('/api/admin/surveys', {
      kind: 'ballot',
      title: '2027年民生实事项目票决',
      opensAt: `${opens}T09:00:00+08:00`,
      closesAt: `${closes}T17:00:00+08:00`,
      anonymous: true,
      draft: true,
      questions: [
        {
          id: 'projects',
          type: 'multiple',
          title: '请选择您赞成的民生实事项目',
          required: true,
          options: [
            { id: 'p1', label: '老旧小区加装电梯' },
            { id: 'p2', label: '社区食堂' },
          ],
        },
      ],
      ballot: { passRule: 'roll_majority', maxChosen: null, roll: { levels: ['national'] } },
    })
    expect(draft.status, JSON.stringify(draft.body)).to.equal(201)

    const page = await newPage(story.browser, story.app)
    await logInAs(page, login, `/surveys/${draft.body.id}`)
    await page.getByRole('button', { name: '发布', exact: true }).click()
    const reach = page.locator('[data-test=survey-publish-confirm] [data-test=publish-reach]')
    expect(await reach.innerText()).to.equal(
      `会请 ${await nationals()} 人投票（都是代表），${dayWords(story.app, opens)}9:00开始，${dayWords(story.app, closes)}17:00截止`,
    )
    await screenshot(page, 'console-ballot-publish-confirm')
    await page.getByRole('button', { name: '确认发布' }).click()
    // The roll is told now (of the days ahead); a ballot is no questionnaire to scan.
    await page
      .locator('.t-alert')
      .getByText(`已发布，已通知 ${await nationals()} 人`, { exact: true })
      .waitFor()
    expect(await page.getByRole('button', { name: '二维码海报' }).count(), 'no poster for a ballot').to.equal(0)
    expect(await page.getByText('扫码', { exact: false }).count(), 'nor any word of scanning').to.equal(0)
    await screenshot(page, 'console-ballot-published')
    expect((await office.get(`/api/admin/surveys/${draft.body.id}`)).body).to.include({ status: 'published', phase: 'scheduled' })
    expect(page.problems).to.deep.equal([])
  })

  it('says a refusal once, beside its field, and takes it away when the field changes', async () => {
    const page = await newPage(story.browser, story.app)
    await logInAs(page, await cityOrganizer(story.app), '/surveys/new')
    await page.getByPlaceholder('如：社区停车管理意见征集').fill('代表履职情况问卷')
    const first = page.locator('[data-test=question-1]')
    await first.getByPlaceholder('题目，如：您对小区停车满意吗？').fill('本季度参加过几次接待日？')
    await first.getByPlaceholder('选项 A').fill('一次')
    await first.getByPlaceholder('选项 B').fill('两次以上')
    const asking = page.locator('.t-form__item', { hasText: '请代表填写' }).locator('.t-switch')
    await asking.click()

    // Deputies asked, none chosen: refused, said beside 代表层级 and nowhere else.
    await page.getByRole('button', { name: '保存为草稿' }).click()
    const field = page.locator('[data-test=audience-field]')
    const words = '请勾选代表层级或选择区县；想让任何人扫码填写，请关掉“请代表填写”'
    await field.getByText(words).waitFor()
    expect(await page.locator('.t-alert').count(), 'no banner repeats it').to.equal(0)
    expect(await page.locator('[data-test=audience-count]').count(), 'nor the 将请 line').to.equal(0)
    expect(await page.getByText('还没有选择', { exact: false }).count()).to.equal(0)
    await screenshot(page, 'console-survey-refused-once')

    // Answered by asking no deputy: the words go with it.
    await asking.click()
    await page.getByText(words).waitFor({ state: 'detached' })
    await asking.click()
    expect(await field.locator('.t-form-item-tips').count(), 'not back when the choice comes back').to.equal(0)
    await field.getByText('全国人大代表', { exact: true }).click()

    // An end before the start: said beside 结束时间, once.
    const tomorrow = localDate(new Date(story.app.clock.now().getTime() + DAY), zone())
    await typeDateTime(page.getByLabel('开始时间'), `${tomorrow} 09:00`)
    expect(page.url(), 'the Enter that closed the calendar did not save the form').to.match(/\/surveys\/new$/)
    await typeDateTime(page.getByLabel('结束时间'), `${tomorrow} 08:00`)
    await page.getByRole('button', { name: '保存为草稿' }).click()
    const closes = page.locator('[data-test=closes-field]')
    await closes.locator('.t-form-item-tips').getByText('结束时间应晚于开始时间').waitFor()
    // In the size of the form's own words, not TDesign's small print.
    const fontSize = (l: Locator) => l.evaluate((el) => getComputedStyle(el).fontSize)
    expect(await fontSize(closes.locator('.t-form-item-tips')), 'as large as the label 结束时间').to.equal(await fontSize(closes.locator('.t-form__label')))
    expect(await page.getByText('结束时间应晚于开始时间').count(), 'said once').to.equal(1)
    expect(await page.locator('.t-alert').count()).to.equal(0)
    await screenshot(page, 'console-survey-dates-refused')
    await typeDateTime(page.getByLabel('结束时间'), `${tomorrow} 17:00`)
    expect(await closes.locator('.t-form-item-tips').count(), 'gone once the end changed').to.equal(0)
    await page.getByRole('button', { name: '保存为草稿' }).click()
    await page.waitForURL(/\/console\/surveys\/sv-/)
    expect(page.problems).to.deep.equal([])
  })
})
