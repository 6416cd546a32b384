import { expect } from 'chai'
import { meetingBody } from '../test/helpers/meetings.js'
import { quizWithBank } from '../test/helpers/quizzes.js'
import { asDeputy, asResident } from '../test/helpers/app.js'
import { holdAgreedPhone, holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage, type MpPage } from './harness/page.js'
import { phone } from './harness/wx.js'
import { created, office, phoneOfZhang } from './office.js'

/** The pieces of a line drawn whole (class "whole"): each date with its weekday, each time of day. */
const whole = (page: MpPage, selector: string): string[] =>
  page.component.querySelectorAll(`${selector} .whole`).map((p: { dom: HTMLElement }) => p.dom.textContent)

/**
 * The meeting pages kept each date and time whole on its line; the rest still broke them at 375 px, and more in
 * 关怀模式: a co-sign request's “截止 12月2日 周 / 三 10:00”, a message's “请于11月26 / 日 10:00受理”, a quiz's
 * “请在11月27日（星期五）下 / 午5:00前答题”. And at the door every sentence ends as a sentence does, with 。.
 */
describe('mini-program: his deadlines, her quiz’s and the words at the door read whole', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
    app.clock.set(new Date('2026-11-25T02:00:00Z'))
    phone.storage.set('care.mode', 'on')
  })
  afterEach(() => app.close())

  it('a co-sign request: its closing date and time whole in the hint and in his 待附议 list, each step’s too', async () => {
    const zhang = await phoneOfZhang(app)
    const { id } = await created(zhang.post('/api/mp/deputy/suggestions', { title: '建设路社区楼顶违建整治', body: '建设路社区3号院楼顶违建，建议限期拆除。' }))
    await created(zhang.post(`/api/mp/deputy/suggestions/${id}/cosign-invitation`))
    holdPhone(app, 'o-deputy-dp0002')
    await asDeputy(app, 'dp0002')
    const page = await openPage(`pages/suggestion/detail?suggestionId=${id}`)
    expect(page.textOf('.sg-action .hint')).to.equal('张伟 代表请您附议这件建议，截止 12月2日（星期三）上午10:00。')
    // Wider than a 关怀模式 line with 截止 before it: the date (with its word) and the time, each whole.
    expect(whole(page, '.sg-action .hint')).to.deep.equal(['截止 12月2日（星期三）', '上午10:00'])
    expect(page.textOf('.sg-step .hint')).to.equal('11月25日（星期三）上午10:00 张伟')
    expect(whole(page, '.sg-step .hint'), 'written, then asked of colleagues').to.deep.equal(['11月25日（星期三）上午10:00', '11月25日（星期三）上午10:00'])

    const box = await openPage('pages/suggestion/index?box=cosign')
    expect(box.textOf('.sg-note')).to.equal('附议截止 12月2日（星期三）上午10:00，领衔：张伟 代表')
    expect(whole(box, '.sg-note')).to.deep.equal(['附议截止 12月2日（星期三）', '上午10:00'])
  })

  it('his message: 请在…前受理, when she wrote it and each step, each date and time whole', async () => {
    const resident = await asResident(app, 'o-zhao-whole-ack')
    const lamp = await created(resident.post('/api/mp/cases', { text: '光明社区楼道灯坏了，晚上黑得看不见台阶', deputyCode: 'DP0001' }))
    await phoneOfZhang(app)
    const page = await openPage(`pages/deputy/case?caseId=${lamp.id}`)
    expect(page.textOf('.status')).to.equal('新留言，请在11月26日（星期四）上午10:00前受理')
    expect(whole(page, '.status')).to.deep.equal(['请在11月26日（星期四）', '上午10:00前受理'])
    // When she wrote it and each step, as the server says a moment (his meeting pages, her quiz), not "11月25日 周三 10:00".
    expect(whole(page, '.created')).to.deep.equal(['11月25日（星期三）上午10:00'])
    expect(whole(page, '.event-head')[0]).to.equal('11月25日（星期三）上午10:00')
  })

  it('a quiz: until when, whole on her list and on the quiz’s page', async () => {
    await quizWithBank(app, await office(app), { closesAt: '2026-11-27T09:00:00Z' })
    await holdAgreedPhone(app, 'o-liu-nainai-whole-quiz')
    const list = await openPage('pages/quiz/index')
    expect(list.textOf('.quiz .phase')).to.equal('进行中')
    expect(list.textOf('.quiz .deadline')).to.equal('请在11月27日（星期五）下午5:00前答题')
    expect(whole(list, '.quiz .deadline')).to.deep.equal(['请在11月27日（星期五）', '下午5:00前答题'])
    const quiz = await openPage(`pages/quiz/take?quizId=${list.data.items[0].id}`)
    // Until when on its line; with 请在 and 前答题 too wide for a 关怀模式 line, the date and the time part, each with its
    // word, so that neither 请在 nor 题 is left alone on a line; her tries below.
    expect(quiz.textOf('.deadline')).to.equal('请在11月27日（星期五）下午5:00前答题')
    expect(whole(quiz, '.deadline')).to.deep.equal(['请在11月27日（星期五）', '下午5:00前答题'])
    expect(quiz.textOf('.attempts'), 'a row of its own').to.equal('还可答 2 次')
  })

  it('at the door: a code not read, one not for her, a meeting called off — each said to its 。', async () => {
    const unread = await openPage('pages/meetings/checkin?code=x')
    expect(unread.textOf('.refusal')).to.equal('没有读到签到码，请重新扫描会场的签到二维码。')

    const organizer = await office(app)
    const draft = await created(organizer.post('/api/admin/meetings', meetingBody()))
    const meeting = await created(organizer.post(`/api/admin/meetings/${draft.id}/publish`))
    expect((await organizer.post(`/api/admin/meetings/${meeting.id}/cancel`, { reason: '因故推迟' })).status).to.equal(200)
    await phoneOfZhang(app)
    const cancelled = await openPage(`pages/meetings/checkin?code=${meeting.shortCode}`)
    expect(cancelled.textOf('.refusal')).to.equal('这次会议已经取消，不用签到。')
  })
})
