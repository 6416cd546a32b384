import { expect } from 'chai'
import { nextPaperHolds } from '../test/helpers/quizzes.js'
import type { Backend } from './harness/backend.js'
import type { MpPage } from './harness/page.js'
import { backendWithQuiz, signIn } from './harness/quiz.js'

type Shown = { number: number; type: string; options: Array<{ key: string; text: string }> }

/** She signs in on her phone and takes the quiz, choosing the options whose words `pick` names, and hands it in. */
async function takeQuiz(app: Backend, openid: string, quizId: string, pick: (type: string, text: string) => boolean): Promise<MpPage> {
  const page = await signIn(app, openid, quizId)
  await page.tap('.start')
  for (const q of page.data.questions as Shown[]) for (const o of q.options) if (pick(q.type, o.text)) await page.tap(`.opt-${q.number}-${o.key}`)
  await page.tap('.submit')
  return page
}

/** The letter this paper gave to the option with these words (options are shuffled per paper). */
const keyOf = (q: { options: Array<{ key: string; text: string }> }, text: string) => q.options.find((o) => o.text === text)!.key

/**
 * 答题结果: the answers are said with their words, not only their letters (each paper shuffles
 * the options), and on the leaderboard she finds her own row and her place without guessing
 * which 群众N号 is hers.
 */
describe('mini-program: a quiz result says the answers in words, and the leaderboard shows her own place', () => {
  let app: Backend
  let quizId: string

  beforeEach(async () => ({ app, quizId } = await backendWithQuiz()))
  afterEach(() => app.close())

  it('您的答案 and 正确答案 carry the option words beside their letters', async () => {
    // A paper holding every kind, each said its own way below (one of 5 from the bank of 10 may lack a 多选题).
    await nextPaperHolds(app, quizId, ['single', 'multiple', 'true_false'])
    // 乙 for every choice question, 错误 for every true/false one: all wrong.
    const page = await takeQuiz(app, 'o-quiz-words', quizId, (type, text) => (type === 'true_false' ? text === '错误' : text === '乙'))
    const result = page.data.result.questions as Array<{ stem: string; options: Array<{ key: string; text: string }> }>
    expect(result).to.have.length(5)
    expect(
      result.map((q) => q.stem.slice(0, 3)),
      'every kind on her paper',
    ).to.include.members(['单选题', '多选题', '判断题'])
    const rows = page.component.querySelectorAll('.row').map((r: { dom: HTMLElement }) => r.dom.textContent!.replace(/\s+/g, ' ').trim())
    result.forEach((q, i) => {
      const mine = q.options.some((o) => o.text === '乙') ? `${keyOf(q, '乙')}. 乙` : `${keyOf(q, '错误')}. 错误`
      const right = q.stem.startsWith('多选题')
        ? [keyOf(q, '甲'), keyOf(q, '丙')]
            .sort()
            .map((k) => `${k}. ${q.options.find((o) => o.key === k)!.text}`)
            .join('、')
        : q.stem.startsWith('单选题')
          ? `${keyOf(q, '甲')}. 甲`
          : `${keyOf(q, '正确')}. 正确`
      expect(rows[i], q.stem).to.equal(`您的答案：${mine}；正确答案：${right}`)
    })
    page.close()
  })

  it('the leaderboard marks her row （我） and says her place above the list', async () => {
    ;(
      await takeQuiz(app, 'o-quiz-first', quizId, (type, text) =>
        type === 'multiple' ? ['甲', '丙'].includes(text) : type === 'single' ? text === '甲' : text === '正确',
      )
    ).close()
    const page = await takeQuiz(app, 'o-quiz-second', quizId, (type, text) => (type === 'true_false' ? text === '错误' : text === '乙'))
    await page.tap('.board')

    expect(page.textOf('.my-rank')).to.equal('您排第 2 名（共 2 人），得分率 0%')
    // Each place reads in lines of its own, who first and the score under it: one long line wrapped
    // between a number and its unit at 375 px and in 关怀模式 (the facts are kept whole by the page's style).
    const lines = (selector: string): string[] =>
      page.component.querySelectorAll(selector).map((el: { dom: HTMLElement }) => el.dom.textContent!.replace(/\s+/g, ' ').trim())
    const who = lines('.rank__who')
    const rows = lines('.rank__score').map((score, i) => [who[i], score])
    expect(page.component.querySelectorAll('.rank')).to.have.length(2)
    expect(rows).to.have.length(2)
    expect(rows[0][0], 'the other person is not marked').to.match(/^第 1 名 ?群众[12]号$/)
    expect(rows[0][1]).to.match(/^得分率 100%（\d+\/\d+ 分）$/)
    expect(rows[1][0]).to.match(/^第 2 名 ?群众[12]号（我）$/)
    expect(rows[1][1]).to.match(/^得分率 0%（0\/\d+ 分）$/)
    // Numbered in the order they started (the same moment here): two people, two numbers.
    expect(rows.map((r: string[]) => /群众(\d)号/.exec(r[0])![1]).sort()).to.deep.equal(['1', '2'])
    page.close()
  })
})
