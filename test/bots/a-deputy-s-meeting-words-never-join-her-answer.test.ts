import { expect } from 'chai'
import { asAdmin } from '../helpers/app.js'
import { meetingBody } from '../helpers/meetings.js'
import { useCaseStory } from './case-story.js'
import { ask, dispatch, waitFor } from './helpers.js'

/**
 * A reviewer, as Ms. Zhou, wrote her answer to a resident and, while it waited for her "是", a meeting notice came
 * and she said "去" (round 51; bots/flows/deputy-reply-waiting.ts). "去" was joined to her answer, her "是" sent
 * "去了现场，已经修好了，去" to the resident, and the meeting stayed unanswered; "看情况" did the same. Now her meeting
 * words are never joined while a meeting waits for her reply: she is asked which she means, nothing sent or recorded.
 * With no meeting waiting, her words join the answer as before.
 */
describe("bot: a deputy's meeting words never join her answer to a resident", function () {
  this.timeout(120_000)
  const story = useCaseStory({ resident: ['wx-sun', '孙阿姨'] })
  const say = (words: string) => ask(story.bot, story.deputy, words)
  const ANSWER = '去了现场，已经修好了'
  const LAMP = '路灯坏了好几天了'
  const STILL_WAITS = '您给群众的答复还没有发出，要发送请回复"是"'
  const which = (ticket: string) => `您是要把答复发给留言 ${ticket}（${LAMP}）的群众，还是回复会议？发答复请回复"是"；回复会议请回复"参加"或"请假 原因"。`
  const asked = (words: string, ticket: string) =>
    [`「${words}」没有接在答复后面。`, which(ticket), '要把这句话加进答复，请重新发"回复 0001 …"，写上整段答复。'].join('\n')

  /** The meeting is published and its notice reaches her chat. */
  const noticeOf = async (title = '代表小组活动') => {
    const office = await asAdmin(story.app)
    const start = story.app.clock.now().getTime() + 3 * 86_400_000
    const { body } = await office.post(
      '/api/admin/meetings',
      meetingBody({ title, kind: 'deputy_activity', startAt: new Date(start).toISOString(), endAt: new Date(start + 7_200_000).toISOString() }),
    )
    const id = (await office.post(`/api/admin/meetings/${body.id}/publish`)).body.id as string
    await dispatch(story.app)
    await waitFor(() => story.bot.world.said('张伟').some((m) => m.startsWith('会议通知：')), 'the notice')
    await waitFor(
      async () => (await story.app.liaison.store.outbox.search({ limit: 50, channel: 'bot_private' })).items.every((m) => m.status === 'sent'),
      'sent',
    )
    await story.bot.bot.inbox.settled()
    return id
  }
  const rsvp = async (id: string) => (await story.app.liaison.store.meetings.invitation(id, { kind: 'deputy', id: 'dp0001' }))!.rsvp

  for (const words of ['去', '看情况', '还是去吧', '尽量参加']) {
    it(`"${words}" after a notice, her answer shown back, asks which she means; her "是" then sends the answer alone`, async () => {
      const lamp = await story.messageReachesZhangWei(story.resident, LAMP)
      await say(`回复 0001 ${ANSWER}`)
      const meeting = await noticeOf()

      expect(await say(words)).to.equal(asked(words, lamp.ticket))
      expect(await story.stored(lamp.ticket), 'nothing sent').to.include({ reply: null })
      expect(await rsvp(meeting), 'nothing recorded').to.equal('pending')

      expect(await say('是')).to.include(`已发给留言 ${lamp.ticket}（${LAMP}）的群众：「${ANSWER}」`)
      expect(await story.stored(lamp.ticket)).to.include({ reply: ANSWER })
    })
  }

  it('words joined after the notice, then "去": asked, not joined; "参加" answers the meeting and the answer still waits', async () => {
    const lamp = await story.messageReachesZhangWei(story.resident, LAMP)
    await say(`回复 0001 ${ANSWER}`)
    const meeting = await noticeOf()
    expect(await say('灯泡也换了新的')).to.include('已把这句话接在答复后面')

    expect(await say('去')).to.equal(asked('去', lamp.ticket))
    expect(await say('参加'))
      .to.include('已回复参加：代表小组活动')
      .and.include(STILL_WAITS)
    expect(await rsvp(meeting)).to.equal('attend')
    expect(await say('是')).to.include(`已发给留言 ${lamp.ticket}`)
    expect(await story.stored(lamp.ticket)).to.include({ reply: `${ANSWER}，灯泡也换了新的` })
  })

  it('"不去了" asks her reason; her reason "家里有事" is asked about, never joined; "请假 家里有事" records it', async () => {
    const lamp = await story.messageReachesZhangWei(story.resident, LAMP)
    await say(`回复 0001 ${ANSWER}`)
    const meeting = await noticeOf()
    expect(await say('不去了'))
      .to.include('请写明请假原因')
      .and.include(STILL_WAITS)

    expect(await say('家里有事')).to.equal(asked('家里有事', lamp.ticket))
    expect(await rsvp(meeting), 'nothing recorded').to.equal('pending')
    expect(await say('请假 家里有事'))
      .to.include('已为您请假：代表小组活动')
      .and.include(STILL_WAITS)
    expect(await rsvp(meeting)).to.equal('leave')
    expect(await say('是')).to.include(`已发给留言 ${lamp.ticket}`)
    expect(await story.stored(lamp.ticket)).to.include({ reply: ANSWER })
  })

  it('the notice before she wrote her answer, the meeting unanswered: "去" is asked about too', async () => {
    const lamp = await story.messageReachesZhangWei(story.resident, LAMP)
    const meeting = await noticeOf()
    await say(`回复 0001 ${ANSWER}`)

    expect(await say('去')).to.equal(asked('去', lamp.ticket))
    expect(await rsvp(meeting)).to.equal('pending')
    expect(await story.stored(lamp.ticket)).to.include({ reply: null })
  })

  it('a bare "是" after a notice came while her answer waits still asks which; her "是" again sends it', async () => {
    const lamp = await story.messageReachesZhangWei(story.resident, LAMP)
    await say(`回复 0001 ${ANSWER}`)
    const meeting = await noticeOf()

    expect(await say('是')).to.equal(which(lamp.ticket))
    expect(await story.stored(lamp.ticket)).to.include({ reply: null })
    expect(await say('是')).to.include(`已发给留言 ${lamp.ticket}`)
    expect(await rsvp(meeting)).to.equal('pending')
  })

  it('with no meeting waiting, "我去看看" joins her answer as before', async () => {
    const lamp = await story.messageReachesZhangWei(story.resident, LAMP)
    await say(`回复 0001 ${ANSWER}`)
    expect(await say('我去看看'))
      .to.include('已把这句话接在答复后面')
      .and.include(`「${ANSWER}，我去看看」`)
    expect(await say('是')).to.include(`已发给留言 ${lamp.ticket}`)
    expect(await story.stored(lamp.ticket)).to.include({ reply: `${ANSWER}，我去看看` })
  })

  it('asked for her words to 0001 after a notice, her "去" answers the meeting and is never shown back as the answer', async () => {
    const lamp = await story.messageReachesZhangWei(story.resident, LAMP)
    const meeting = await noticeOf()
    expect(await say('回复 0001')).to.include('请把您要对群众说的话直接发过来')

    expect(await say('去'))
      .to.include('已回复参加：代表小组活动')
      .and.not.include('发出前')
    expect(await rsvp(meeting)).to.equal('attend')
    expect(await say('是'), 'her 是 sends nothing to the resident').not.to.include('已发给留言')
    expect(await story.stored(lamp.ticket)).to.include({ reply: null })
  })
})
