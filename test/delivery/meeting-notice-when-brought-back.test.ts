import { expect } from 'chai'
import { asAdmin } from '../helpers/app.js'
import { publishMeeting, QINGGONG_RECEPTION_DAY } from '../helpers/meetings.js'
import { STAFF_PASSWORD } from '../fixtures.js'
import { monday, useOvernightMeeting } from './overnight-meeting.js'

/** What 张伟 reads of the 轻工 reception day's notice, the time as it is said (spokenMeetingTime). */
const NOTICE = (when: string) =>
  `会议通知：轻工街道代表联络站11月接待日（接待日），时间 ${when}，地点 轻工街道代表联络站。请在${when.replace(/至.*$/, '')}前回复"参加"，或"请假 原因"。到会场后，请打开微信“扫一扫”，扫会场张贴的签到二维码签到。`
const FRIDAY = '11月27日（星期五）上午9:00至上午11:30'
const SATURDAY = '11月28日（星期六）上午9:00至上午11:30'

/**
 * 轻工街道代表联络站's reception day (Friday 11月27日) invites its deputies. 张伟 is moved to 马庄街道代表联络站 and back,
 * or named again by 孙丽 (增加参会人员), while his 会议通知 is held for the morning (quiet hours), after it was dropped
 * because he was marked 已调到…, or after the meeting moved while he was away. Whichever way he comes back onto the
 * list, he reads one 会议通知 that says the meeting as it is: none lost, none twice.
 */
describe('a deputy brought back onto a meeting list is told of it once', function () {
  this.timeout(60_000)
  const story = useOvernightMeeting()
  const { mpDeputy } = story

  /** What reached his phone: each card's text (the notice's words). */
  const cardsTo = (openid: string) => story.app.fake.sent().filter((m) => m.touser === openid && m.data.thing1.value.startsWith('会议'))
  const noticeTexts = async (meetingId: string) =>
    (await story.app.liaison.store.outbox.search({ limit: 20, kind: 'meeting.notice', recipientId: 'dp0001' })).items
      .filter((m) => (m.payload as { meetingId: string }).meetingId === meetingId && m.status === 'sent')
      .map((m) => (m.payload as { text: string }).text)
  async function publishAt(at: Date) {
    story.app.clock.set(at)
    const { id } = await publishMeeting(await story.sunli.login('sunli', STAFF_PASSWORD), QINGGONG_RECEPTION_DAY)
    await story.app.liaison.services.dispatcher.drain()
    return id
  }
  async function moveZhang(at: Date, stationId: string) {
    story.app.clock.set(at)
    const moved = await (await asAdmin(story.app)).patch('/api/admin/deputies/dp0001', { stationIds: [stationId] })
    expect(moved.status, JSON.stringify(moved.body)).to.equal(200)
    return moved.body
  }
  async function morning() {
    story.app.clock.set(monday(8, 5, 1))
    await story.app.liaison.services.dispatcher.drain()
  }
  const table = async (id: string) => {
    await story.sunli.login('sunli', STAFF_PASSWORD)
    const body = (await story.sunli.get(`/api/admin/meetings/${id}/invitees`)).body
    return Object.fromEntries(
      body.items.map((i: { name: string; rsvpLabel: string; notice: { label: string } }) => [i.name, `${i.rsvpLabel} ${i.notice.label}`]),
    )
  }

  it('named again by the organizer while his first notice is held for the morning: that one goes, and no second', async () => {
    await mpDeputy('o-zhangwei', 'dp0001')
    const id = await publishAt(monday(22))
    expect((await moveZhang(monday(22, 10), 'st002')).meetingsWithdrawn).to.equal(1)
    story.app.clock.set(monday(22, 20))
    await story.sunli.login('sunli', STAFF_PASSWORD)
    const named = await story.sunli.post(`/api/admin/meetings/${id}/invitees`, { selector: { deputyIds: ['dp0001'] } })
    expect(named.status, JSON.stringify(named.body)).to.equal(200)
    expect(named.body.added.map((i: { name: string }) => i.name)).to.deep.equal(['张伟'])

    await morning()
    expect(cardsTo('o-zhangwei'), 'one 会议通知 on his phone').to.have.length(1)
    expect(await noticeTexts(id)).to.deep.equal([NOTICE(FRIDAY)])
    expect((await table(id))['张伟']).to.equal('未回复 已送达')
  })

  it('back at the station after his notice was dropped while he was marked: he is sent it then, once', async () => {
    await mpDeputy('o-zhangwei', 'dp0001')
    const id = await publishAt(monday(22))
    await moveZhang(monday(22, 10), 'st002')
    await morning()
    expect(cardsTo('o-zhangwei'), 'not his meeting at 08:05').to.deep.equal([])

    // 09:00: the move is undone (he had been put at the wrong station).
    const back = await moveZhang(monday(9, 0, 1), 'st001')
    expect(back.meetingsWithdrawn).to.equal(0)
    await story.app.liaison.services.dispatcher.drain()
    expect(cardsTo('o-zhangwei'), 'told of it now').to.have.length(1)
    expect(await noticeTexts(id)).to.deep.equal([NOTICE(FRIDAY)])
    expect((await table(id))['张伟']).to.equal('未回复 已送达')

    // The hourly maintenance run finds nothing more to tell him.
    story.app.clock.set(monday(10, 0, 1))
    const job = story.app.liaison.jobs.find((j) => j.name === 'maintenance')!
    expect(((await job.run()) as { meetingLists: unknown }).meetingLists).to.deep.equal({ marked: 0, cleared: 0, joined: 0 })
    await story.app.liaison.services.dispatcher.drain()
    expect(cardsTo('o-zhangwei'), 'still once').to.have.length(1)
  })

  it('back after the meeting moved to Saturday while he was away: told of Saturday; back with nothing changed: not told twice', async () => {
    await mpDeputy('o-zhangwei', 'dp0001')
    const id = await publishAt(monday(10))
    expect(await noticeTexts(id), 'his notice on Monday morning').to.deep.equal([NOTICE(FRIDAY)])

    // Away and back with nothing changed meanwhile: he knows the meeting as it is.
    await moveZhang(monday(11), 'st002')
    await moveZhang(monday(11, 30), 'st001')
    await story.app.liaison.services.dispatcher.drain()
    expect(cardsTo('o-zhangwei'), 'not told twice').to.have.length(1)

    // Away again; 孙丽 moves the day to Saturday (the others are told of the change, he is not on the list).
    await moveZhang(monday(14), 'st002')
    story.app.clock.set(monday(15))
    await story.sunli.login('sunli', STAFF_PASSWORD)
    const edited = await story.sunli.patch(`/api/admin/meetings/${id}`, { startAt: '2026-11-28T09:00:00+08:00', endAt: '2026-11-28T11:30:00+08:00' })
    expect(edited.status, JSON.stringify(edited.body)).to.equal(200)
    await story.app.liaison.services.dispatcher.drain()
    expect(cardsTo('o-zhangwei')).to.have.length(1)

    await moveZhang(monday(16), 'st001')
    await story.app.liaison.services.dispatcher.drain()
    expect(cardsTo('o-zhangwei'), 'told of Saturday').to.have.length(2)
    expect(await noticeTexts(id)).to.deep.equal([NOTICE(FRIDAY), NOTICE(SATURDAY)])
  })
})
