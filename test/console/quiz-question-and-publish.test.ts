import { expect } from 'chai'
import { Client } from '../helpers/app.js'
import { localDate } from '../../src/domain/dates.js'
import { dayWords } from './organizer-story.js'
import { logInAs, newPage, screenshot, useConsole, type ConsolePage } from './harness.js'

const DAY = 86_400_000

/**
 * A district organizer fills her quiz's bank by hand and publishes it: a new 单选题 offers four
 * boxes and saves with two of them left empty (they are not saved); a box left empty between
 * written ones is said at the box, with 删去 to take it out; 单选题 picks its one right answer with
 * round buttons, 多选题 with boxes; and 发布 first says whom the quiz is for and when it opens and
 * closes, as a survey's does, with 确认发布 and 再看看.
 */
describe('console: an organizer writes quiz questions and publishes the quiz knowingly', function () {
  // A real browser on a shared machine: each story gets two minutes (it usually needs under thirty seconds).
  this.timeout(180_000)
  const story = useConsole()

  async function districtOrganizer() {
    for (const login of story.app.logins.filter((l) => l.role === 'organizer')) {
      const staff = await story.app.liaison.store.staff.getByUsername(login.username)
      const region = staff?.regionIds.length ? await story.app.liaison.store.regions.get(staff.regionIds[0]) : null
      if (region?.kind === 'district') return { login, district: region }
    }
    throw new Error('the demo city has no district organizer')
  }
  const pool = async (quizId: string) => story.app.liaison.store.quizzes.questions(quizId)
  const quizNotices = async () => (await story.app.liaison.store.outbox.search({ limit: 500, kind: 'quiz.published' })).items

  async function draftQuiz(login: { username: string; password: string }) {
    const office = await new Client(story.app.baseUrl).login(login.username, login.password)
    const closes = localDate(new Date(story.app.clock.now().getTime() + 14 * DAY), story.app.liaison.config.business.timeZone)
    const made = await office.post('/api/admin/quizzes', {
      title: '代表法知识竞赛',
      description: '',
      drawCount: 2,
      timeLimitSeconds: 600,
      attemptsAllowed: 1,
      closesAt: `${closes}T17:00:00+08:00`,
      audience: 'deputies',
      draft: true,
    })
    expect(made.status, JSON.stringify(made.body)).to.equal(201)
    return { id: made.body.id as string, closes }
  }
  const dialog = (page: ConsolePage) => page.locator('[data-test=question-dialog]')
  const option = (page: ConsolePage, key: string) => dialog(page).locator(`[data-test=option-${key}]`)
  const answers = (page: ConsolePage) => dialog(page).locator('[data-test=answer-field]')

  it('saves a 单选题 with its empty boxes left out, says an empty box between written ones at the box, and picks one answer with round buttons', async () => {
    const { login } = await districtOrganizer()
    const { id } = await draftQuiz(login)
    const page = await newPage(story.browser, story.app)
    await logInAs(page, login, `/quizzes/${id}`)

    // A new 单选题: four boxes; two written, the right one picked with a round button, two left empty.
    await page.getByRole('button', { name: '添加题目' }).click()
    await dialog(page).locator('textarea').first().fill('县级人大代表每届任期几年？')
    expect(await dialog(page).locator('[data-test^=option-] input').count(), 'four boxes to start with').to.equal(4)
    await option(page, 'A').locator('input').fill('三年')
    await option(page, 'B').locator('input').fill('五年')
    expect(await answers(page).locator('.t-checkbox').count(), 'no boxes: one answer only').to.equal(0)
    expect(await answers(page).locator('.t-radio').allInnerTexts(), 'the written options only').to.deep.equal(['A 三年', 'B 五年'])
    await answers(page).getByText('A 三年').click()
    await answers(page).getByText('B 五年').click()
    expect(await answers(page).locator('.t-radio.t-is-checked').allInnerTexts(), 'one at a time').to.deep.equal(['B 五年'])
    await screenshot(page, 'console-quiz-question-single')
    await page.getByRole('button', { name: '保存' }).click()
    await dialog(page).waitFor({ state: 'hidden' })
    const bank = page.locator('[data-test=question-bank]')
    await bank.getByText('A. 三年　B. 五年', { exact: true }).waitFor()
    expect((await pool(id)).map((q) => ({ options: q.options, answer: q.answer }))).to.deep.equal([{ options: ['三年', '五年'], answer: [1] }])

    // A box left empty between two written ones: said at the box, not "输入有误" nor "第 1 题".
    await page.getByRole('button', { name: '添加题目' }).click()
    await dialog(page).locator('textarea').first().fill('代表联络站的作用是什么？')
    await option(page, 'A').locator('input').fill('联系群众')
    await option(page, 'B').locator('input').fill('收集意见')
    await option(page, 'D').locator('input').fill('监督政府')
    await answers(page).getByText('D 监督政府').click()
    await page.getByRole('button', { name: '保存' }).click()
    await option(page, 'C').getByText('选项 C 还没填，不用的话点“删去”', { exact: true }).waitFor()
    expect(await page.locator('.t-dialog', { has: dialog(page) }).innerText()).not.to.match(/输入有误|第 1 题/)
    await screenshot(page, 'console-quiz-question-empty-box')
    expect(await pool(id), 'nothing saved').to.have.length(1)

    // 删去 takes the box out; the answer that was D is now C, its letter.
    await option(page, 'C').getByRole('button', { name: '删去' }).click()
    expect(await answers(page).locator('.t-radio.t-is-checked').allInnerTexts()).to.deep.equal(['C 监督政府'])
    await page.getByRole('button', { name: '保存' }).click()
    await dialog(page).waitFor({ state: 'hidden' })
    expect((await pool(id))[1]).to.deep.include({ options: ['联系群众', '收集意见', '监督政府'], answer: [2] })

    // A 多选题 picks its answers with boxes, more than one.
    await page.getByRole('button', { name: '添加题目' }).click()
    await dialog(page).locator('.t-radio', { hasText: '多选题' }).click()
    await dialog(page).locator('textarea').first().fill('代表可以通过哪些方式联系群众？')
    for (const [key, text] of [
      ['A', '接待日'],
      ['B', '走访'],
      ['C', '网上留言'],
    ])
      await option(page, key).locator('input').fill(text)
    expect(await answers(page).locator('.t-radio').count(), 'no round buttons').to.equal(0)
    await answers(page).getByText('A 接待日').click()
    await answers(page).getByText('C 网上留言').click()
    expect(await answers(page).locator('.t-checkbox.t-is-checked').allInnerTexts()).to.deep.equal(['A 接待日', 'C 网上留言'])
    await screenshot(page, 'console-quiz-question-multiple')
    await page.getByRole('button', { name: '保存' }).click()
    await dialog(page).waitFor({ state: 'hidden' })
    expect((await pool(id))[2]).to.deep.include({ type: 'multiple', options: ['接待日', '走访', '网上留言'], answer: [0, 2] })
    expect(page.problems).to.deep.equal([])
  })

  it('says at 发布 whom the quiz is for and when it runs, and publishes only at 确认发布', async () => {
    const { login, district } = await districtOrganizer()
    const { id, closes } = await draftQuiz(login)
    const page = await newPage(story.browser, story.app)
    await logInAs(page, login, `/quizzes/${id}`)
    const confirm = page.locator('[data-test=quiz-publish-confirm]')

    // An empty bank: said in the dialog, and 确认发布 cannot be pressed.
    await page.getByRole('button', { name: '发布', exact: true }).click()
    await confirm.getByText('题库只有 0 题，少于每次抽题数 2，请先添加题目或在“设置”里减少抽题数，再发布', { exact: true }).waitFor()
    expect(await page.getByRole('button', { name: '确认发布' }).isDisabled()).to.equal(true)
    await page.getByRole('button', { name: '再看看' }).click()
    await confirm.waitFor({ state: 'detached' })

    const office = await new Client(story.app.baseUrl).login(login.username, login.password)
    const added = await office.post(`/api/admin/quizzes/${id}/questions`, {
      questions: [
        { type: 'true_false', stem: '代表应当与原选区选民保持密切联系，对吗？', answer: ['A'] },
        { type: 'single', stem: '县级人大代表每届任期几年？', options: ['三年', '五年'], answer: ['B'] },
      ],
    })
    expect(added.status, JSON.stringify(added.body)).to.equal(201)
    await page.reload()
    await page.getByRole('button', { name: '发布', exact: true }).click()
    const reach = `${district.name}的人大代表可以参加，发布后马上开始，${dayWords(story.app, closes)}17:00截止`
    // The dialog first says 正在核对参加范围… while it asks the server: wait for the answer, on a busy machine too.
    await confirm.locator('[data-test=publish-reach]', { hasText: reach }).waitFor()
    expect(await confirm.locator('[data-test=publish-reach]').innerText()).to.equal(reach)
    // How many it reaches, counted by the server before anyone is told (as a survey's dialog says 会请 N 人填写).
    const after = await confirm.locator('[data-test=publish-after]').innerText()
    const said = after.match(
      /^请核对参加范围和日期。发布后(.+)的 (\d+) 位人大代表都会收到参赛通知；有人开始答题后，题目、选项、正确答案和分值就不能再改，只能改解析。$/,
    )
    expect(said, after).to.not.equal(null)
    expect(said![1]).to.equal(district.name)
    await screenshot(page, 'console-quiz-publish-confirm')
    await page.getByRole('button', { name: '再看看' }).click()
    await confirm.waitFor({ state: 'detached' })
    expect((await story.app.liaison.store.quizzes.get(id))!.draft, '再看看 leaves it a draft').to.equal(true)
    expect(await quizNotices(), 'nobody told yet').to.deep.equal([])

    await page.getByRole('button', { name: '发布', exact: true }).click()
    await page.getByRole('button', { name: '确认发布' }).click()
    await page.locator('.t-alert').getByText('已发布', { exact: true }).waitFor()
    await confirm.waitFor({ state: 'detached' })
    expect((await story.app.liaison.store.quizzes.get(id))!.draft).to.equal(false)
    const told = await quizNotices()
    expect(told.length, 'the district’s deputies are told').to.be.greaterThan(0)
    expect(new Set(told.map((m) => m.recipientId)).size, 'as many as the dialog said').to.equal(Number(said![2]))
    expect(page.problems).to.deep.equal([])
  })
})
