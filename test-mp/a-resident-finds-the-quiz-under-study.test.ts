import { expect } from 'chai'
import { quizWithBank } from '../test/helpers/quizzes.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { follow, openPage } from './harness/page.js'
import { phone } from './harness/wx.js'
import { office } from './office.js'

/**
 * 知识竞赛 had no way in but a notice or a shared link. A resident finds it where the study
 * content is: 首页 → 学习 (which now says it holds the quizzes) → 知识竞赛 → the quiz list.
 */
describe('mini-program: a resident finds the quizzes under 学习', () => {
  let app: Backend
  before(async () => {
    app = await startBackend()
  })
  after(() => app.close())

  it('goes from the home page to 学习, sees 知识竞赛 with how many quizzes are open, and reaches the quiz', async () => {
    await quizWithBank(app, await office(app))
    holdPhone(app, 'o-quiz-finder')
    const home = await openPage('pages/index/index')
    expect(home.text(), 'the home menu says where the quizzes are').to.include('学习材料、打卡和知识竞赛')
    await home.tap('#study')
    const study = await follow()
    expect(study.path).to.equal('pages/study/index')
    expect(study.textOf('#quizzes')).to.include('参加知识竞赛 ›').and.include('有 1 个知识竞赛可以参加，答完能看到解析')

    await study.tap('#quizzes')
    expect(phone.navigations.at(-1)).to.deep.equal({ how: 'navigateTo', url: '/pages/quiz/index' })
    const list = await follow()
    expect(list.textOf('.quiz')).to.include('代表法知识竞赛').and.include('还没有答过，还可答 2 次')
  })
})
