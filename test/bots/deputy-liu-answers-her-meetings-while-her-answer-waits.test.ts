import { expect } from 'chai'
import { asAdmin } from '../helpers/app.js'
import { meetingBody } from '../helpers/meetings.js'
import { useCaseStory } from './case-story.js'
import { ask, dispatch, waitFor } from './helpers.js'

/**
 * A reviewer lived Deputy Liu's day with her answer shown back for "是" while meeting notices came in
 * (bots/flows/deputy-reply.ts): her "好的" to the notices sent the answer to 孙阿姨 and left both meetings unanswered;
 * "1 参加", "都参加", "2 请假 外出开会" were joined to her answer and would have reached 孙阿姨. Each story ends with what
 * was stored for the message and the meetings.
 */
describe('bot: Deputy Liu answers her meetings while her answer to a resident waits', function () {
  this.timeout(120_000)
  const story = useCaseStory({ resident: ['wx-sun', '孙阿姨'] })
  const say = (words: string) => ask(story.bot, story.deputy, words)
  const ANSWER = '已请供电所换了灯泡，今晚就亮'
  const STILL_WAITS = '您给群众的答复还没有发出，要发送请回复"是"'

  const publish = async (title: string, kind: string, days: number) => {
    const office = await asAdmin(story.app)
    const start = story.app.clock.now().getTime() + days * 86_400_000
    const { body } = await office.post(
      '/api/admin/meetings',
      meetingBody({ title, kind, startAt: new Date(start).toISOString(), endAt: new Date(start + 7_200_000).toISOString() }),
    )
    return (await office.post(`/api/admin/meetings/${body.id}/publish`)).body.id as string
  }
  /** Two meetings are published and their notices reach her chat. */
  const twoMeetingNotices = async () => {
    const ids = [await publish('代表小组活动', 'deputy_activity', 3), await publish('履职培训班', 'training', 5)]
    await dispatch(story.app)
    await waitFor(() => story.bot.world.said('张伟').filter((m) => m.startsWith('会议通知：')).length >= 2, 'both notices')
    await waitFor(
      async () => (await story.app.liaison.store.outbox.search({ limit: 50, channel: 'bot_private' })).items.every((m) => m.status === 'sent'),
      'sent',
    )
    await story.bot.bot.inbox.settled()
    return ids
  }
  const rsvp = async (id: string) => (await story.app.liaison.store.meetings.invitation(id, { kind: 'deputy', id: 'dp0001' }))!.rsvp

  it('her "好的" to notices that came after her answer was shown back asks which she means; nothing is sent', async () => {
    const lamp = await story.messageReachesZhangWei(story.resident, '小区北门的路灯不亮了')
    await say(`回复 0001 ${ANSWER}`)
    // The notices reach her chat only after the answer was shown back.
    const [activity, training] = await twoMeetingNotices()

    expect(await say('好的')).to.equal(
      `您是要把答复发给留言 ${lamp.ticket}（小区北门的路灯不亮了）的群众，还是回复会议？发答复请回复"是"；回复会议请回复"参加"或"请假 原因"。`,
    )
    expect(await story.stored(lamp.ticket)).to.include({ reply: null })

    expect(await say('参加'))
      .to.include('要参加的是哪一个')
      .and.include(STILL_WAITS)
    const both = await say('都参加')
    expect(both).to.include('已回复参加 2 个会议').and.include(STILL_WAITS)
    expect([await rsvp(activity), await rsvp(training)]).to.deep.equal(['attend', 'attend'])

    expect(await say('是')).to.include(`已发给留言 ${lamp.ticket}`)
    expect(await story.stored(lamp.ticket)).to.include({ reply: ANSWER })
  })

  it('"1 参加" and "都参加" under the numbered list answer the meetings, never join her answer, which "是" sends as written', async () => {
    const lamp = await story.messageReachesZhangWei(story.resident, '小区北门的路灯不亮了')
    const [activity, training] = await twoMeetingNotices()
    expect(await say('好的')).to.include('1 参加')
    await say(`回复 0001 ${ANSWER}`)

    const one = await say('1 参加')
    expect(one).to.include('已回复参加：代表小组活动').and.include(STILL_WAITS).and.not.include('接在答复后面')
    expect(await rsvp(activity)).to.equal('attend')
    const all = await say('都参加')
    expect(all).to.include('已回复参加：履职培训班').and.include(STILL_WAITS).and.not.include('接在答复后面')
    expect(await rsvp(training)).to.equal('attend')

    expect(await say('是')).to.include(`已发给留言 ${lamp.ticket}`)
    expect(await story.stored(lamp.ticket)).to.include({ reply: ANSWER })
  })

  it('"2 请假 外出开会" and "第二个参加" while her answer waits are never joined to it', async () => {
    const lamp = await story.messageReachesZhangWei(story.resident, '小区北门的路灯不亮了')
    await twoMeetingNotices()
    await say(`回复 0001 ${ANSWER}`)

    for (const words of ['2 请假 外出开会', '第二个参加']) {
      const said = await say(words)
      expect(said, words).to.include(STILL_WAITS).and.not.include('接在答复后面')
    }

    expect(await say('是')).to.include(`「${ANSWER}」`)
    expect(await story.stored(lamp.ticket)).to.include({ reply: ANSWER })
  })
})
