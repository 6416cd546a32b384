import { expect } from 'chai'
import { Client } from '../helpers/app.js'
import { meetingBody } from '../helpers/meetings.js'
import { STAFF_PASSWORD } from '../fixtures.js'
import { SUPERSEDED, monday, useOvernightMeeting, type OvernightMeetingStory } from './overnight-meeting.js'

/** `by`: the deadline as the notice says it, "11月24日（星期二）中午12:00". */
const invitation = (by: string) =>
  `会议通知：市人大常委会第十次会议（常委会会议），时间 11月26日（星期四）上午9:30至上午11:30，地点 市人大常委会第一会议室。请在${by}前回复"参加"，或"请假 原因"。到会场后，请打开微信“扫一扫”，扫会场张贴的签到二维码签到。`
const MOVED = `${SUPERSEDED}（回复截止时间已改，已按新的时间重新发送会议通知）`

/**
 * 孙丽 publishes a meeting at 22:00: quiet hours hold its 会议通知 for 08:00, and it states the reply
 * deadline. When she moves only the deadline at 23:00 no change notice goes out, so the held notice
 * must not go with the old one: it is written again with the new deadline, and the old one is
 * superseded when it would go. Each deputy gets one notice, and the organizer's table says it arrived.
 */
describe('a 会议通知 held overnight says the reply deadline as it is when it goes', function () {
  this.timeout(60_000)
  const story = useOvernightMeeting()
  const { mpDeputy } = story
  let app: OvernightMeetingStory['app']
  let sunli: Client
  beforeEach(() => ({ app, sunli } = story))

  const cardsTo = (openid: string) => app.fake.sent().filter((m) => m.touser === openid && m.data.thing1.value.startsWith('会议通知'))
  const notices = async (deputyId: string) =>
    (await app.liaison.store.outbox.search({ limit: 10, kind: 'meeting.notice', recipientId: deputyId })).items
      .map((m) => ({ status: m.status, text: (m.payload as { text: string }).text, lastError: m.lastError }))
      .sort((a, b) => a.status.localeCompare(b.status))
  /** 22:00: 孙丽 publishes; quiet hours hold the notices for the morning. */
  async function publishAt22(rsvpDeadline: string) {
    app.clock.set(monday(22))
    await sunli.login('sunli', STAFF_PASSWORD)
    const created = await sunli.post('/api/admin/meetings', meetingBody({ selector: { deputyIds: ['dp0001', 'dp0002'] }, rsvpDeadline }))
    expect(created.status, JSON.stringify(created.body)).to.equal(201)
    expect((await sunli.post(`/api/admin/meetings/${created.body.id}/publish`)).status).to.equal(200)
    await app.liaison.services.dispatcher.drain()
    expect(app.fake.sent(), 'not at night').to.deep.equal([])
    return created.body.id as string
  }
  async function moveDeadline(id: string, at: Date, rsvpDeadline: string) {
    app.clock.set(at)
    await sunli.login('sunli', STAFF_PASSWORD)
    const edited = await sunli.patch(`/api/admin/meetings/${id}`, { rsvpDeadline })
    expect(edited.status, JSON.stringify(edited.body)).to.equal(200)
  }

  it('says at 08:05 the deadline moved later at 23:00, once to each deputy, and the organizer sees it arrived', async () => {
    await mpDeputy('o-zhangwei', 'dp0001')
    await mpDeputy('o-wangfang', 'dp0002')
    const id = await publishAt22('2026-11-24T12:00:00+08:00')
    // 23:00: she gives them one more day to answer, changing nothing else.
    await moveDeadline(id, monday(23), '2026-11-25T12:00:00+08:00')

    app.clock.set(monday(8, 5, 1))
    await app.liaison.services.dispatcher.drain()

    expect(await notices('dp0001'), 'the words he reads name Wednesday noon, not Tuesday noon').to.deep.equal([
      { status: 'dead', text: invitation('11月24日（星期二）中午12:00'), lastError: MOVED },
      { status: 'sent', text: invitation('11月25日（星期三）中午12:00'), lastError: null },
    ])
    expect(cardsTo('o-zhangwei'), 'told once, not twice').to.have.length(1)
    expect(cardsTo('o-wangfang'), 'told once, not twice').to.have.length(1)
    await sunli.login('sunli', STAFF_PASSWORD)
    const table = (await sunli.get(`/api/admin/meetings/${id}/invitees`)).body
    expect(table.items.map((i: { name: string; notice: { label: string } }) => `${i.name} ${i.notice.label}`)).to.deep.equal(['张伟 已送达', '王芳 已送达'])

    // An hour on, the notice has been read: 提醒未回复 asks both, not "通知没有送达".
    app.clock.set(monday(9, 10, 1))
    await sunli.login('sunli', STAFF_PASSWORD)
    const pressed = await sunli.post(`/api/admin/meetings/${id}/remind`)
    expect(pressed.body, JSON.stringify(pressed.body)).to.deep.include({ reminded: 2, held: null })
  })

  it('sends the first notice when the deadline was moved at 23:00 and back at 23:30, and the other not at all', async () => {
    await mpDeputy('o-zhangwei', 'dp0001')
    const id = await publishAt22('2026-11-24T12:00:00+08:00')
    await moveDeadline(id, monday(23), '2026-11-25T12:00:00+08:00')
    await moveDeadline(id, monday(23, 30), '2026-11-24T12:00:00+08:00')

    app.clock.set(monday(8, 5, 1))
    await app.liaison.services.dispatcher.drain()

    expect(await notices('dp0001')).to.deep.equal([
      { status: 'dead', text: invitation('11月25日（星期三）中午12:00'), lastError: MOVED },
      { status: 'sent', text: invitation('11月24日（星期二）中午12:00'), lastError: null },
    ])
    expect(cardsTo('o-zhangwei'), 'told once').to.have.length(1)
  })

  it('one who had no WeChat when it was published, and binds after the deadline moved, gets the notice with the new deadline', async () => {
    await mpDeputy('o-wangfang', 'dp0002')
    // 张伟 has neither the mini-program nor the bot: his notice is 未能送达 at once, for staff to phone him.
    const id = await publishAt22('2026-11-24T12:00:00+08:00')
    app.clock.set(monday(8, 5, 1))
    await app.liaison.services.dispatcher.drain()
    await moveDeadline(id, monday(9, 0, 1), '2026-11-25T12:00:00+08:00')
    await app.liaison.services.dispatcher.drain()
    // 10:00: he binds at the station; the week's notices go to him after all.
    app.clock.set(monday(10, 0, 1))
    await mpDeputy('o-zhangwei', 'dp0001')
    await app.liaison.services.dispatcher.drain()

    expect(cardsTo('o-zhangwei'), 'he gets the invitation, once').to.have.length(1)
    expect(await notices('dp0001'), 'the one he gets names Wednesday noon; the old one is left, said truly').to.deep.equal([
      { status: 'dead', text: invitation('11月24日（星期二）中午12:00'), lastError: MOVED },
      { status: 'sent', text: invitation('11月25日（星期三）中午12:00'), lastError: null },
    ])
  })
})
