import { expect } from 'chai'
import { spokenDeadline, spokenMoment } from '../src/domain/spoken-dates.js'
import { at, DAY, quizWithBank } from '../test/helpers/quizzes.js'
import { holdAgreedPhone, holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { phone } from './harness/wx.js'
import { office } from './office.js'

/**
 * A resident opens a quiz from a notification or a shared link, too early or too late. The
 * page says in words when it opens or when it was to be answered, and offers the one thing to
 * do next: the other quizzes open to her when there are some (看看其他知识竞赛), else 返回首页 —
 * never a line she can only read and then wonder what to tap.
 */
describe('mini-program: a quiz she cannot take says when, and where to go next', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  const zone = () => app.liaison.config.business.timeZone

  it('not open yet, and nothing else open: says when it opens, and 返回首页 takes her home', async () => {
    const opensAt = at(app, DAY)
    const later = await quizWithBank(app, await office(app), { title: '宪法知识竞赛', opensAt, closesAt: at(app, 2 * DAY) })
    holdPhone(app, 'o-quiz-too-early')
    const page = await openPage(`pages/quiz/take?quizId=${later.id}`)
    expect(page.textOf('.state')).to.equal(`这个知识竞赛还没开始，${spokenMoment(new Date(opensAt), zone(), app.clock.now())}开始，到时再来参加`)
    expect(page.has('.start'), 'nothing to start yet').to.equal(false)
    expect(page.textOf('.onward')).to.equal('返回首页')
    expect(page.buttonLook('.onward-button'), 'the one thing to tap on the screen').to.equal('filled')
    await page.tap('.onward-button')
    expect(phone.navigations.at(-1)).to.deep.equal({ how: 'reLaunch', url: '/pages/index/index' })
    page.close()
  })

  it('ended, with another quiz open to her: says until when it ran, and 看看其他知识竞赛 opens the list', async () => {
    const organizer = await office(app)
    const ended = await quizWithBank(app, organizer, { title: '代表法知识竞赛' })
    await quizWithBank(app, organizer, { title: '宪法知识竞赛', closesAt: at(app, 3 * DAY) })
    app.clock.advance(2 * DAY) // the first (open for a day) has ended; the second is still open
    holdPhone(app, 'o-quiz-too-late')
    const page = await openPage(`pages/quiz/take?quizId=${ended.id}`)
    const closesAt = (await app.liaison.store.quizzes.get(ended.id))!.closesAt
    expect(page.textOf('.state')).to.equal(`这个知识竞赛已经结束了，答题时间是${spokenDeadline(closesAt, zone(), app.clock.now())}`)
    expect(page.textOf('.state'), 'a day she can read').to.match(/\d+月\d+日/)
    expect(page.textOf('.onward')).to.equal('看看其他知识竞赛')
    await page.tap('.onward-button')
    expect(phone.navigations.at(-1)).to.deep.equal({ how: 'redirectTo', url: '/pages/quiz/index' })
    page.close()

    const list = await openPage('pages/quiz/index')
    expect(list.text()).to.include('宪法知识竞赛').and.not.include('代表法知识竞赛')
    list.close()
  })

  it('her tries used up: 答题次数已用完 comes with where to go next', async () => {
    const quiz = await quizWithBank(app, await office(app), { attemptsAllowed: 1 })
    await holdAgreedPhone(app, 'o-quiz-one-try')
    const page = await openPage(`pages/quiz/take?quizId=${quiz.id}`)
    await page.tap('.start')
    await page.tap('.submit')
    await page.tap('.submit') // past "还有 5 题没有作答"
    page.close()

    const again = await openPage(`pages/quiz/take?quizId=${quiz.id}`)
    expect(again.textOf('.used-up')).to.equal('答题次数已用完')
    expect(again.textOf('.onward')).to.equal('返回首页')
    await again.tap('.onward-button')
    expect(phone.navigations.at(-1)).to.deep.equal({ how: 'reLaunch', url: '/pages/index/index' })
    again.close()
  })
})
