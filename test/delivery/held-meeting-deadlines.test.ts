import { expect } from 'chai'
import { Client } from '../helpers/app.js'
import { meetingBody } from '../helpers/meetings.js'
import { STAFF_PASSWORD } from '../fixtures.js'
import { meetingMessage } from '../../src/services/meetings/meeting-notices.js'
import { SUPERSEDED, monday, useOvernightMeeting, type OvernightMeetingStory } from './overnight-meeting.js'

const WHAT = '市人大常委会第十次会议（常委会会议）'
const ANSWER = '回复"参加"，或"请假 原因"。'
const WHEN = '11月26日（星期四）上午9:30至上午11:30'
/** `by`: the deadline as the notice says it, "11月24日（星期二）中午12:00". */
/** How a deputy signs in on the day: the last words of his 会议通知. */
const SIGN_IN = '到会场后，请打开微信“扫一扫”，扫会场张贴的签到二维码签到。'
const invitation = (by: string) => `会议通知：${WHAT}，时间 ${WHEN}，地点 市人大常委会第一会议室。请在${by}前${ANSWER}${SIGN_IN}`
/** An invitation in the words written before messages carried their deadline (and before times were spoken): "11月24日 12:00". */
const oldWords = (by: string) => `会议通知：${WHAT}，时间 11月26日 09:30–11:30，地点 市人大常委会第一会议室。请在 ${by} 前${ANSWER}`
const closedInvitation = (at: string) =>
  `会议通知：${WHAT}，时间 ${WHEN}，地点 市人大常委会第一会议室。回复已于${at}截止，如不能参加，请联系组织会议的湛河区人大常委会办公室。${SIGN_IN}`
const change = (by: string) => `会议变更：${WHAT}调整为${WHEN}，地点 市人大常委会第二会议室。请在${by}前${ANSWER}`
const closedChange = (at: string) =>
  `会议变更：${WHAT}调整为${WHEN}，地点 市人大常委会第二会议室。回复已于${at}截止，如不能参加，请联系组织会议的湛河区人大常委会办公室。`
const MOVED = `${SUPERSEDED}（回复截止时间已改，已按新的时间重新发送会议通知）`
const MOVED_CHANGE = `${SUPERSEDED}（回复截止时间已改，已按新的时间重新发送会议变更通知）`
const CLOSED = `${SUPERSEDED}（回复已经截止，已改发不要求回复的会议通知）`
const CLOSED_CHANGE = `${SUPERSEDED}（回复已经截止，已改发不要求回复的会议变更通知）`

/**
 * What a deputy reads of a meeting whose message waited (overnight, here) while its reply deadline
 * moved or passed: the 会议变更 names the deadline as it is when it goes; a notice held past the
 * deadline tells of the meeting without asking for an answer the mini-program would refuse, and
 * says whom to tell; an invitation written before messages carried their deadline is rewritten too.
 */
describe('a held meeting notice says what is true of answering when it goes', function () {
  this.timeout(60_000)
  const story = useOvernightMeeting()
  const { mpDeputy } = story
  let app: OvernightMeetingStory['app']
  let sunli: Client
  beforeEach(() => ({ app, sunli } = story))

  const cardsTo = (openid: string, title: string) => app.fake.sent().filter((m) => m.touser === openid && m.data.thing1.value.startsWith(title))
  const rowsOf = async (kind: string, deputyId: string) =>
    (await app.liaison.store.outbox.search({ limit: 20, kind, recipientId: deputyId })).items
      .map((m) => ({ status: m.status, text: (m.payload as { text: string }).text, lastError: m.lastError }))
      .sort((a, b) => a.status.localeCompare(b.status) || a.text.localeCompare(b.text))
  async function publish(at: Date, over: Record<string, unknown>) {
    app.clock.set(at)
    await sunli.login('sunli', STAFF_PASSWORD)
    const created = await sunli.post('/api/admin/meetings', meetingBody({ selector: { deputyIds: ['dp0001', 'dp0002'] }, ...over }))
    expect(created.status, JSON.stringify(created.body)).to.equal(201)
    expect((await sunli.post(`/api/admin/meetings/${created.body.id}/publish`)).status).to.equal(200)
    await app.liaison.services.dispatcher.drain()
    return created.body.id as string
  }
  async function edit(id: string, at: Date, patch: Record<string, unknown>) {
    app.clock.set(at)
    await sunli.login('sunli', STAFF_PASSWORD)
    const edited = await sunli.patch(`/api/admin/meetings/${id}`, patch)
    expect(edited.status, JSON.stringify(edited.body)).to.equal(200)
  }
  async function noticeColumn(id: string) {
    await sunli.login('sunli', STAFF_PASSWORD)
    const table = (await sunli.get(`/api/admin/meetings/${id}/invitees`)).body
    return table.items.map((i: { name: string; notice: { label: string } }) => `${i.name} ${i.notice.label}`)
  }

  it('a 会议变更 held overnight names the deadline moved at 23:00, once to each, and 提醒未回复 still works', async () => {
    await mpDeputy('o-zhangwei', 'dp0001')
    await mpDeputy('o-wangfang', 'dp0002')
    // 10:00: the notices go out at once and are read.
    const id = await publish(monday(10), { rsvpDeadline: '2026-11-24T12:00:00+08:00' })
    // 22:00: the room changes; the 会议变更 waits for 08:00 (quiet hours) asking to confirm by Tuesday noon.
    await edit(id, monday(22), { place: '市人大常委会第二会议室' })
    await app.liaison.services.dispatcher.drain()
    expect(cardsTo('o-zhangwei', '会议变更'), 'not at night').to.have.length(0)
    // 23:00: she gives them one more day, changing nothing else.
    await edit(id, monday(23), { rsvpDeadline: '2026-11-25T12:00:00+08:00' })
    expect(await rowsOf('meeting.changed', 'dp0001'), 'the office sees at once what will go at 08:00').to.deep.equal([
      { status: 'pending', text: change('11月24日（星期二）中午12:00'), lastError: null },
      { status: 'pending', text: change('11月25日（星期三）中午12:00'), lastError: null },
    ])

    app.clock.set(monday(8, 5, 1))
    await app.liaison.services.dispatcher.drain()

    expect(await rowsOf('meeting.changed', 'dp0001'), 'he reads Wednesday noon, not Tuesday noon').to.deep.equal([
      { status: 'dead', text: change('11月24日（星期二）中午12:00'), lastError: MOVED_CHANGE },
      { status: 'sent', text: change('11月25日（星期三）中午12:00'), lastError: null },
    ])
    expect(cardsTo('o-zhangwei', '会议变更'), 'told once').to.have.length(1)
    expect(cardsTo('o-wangfang', '会议变更'), 'told once').to.have.length(1)
    expect(await noticeColumn(id), 'the invitation reached both').to.deep.equal(['张伟 已送达', '王芳 已送达'])
    app.clock.set(monday(9, 10, 1))
    await sunli.login('sunli', STAFF_PASSWORD)
    const pressed = await sunli.post(`/api/admin/meetings/${id}/remind`)
    expect(pressed.body, JSON.stringify(pressed.body)).to.deep.include({ reminded: 2, held: null })
  })

  it('the table says 已送达 for one whose held 会议通知 gave way to the 会议变更 he got, and 提醒未回复 asks him', async () => {
    await mpDeputy('o-zhangwei', 'dp0001')
    await mpDeputy('o-wangfang', 'dp0002')
    // 22:00 published, 22:30 the room changes: both wait for 08:00; the 会议变更 alone tells all.
    const id = await publish(monday(22), { rsvpDeadline: '2026-11-25T12:00:00+08:00' })
    await edit(id, monday(22, 30), { place: '市人大常委会第二会议室' })

    app.clock.set(monday(8, 5, 1))
    await app.liaison.services.dispatcher.drain()

    expect(await rowsOf('meeting.notice', 'dp0001')).to.deep.equal([{ status: 'dead', text: invitation('11月25日（星期三）中午12:00'), lastError: SUPERSEDED }])
    expect(await rowsOf('meeting.changed', 'dp0001')).to.deep.equal([{ status: 'sent', text: change('11月25日（星期三）中午12:00'), lastError: null }])
    expect(await noticeColumn(id), 'not 未能送达: he was told').to.deep.equal(['张伟 已送达', '王芳 已送达'])
    app.clock.set(monday(9, 10, 1))
    await sunli.login('sunli', STAFF_PASSWORD)
    const pressed = await sunli.post(`/api/admin/meetings/${id}/remind`)
    expect(pressed.body, JSON.stringify(pressed.body)).to.deep.include({ reminded: 2, held: null })
  })

  it('a 会议通知 held past its 07:00 deadline goes at 08:00 without asking for an answer; one of a meeting at 06:00 at once', async () => {
    await mpDeputy('o-zhangwei', 'dp0001')
    await mpDeputy('o-wangfang', 'dp0002')
    // 22:00: published with answers by 07:00; quiet hours hold it for 08:00.
    const id = await publish(monday(22), { rsvpDeadline: '2026-11-24T07:00:00+08:00' })
    expect(app.fake.sent(), 'not at night').to.deep.equal([])
    // And an early site visit that is over before 08:00 (06:00–07:30): held till 08:00 its notice would be of a meeting
    // over, so it goes at once (quiet-hours.ts, SOON_AFTER_QUIET_MINUTES).
    const early = await publish(monday(22, 10), {
      title: '早市环境卫生视察',
      kind: 'inspection',
      startAt: '2026-11-24T06:00:00+08:00',
      endAt: '2026-11-24T07:30:00+08:00',
      rsvpDeadline: null,
    })
    expect(cardsTo('o-zhangwei', '会议通知：早市'), 'told at 22:10, in time for 06:00').to.have.length(1)

    app.clock.set(monday(8, 5, 1))
    await app.liaison.services.dispatcher.drain()

    const notices = (await rowsOf('meeting.notice', 'dp0001')).filter((r) => r.text.includes(WHAT))
    expect(notices, 'he learns of the meeting, and is not asked for an answer the mini-program refuses').to.deep.equal([
      { status: 'dead', text: invitation('11月24日（星期二）上午7:00'), lastError: CLOSED },
      { status: 'sent', text: closedInvitation('11月24日（星期二）上午7:00'), lastError: null },
    ])
    expect(cardsTo('o-zhangwei', '会议通知：市人大'), 'told once').to.have.length(1)
    expect(cardsTo('o-wangfang', '会议通知：市人大'), 'told once').to.have.length(1)
    expect(await noticeColumn(id)).to.deep.equal(['张伟 已送达', '王芳 已送达'])
    // The visit's notice went the night before, once.
    const early6 = (await app.liaison.store.outbox.search({ limit: 20, kind: 'meeting.notice', recipientId: 'dp0001' })).items.filter(
      (m) => (m.payload as { meetingId: string }).meetingId === early,
    )
    expect(early6.map((m) => m.status)).to.deep.equal(['sent'])
    expect(cardsTo('o-zhangwei', '会议通知：早市'), 'told once').to.have.length(1)
  })

  it('a 会议变更 held past the deadline goes without asking to confirm again', async () => {
    await mpDeputy('o-zhangwei', 'dp0001')
    const id = await publish(monday(10), { rsvpDeadline: '2026-11-24T07:00:00+08:00' })
    await edit(id, monday(22), { place: '市人大常委会第二会议室' })

    app.clock.set(monday(8, 5, 1))
    await app.liaison.services.dispatcher.drain()

    expect(await rowsOf('meeting.changed', 'dp0001')).to.deep.equal([
      { status: 'dead', text: change('11月24日（星期二）上午7:00'), lastError: CLOSED_CHANGE },
      { status: 'sent', text: closedChange('11月24日（星期二）上午7:00'), lastError: null },
    ])
    expect(cardsTo('o-zhangwei', '会议变更'), 'told once').to.have.length(1)
  })

  /** An invitation as written before messages carried their deadline: no invitedAt, no rsvpClosesAt, only its words. */
  async function oldInvitation(id: string, deputyId: string, name: string, by: string) {
    const { store } = app.liaison
    const m = (await store.meetings.get(id))!
    const message = meetingMessage(m, 'meeting.notice', { kind: 'deputy', id: deputyId }, oldWords(by), 'published', app.clock.now())
    const invitee = {
      meetingId: id,
      personKind: 'deputy' as const,
      personId: deputyId,
      name,
      rsvp: 'pending' as const,
      reason: null,
      rsvpAt: null,
      checkedInAt: null,
      invitedAt: null,
    }
    await store.meetings.addInvitees(m, [invitee], [message])
  }

  it('an invitation written before deadlines were recorded is rewritten when the deadline moves', async () => {
    await mpDeputy('o-zhangwei', 'dp0001')
    await mpDeputy('o-wangfang', 'dp0002')
    const id = await publish(monday(22), { selector: { deputyIds: ['dp0001'] }, rsvpDeadline: '2026-11-24T12:00:00+08:00' })
    await oldInvitation(id, 'dp0002', '王芳', '11月24日 12:00')
    await edit(id, monday(23), { rsvpDeadline: '2026-11-25T12:00:00+08:00' })
    expect(await rowsOf('meeting.notice', 'dp0002'), 'rewritten with the edit, as a new one would be').to.deep.equal([
      { status: 'pending', text: oldWords('11月24日 12:00'), lastError: null },
      { status: 'pending', text: invitation('11月25日（星期三）中午12:00'), lastError: null },
    ])

    app.clock.set(monday(8, 5, 1))
    await app.liaison.services.dispatcher.drain()

    expect(await rowsOf('meeting.notice', 'dp0002'), 'she reads Wednesday noon').to.deep.equal([
      { status: 'dead', text: oldWords('11月24日 12:00'), lastError: MOVED },
      { status: 'sent', text: invitation('11月25日（星期三）中午12:00'), lastError: null },
    ])
    expect(cardsTo('o-wangfang', '会议通知'), 'told once').to.have.length(1)
    expect(await noticeColumn(id)).to.deep.equal(['张伟 已送达', '王芳 已送达'])
  })

  it('an old invitation naming a deadline moved before rewrites existed is written again when it goes', async () => {
    await mpDeputy('o-wangfang', 'dp0002')
    const id = await publish(monday(22), { selector: { deputyIds: ['dp0001'] }, rsvpDeadline: '2026-11-25T12:00:00+08:00' })
    // Waiting since before the deadline was moved to Wednesday, with nothing rewritten then.
    await oldInvitation(id, 'dp0002', '王芳', '11月24日 12:00')

    app.clock.set(monday(8, 5, 1))
    await app.liaison.services.dispatcher.drain()

    expect(await rowsOf('meeting.notice', 'dp0002')).to.deep.equal([
      { status: 'dead', text: oldWords('11月24日 12:00'), lastError: MOVED },
      { status: 'sent', text: invitation('11月25日（星期三）中午12:00'), lastError: null },
    ])
    expect(cardsTo('o-wangfang', '会议通知'), 'told once').to.have.length(1)
  })

  it('an old invitation naming the deadline with a leading zero ("09:00") still names it: sent as written', async () => {
    await mpDeputy('o-wangfang', 'dp0002')
    const id = await publish(monday(22), { selector: { deputyIds: ['dp0001'] }, rsvpDeadline: '2026-11-25T09:00:00+08:00' })
    // Written when the hour had a leading zero; the same minute today reads "11月25日 9:00".
    await oldInvitation(id, 'dp0002', '王芳', '11月25日 09:00')

    app.clock.set(monday(8, 5, 1))
    await app.liaison.services.dispatcher.drain()

    expect(await rowsOf('meeting.notice', 'dp0002'), 'not written again').to.deep.equal([{ status: 'sent', text: oldWords('11月25日 09:00'), lastError: null }])
  })
})
