import { expect } from 'chai'
import { asResident, Client } from '../helpers/app.js'
import { quizWithBank } from '../helpers/quizzes.js'
import { logInAs, newPage, useConsole, type ConsolePage } from './harness.js'

/**
 * 孙丽 opens a question of a quiz somebody has already started: the dialog says at once what she
 * can no longer change, with those boxes disabled, and 解析 still open to her (no 保存 that is
 * refused). A draft she no longer wants she deletes, after a question in plain words; a published
 * quiz offers no such button.
 */
describe('console: a question people started is shown frozen, and a draft can be deleted', function () {
  this.timeout(180_000)
  const story = useConsole()
  // The demo city's first organizer, in the story's words 孙丽.
  const sunli = () => story.app.login((l) => l.role === 'organizer')
  const organizer = () => new Client(story.app.baseUrl).login(sunli().username, sunli().password)
  const dialog = (page: ConsolePage) => page.locator('[data-test=question-dialog]')

  it('shows the frozen parts disabled before 保存, with one line why, and saves a corrected 解析', async () => {
    const quiz = await quizWithBank(story.app, await organizer(), { title: '宪法知识竞赛' })
    const page = await newPage(story.browser, story.app)
    await logInAs(page, sunli(), `/quizzes/${quiz.id}`)
    // Each row's button says what it can still change: the whole question before anyone starts, then only its 解析.
    const rowButtons = page.locator('[data-test=question-bank] tbody').getByRole('button')
    await rowButtons.first().waitFor()
    expect([...new Set(await rowButtons.allInnerTexts())], 'nobody has started').to.deep.equal(['修改'])
    expect((await (await asResident(story.app)).post(`/api/mp/quizzes/${quiz.id}/attempts`)).status, 'someone started').to.equal(201)
    await page.reload()
    await page.locator('[data-test=bank-frozen]').waitFor()
    expect(await rowButtons.allInnerTexts(), 'one per question').to.have.length(10)
    expect([...new Set(await rowButtons.allInnerTexts())], 'someone started').to.deep.equal(['改解析'])

    await rowButtons.first().click()
    await page.locator('.t-dialog__header', { hasText: '修改解析' }).waitFor()
    await dialog(page)
      .locator('[data-test=question-frozen]')
      .getByText('已有人开始答题，题目、选项、答案和分值不能再改；解析仍可修改', { exact: true })
      .waitFor()
    expect(await dialog(page).locator('[data-test=stem-field] textarea').isDisabled(), '题干').to.equal(true)
    expect(await dialog(page).locator('[data-test=option-A] input').isDisabled(), '选项').to.equal(true)
    expect(await dialog(page).locator('[data-test=answer-field] input').first().isDisabled(), '正确答案').to.equal(true)
    expect(await dialog(page).getByRole('button', { name: '删去' }).count(), 'no 删去').to.equal(0)

    const explanation = dialog(page).locator('textarea').nth(1)
    expect(await explanation.isDisabled(), '解析 stays open').to.equal(false)
    await explanation.fill('更正：答案以新修订的宪法为准')
    await page.getByRole('button', { name: '保存' }).click()
    await dialog(page).waitFor({ state: 'hidden' })
    const pool = await story.app.liaison.store.quizzes.questions(quiz.id)
    expect(pool.map((q) => q.explanation)).to.include('更正：答案以新修订的宪法为准')
    expect(page.problems).to.deep.equal([])
  })

  it('deletes a draft after asking in plain words, and offers no delete for a published quiz', async () => {
    const office = await organizer()
    const draft = await quizWithBank(story.app, office, { title: '重复的草稿', draft: true })
    const published = await quizWithBank(story.app, office, { title: '宪法知识竞赛' })
    const page = await newPage(story.browser, story.app)
    await logInAs(page, sunli(), `/quizzes/${published.id}`)
    await page.getByText('宪法知识竞赛').first().waitFor()
    expect(await page.getByRole('button', { name: '删除草稿' }).count(), 'published: nothing to delete').to.equal(0)

    await page.goto(`/console/quizzes/${draft.id}`)
    await page.getByRole('button', { name: '删除草稿' }).click()
    const ask = page.locator('.t-dialog', { hasText: '删除这个草稿？' })
    await ask.getByText('“重复的草稿”和题库里的 10 道题会一起删除，删除后找不回来。这个竞赛还没有发布，没有人看到过它。', { exact: true }).waitFor()
    await ask.getByRole('button', { name: '再想想' }).click()
    expect(await story.app.liaison.store.quizzes.get(draft.id), 'kept until she says 删除').not.to.equal(null)

    await page.getByRole('button', { name: '删除草稿' }).click()
    await ask.getByRole('button', { name: '删除', exact: true }).click()
    await page.waitForURL(/\/console\/quizzes$/)
    expect(await story.app.liaison.store.quizzes.get(draft.id)).to.equal(null)
    expect(page.problems).to.deep.equal([])
  })

  it('deletes a draft from its row in the list, after the same question, without opening it', async () => {
    const office = await organizer()
    const draft = await quizWithBank(story.app, office, { title: '多建的一个草稿', draft: true })
    await quizWithBank(story.app, office, { title: '代表法知识问答' })
    const page = await newPage(story.browser, story.app)
    await logInAs(page, sunli(), '/quizzes')
    const rowOf = (title: string) => page.locator('tbody tr', { hasText: title })
    await rowOf('多建的一个草稿').waitFor()
    expect(await rowOf('代表法知识问答').getByRole('button', { name: '删除草稿' }).count(), 'published: nothing to delete').to.equal(0)

    await rowOf('多建的一个草稿').getByRole('button', { name: '删除草稿' }).click()
    const ask = page.locator('.t-dialog', { hasText: '删除这个草稿？' })
    await ask.getByText('“多建的一个草稿”和题库里的 10 道题会一起删除，删除后找不回来。这个竞赛还没有发布，没有人看到过它。', { exact: true }).waitFor()
    expect(page.url(), 'the row was not opened').to.match(/\/console\/quizzes$/)
    await ask.getByRole('button', { name: '再想想' }).click()
    expect(await story.app.liaison.store.quizzes.get(draft.id), 'kept until she says 删除').not.to.equal(null)

    await rowOf('多建的一个草稿').getByRole('button', { name: '删除草稿' }).click()
    await ask.getByRole('button', { name: '删除', exact: true }).click()
    await page.locator('[data-test=list-notice]').getByText('已删除草稿“多建的一个草稿”').waitFor()
    await rowOf('多建的一个草稿').waitFor({ state: 'detached' })
    expect(page.url(), 'still the list').to.match(/\/console\/quizzes$/)
    expect(await story.app.liaison.store.quizzes.get(draft.id)).to.equal(null)
    expect(await rowOf('代表法知识问答').count(), 'the other stays').to.equal(1)
    expect(page.problems).to.deep.equal([])
  })
})
