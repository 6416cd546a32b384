import { expect } from 'chai'
import { meetingBody } from '../test/helpers/meetings.js'
import { startBackend, type Backend } from './harness/backend.js'
import { follow, openPage } from './harness/page.js'
import { declarations } from './harness/stylesheets.js'
import { phone } from './harness/wx.js'
import { created, office, phoneOfZhang } from './office.js'

/**
 * 张伟 said 参加 to the 履职培训班 (Tuesday 1 Dec, 09:00–11:30), went, and forgot to scan the code at the door. At noon
 * the meeting had gone from his list, and its page still offered 到会后扫码签到 and "如需请假…". Now the list keeps it
 * under 最近结束的会议, and its page says there is no check-in of his and the one thing to do: ask 孙丽, by phone, for
 * 补签. Once she has entered him from the paper sheet (at 14:00), the page says 已到会（工作人员为您补签） — not "已到会（下午2:00）",
 * which read as if he came after the meeting — in the green of done.
 */
describe('mini-program: a deputy who forgot to scan reads that he has no check-in, and whom to ask for 补签', () => {
  let app: Backend
  let meeting: { id: string }

  beforeEach(async () => {
    app = await startBackend()
    const organizer = await office(app)
    const draft = await created(
      organizer.post(
        '/api/admin/meetings',
        meetingBody({
          title: '湛河区人大代表履职培训班',
          kind: 'training',
          startAt: '2026-12-01T09:00:00+08:00',
          endAt: '2026-12-01T11:30:00+08:00',
          rsvpDeadline: '2026-11-27T17:00:00+08:00',
          place: '区人大常委会三楼会议室',
          contactName: '孙丽',
          contactPhone: '0375-2661234',
        }),
      ),
    )
    meeting = await created(organizer.post(`/api/admin/meetings/${draft.id}/publish`))
    const zhang = await phoneOfZhang(app)
    await created(zhang.post(`/api/mp/meetings/${meeting.id}/rsvp`, { response: 'attend' }))
  })
  afterEach(() => app.close())

  it('at noon: the list keeps the meeting, its page says 没有您的签到记录 and offers to call 孙丽, never a scan or 如需请假', async () => {
    app.clock.set(new Date('2026-12-01T04:00:00Z')) // Tuesday 12:00, the meeting over
    const list = await openPage('pages/meetings/index')
    expect(list.text()).to.include('最近结束的会议')
    expect(list.textOf('.ended-meeting')).to.include('湛河区人大代表履职培训班').and.include('没有您的签到记录，点开看怎么补签')

    await list.tap('.ended-meeting')
    const page = await follow()
    expect(page.path).to.equal('pages/meetings/detail')
    expect(page.textOf('.standing')).to.equal('会议已于12月1日（星期二）上午11:30结束，没有您的签到记录。')
    expect(page.textOf('.todo')).to.equal('如果您到了会，请联系孙丽（电话 0375-2661234）为您补签。')
    expect(page.has('.scan'), 'the code at the door signs nobody in now').to.equal(false)
    expect(page.text()).not.to.include('到会后扫码签到').and.not.include('如需请假')
    expect(page.textOf('.state')).to.equal('我的回复：参加')
    expect(page.has('.state.to-act'), 'his answer is not the problem').to.equal(false)
    expect(declarations('pages/meetings/detail.wxss', '.state').get('color'), '我的回复 in the body colour, not red').to.equal('#222')
    expect(page.text(), 'the call says what it is for').to.include('打电话请孙丽补签')
    await page.tap('.call-contact')
    expect(phone.calls).to.deep.equal(['0375-2661234'])
  })

  it('before the start his answer is not red; under way the list says what he needs at the door, in red', async () => {
    app.clock.set(new Date('2026-11-30T02:00:00Z')) // Monday 10:00, the day before
    const before = await openPage('pages/meetings/index')
    expect(before.textOf('.meeting .answer')).to.equal('已回复：参加')
    expect(before.has('.meeting .answer.done'), 'an answer given is not a to-do').to.equal(true)

    app.clock.set(new Date('2026-12-01T01:20:00Z')) // Tuesday 09:20, at the door
    const during = await openPage('pages/meetings/index')
    expect(during.textOf('.meeting .answer')).to.equal('会议已经开始，还没有您的签到记录')
    expect(during.has('.meeting .answer.done'), 'still to do: red').to.equal(false)
  })

  it('under way, not yet signed in: the one filled button is 到会后扫码签到, no call to 孙丽 beside it', async () => {
    app.clock.set(new Date('2026-12-01T01:20:00Z')) // Tuesday 09:20, at the door
    const page = await openPage(`pages/meetings/detail?meetingId=${meeting.id}`)
    expect(page.textOf('.standing')).to.equal('会议已经开始，还没有您的签到记录。')
    expect(page.textOf('.todo')).to.equal('到会后请扫会场的签到二维码签到。')
    expect(page.buttonLook('.scan'), 'the scan: the one obvious action').to.equal('filled')
    expect(page.has('.call-contact'), 'a call is for 补签, after the end').to.equal(false)
    expect(page.text()).not.to.include('打电话')
  })

  it('after 孙丽’s 补签: 已到会（工作人员为您补签） in green, no time of her typing; a week on, the meeting has left the list', async () => {
    app.clock.set(new Date('2026-12-01T06:00:00Z')) // 14:00: 孙丽 has the paper sheet
    const entered = await (
      await office(app)
    ).post(`/api/admin/meetings/${meeting.id}/invitees/deputy/dp0001/entry`, { kind: 'attended', note: '纸质签到表已签名' })
    expect(entered.status, JSON.stringify(entered.body)).to.equal(200)

    const page = await openPage(`pages/meetings/detail?meetingId=${meeting.id}`)
    expect(page.textOf('.came')).to.equal('已到会（工作人员为您补签）')
    expect(declarations('pages/meetings/detail.wxss', '.state.came').get('color'), 'the green of done, not the red of to-do').to.equal('#1b5e20')
    expect(page.text()).not.to.include('下午2:00').and.not.include('没有您的签到记录')
    expect(page.has('.standing')).to.equal(false)

    const list = await openPage('pages/meetings/index')
    expect(list.textOf('.ended-meeting .answer')).to.equal('已到会（工作人员为您补签）')

    app.clock.set(new Date('2026-12-09T04:00:00Z')) // a week and a day later
    const later = await openPage('pages/meetings/index')
    expect(later.text()).not.to.include('湛河区人大代表履职培训班')
  })
})
