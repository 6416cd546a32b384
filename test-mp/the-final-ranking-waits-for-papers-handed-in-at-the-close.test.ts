import { expect } from 'chai'
import { asResident } from '../test/helpers/app.js'
import { MINUTE, rightAnswers } from '../test/helpers/quizzes.js'
import type { Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { backendWithQuiz, signIn } from './harness/quiz.js'

/**
 * 周阿姨 handed in her paper before the quiz closed and looks at the board a moment after the close.
 * 李大爷 started before the close and hands his in a few seconds after it, within the grace that
 * counts his paper (his result says so). What she reads a moment after the close must not be called
 * 最终排名 and then change: it says 成绩统计中 until nothing more can be counted, then the final
 * ranking with both of them on it.
 */
describe('mini-program: the final ranking waits for a paper handed in as the quiz closed', () => {
  let app: Backend
  let quizId: string
  beforeEach(async () => ({ app, quizId } = await backendWithQuiz()))
  afterEach(() => app.close())

  it('says 成绩统计中 just after the close, and 最终排名 with every counted paper after it', async () => {
    const closesAt = (await app.liaison.store.quizzes.get(quizId))!.closesAt
    const page = await signIn(app, 'o-zhou-ayi', quizId)
    await page.tap('.start')
    await page.tap('.submit') // nothing chosen: asked once
    await page.tap('.submit')
    page.close()
    app.clock.set(new Date(closesAt.getTime() - 5 * MINUTE)) // he starts five minutes before the close
    const li = await asResident(app, 'o-li-daye')
    const paper = (await li.post(`/api/mp/quizzes/${quizId}/attempts`)).body

    app.clock.set(new Date(closesAt.getTime() + 2_000)) // two seconds after the close
    const list = await openPage('pages/quiz/index')
    expect(list.textOf('.quiz')).to.include('已结束，成绩统计中').and.not.include('最终排名')
    list.close()
    const moment = await signIn(app, 'o-zhou-ayi', quizId)
    await moment.tap('.my-answers')
    expect(moment.text()).to.include('看排名').and.not.include('最终排名')
    await moment.tap('.board')
    expect(moment.textOf('.board-title')).to.equal('成绩统计中')
    expect(moment.textOf('.board-closed')).to.include('刚交的答卷还在计入，请过一分钟再来看最终排名')
    expect(moment.text()).not.to.include('最终排名，')
    expect(moment.textOf('.my-rank')).to.equal('您排第 1 名（共 1 人），得分率 0%')
    moment.close()

    app.clock.set(new Date(closesAt.getTime() + 4_000)) // within the grace: his paper counts
    const handed = await li.post(`/api/mp/quiz-attempts/${paper.id}/submit`, { answers: rightAnswers(paper) })
    expect(handed.status, JSON.stringify(handed.body)).to.equal(200)
    expect(handed.body.counted).to.equal(true)

    app.clock.set(new Date(closesAt.getTime() + 2 * MINUTE))
    const later = await signIn(app, 'o-zhou-ayi', quizId)
    await later.tap('.my-answers')
    expect(later.text()).to.include('看最终排名')
    await later.tap('.board')
    expect(later.textOf('.board-title')).to.equal('最终排名')
    expect(later.textOf('.board-closed')).to.match(/^知识竞赛.+，这是最终排名$/)
    expect(later.textOf('.my-rank'), 'his paper is on the final board').to.equal('您排第 2 名（共 2 人），得分率 0%')
    later.close()
  })
})
