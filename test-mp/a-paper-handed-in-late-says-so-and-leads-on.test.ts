import { expect } from 'chai'
import { at, MINUTE, quizWithBank } from '../test/helpers/quizzes.js'
import { holdAgreedPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage, type MpPage } from './harness/page.js'
import { office } from './office.js'

async function answerEverything(page: MpPage) {
  for (const q of page.data.questions as Array<{ number: number; options: Array<{ key: string }> }>) await page.tap(`.opt-${q.number}-${q.options[0]!.key}`)
}

const questionsShown = (page: MpPage) => page.component.querySelectorAll('.question').length

/**
 * Review 31 F12: 赵阿姨 starts three minutes before the quiz closes; her phone locks; she hands in
 * after the close. The intro told her first how little time was left, and after the late 交卷 the
 * paper leaves the screen for a card that says it was not counted, with the one way on.
 */
describe('mini-program: a paper handed in late says so and leads on', () => {
  let app: Backend
  afterEach(() => app.close())
  beforeEach(async () => {
    app = await startBackend()
  })

  it('warns on the intro that the quiz closes before the time limit, and after a late 交卷 leaves the paper for 返回首页', async () => {
    const quizId = (await quizWithBank(app, await office(app), { closesAt: at(app, 3 * MINUTE) })).id
    await holdAgreedPhone(app, 'o-quiz-three-minutes')
    const page = await openPage(`pages/quiz/take?quizId=${quizId}`)
    expect(page.text()).to.include('限时 10 分钟')
    expect(page.textOf('.closing-soon')).to.equal('离答题结束只剩 3 分钟，开始后只有 3 分钟可答')
    await page.tap('.start')
    await answerEverything(page)

    app.clock.advance(4 * MINUTE) // the phone slept past the close
    await page.tap('.submit')
    expect(page.textOf('.late'), 'the card that says her paper was not counted').to.equal('时间到了，这次没有计分答题时间已到，本次作答不计分')
    expect(page.textOf('.onward'), 'the one way on').to.equal('返回首页')
    expect(page.text(), 'the whole screen: that card and 返回首页, no paper, no clock, no 再答一次').to.equal(
      '时间到了，这次没有计分答题时间已到，本次作答不计分返回首页',
    )
    expect(page.has('.submit'), 'no 交卷 that can only be refused').to.equal(false)
    expect(page.has('.again'), 'the quiz has closed: no 再答一次').to.equal(false)
    page.close()
  })

  it('offers 再答一次 after a paper past its own time limit while the quiz is still open, and it starts a new paper', async () => {
    const quizId = (await quizWithBank(app, await office(app), { timeLimitSeconds: 60 })).id
    await holdAgreedPhone(app, 'o-quiz-slept')
    const page = await openPage(`pages/quiz/take?quizId=${quizId}`)
    expect(page.text(), 'the intro: its limit, its tries and 开始答题').to.include('限时 1 分钟').and.include('还可答 2 次开始答题')
    expect(page.has('.closing-soon'), 'a day left: nothing to warn of').to.equal(false)
    await page.tap('.start')
    await answerEverything(page)
    app.clock.advance(2 * MINUTE)
    await page.tap('.submit')
    expect(page.textOf('.late'), 'the card that says her paper was not counted').to.include('时间到了，这次没有计分')
    expect(page.has('.again'), '再答一次 on the late card').to.equal(true)
    expect(page.text(), 'the late card and its one way on').to.match(/^时间到了，这次没有计分.*再答一次（还可答 1 次）$/)
    await page.tap('.again')
    expect(page.textOf('.clock')).to.equal('剩余时间：1分00秒（时间到了会自动交卷）')
    expect(questionsShown(page), 'a fresh paper of five questions').to.equal(5)
    expect(page.text(), 'and 交卷 under it').to.match(/交卷$/)
    expect(page.text(), 'a fresh paper: nothing chosen yet').not.to.include('已选')
    page.close()
  })

  it('a paper already handed in on another screen: 交卷 shows what it became, not "已经交卷了"', async () => {
    const quizId = (await quizWithBank(app, await office(app))).id
    await holdAgreedPhone(app, 'o-quiz-two-screens-hand-in')
    const first = await openPage(`pages/quiz/take?quizId=${quizId}`)
    await first.tap('.start')
    const second = await openPage(`pages/quiz/take?quizId=${quizId}`)
    await answerEverything(second)
    await second.tap('.submit')
    expect(second.has('.score')).to.equal(true)

    await answerEverything(first)
    await first.tap('.submit')
    expect(first.textOf('.score'), 'the score of the paper handed in on the other screen').to.include('满分 50 分').and.equal(second.textOf('.score'))
    expect(first.text()).not.to.include('这次答题已经交卷了')
    expect(first.has('.submit'), 'no 交卷 left to tap').to.equal(false)
    for (const page of [first, second]) page.close()
  })
})
