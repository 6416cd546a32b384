import { expect } from 'chai'
import { asAdmin } from '../helpers/app.js'
import { meetingBody } from '../helpers/meetings.js'
import { useCaseStory } from './case-story.js'
import { ask, dispatch, waitFor } from './helpers.js'

/**
 * A reviewer, as Deputy Liu (66), said "是" or "好的" once more around her answer to 孙阿姨 (round 48, R5;
 * bots/flows/deputy-reply-waiting.ts): a second "是" after her answer went got the residents' "好的！有事随时发消息给我们";
 * "好的" to a meeting notice after her answer was dropped or had lapsed said only that, nothing of the meeting; after she
 * had answered the one meeting, "好的" was still asked "答复还是会议". Each story ends with what was stored.
 */
describe('bot: Deputy Liu says yes again after her answer went, was dropped, or beside a meeting', function () {
  this.timeout(120_000)
  const story = useCaseStory({ resident: ['wx-sun', '孙阿姨'] })
  const say = (words: string) => ask(story.bot, story.deputy, words)
  const ANSWER = '已请供电所换了灯泡，今晚就亮'
  const LAMP = '小区北门的路灯不亮了'
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
  /** The meetings are published and their notices reach her chat. */
  const noticesOf = async (...meetings: Array<[title: string, kind: string, days: number]>) => {
    const ids: string[] = []
    for (const [title, kind, days] of meetings) ids.push(await publish(title, kind, days))
    await dispatch(story.app)
    await waitFor(() => story.bot.world.said('张伟').filter((m) => m.startsWith('会议通知：')).length >= ids.length, 'the notices')
    await waitFor(
      async () => (await story.app.liaison.store.outbox.search({ limit: 50, channel: 'bot_private' })).items.every((m) => m.status === 'sent'),
      'sent',
    )
    await story.bot.bot.inbox.settled()
    return ids
  }
  const rsvp = async (id: string) => (await story.app.liaison.store.meetings.invitation(id, { kind: 'deputy', id: 'dp0001' }))!.rsvp

  it('a second "是", "好的" or "收到" just after her answer went says it has gone and nothing more is needed', async () => {
    const lamp = await story.messageReachesZhangWei(story.resident, LAMP)
    await say(`回复 0001 ${ANSWER}`)
    expect(await say('是')).to.include(`已发给留言 ${lamp.ticket}`)

    const gone = `您给留言 ${lamp.ticket}（${LAMP}）的答复刚才已经发给群众了，不用再确认。`
    for (const words of ['是', '好的', '收到']) expect(await say(words), words).to.equal(gone)
    expect(await story.stored(lamp.ticket)).to.include({ reply: ANSWER })
  })

  it('"好的" to a meeting notice after she dropped her answer answers the meeting; nothing goes to 孙阿姨', async () => {
    const lamp = await story.messageReachesZhangWei(story.resident, LAMP)
    await say(`回复 0001 ${ANSWER}`)
    expect(await say('不发了')).to.include('好的，没有发送')
    const [activity] = await noticesOf(['代表小组活动', 'deputy_activity', 3])

    const okay = await say('好的')
    expect(okay).to.include('会议：代表小组活动').and.include('请回复"参加"').and.not.include('没有要发送的答复')
    expect(await say('参加')).to.include('已回复参加：代表小组活动')
    expect(await rsvp(activity)).to.equal('attend')
    expect(await story.stored(lamp.ticket)).to.include({ reply: null })
  })

  it('"好的" to two notices after her answer lapsed lists the meetings numbered, with one line about the answer', async () => {
    const lamp = await story.messageReachesZhangWei(story.resident, LAMP)
    await say(`回复 0001 ${ANSWER}`)
    story.bot.clock.advance(31 * 60_000)
    story.app.clock.advance(31 * 60_000)
    const [activity, training] = await noticesOf(['代表小组活动', 'deputy_activity', 3], ['履职培训班', 'training', 5])

    const okay = await say('好的')
    expect(okay.split('\n')[0]).to.equal(`您写给留言 ${lamp.ticket}（${LAMP}）的答复一直没有确认，没有发出；要发送，请重新发"回复 0001 …"。`)
    expect(okay).to.include('您有 2 个会议等您回复').and.include('1 参加').and.not.include(`回复 0001 ${ANSWER}`)
    expect(await say('2 参加'))
      .to.include('已回复参加：履职培训班')
      .and.not.include('答复')
    expect([await rsvp(activity), await rsvp(training)]).to.deep.equal(['pending', 'attend'])
    expect(await story.stored(lamp.ticket)).to.include({ reply: null })
  })

  it('her "好的" after she answered the one meeting that came sends her answer, as before the notice', async () => {
    const lamp = await story.messageReachesZhangWei(story.resident, LAMP)
    await say(`回复 0001 ${ANSWER}`)
    const [activity] = await noticesOf(['代表小组活动', 'deputy_activity', 3])
    expect(await say('参加'))
      .to.include('已回复参加：代表小组活动')
      .and.include(STILL_WAITS)
    expect(await rsvp(activity)).to.equal('attend')

    expect(await say('好的')).to.include(`已发给留言 ${lamp.ticket}`)
    expect(await story.stored(lamp.ticket)).to.include({ reply: ANSWER })
  })

  it('her "好的" while another meeting still waits for her reply is still asked which she means', async () => {
    const lamp = await story.messageReachesZhangWei(story.resident, LAMP)
    await say(`回复 0001 ${ANSWER}`)
    await noticesOf(['代表小组活动', 'deputy_activity', 3], ['履职培训班', 'training', 5])
    expect(await say('参加')).to.include('要参加的是哪一个')
    expect(await say('1 参加')).to.include('已回复参加：代表小组活动')

    expect(await say('好的')).to.include('还是回复会议')
    expect(await story.stored(lamp.ticket)).to.include({ reply: null })
  })

  it('a bare "1" under her numbered meetings answers the first; her answer keeps waiting and "发吧" sends it', async () => {
    const lamp = await story.messageReachesZhangWei(story.resident, LAMP)
    await say(`回复 0001 ${ANSWER}`)
    const [activity, training] = await noticesOf(['代表小组活动', 'deputy_activity', 3], ['履职培训班', 'training', 5])
    expect(await say('参加')).to.include('要参加的是哪一个')

    const one = await say('1')
    expect(one).to.include('已回复参加：代表小组活动').and.include(STILL_WAITS).and.not.include('没有发出，要发送请再发一次')
    expect([await rsvp(activity), await rsvp(training)]).to.deep.equal(['attend', 'pending'])
    expect(await say('发吧')).to.include(`已发给留言 ${lamp.ticket}`)
    expect(await story.stored(lamp.ticket)).to.include({ reply: ANSWER })
  })

  it('a bare "2" under the list her "好的" brought, her answer written since, asks 参加 or 请假 for it; the answer waits', async () => {
    const lamp = await story.messageReachesZhangWei(story.resident, LAMP)
    const [activity, training] = await noticesOf(['代表小组活动', 'deputy_activity', 3], ['履职培训班', 'training', 5])
    expect(await say('好的')).to.include('您有 2 个会议等您回复')
    await say(`回复 0001 ${ANSWER}`)

    const two = await say('2')
    expect(two).to.include('第 2 个：履职培训班').and.include('要参加，请回复：2 参加').and.include(STILL_WAITS)
    expect(two).to.not.include('要发送请再发一次')
    expect(await say('2 参加'))
      .to.include('已回复参加：履职培训班')
      .and.include(STILL_WAITS)
    expect([await rsvp(activity), await rsvp(training)]).to.deep.equal(['pending', 'attend'])
    expect(await say('发吧')).to.include(`已发给留言 ${lamp.ticket}`)
  })

  it('a bare "1" with no meeting list shown still drops her answer, said with its words', async () => {
    const lamp = await story.messageReachesZhangWei(story.resident, LAMP)
    await say(`回复 0001 ${ANSWER}`)
    expect(await say('1'))
      .to.include(`您刚才写给留言 ${lamp.ticket}`)
      .and.include('没有发出，要发送请再发一次')
    expect(await story.stored(lamp.ticket)).to.include({ reply: null })
  })
})
