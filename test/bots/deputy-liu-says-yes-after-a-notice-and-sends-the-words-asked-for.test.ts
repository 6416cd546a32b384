import { expect } from 'chai'
import { STAFF_PASSWORD } from '../fixtures.js'
import { Client } from '../helpers/app.js'
import { useCaseStory } from './case-story.js'
import { ask, chatNoticesTakenIn } from './helpers.js'

/**
 * Deputy Liu (66) works her 待办 in the chat. The bot offers her a command ready to copy ("…吗？是的话请发送：回复 0001 …");
 * before she answers, a notice about another message reaches her chat (a new message, a 催办), and her "是" is to what she
 * read last. It did the older offered command: answered or accepted a message she was not thinking of. Now nothing is
 * done and she is asked which, each with what to send (and again at a second "是"). And when she typed "回复 1" alone and
 * said "是", the bot asked for her words, and her words alone got the menu: now they are her answer to that message, shown
 * back for her "是". Words that only say "好的", or start with another message's number ("0002 …", "第2条…"), are no
 * answer to it; a notice about another message since then stops her words going to it, said so with what to send.
 */
describe('bot: Deputy Liu says yes after a notice, and sends the words the bot asked for', function () {
  this.timeout(120_000)
  const story = useCaseStory({ resident: ['wx-sun', '孙阿姨'] })
  const say = (words: string) => ask(story.bot, story.deputy, words)
  let first: string
  let second: string

  beforeEach(async () => {
    first = (await story.messageReachesZhangWei(story.resident, '小区北门的路灯不亮了')).ticket
    second = (await story.messageReachesZhangWei(story.bot.world.person('wx-qian', '钱大爷'), '我家楼上漏水，物业不管')).ticket
  })

  const noticesTakenIn = () => chatNoticesTakenIn(story.app, story.bot)

  it('offered "回复 0001 …", then a new message\'s notice: her "是" answers nothing and asks which, each with what to send', async () => {
    await say('待办')
    expect(await say('回复 1 已经联系物业，明天来修')).to.include(`是的话请发送：回复 ${first.slice(-4)} 已经联系物业，明天来修`)
    const third = (await story.messageReachesZhangWei(story.bot.world.person('wx-wang', '王大爷'), '楼下的下水道堵了三天了')).ticket
    await noticesTakenIn()

    const yes = await say('是')
    expect(yes).to.include('刚才来了一条新通知，不知道您说的"是"是对哪一条，所以这次什么都没有办。')
    expect(yes).to.include(`通知里的留言 ${third.slice(-4)}，要受理请发送：受理 ${third.slice(-4)}`)
    expect(yes).to.include(`前面问您的留言 ${first.slice(-4)}，要答复请发送：回复 ${first.slice(-4)} 已经联系物业，明天来修`)
    expect(yes).to.not.include('作为答复')
    expect(await story.stored(first)).to.include({ reply: null })
    expect(await story.stored(third)).to.include({ status: 'assigned' })

    // A second "是" is told again that nothing was done, with both commands: never the residents' "好的！" as if all were well.
    const again = await say('是')
    expect(again).to.include('这次也什么都没有办').and.not.include('要看待办留言')
    expect(again)
      .to.include(`受理 ${third.slice(-4)}`)
      .and.include(`回复 ${first.slice(-4)} 已经联系物业，明天来修`)
    expect(await story.stored(first)).to.include({ reply: null })
    expect(await story.stored(third)).to.include({ status: 'assigned' })
  })

  it('offered "受理 0001", then the station urges 0002: her "好的" accepts neither, and says how to accept each', async () => {
    await say('待办')
    expect(await say('受理 1')).to.include(`是的话请发送：受理 ${first.slice(-4)}`)
    const lina = await new Client(story.app.baseUrl).login('lina', STAFF_PASSWORD)
    const urged = await lina.post(`/api/admin/cases/${(await story.stored(second))!.id}/urge`, { note: '群众又打电话来问了' })
    expect(urged.status, JSON.stringify(urged.body)).to.equal(200)
    await noticesTakenIn()
    expect(
      story.bot.world.said('张伟').some((m) => m.includes('催办') && m.includes(second.slice(-4))),
      'the 催办 notice',
    ).to.equal(true)

    const ok = await say('好的')
    expect(ok)
      .to.include(`受理 ${second.slice(-4)}`)
      .and.include(`受理 ${first.slice(-4)}`)
      .and.not.include('已受理')
    expect(await story.stored(first)).to.include({ status: 'assigned' })
    expect(await story.stored(second)).to.include({ status: 'assigned' })
  })

  it('"回复 1" alone, "是": asked for her words; her words alone are shown back for 0001, and only her "是" sends them', async () => {
    await say('待办')
    expect(await say('回复 1')).to.include(`是的话请发送：回复 ${first.slice(-4)}`)
    const asked = await say('是')
    expect(asked).to.include(`要答复留言 ${first}（小区北门的路灯不亮了），请把您要对群众说的话直接发过来`)

    const shown = await say('已经联系物业，明天来修')
    expect(shown).to.include(`要把这段话作为答复，发给留言 ${first}（小区北门的路灯不亮了）的群众吗？`).and.include('「已经联系物业，明天来修」')
    expect(await story.stored(first)).to.include({ reply: null })
    expect(await say('是')).to.include(`已发给留言 ${first}`)
    expect(await story.stored(first)).to.include({ reply: '已经联系物业，明天来修' })
    expect(await story.stored(second)).to.include({ reply: null })
  })

  it('"回复 0002" alone, "好的", then "回复：…" without a number: those words are the answer to 0002', async () => {
    expect(await say(`回复 ${second.slice(-4)}`)).to.include(`要答复留言 ${second}（我家楼上漏水，物业不管）`)
    expect(await say('好的')).to.include(`请把您要对群众说的话直接发过来（答复留言 ${second.slice(-4)}）`)

    const shown = await say('回复：楼上的水管已经换好了')
    expect(shown).to.include(`发给留言 ${second}（我家楼上漏水，物业不管）的群众吗？`).and.include('「楼上的水管已经换好了」')
    expect(await story.stored(second)).to.include({ reply: null })
  })

  it('asked for her words, she sends "待办" first: her words after it are no answer to that message', async () => {
    await say('待办')
    await say('回复 1')
    await say('是')
    await say('待办')

    expect(await say('已经联系物业，明天来修')).to.not.include(`发给留言 ${first}（`)
    expect(await story.stored(first)).to.include({ reply: null })
  })

  it('asked for her words for 0001, she writes "0002 …" or "第2条…": no answer to 0001, she hears what to send for each', async () => {
    await say(`回复 ${first.slice(-4)}`)
    const numbered = await say(`${second.slice(-4)} 楼上的水管修好了`)
    expect(numbered).to.include('什么都没有发出').and.not.include('作为答复，发给')
    expect(numbered)
      .to.include(`回复 ${second.slice(-4)} 楼上的水管修好了`)
      .and.include(`回复 ${first.slice(-4)} 楼上的水管修好了`)

    await say(`回复 ${first.slice(-4)}`)
    const line = await say('第2条已经修好了')
    expect(line)
      .to.include(`待办第 2 条，留言 ${second.slice(-4)}`)
      .and.not.include('作为答复，发给')
    expect(line).to.include(`回复 ${second.slice(-4)} 已经修好了`)
    expect(await story.stored(first)).to.include({ reply: null })
  })

  it('asked for her words, "好的我知道了" accepts nothing and sends nothing: she is asked for her words again', async () => {
    await say(`回复 ${first.slice(-4)}`)
    const ok = await say('好的我知道了')
    expect(ok)
      .to.include('没有发给群众，也没有受理')
      .and.include(`请把您要对群众说的话直接发过来（答复留言 ${first.slice(-4)}）`)
    expect(ok).to.not.include('已受理')
    expect(await story.stored(first)).to.include({ status: 'assigned', reply: null })

    // Still asked: her next words are that answer.
    expect(await say('路灯已经让供电所来修了')).to.include(`发给留言 ${first}（小区北门的路灯不亮了）的群众吗？`)
  })

  it("asked for her words for 0001, a new message's notice comes, then her words: told they were not sent, with what to send", async () => {
    await say(`回复 ${first.slice(-4)}`)
    const third = (await story.messageReachesZhangWei(story.bot.world.person('wx-wang', '王大爷'), '楼下的下水道堵了三天了')).ticket
    await noticesTakenIn()

    const words = await say('路灯已经让供电所来修了，今晚就亮')
    expect(words).to.include('所以没有发出，群众还没有收到')
    expect(words).to.include(`回复 ${first.slice(-4)} 路灯已经让供电所来修了，今晚就亮`)
    expect(words).to.include(`回复 ${third.slice(-4)} 路灯已经让供电所来修了，今晚就亮`)
    expect(await story.stored(first)).to.include({ reply: null })
  })

  it('asked for her words for 0001, 0001 itself is urged: her words are still her answer to 0001', async () => {
    await say(`回复 ${first.slice(-4)}`)
    const lina = await new Client(story.app.baseUrl).login('lina', STAFF_PASSWORD)
    await lina.post(`/api/admin/cases/${(await story.stored(first))!.id}/urge`, { note: '群众又打电话来问了' })
    await noticesTakenIn()
    expect(story.bot.world.said('张伟').at(-1), 'the 催办 notice').to.include('催办').and.include(first)

    expect(await say('已经联系供电所了，明天来修')).to.include(`发给留言 ${first}（小区北门的路灯不亮了）的群众吗？`)
  })
})
