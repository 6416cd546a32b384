import { expect } from 'chai'
import { meetingBody } from '../test/helpers/meetings.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { follow, openPage } from './harness/page.js'
import { created, office, phoneOfZhang } from './office.js'

/**
 * 会议: 张伟 finds the meeting he is invited to, answers 参加 (or asks for leave with a
 * reason), and at the door scans the meeting's code (scene m=) to check in. A resident
 * takes a public seat (公民旁听).
 */
describe('mini-program: meetings', () => {
  let app: Backend
  let meeting: { id: string; shortCode: string }

  beforeEach(async () => {
    app = await startBackend()
    const organizer = await office(app)
    const draft = await created(organizer.post('/api/admin/meetings', meetingBody({ publicSeats: 2 })))
    meeting = await created(organizer.post(`/api/admin/meetings/${draft.id}/publish`))
  })
  afterEach(() => app.close())

  it("answers 参加, then checks in by scanning the meeting's code within the window", async () => {
    await phoneOfZhang(app)
    const list = await openPage('pages/meetings/index')
    expect(list.textOf('.meeting')).to.include('市人大常委会第十次会议').and.include('11月26日（星期四）上午9:30').and.include('还未回复是否参加')

    await list.tap('.meeting')
    const detail = await follow()
    expect(detail.text()).to.include('地点：市人大常委会第一会议室').and.include('您还没回复是否参加')
    await detail.tap('.attend')
    expect(detail.text()).to.include('我的回复：参加').and.include('已回复参加，请按时到会')

    app.clock.set(new Date('2026-11-26T01:20:00Z')) // 09:20, ten minutes before the start
    // Scanning the code at the door opens the mini-program on its home page with the scene m=<code>.
    await openPage(`pages/index/index?scene=${encodeURIComponent(`m=${meeting.shortCode}`)}`)
    const door = await follow()
    expect(door.path).to.equal('pages/meetings/checkin')
    expect(door.textOf('.big')).to.equal('已签到')
    expect(door.text()).to.include('市人大常委会第十次会议').and.include('签到时间：11月26日（星期四）上午9:20')

    const again = await openPage(`pages/meetings/detail?meetingId=${meeting.id}`)
    expect(again.text()).to.include('已到会，11月26日（星期四）上午9:20签到').and.not.include('前回复').and.not.include('如需请假')
  })

  it('tells a deputy who signed the paper sheet that staff recorded his attendance (补签)', async () => {
    await phoneOfZhang(app)
    app.clock.set(new Date('2026-11-26T02:00:00Z')) // 10:00, the meeting under way
    const recorded = await (await office(app)).post(`/api/admin/meetings/${meeting.id}/invitees/deputy/dp0001/entry`, { kind: 'attended', note: '纸质签到' })
    expect(recorded.status, JSON.stringify(recorded.body)).to.equal(200)
    const detail = await openPage(`pages/meetings/detail?meetingId=${meeting.id}`)
    expect(detail.textOf('.came'), 'the time staff typed it is not when he came').to.equal('已到会（工作人员为您补签）')
    expect(detail.text(), 'nothing left for him to do').not.to.include('如需请假').and.not.include('10:00')
  })

  it("says in the backend's words why a check-in days before the meeting is refused", async () => {
    await phoneOfZhang(app)
    const door = await openPage(`pages/meetings/checkin?code=${meeting.shortCode}`)
    expect(door.textOf('.big')).to.equal('没有签上')
    expect(door.textOf('.refusal')).to.equal(
      '还没到签到时间，11月26日（星期四）上午8:30开始签到。会议时间：11月26日（星期四）上午9:30至上午11:30。到时请再扫一次会场的签到二维码。',
    )
  })

  it('once begun, says he has no check-in yet, offers no 参加 or 请假, and still lets a deputy who never answered scan in', async () => {
    await phoneOfZhang(app)
    app.clock.set(new Date('2026-11-26T01:40:00Z')) // 09:40: the meeting has begun, answers closed at its start
    const detail = await openPage(`pages/meetings/detail?meetingId=${meeting.id}`)
    expect(detail.text()).to.include('我的回复：未回复').and.not.include('请在').and.not.include('如需请假')
    expect(detail.textOf('.standing')).to.equal('会议已经开始，还没有您的签到记录。')
    expect(detail.textOf('.todo')).to.equal('到会后请扫会场的签到二维码签到。')
    expect(detail.has('.attend'), 'an answer the backend would refuse').to.equal(false)
    expect(detail.has('.start-leave')).to.equal(false)
    expect(detail.has('.scan')).to.equal(true)
    expect(detail.text()).to.include('到会后扫码签到')
  })

  it('asks for leave with a reason', async () => {
    await phoneOfZhang(app)
    const detail = await openPage(`pages/meetings/detail?meetingId=${meeting.id}`)
    await detail.tap('.start-leave')
    await detail.tap('.leave')
    expect(detail.textOf('.error')).to.equal('请写明请假原因')
    await detail.type('.leave-reason', '外出参加培训')
    await detail.tap('.leave')
    expect(detail.text()).to.include('我的回复：请假（外出参加培训）').and.include('已请假')
  })

  it('lets a resident find a meeting that takes the public and take a seat (公民旁听)', async () => {
    holdPhone(app, 'o-resident-seat')
    const list = await openPage('pages/meetings/index')
    expect(list.text()).not.to.include('邀请我参加的会议')
    expect(list.textOf('.public-meeting')).to.include('市人大常委会第十次会议').and.include('旁听席位还剩 2 个')
    await list.tap('.public-meeting')
    const page = await follow()
    expect(page.text()).to.include('旁听席位：共 2 个，还剩 2 个')
    await page.type('.name', '王小明')
    await page.tap('.register')
    expect(page.textOf('.notice')).to.equal('已报名旁听。请带好身份证，提前 15 分钟到场。')
    expect(page.text()).to.include('还剩 1 个')
  })

  it('shows a resident the meeting they signed up for as cancelled, in words, after the office calls it off', async () => {
    holdPhone(app, 'o-resident-cancelled')
    const page = await openPage(`pages/meetings/public?meetingId=${meeting.id}`)
    await page.type('.name', '王小明')
    await page.tap('.register')
    const organizer = await office(app)
    expect((await organizer.post(`/api/admin/meetings/${meeting.id}/cancel`, { reason: '因故推迟' })).status).to.equal(200)

    // The cancel notice's card opens the meeting's page, which is the deputies': it sends the resident on to their places.
    await openPage(`pages/meetings/detail?meetingId=${meeting.id}`)
    const list = await follow()
    expect(list.path).to.equal('pages/meetings/index')
    expect(list.text()).to.include('我报名旁听的会议')
    expect(list.textOf('.my-registration')).to.include('市人大常委会第十次会议').and.include('会议已取消，不用到场（因故推迟）')
    expect(list.has('.public-meeting'), 'no longer open to sign up').to.equal(false)
  })
})
