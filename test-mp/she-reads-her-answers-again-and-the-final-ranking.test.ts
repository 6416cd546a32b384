import { expect } from 'chai'
import { DAY, nextPaperHolds } from '../test/helpers/quizzes.js'
import { holdPhone, type Backend } from './harness/backend.js'
import { follow, openPage, type MpPage } from './harness/page.js'
import { backendWithQuiz, signIn } from './harness/quiz.js'

/** She signs in and hands in a paper with 乙 / 错误 everywhere: every answer wrong, so the right ones are worth reading again. */
async function takeItWrong(app: Backend, openid: string, quizId: string) {
  // A paper with a 单选题: the lines these stories read (您的答案：B. 乙；正确答案：A. 甲) are a choice question's.
  await nextPaperHolds(app, quizId, ['single'])
  const page = await signIn(app, openid, quizId)
  await page.tap('.start')
  for (const q of page.data.questions as Array<{ number: number; type: string; options: Array<{ key: string; text: string }> }>)
    for (const o of q.options) if (o.text === (q.type === 'true_false' ? '错误' : '乙')) await page.tap(`.opt-${q.number}-${o.key}`)
  await page.tap('.submit')
  expect(page.textOf('.score')).to.include('0 分')
  page.close()
}

async function openFromList(title: string): Promise<MpPage> {
  const list = await openPage('pages/quiz/index')
  expect(list.textOf('.quiz')).to.include(title)
  await list.tap('.quiz')
  list.close()
  return follow()
}

/**
 * Review 31 F2/F13: 王阿姨 leaves the result page and later wants the right answers and the 解析
 * again; after the close she wants the final ranking. The quiz page offers 查看我的答题 (her own
 * paper) and, once ended, keeps the quiz in her list with 看最终排名.
 */
describe('mini-program: she reads her answers again, and the final ranking after the close', () => {
  let app: Backend
  let quizId: string

  beforeEach(async () => ({ app, quizId } = await backendWithQuiz()))
  afterEach(() => app.close())

  it('查看我的答题 on the quiz page shows her answers, the right ones and the 解析', async () => {
    await takeItWrong(app, 'o-quiz-read-again', quizId)
    const page = await openFromList('代表法知识竞赛')
    expect(page.text()).to.include('我的最好成绩：0 分')
    await page.tap('.my-answers')
    expect(page.textOf('.score')).to.include('0 分').and.include('满分 50 分')
    expect(page.text())
      .to.include('答错了')
      .and.match(/您的答案：[A-D]\. 乙；正确答案：[A-D]\. 甲/)
      .and.match(/解析：解析\d/)
    expect(page.text(), 'she has a try left').to.include('再答一次（还可答 1 次）')
    page.close()
  })

  it('after the close the quiz stays in her list: 看最终排名 and 查看我的答题, nothing to start', async () => {
    await takeItWrong(app, 'o-quiz-after-close', quizId)
    app.clock.advance(2 * DAY) // the quiz closed a day ago

    const list = await openPage('pages/quiz/index')
    expect(list.textOf('.quiz')).to.include('已结束').and.include('已结束，可以看我的答题和最终排名')
    list.close()
    const page = await openFromList('代表法知识竞赛')
    expect(page.textOf('.used-up')).to.equal('这个知识竞赛已经结束了')
    expect(page.has('.start'), 'nothing to start').to.equal(false)
    expect(page.text()).not.to.include('还可答')
    await page.tap('.final-board')
    expect(page.text()).to.include('最终排名').and.include('您排第 1 名（共 1 人）')
    expect(page.textOf('.rank.mine')).to.include('（我）')
    await page.tap('.my-answers')
    expect(page.text())
      .to.include('正确答案：')
      .and.match(/解析：/)
    expect(page.has('.again'), 'no 再答一次 after the close').to.equal(false)
    page.close()

    // Someone who never took part does not find it: it is hers to look back at, not a new one.
    holdPhone(app, 'o-quiz-never-took-it')
    const theirs = await openPage('pages/quiz/index')
    expect(theirs.text()).to.include('现在没有可以参加的知识竞赛')
    theirs.close()
  })
})
