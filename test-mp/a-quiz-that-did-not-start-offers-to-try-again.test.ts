import { expect } from 'chai'
import { quizWithBank } from '../test/helpers/quizzes.js'
import { holdAgreedPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage, type MpPage } from './harness/page.js'
import { phone } from './harness/wx.js'
import { office } from './office.js'

/**
 * A resident has read the quiz's rules and taps 开始答题 just as the bus enters a tunnel. The
 * page says in plain words that the quiz did not start and offers 再试一次, which starts it once
 * the signal is back — and when the start did reach the server and only its answer was lost,
 * 再试一次 opens that very paper instead of spending a second of her attempts.
 */
describe('mini-program: a quiz that could not start says so and offers to try again', () => {
  let app: Backend
  let quizId: string
  before(async () => {
    app = await startBackend()
    quizId = (await quizWithBank(app, await office(app))).id
  })
  after(() => app.close())

  const NOT_STARTED = '没能开始答题：网络不通，请检查网络后重试'

  /** A tap made while the phone has no signal; the signal is back once the page has shown what it shows. */
  async function withoutSignal(work: () => Promise<void>) {
    const backend = phone.backend
    phone.backend = 'http://127.0.0.1:9'
    try {
      await work()
    } finally {
      phone.backend = backend
    }
  }

  /** What happened, in words, and the one thing to tap: 再试一次, where 开始答题 or 再答一次 was. */
  function saysItDidNotStart(page: MpPage) {
    expect(page.textOf('#start-failed'), 'that it did not start, and 再试一次').to.equal(NOT_STARTED + '再试一次')
    expect(page.has('#start-failed >>> .retry'), '再试一次 to tap').to.equal(true)
    expect(page.has('.start'), 'no 开始答题 beside 再试一次').to.equal(false)
    expect(page.has('.again'), 'no 再答一次 beside 再试一次').to.equal(false)
    expect(page.has('.clock'), 'no paper').to.equal(false)
  }

  /** A paper on the screen: the clock, five questions, 交卷 under them. */
  function showsAPaper(page: MpPage) {
    expect(page.textOf('.clock'), 'the clock of a paper').to.include('剩余时间：')
    expect(page.component.querySelectorAll('.question'), 'five questions').to.have.length(5)
    expect(page.text(), '交卷 under them').to.match(/交卷$/)
  }

  async function handIn(page: MpPage) {
    await page.tap('.submit')
    await page.tap('.submit') // past "还有 5 题没有作答"
    expect(page.textOf('.score')).to.include('满分 50 分')
  }

  it('开始答题 without signal: 再试一次 starts it; so does 再答一次 after the first paper', async () => {
    await holdAgreedPhone(app, 'o-quiz-in-a-tunnel')
    const page = await openPage(`pages/quiz/take?quizId=${quizId}`)
    expect(page.text()).to.include('代表法知识竞赛').and.include('还可答 2 次')

    await withoutSignal(() => page.tap('.start'))
    saysItDidNotStart(page)
    expect(page.text(), 'the rules that did load stay').to.include('每次 5 题，限时 10 分钟')
    await page.tap('#start-failed >>> .retry')
    showsAPaper(page)
    expect(page.text()).not.to.include('没能开始答题')

    await handIn(page)
    expect(page.text()).to.include('再答一次（还可答 1 次）')
    await withoutSignal(() => page.tap('.again'))
    saysItDidNotStart(page)
    expect(page.textOf('.score'), 'her score stays on the screen').to.include('满分 50 分')
    await page.tap('#start-failed >>> .retry')
    showsAPaper(page)
    page.close()
  })

  it('a start whose answer was lost: 再试一次 opens the paper the server drew, and she still has her second try', async () => {
    await holdAgreedPhone(app, 'o-quiz-lost-answer')
    const page = await openPage(`pages/quiz/take?quizId=${quizId}`)
    phone.dropNextAnswer = true
    await page.tap('.start')
    saysItDidNotStart(page)

    await page.tap('#start-failed >>> .retry')
    showsAPaper(page)
    expect(page.text(), 'the paper, not a refusal to start another').not.to.include('还没有交卷')
    await handIn(page)
    expect(page.text(), 'one paper drawn, one attempt used').to.include('再答一次（还可答 1 次）')
    page.close()
  })
})
