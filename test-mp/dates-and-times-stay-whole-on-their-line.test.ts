import { expect } from 'chai'
import { meetingBody } from '../test/helpers/meetings.js'
import { surveyBody } from '../test/helpers/surveys.js'
import { asDeputy, asResident } from '../test/helpers/app.js'
import { holdAgreedPhone, holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage, type MpPage } from './harness/page.js'
import { declarations } from './harness/stylesheets.js'
import { phone } from './harness/wx.js'
import { created, office, phoneOfZhang } from './office.js'

/** The pieces of a line drawn whole (class "whole"): each date with its weekday, each time of day. */
const whole = (page: MpPage, selector: string): string[] =>
  page.component.querySelectorAll(`${selector} .whole`).map((p: { dom: HTMLElement }) => p.dom.textContent)

/**
 * At 375 px, and more in 关怀模式, times broke in the middle: “上午9:00 至 上 / 午11:30”, “上午 / 9:00”,
 * “12月2日（星期 / 三）上午10:00前回复”, “11月23 / 日”, “按联络站统一时间 / （08:00）›”. A phone number is kept whole on
 * its line; so is each date and time now, a date with the time beside it as one piece ("12月6日" / "18:00" read as two things).
 */
describe('mini-program: dates and times stay whole on their line', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  it('never breaks inside a piece (app.wxss)', () => {
    expect(declarations('app.wxss', '.whole').get('white-space')).to.equal('nowrap')
  })

  it('a meeting page and the meetings list: each date and time whole, in 关怀模式 too', async () => {
    const organizer = await office(app)
    const draft = await created(
      organizer.post(
        '/api/admin/meetings',
        meetingBody({
          title: '湛河区人大代表履职培训班',
          startAt: '2026-12-01T09:00:00+08:00',
          endAt: '2026-12-01T11:30:00+08:00',
          rsvpDeadline: '2026-11-27T17:00:00+08:00',
        }),
      ),
    )
    const meeting = await created(organizer.post(`/api/admin/meetings/${draft.id}/publish`))
    await phoneOfZhang(app)
    phone.storage.set('care.mode', 'on')
    app.clock.set(new Date('2026-11-25T02:00:00Z'))
    const detail = await openPage(`pages/meetings/detail?meetingId=${meeting.id}`)
    expect(detail.textOf('.when')).to.equal('时间：12月1日（星期二）上午9:00 至 上午11:30')
    expect(whole(detail, '.when')).to.deep.equal(['12月1日（星期二）上午9:00', '上午11:30'])
    // Too wide for a 关怀模式 line with 请在 and 前回复, the date and the time part, each with its word.
    expect(whole(detail, '.closes-at')).to.deep.equal(['请在11月27日（星期五）', '下午5:00前回复'])

    const list = await openPage('pages/meetings/index')
    expect(whole(list, '.meeting .meta')).to.deep.equal(['12月1日（星期二）上午9:00'])

    app.clock.set(new Date('2026-12-01T04:00:00Z')) // over, and he did not sign in
    const after = await openPage(`pages/meetings/detail?meetingId=${meeting.id}`)
    expect(after.textOf('.standing')).to.equal('会议已于12月1日（星期二）上午11:30结束，没有您的签到记录。')
    expect(whole(after, '.standing')).to.deep.equal(['会议已于12月1日（星期二）', '上午11:30结束，'])
  })

  it('a questionnaire: its closing date and time whole', async () => {
    const survey = await created((await office(app)).post('/api/admin/surveys', surveyBody()))
    await holdAgreedPhone(app, 'o-liu-nainai-whole-survey')
    phone.storage.set('care.mode', 'on')
    const page = await openPage(`pages/survey/answer?surveyId=${survey.id}`)
    expect(page.textOf('.meta')).to.match(/请在11月30日（星期一）晚上6:00前填写/)
    expect(whole(page, '.meta')).to.deep.equal(['请在11月30日（星期一）', '晚上6:00前填写'])
  })

  it('his workbench: the reply-by of a co-sign request whole', async () => {
    app.clock.set(new Date('2026-11-25T02:00:00Z'))
    const zhang = await phoneOfZhang(app)
    const { id } = await created(zhang.post('/api/mp/deputy/suggestions', { title: '建设路社区楼顶违建整治', body: '建设路社区3号院楼顶违建，建议限期拆除。' }))
    await created(zhang.post(`/api/mp/deputy/suggestions/${id}/cosign-invitation`))
    holdPhone(app, 'o-deputy-dp0002')
    await asDeputy(app, 'dp0002')
    const workbench = await openPage('pages/deputy/index')
    expect(workbench.textOf('.task .text')).to.match(/^张伟代表请您附议，请在12月2日（星期三）上午10:00前回复/)
    expect(whole(workbench, '.task .text')).to.deep.equal(['请在12月2日（星期三）', '上午10:00前回复'])
  })

  it('a reading’s date, and the digest’s station time with its arrow', async () => {
    const organizer = await office(app)
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
    const now = app.clock.now().getTime()
    const campaign = await created(
      organizer.post('/api/admin/campaigns', {
        title: '2026年宪法宣传周学习宣传',
        startsAt: new Date(now - 86_400_000).toISOString(),
        endsAt: new Date(now + 7 * 86_400_000).toISOString(),
        audience: { stationIds: ['st001'], followers: true },
      }),
    )
    const item = await created(organizer.post(`/api/admin/campaigns/${campaign.id}/items`, { title: '宪法全文', required: true, body: '<p>第一条</p>' }))
    await holdAgreedPhone(app, 'o-liu-nainai-whole')
    await created((await asResident(app, 'o-liu-nainai-whole')).post(`/api/mp/campaigns/${campaign.id}/follow`, {}))
    const reading = await openPage(`pages/study/item?itemId=${item.id}`)
    expect(reading.textOf('.meta')).to.equal('2026年宪法宣传周学习宣传 · 11月23日')
    expect(whole(reading, '.meta')).to.deep.equal(['11月23日'])

    await phoneOfZhang(app)
    const digest = await openPage('pages/deputy/digest')
    expect(digest.textOf('.send-time')).to.equal('发送时间按联络站统一时间（08:00） ›')
    expect(whole(digest, '.picked')).to.deep.equal(['（08:00） ›'])
  })
})
