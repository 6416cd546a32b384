import { expect } from 'chai'
import { asAdmin, Client } from '../helpers/app.js'
import { meetingBody } from '../helpers/meetings.js'
import { STAFF_PASSWORD } from '../fixtures.js'
import { SUPERSEDED, monday, useOvernightMeeting, type OvernightMeetingStory } from './overnight-meeting.js'

const NUDGE = '请回复参会情况'

/**
 * 提醒未回复 pressed at 22:00 waits for 08:00 (quiet hours). By then the deputy may have answered
 * (参加, or 请假 with a reason) on his phone at 07:30, or the reply deadline may have passed at 07:00:
 * "请回复参会情况…请在…前回复" would then ask him for an answer he gave, or one the meeting now refuses.
 * It is not sent, and the console says why. Those still able to answer, and who have not, get theirs.
 */
describe('no "please answer" for a meeting to one who answered, or can no longer, when it would go', function () {
  this.timeout(60_000)
  const story = useOvernightMeeting()
  const { mpDeputy } = story
  let app: OvernightMeetingStory['app']
  let sunli: Client
  beforeEach(() => ({ app, sunli } = story))

  const cardsTo = (openid: string) => app.fake.sent().filter((m) => m.touser === openid && m.data.thing1.value.startsWith(NUDGE))
  const nudgeOf = async (deputyId: string, meetingId: string) =>
    (await app.liaison.store.outbox.search({ limit: 10, kind: 'meeting.rsvp_nudge', recipientId: deputyId })).items.find(
      (m) => (m.payload as { meetingId: string }).meetingId === meetingId,
    )!
  const deliveryShown = async (deputyId: string) =>
    (await (await asAdmin(app)).get(`/api/admin/outbox?recipientId=${deputyId}&kind=meeting.rsvp_nudge`)).body.items.map(
      (m: { delivery: unknown }) => m.delivery,
    )
  async function publish(over: Record<string, unknown>) {
    const created = await sunli.post('/api/admin/meetings', meetingBody(over))
    expect(created.status, JSON.stringify(created.body)).to.equal(201)
    const published = await sunli.post(`/api/admin/meetings/${created.body.id}/publish`)
    expect(published.status, JSON.stringify(published.body)).to.equal(200)
    // The notices go out now (10:00): by 22:00 they have long been read.
    await app.liaison.services.dispatcher.drain()
    return created.body.id as string
  }
  /** 22:00: 孙丽 presses 提醒未回复; quiet hours hold it for the morning. */
  async function remindAt22(meetingId: string, reminded: number) {
    app.clock.set(monday(22))
    await sunli.login('sunli', STAFF_PASSWORD)
    const pressed = await sunli.post(`/api/admin/meetings/${meetingId}/remind`)
    expect(pressed.body, JSON.stringify(pressed.body)).to.deep.include({ reminded })
    await app.liaison.services.dispatcher.drain()
    expect(
      app.fake.sent().filter((m) => m.data.thing1.value.startsWith(NUDGE)),
      'not at night',
    ).to.deep.equal([])
  }

  it('does not ask at 08:05 those who answered 参加 or 请假 at 07:30; the one who did not is asked', async () => {
    const zhang = await mpDeputy('o-zhangwei', 'dp0001')
    const wang = await mpDeputy('o-wangfang', 'dp0002')
    await mpDeputy('o-liqiang', 'dp0003')
    const id = await publish({ selector: { deputyIds: ['dp0001', 'dp0002', 'dp0003'] } })
    await remindAt22(id, 3)

    app.clock.set(monday(7, 30, 1))
    expect((await zhang.post(`/api/mp/meetings/${id}/rsvp`, { response: 'attend' })).status).to.equal(200)
    expect((await wang.post(`/api/mp/meetings/${id}/rsvp`, { response: 'leave', reason: '外出学习' })).status).to.equal(200)
    app.clock.set(monday(8, 5, 1))
    await app.liaison.services.dispatcher.drain()

    expect(cardsTo('o-zhangwei'), 'he answered 参加 at 07:30').to.deep.equal([])
    expect(cardsTo('o-wangfang'), 'she asked for leave at 07:30').to.deep.equal([])
    expect(cardsTo('o-liqiang').map((m) => m.data.thing1.value)).to.deep.equal([`${NUDGE}：市人大常委会第十次会议`])
    const attending = `${SUPERSEDED}（已经回复参加，不用再提醒）`
    const onLeave = `${SUPERSEDED}（已经请假，不用再提醒）`
    expect(await nudgeOf('dp0001', id)).to.deep.include({ status: 'dead', lastError: attending })
    expect(await nudgeOf('dp0002', id)).to.deep.include({ status: 'dead', lastError: onLeave })
    expect((await nudgeOf('dp0003', id)).status).to.equal('sent')
    expect(await deliveryShown('dp0001')).to.deep.equal([{ state: 'superseded', label: '不用再发', reason: attending }])
    expect(await deliveryShown('dp0002')).to.deep.equal([{ state: 'superseded', label: '不用再发', reason: onLeave }])
  })

  it('does not ask at 08:05 for an answer whose deadline passed at 07:00; one invited after the deadline, who may answer until the start, is asked', async () => {
    await mpDeputy('o-zhangwei', 'dp0001')
    await mpDeputy('o-wangfang', 'dp0002')
    // 张伟's answers close Tuesday 07:00.
    const closing = await publish({ selector: { deputyIds: ['dp0001'] }, rsvpDeadline: '2026-11-24T07:00:00+08:00' })
    // Another meeting's deadline was Monday 12:00; 王芳 was added at 14:00, after it: she may answer until Thursday's start.
    const other = await publish({ title: '代表小组活动', selector: { deputyIds: ['dp0001'] }, rsvpDeadline: '2026-11-23T12:00:00+08:00' })
    app.clock.set(monday(14))
    await sunli.login('sunli', STAFF_PASSWORD)
    const added = await sunli.post(`/api/admin/meetings/${other}/invitees`, { selector: { deputyIds: ['dp0002'] } })
    expect(added.status, JSON.stringify(added.body)).to.equal(200)
    await app.liaison.services.dispatcher.drain()
    await remindAt22(closing, 1)
    await remindAt22(other, 1)

    app.clock.set(monday(8, 5, 1))
    await app.liaison.services.dispatcher.drain()

    expect(cardsTo('o-zhangwei'), 'his answers closed at 07:00').to.deep.equal([])
    const closed = `${SUPERSEDED}（回复已经截止，不用再提醒）`
    expect(await nudgeOf('dp0001', closing)).to.deep.include({ status: 'dead', lastError: closed })
    expect(await deliveryShown('dp0001')).to.deep.equal([{ state: 'superseded', label: '不用再发', reason: closed }])
    expect(cardsTo('o-wangfang').map((m) => m.data.thing1.value)).to.deep.equal([`${NUDGE}：代表小组活动`])
    expect((await nudgeOf('dp0002', other)).status).to.equal('sent')
  })

  it('says at 08:05 the reply deadline as it is then, when only the deadline was moved later at 23:00', async () => {
    await mpDeputy('o-zhangwei', 'dp0001')
    await mpDeputy('o-wangfang', 'dp0002')
    const id = await publish({ selector: { deputyIds: ['dp0001', 'dp0002'] }, rsvpDeadline: '2026-11-24T12:00:00+08:00' })
    await remindAt22(id, 2)
    // 23:00: 孙丽 gives them one more day to answer, changing nothing else (no change notice goes out).
    app.clock.set(monday(23))
    await sunli.login('sunli', STAFF_PASSWORD)
    const edited = await sunli.patch(`/api/admin/meetings/${id}`, { rsvpDeadline: '2026-11-25T12:00:00+08:00' })
    expect(edited.status, JSON.stringify(edited.body)).to.equal(200)

    app.clock.set(monday(8, 5, 1))
    await app.liaison.services.dispatcher.drain()

    const nudges = async (deputyId: string) =>
      (await app.liaison.store.outbox.search({ limit: 10, kind: 'meeting.rsvp_nudge', recipientId: deputyId })).items
        .map((m) => ({ status: m.status, text: (m.payload as { text: string }).text, lastError: m.lastError }))
        .sort((a, b) => a.status.localeCompare(b.status))
    const asked = (by: string) =>
      `请回复参会情况：市人大常委会第十次会议（常委会会议），时间 11月26日（星期四）上午9:30至上午11:30，地点 市人大常委会第一会议室。请在${by}前回复"参加"，或"请假 原因"。`
    const moved = `${SUPERSEDED}（回复截止时间已改，已按新的时间重新提醒）`
    expect(await nudges('dp0001'), 'the words he reads name Wednesday noon, not Tuesday noon').to.deep.equal([
      { status: 'dead', text: asked('11月24日（星期二）中午12:00'), lastError: moved },
      { status: 'sent', text: asked('11月25日（星期三）中午12:00'), lastError: null },
    ])
    expect(cardsTo('o-zhangwei'), 'asked once, not twice').to.have.length(1)
    expect(cardsTo('o-wangfang'), 'asked once, not twice').to.have.length(1)
    expect((await deliveryShown('dp0001')).map((d: { state: string }) => d.state).sort()).to.deep.equal(['sent', 'superseded'])
  })

  it('asks once at 08:05, with the first deadline, when the deadline was moved at 23:00 and back at 23:30', async () => {
    await mpDeputy('o-zhangwei', 'dp0001')
    const id = await publish({ selector: { deputyIds: ['dp0001'] }, rsvpDeadline: '2026-11-24T12:00:00+08:00' })
    await remindAt22(id, 1)
    for (const [hh, mm, rsvpDeadline] of [
      [23, 0, '2026-11-25T12:00:00+08:00'],
      [23, 30, '2026-11-24T12:00:00+08:00'],
    ] as const) {
      app.clock.set(monday(hh, mm))
      await sunli.login('sunli', STAFF_PASSWORD)
      expect((await sunli.patch(`/api/admin/meetings/${id}`, { rsvpDeadline })).status).to.equal(200)
    }

    app.clock.set(monday(8, 5, 1))
    await app.liaison.services.dispatcher.drain()

    expect(cardsTo('o-zhangwei'), 'asked once, not twice').to.have.length(1)
    const sent = (await app.liaison.store.outbox.search({ limit: 10, kind: 'meeting.rsvp_nudge', recipientId: 'dp0001', status: 'sent' })).items
    expect(sent.map((m) => (m.payload as { text: string }).text)).to.deep.equal([
      '请回复参会情况：市人大常委会第十次会议（常委会会议），时间 11月26日（星期四）上午9:30至上午11:30，地点 市人大常委会第一会议室。请在11月24日（星期二）中午12:00前回复"参加"，或"请假 原因"。',
    ])
  })
})
