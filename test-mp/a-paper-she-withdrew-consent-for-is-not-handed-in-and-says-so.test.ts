import { expect } from 'chai'
import { asResident } from '../test/helpers/app.js'
import { quizWithBank } from '../test/helpers/quizzes.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { phone } from './harness/wx.js'
import { openPage, type MpPage } from './harness/page.js'
import { office } from './office.js'

/** The right option of each question as the paper shows it: 甲 (and 丙 for several), 正确 for true/false. */
const RIGHT = (type: string, text: string) => (type === 'multiple' ? ['甲', '丙'].includes(text) : type === 'single' ? text === '甲' : text === '正确')

/** Every right answer: the whole score then says her own choices went in, not an empty paper. */
async function answerEverything(page: MpPage) {
  for (const q of page.data.questions as Array<{ number: number; type: string; options: Array<{ key: string; text: string }> }>) {
    for (const o of q.options) if (RIGHT(q.type, o.text)) await page.tap(`.opt-${q.number}-${o.key}`)
  }
}

/**
 * 刘奶奶 (78) is half-way through the 代表法知识竞赛 when her grandson, on her other phone, withdraws her consent on
 * 我的信息. At 交卷 the server refuses the paper (consent_required): the page says in words that the paper is not in and
 * not scored, that her answers are still there, and puts the privacy notice before her; agreeing hands the same paper in.
 */
describe('mini-program: a paper she withdrew her consent for is not handed in, and the page says so', () => {
  let app: Backend
  afterEach(() => app.close())

  /**
   * Her paper started at 10:35 on her phone (Beijing; the 10-minute paper ends at 10:45), every question answered,
   * her consent withdrawn on her other phone, then 交卷 tapped (`late`: after the paper's 10 minutes and the grace, on the
   * phone and on the backend).
   */
  async function withdrawnBeforeHandIn(openid: string, late = false) {
    const quizId = (await quizWithBank(app, await office(app))).id
    const liu = await asResident(app, openid)
    holdPhone(app, openid)
    const page = await openPage(`pages/quiz/take?quizId=${quizId}`)
    page.instance.now = () => Date.parse('2026-12-06T02:35:00Z')
    await page.tap('.start')
    await answerEverything(page)
    await app.liaison.services.privacy.withdrawConsent(liu.userId)
    if (late) {
      app.clock.advance(11 * 60_000)
      page.instance.now = () => page.instance.endsAt + 60_000
    }
    await page.tap('.submit')
    return { quizId, liu, page }
  }

  it('at 交卷 says the paper is not in, with the notice; 我已阅读并同意 hands in the answers she chose', async () => {
    app = await startBackend()
    const { quizId, liu, page } = await withdrawnBeforeHandIn('o-liu-nainai-hand-in')
    expect(page.has('.submit'), 'the paper leaves the screen').to.equal(false)
    expect(page.has('.clock'), 'and its countdown with it').to.equal(false)
    // The countdown is gone: the words name when the paper's time ends, as the quiz's own times are said (上午…), and
    // what 不同意，返回 does.
    expect(page.textOf('#consent >>> #consent-purpose')).to.equal(
      '这份答卷还没有交上，因为您撤回了同意。您选的答案还在。请在上午10:45前点“我已阅读并同意”，就会交卷；点“不同意，返回”，这份答卷不交，不计分。',
    )
    const whole = page.component.querySelectorAll('#consent >>> #consent-purpose .whole').map((p: { dom: HTMLElement }) => p.dom.textContent)
    // 上午 and 10:45 in one piece (the words tied to it, 前, are time-apart.js's to keep beside it).
    expect(whole, 'the time kept whole on its line').to.have.length(1)
    expect(whole[0]).to.include('上午10:45')
    expect(page.textOf('#consent >>> #consent-notice')).to.include('撤回同意：不能再答题，答了一半的也交不了')
    expect(page.textOf('.notice-quiz .title'), 'the quiz she was answering').to.equal('代表法知识竞赛')

    await page.tap('#consent >>> #consent-agree')
    expect(page.textOf('.score .big'), 'the answers she chose, all right').to.equal('50 分')
    expect(page.text()).not.to.include('请先阅读并同意个人信息保护说明')
    const listed = (await liu.get('/api/mp/quizzes')).body.items.find((q: { id: string }) => q.id === quizId)
    expect(listed.lastAttemptId, 'handed in').to.be.a('string')
    page.close()
  })

  it('不同意，返回 leaves the paper not handed in, as the words said; past its time, they say it is not counted', async () => {
    app = await startBackend()
    const { quizId, liu, page } = await withdrawnBeforeHandIn('o-liu-nainai-hand-in-no')
    expect(page.textOf('#consent >>> #consent-purpose')).to.include('点“不同意，返回”，这份答卷不交，不计分。')

    await page.tap('#consent >>> #consent-disagree')
    expect(phone.navigations.map((n) => n.how)).to.deep.equal(['navigateBack'])
    const listed = (await liu.get('/api/mp/quizzes')).body.items.find((q: { id: string }) => q.id === quizId)
    expect(listed.lastAttemptId ?? null, 'nothing handed in').to.equal(null)
    page.close()

    // Back on the quiz later, past 10:45: the paper's clock runs out and hands it in; refused again, the words say
    // the time ended and the paper is not counted, never "请在…前" after that time.
    const again = await openPage(`pages/quiz/take?quizId=${quizId}`)
    again.instance.now = () => again.instance.endsAt + 60_000
    await again.tap('.submit')
    expect(again.textOf('#consent >>> #consent-purpose')).to.match(/^答题时间已在(上午|下午|中午|晚上|凌晨)\d{1,2}:\d\d结束。/)
    // The big 我已阅读并同意 stays: the words say what each button does now, and only what the server does.
    expect(again.textOf('#consent >>> #consent-purpose')).to.include(
      '您撤回了同意，这份答卷没有交上，现在也不能计分了。点“我已阅读并同意”，这份答卷记为超时，不计分；点“不同意，返回”，这份答卷不交。',
    )
    again.close()
  })

  it('past its time, 我已阅读并同意 does what the words said: the paper closes as late, not counted', async () => {
    app = await startBackend()
    const { quizId, liu, page } = await withdrawnBeforeHandIn('o-liu-nainai-hand-in-late', true)
    expect(page.textOf('#consent >>> #consent-purpose')).to.include('点“我已阅读并同意”，这份答卷记为超时，不计分')

    await page.tap('#consent >>> #consent-agree')
    expect(page.textOf('.late .title')).to.equal('时间到了，这次没有计分')
    const listed = (await liu.get('/api/mp/quizzes')).body.items.find((q: { id: string }) => q.id === quizId)
    expect(listed.lastAttemptId ?? null, 'not handed in as a counted paper').to.equal(null)
    expect(listed.lateNotCounted, 'closed as late, as the words said').to.equal(1)
    page.close()
  })
})
