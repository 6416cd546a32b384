import { expect } from 'chai'
import { quizWithBank } from '../test/helpers/quizzes.js'
import { surveyBody } from '../test/helpers/surveys.js'
import { holdAgreedPhone, holdPhone, startBackend, type Backend } from './harness/backend.js'
import { follow, openPage } from './harness/page.js'
import { collectingCycle, created, office } from './office.js'

/**
 * A reviewer read the mini-program as 王阿姨, 72. She sends (送出), as 留言已送出 and 送出评价 say, where some screens
 * said 提交 for the same act; and each activity has one name
 * wherever she reads it: the quiz is 知识竞赛 (not 知识答题 on the home page, nor 答题 in the bar), a questionnaire
 * is 问卷 (not 问卷调查 on its badge).
 */
describe('mini-program: one word for sending and one name for each activity', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  it('names the quiz 知识竞赛 and the questionnaire 问卷 on the home page, the study page, their lists and their pages', async () => {
    const organizer = await office(app)
    const quiz = await quizWithBank(app, organizer)
    await created(organizer.post('/api/admin/surveys', surveyBody()))
    await holdAgreedPhone(app, 'o-one-name')

    const home = await openPage('pages/index/index')
    expect(home.text()).to.include('学习材料、打卡和知识竞赛').and.include('问卷和征求意见')
    expect(home.text()).not.to.include('知识答题').and.not.to.include('问卷调查')

    await home.tap('#study')
    const study = await follow()
    expect(study.text()).to.include('知识竞赛').and.not.to.include('知识答题')

    const take = await openPage(`pages/quiz/take?quizId=${quiz.id}`)
    expect(take.title()).to.equal('知识竞赛')

    const list = await openPage('pages/survey/index')
    expect(list.textOf('.kind')).to.equal('问卷')
    await list.tap('.survey')
    const paper = await follow()
    expect(paper.textOf('.kind')).to.equal('问卷')
    expect(paper.text()).to.include('送出问卷').and.not.to.include('提交').and.not.to.include('问卷调查')
  })

  it('says 送出建议 on the button that sends a proposal', async () => {
    holdPhone(app, 'o-one-name-proposal')
    const cycleId = (await collectingCycle(app)).id
    const form = await openPage(`pages/projects/propose?cycleId=${cycleId}`)
    expect(form.has('#submit')).to.equal(true)
    expect(form.text()).to.include('送出建议')
    expect(form.text()).not.to.include('提交')
  })
})
