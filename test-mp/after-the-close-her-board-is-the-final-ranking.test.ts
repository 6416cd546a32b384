import { expect } from 'chai'
import { spokenClose } from '../src/domain/spoken-dates.js'
import { DAY } from '../test/helpers/quizzes.js'
import type { Backend } from './harness/backend.js'
import { backendWithQuiz, signIn } from './harness/quiz.js'

/**
 * 周阿姨 hands in her paper and looks at her answers again after the quiz has closed. The board
 * under them no longer moves: it says 最终排名 and when the quiz ended, not 排行榜 as while it ran.
 */
describe('mini-program: after the close, the board under her result is the final ranking', () => {
  let app: Backend
  let quizId: string
  beforeEach(async () => ({ app, quizId } = await backendWithQuiz()))
  afterEach(() => app.close())

  it('says 排行榜 while the quiz runs, and 最终排名 with the close after it', async () => {
    const page = await signIn(app, 'o-quiz-final-ranking', quizId)
    await page.tap('.start')
    await page.tap('.submit') // nothing chosen: asked once
    await page.tap('.submit')
    expect(page.text()).to.include('看排行榜')
    await page.tap('.board')
    expect(page.textOf('.board-title')).to.equal('排行榜')
    expect(page.has('.board-closed')).to.equal(false)
    page.close()

    app.clock.advance(2 * DAY) // the quiz closed a day ago
    const after = await signIn(app, 'o-quiz-final-ranking', quizId)
    await after.tap('.my-answers')
    expect(after.text()).to.include('看最终排名').and.not.include('看排行榜')
    await after.tap('.board')
    expect(after.textOf('.board-title')).to.equal('最终排名')
    const closesAt = (await app.liaison.store.quizzes.get(quizId))!.closesAt
    const said = `已于${spokenClose(closesAt, app.liaison.config.business.timeZone, app.clock.now())}结束`
    expect(after.textOf('.board-closed')).to.equal(`知识竞赛${said}，这是最终排名`)
    expect(after.text()).not.to.include('排行榜')
    expect(after.textOf('.my-rank')).to.equal('您排第 1 名（共 1 人），得分率 0%')
    after.close()
  })
})
