import { expect } from 'chai'
import { DIGEST_JOB } from '../../src/jobs/digest-job.js'
import { asAdmin } from '../helpers/app.js'
import { meetingBody } from '../helpers/meetings.js'
import { useCaseStory } from './case-story.js'
import { ask, dispatch, waitFor } from './helpers.js'

/**
 * A reviewer, as Deputy Liu (66), typed "回复 1 …" and was offered the command with "是的话请发送：回复 0001 …" (round 49,
 * R6; bots/flows/deputy-numbers.ts). She answered "是", as the question asked, and read the residents' "好的！有事随时发消息给
 * 我们": nothing went, and she believed she had answered. Within minutes of another answer, that "是" was told the earlier
 * answer "刚才已经发给群众了"; after a meeting was shown, the same. Now her yes does what the offered command does (an answer is
 * shown back, and only her next "是" sends it), and a deputy's "是" with nothing going on never offers the residents' numbers.
 */
describe('bot: Deputy Liu says yes to the command the bot offered her', function () {
  this.timeout(120_000)
  const story = useCaseStory({ resident: ['wx-sun', '孙阿姨'] })
  const say = (words: string) => ask(story.bot, story.deputy, words)
  const RESIDENTS_NUMBERS = '留言请回复 1'
  let first: string
  let second: string

  beforeEach(async () => {
    first = (await story.messageReachesZhangWei(story.resident, '小区北门的路灯不亮了')).ticket
    second = (await story.messageReachesZhangWei(story.bot.world.person('wx-qian', '钱大爷'), '我家楼上漏水，物业不管')).ticket
  })

  it('"是" to "是的话请发送：回复 0001 …" shows her answer back; only her next "是" sends it', async () => {
    await say('待办')
    expect(await say('回复 1 已经联系物业，明天来修')).to.include(`是的话请发送：回复 ${first.slice(-4)} 已经联系物业，明天来修`)

    const yes = await say('是')
    expect(yes).to.include(`要把这段话作为答复，发给留言 ${first}（小区北门的路灯不亮了）的群众吗？`)
    expect(yes).to.include('「已经联系物业，明天来修」').and.not.include(RESIDENTS_NUMBERS)
    expect(await story.stored(first)).to.include({ reply: null })

    expect(await say('是')).to.include(`已发给留言 ${first}`)
    expect(await story.stored(first)).to.include({ reply: '已经联系物业，明天来修' })
    expect(await story.stored(second)).to.include({ reply: null })
  })

  it('"是" to "回复 0001 好的我去看看" does what that command does: she reads that it did not go as an answer', async () => {
    await say('待办')
    await say('回复 1 好的我去看看')

    const yes = await say('是')
    expect(yes).to.include(`已受理留言 ${first}`).and.include('没有作为答复发给群众').and.not.include(RESIDENTS_NUMBERS)
    expect(await story.stored(first)).to.include({ reply: null })
  })

  it('just after another answer went, "是" to the offer is for the new message, never "已经发给群众了"', async () => {
    await say('待办')
    await say(`回复 ${first.slice(-4)} 已经联系物业，今天修好`)
    expect(await say('是')).to.include(`已发给留言 ${first}`)
    await say('回复 2 已经找了维修工，明天上门')

    const yes = await say('是')
    expect(yes).to.include(`发给留言 ${second}（我家楼上漏水，物业不管）的群众吗？`).and.not.include('刚才已经发给群众了')
    expect(await say('是')).to.include(`已发给留言 ${second}`)
    expect(await story.stored(second)).to.include({ reply: '已经找了维修工，明天上门' })
  })

  it('just after another answer went, words after the offer are read for the new message, not as more of the one that went', async () => {
    await say('待办')
    await say(`回复 ${first.slice(-4)} 已经联系物业，今天修好`)
    expect(await say('是')).to.include(`已发给留言 ${first}`)
    expect(await say('回复 2 已经找了维修工，明天上门')).to.include('是的话请发送')

    const words = await say('维修工已经修好了')
    expect(words)
      .to.include(`请发送：回复 ${second.slice(-4)} 维修工已经修好了`)
      .and.not.include('刚才已经发出')
  })

  it('"是" to "是要答复留言 0002（…）吗？请发送：回复 0002 …" shows that answer back', async () => {
    await say(`回复 ${first.slice(-4)} 已经联系物业，今天修好`)
    expect(await say('是')).to.include(`已发给留言 ${first}`)
    story.bot.clock.advance(11 * 60_000)
    story.app.clock.advance(11 * 60_000)
    expect(await say('漏水已经修好了')).to.include(`请发送：回复 ${second.slice(-4)} 漏水已经修好了`)

    expect(await say('是')).to.include(`发给留言 ${second}（我家楼上漏水，物业不管）的群众吗？`)
    expect(await story.stored(second)).to.include({ reply: null })
  })

  it('another message between the offer and "是" ends the offer: nothing is shown back or sent', async () => {
    await say('待办')
    await say('回复 1 已经联系物业，明天来修')
    await say('待办')

    expect(await say('是')).to.not.include('作为答复')
    expect(await story.stored(first)).to.include({ reply: null })
  })

  it('after her answer went and a meeting was shown, "是" is about the meeting, not the answer', async () => {
    await say(`回复 ${first.slice(-4)} 已经修好`)
    expect(await say('是')).to.include(`已发给留言 ${first}`)
    const office = await asAdmin(story.app)
    const start = story.app.clock.now().getTime() + 3 * 86_400_000
    const { body } = await office.post(
      '/api/admin/meetings',
      meetingBody({ title: '代表小组活动', kind: 'deputy_activity', startAt: new Date(start).toISOString(), endAt: new Date(start + 7_200_000).toISOString() }),
    )
    await office.post(`/api/admin/meetings/${body.id}/publish`)
    await dispatch(story.app)
    await waitFor(() => story.bot.world.said('张伟').some((m) => m.startsWith('会议通知：')), 'the notice')
    await story.bot.bot.inbox.settled()
    expect(await say('好的')).to.include('会议：代表小组活动')

    const yes = await say('是')
    expect(yes).to.include('会议：代表小组活动').and.include('请回复"参加"').and.not.include('刚才已经发给群众了')
    expect(await say('参加')).to.include('已回复参加：代表小组活动')
  })

  it('her "是" with nothing going on is answered as a deputy: her next "1" opens nothing of a resident', async () => {
    const yes = await say('是')
    expect(yes).to.include('要看待办留言，请发送"待办"').and.include('请发送"留言"').and.not.include(RESIDENTS_NUMBERS)
    expect(await say('1')).to.not.include('个人信息保护说明')
  })
  /** A meeting published now, its notice pushed to her chat and handled. */
  async function meetingNoticeArrives(title = '代表小组活动') {
    const office = await asAdmin(story.app)
    const start = story.app.clock.now().getTime() + 3 * 86_400_000
    const { body } = await office.post(
      '/api/admin/meetings',
      meetingBody({ title, kind: 'deputy_activity', startAt: new Date(start).toISOString(), endAt: new Date(start + 7_200_000).toISOString() }),
    )
    await office.post(`/api/admin/meetings/${body.id}/publish`)
    await dispatch(story.app)
    await waitFor(() => story.bot.world.said('张伟').some((m) => m.startsWith('会议通知：') && m.includes(title)), 'the notice')
    await story.bot.bot.inbox.settled()
    return body.id as string
  }

  // R7: with the offer live, a quoted notice and "好的" accepted the OFFERED message, not the one she quoted.
  it('offered "受理 0001", she quotes the notice of 0002 and writes "好的": 0002 is accepted, 0001 is not', async () => {
    await say('待办')
    expect(await say('受理 1')).to.include(`是的话请发送：受理 ${first.slice(-4)}`)
    const notice = story.bot.world.said('张伟').find((m) => m.includes(second))!
    const said = await say(`「联络站小助手：${notice}」\n- - - - - - - - - - - - - - -\n好的`)
    expect(said).to.include(`已受理留言 ${second}`).and.not.include(`已受理留言 ${first}`)
    expect(await story.stored(first)).to.include({ status: 'assigned' })
  })

  // R7: a meeting notice came after the offer; her "好的" was to the meeting, and accepted 0001 instead.
  it('offered "受理 0001", then a meeting notice arrives: her "好的" is to the meeting, 0001 stays unaccepted', async () => {
    await say('待办')
    await say('受理 1')
    await meetingNoticeArrives()
    const said = await say('好的')
    expect(said).to.include('代表小组活动').and.not.include(`已受理留言 ${first}`)
    expect(await story.stored(first)).to.include({ status: 'assigned' })
  })

  it('offered "回复 0001 …", then she sends a photo: her "是" after it shows no answer back', async () => {
    await say('待办')
    await say('回复 1 已经联系物业，明天来修')
    const handled = story.bot.bot.inbox.handled
    story.bot.world.emit(story.deputy, story.bot.world.self, '', { type: 6 as never }) // a photo (wechaty's Message.Image)
    await waitFor(() => story.bot.bot.inbox.handled > handled, 'the photo handled')
    await story.bot.bot.inbox.settled()
    expect(await say('是')).to.not.include('要把这段话作为答复')
    expect(await story.stored(first)).to.include({ reply: null })
  })
  // R7: her meetings listed numbered, then her morning digest with its numbered 待办: "1" recorded 参加 for the first meeting.
  it('meetings listed, then her morning digest: "1" is line 1 of the digest, no meeting answered', async () => {
    const first = await meetingNoticeArrives('代表小组活动')
    const other = await meetingNoticeArrives('视察活动')
    expect(await say('参加')).to.include('视察活动')
    // 08:00:01 in Shanghai: the job makes no digest before its send time.
    story.app.clock.set(new Date(Math.ceil(story.app.clock.now().getTime() / 86_400_000) * 86_400_000 + 1000))
    await story.app.liaison.jobs.find((j) => j.name === DIGEST_JOB)!.run()
    await dispatch(story.app)
    await waitFor(() => story.bot.world.said('张伟').some((m) => m.includes('今日摘要')), 'her digest')
    await waitFor(async () => (await story.bot.bot.client.dialogue(story.deputy.id)).state?.todoShownAt !== undefined, 'the digest seen as her list')

    expect(await say('1'))
      .to.include('待办第 1 条')
      .and.not.include('已回复参加')
    for (const id of [first, other]) expect((await story.app.liaison.store.meetings.invitation(id, { kind: 'deputy', id: 'dp0001' }))!.rsvp).to.equal('pending')
  })
})
