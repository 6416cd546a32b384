import { expect } from 'chai'
import type { Backend } from './harness/backend.js'
import { follow, openPage, type MpPage } from './harness/page.js'
import { backendWithQuiz, signIn } from './harness/quiz.js'

/** The right option of each question as the paper shows it: 甲 (and 丙 for several), 正确 for true/false. */
const RIGHT = (type: string, text: string) => (type === 'multiple' ? ['甲', '丙'].includes(text) : type === 'single' ? text === '甲' : text === '正确')

async function answerAll(page: MpPage) {
  for (const q of page.data.questions as Array<{ number: number; type: string; options: Array<{ key: string; text: string }> }>) {
    for (const o of q.options) if (RIGHT(q.type, o.text)) await page.tap(`.opt-${q.number}-${o.key}`)
  }
}

/**
 * A quiz of one try, taken: her list and the quiz's page say 已答过, never "还可答 0 次", which reads as if she had
 * missed it.
 */
describe('mini-program: a quiz of one try, once taken', () => {
  let app: Backend
  let quizId: string
  beforeEach(async () => ({ app, quizId } = await backendWithQuiz({ attemptsAllowed: 1 })))
  afterEach(() => app.close())

  it('says 已答过 in her list and on its page', async () => {
    const page = await signIn(app, 'o-quiz-once', quizId)
    expect(page.text()).to.include('还可答 1 次')
    await page.tap('.start')
    await answerAll(page)
    await page.tap('.submit')
    expect(page.textOf('.score')).to.include('50 分')
    page.close()

    const list = await openPage('pages/quiz/index')
    expect(list.textOf('.quiz')).to.include('最好成绩 50 分，已答过').and.not.include('还可答 0 次')
    await list.tap('.quiz')
    const again = await follow()
    expect(again.text()).to.include('已答过').and.not.include('还可答 0 次')
    again.close()
    list.close()
  })
})
