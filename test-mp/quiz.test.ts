import { expect } from 'chai'
import { spokenClose, spokenDeadline, spokenMoment } from '../src/domain/spoken-dates.js'
import { at, DAY, MINUTE, quizWithBank } from '../test/helpers/quizzes.js'
import { holdAgreedPhone, type Backend } from './harness/backend.js'
import { follow, openPage, settle, type MpPage } from './harness/page.js'
import { backendWithQuiz, signIn } from './harness/quiz.js'
import { office } from './office.js'

/** The right option of each question as the paper shows it: 甲 (and 丙 for several), 正确 for true/false. */
const RIGHT = (type: string, text: string) => (type === 'multiple' ? ['甲', '丙'].includes(text) : type === 'single' ? text === '甲' : text === '正确')

async function answerAll(page: MpPage, pick: (type: string, text: string) => boolean) {
  for (const q of page.data.questions as Array<{ number: number; type: string; options: Array<{ key: string; text: string }> }>) {
    for (const o of q.options) if (pick(q.type, o.text)) await page.tap(`.opt-${q.number}-${o.key}`)
  }
}

/** 答题: a resident starts, sees the time left, answers, hands in, reads the score and why, and the leaderboard. */
describe('mini-program: a knowledge quiz', () => {
  let app: Backend
  let quizId: string

  beforeEach(async () => ({ app, quizId } = await backendWithQuiz()))
  afterEach(() => app.close())

  it('takes the quiz to the end: countdown from the server, score with explanations, leaderboard', async () => {
    await holdAgreedPhone(app, 'o-quiz-taker')
    const list = await openPage('pages/quiz/index')
    expect(list.textOf('.quiz')).to.include('代表法知识竞赛').and.include('5 题，限时 10 分钟').and.include('还没有答过，还可答 2 次')
    await list.tap('.quiz')
    const page = await follow()
    expect(page.text()).to.include('代表法知识竞赛').and.include('每次 5 题，限时 10 分钟').and.include('还可答 2 次')

    // The phone's clock, held still: the countdown shows exactly what the server said was left.
    const now = Date.now()
    page.instance.now = () => now
    await page.tap('.start')
    // The countdown, and what happens at its end, which the page does (the next story).
    expect(page.textOf('.clock')).to.equal('剩余时间：10分00秒（时间到了会自动交卷）')
    page.instance.now = () => now + 65_000
    page.instance.tick()
    expect(page.textOf('.clock')).to.equal('剩余时间：8分55秒（时间到了会自动交卷）')
    expect(page.data.questions).to.have.length(5)
    await answerAll(page, RIGHT)
    expect(page.text()).to.include('已选')
    await page.tap('.submit')

    expect(page.textOf('.score')).to.include('50 分').and.include('满分 50 分')
    expect(page.text())
      .to.include('答对了')
      .and.match(/解析：(多选)?解析\d/)
    expect(page.text()).not.to.include('答错了')
    await page.tap('.board')
    expect(page.text()).to.include('排行榜').and.include('第 1 名')
    // Ranked by share of points, which the row says before the points (papers may differ in size).
    expect(page.textOf('.rank')).to.include('得分率 100%（50/50 分）')
    page.close()
  })

  it('at zero the page hands her paper in by itself, as its clock promised; a 多选题 says she may pick several', async () => {
    // The whole bank on one paper, so it has every kind of question.
    const whole = await quizWithBank(app, await office(app), { title: '代表法全题练习', drawCount: 10 })
    const page = await signIn(app, 'o-quiz-time-up', whole.id)
    const now = Date.now()
    page.instance.now = () => now
    await page.tap('.start')
    // A question she may tap several answers of says so; the others say only what they are.
    const stems = (page.component.querySelectorAll('.stem') as Array<{ dom: Element }>).map((e) => e.dom.textContent ?? '')
    const several = stems.filter((t) => t.includes('多选题'))
    expect(several, 'the bank has three').to.have.length(3)
    for (const t of several) expect(t).to.match(/^\d+\. （多选题，可以选几项，\d+ 分）/)
    expect(stems.filter((t) => !t.includes('多选题')).join('')).not.to.include('可以选几项')
    await answerAll(page, RIGHT)
    // The phone's clock reaches the end the server gave (its own clock held still, so the paper is on time there).
    page.instance.now = () => now + 600_000
    page.instance.tick()
    await settle()
    expect(page.textOf('.score')).to.include('100 分')
    expect(page.text()).to.include('时间到，已自动交卷')
    page.close()
  })

  it('asks once before handing in a paper with questions unanswered, and says which she did not answer', async () => {
    const page = await signIn(app, 'o-quiz-hasty', quizId)
    await page.tap('.start')
    await page.tap('.submit')
    expect(page.text()).to.include('还有 5 题没有作答')
    await page.tap('.submit')
    expect(page.textOf('.score')).to.include('0 分')
    // Left blank, said as what happened: not 答错了, not the form's 未作答.
    expect(page.text()).to.include('没有答（得 0 分）').and.include('您的答案：没有选')
    expect(page.text()).not.to.include('答错了').and.not.include('未作答')
    page.close()
  })

  it('a quiz that ends while she reads its rules: 开始答题 says when it ended, and offers 返回首页 in its place', async () => {
    const page = await signIn(app, 'o-quiz-just-too-late', quizId)
    expect(page.text()).to.include('还可答 2 次')
    const closesAt = (await app.liaison.store.quizzes.get(quizId))!.closesAt
    app.clock.advance(DAY + MINUTE) // the quiz closed a minute ago
    await page.tap('.start')
    expect(page.has('.start'), 'no 开始答题 that cannot start').to.equal(false)
    const tz = app.liaison.config.business.timeZone
    expect(page.textOf('.refused')).to.equal(`这个知识竞赛已经结束了，答题时间是${spokenDeadline(closesAt, tz, app.clock.now())}`)
    expect(page.textOf('.onward')).to.equal('返回首页')
    expect(page.text(), 'no tries left to count on a quiz that has ended').not.to.include('还可答')
    expect(page.has('.clock')).to.equal(false)
    page.close()
  })

  it('a paper handed in late is said 不计分 everywhere, and an ended quiz says when it ended', async () => {
    const page = await signIn(app, 'o-quiz-late-only', quizId)
    await page.tap('.start')
    app.clock.advance(11 * MINUTE) // the 10 minutes are up before she hands in
    await page.tap('.submit')
    await page.tap('.submit')
    page.close()

    const open = await openPage('pages/quiz/index')
    expect(open.textOf('.mine'), 'her late paper is no 0 分').to.equal('这次超时没有计分，还可答 1 次')
    open.close()

    const closesAt = (await app.liaison.store.quizzes.get(quizId))!.closesAt
    app.clock.advance(DAY) // the quiz has ended
    const tz = app.liaison.config.business.timeZone
    const ended = `已于${spokenClose(closesAt, tz, app.clock.now())}结束`
    const list = await openPage('pages/quiz/index')
    expect(list.textOf('.quiz .meta'), '已于…结束 alone: 已结束 beside it said 结束 twice').to.equal(ended)
    expect(list.textOf('.mine'), 'no 查看我的答题 promised: none of hers counted').to.equal('这次超时没有计分，已结束，可以看最终排名')
    expect(list.text()).not.to.include('最好成绩').and.not.to.include('答题时间是')
    list.close()

    const intro = await openPage(`pages/quiz/take?quizId=${quizId}`)
    expect(intro.text()).to.include(ended).and.include('这次超时没有计分')
    expect(intro.text()).not.to.include('最好成绩').and.not.to.include('答题时间是')
    expect(intro.has('.my-answers')).to.equal(false)
    expect(intro.has('.final-board')).to.equal(true)
    intro.close()
  })

  it('attempts used up on another screen: 开始答题 and 再答一次 say so, and their buttons go', async () => {
    const early = await signIn(app, 'o-quiz-two-screens', quizId)
    expect(early.text()).to.include('还可答 2 次')
    const first = await openPage(`pages/quiz/take?quizId=${quizId}`)
    await first.tap('.start')
    await first.tap('.submit')
    await first.tap('.submit')
    expect(first.text()).to.include('再答一次（还可答 1 次）')
    const last = await openPage(`pages/quiz/take?quizId=${quizId}`)
    await last.tap('.start')
    await last.tap('.submit')
    await last.tap('.submit')
    expect(last.textOf('.score')).to.include('满分 50 分')

    await first.tap('.again')
    expect(first.has('.again'), 'no 再答一次 that cannot start').to.equal(false)
    expect(first.textOf('.refused')).to.equal('每人最多答题 2 次，您的次数已用完')
    expect(first.textOf('.score'), 'her score stays').to.include('满分 50 分')

    await early.tap('.start')
    expect(early.has('.start'), 'no 开始答题 that cannot start').to.equal(false)
    expect(early.textOf('.refused')).to.equal('每人最多答题 2 次，您的次数已用完')
    expect(early.text(), 'the figures read again, as what she did').to.include('已答过 2 次').and.not.include('还可答')
    for (const page of [early, first, last]) page.close()
  })

  it('says when a quiz not open yet opens, and that an ended one has ended, from a notification opened early or late', async () => {
    const organizer = await office(app)
    const opensAt = at(app, DAY)
    const later = (await quizWithBank(app, organizer, { title: '宪法知识竞赛', opensAt, closesAt: at(app, 2 * DAY) })).id
    const early = await signIn(app, 'o-quiz-early', later)
    const opening = spokenMoment(new Date(opensAt), app.liaison.config.business.timeZone, app.clock.now())
    expect(early.textOf('.state')).to.equal(`这个知识竞赛还没开始，${opening}开始，到时再来参加`)
    expect(early.has('.start'), 'nothing to start yet').to.equal(false)
    early.close()

    app.clock.advance(2 * DAY) // the first quiz (open for a day) has now ended
    const late = await openPage(`pages/quiz/take?quizId=${quizId}`)
    expect(late.textOf('.state')).to.match(/^这个知识竞赛已经结束了，答题时间是\d+月\d+日/)
    expect(late.has('.start')).to.equal(false)
    late.close()
  })
})
