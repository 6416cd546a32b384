import { expect } from 'chai'
import { useCaseStory } from './case-story.js'
import { ask, dispatch, waitFor, type Person } from './helpers.js'

/**
 * A reviewer, as Deputy Liu (66, a retired teacher), answered in the chat and found her words reaching a resident
 * wrongly: "回复 0001 …" the day after went to the new 0001 of another resident; a question written under a quoted notice
 * went as the final answer; the bot's own "回复 0001 再写上办理结果" went as it was; an answer typed in two messages lost its
 * second half. Now her answer is shown back, naming the message in full with the resident's first words, and only her
 * "是" sends it (bots/flows/deputy-reply.ts). Each story ends with what the right resident has, or that nothing went.
 */
describe('bot: a deputy’s answer goes only to the resident she says "是" for, whole', function () {
  this.timeout(90_000)
  const story = useCaseStory({ resident: ['wx-sun', '孙阿姨'] })
  const say = (words: string) => ask(story.bot, story.deputy, words)
  const quoting = (notice: string, words: string) => `「联络站小助手：${notice}」\n- - - - - - - - - - - - - - -\n${words}`
  /**
   * Everything a resident's chat has said, once the backend has routed what it holds for her. What an answer never
   * reached the backend with cannot come later: the stored message, checked beside it, has no answer.
   */
  const heardBy = async (who: Person) => {
    await dispatch(story.app)
    await story.bot.bot.inbox.settled()
    return story.bot.world.said(who.payload.name).join('\n----\n')
  }
  /** The answer notice reaching a resident with these words in it. */
  const answerReaches = async (who: Person, words: string) => {
    await dispatch(story.app)
    return waitFor(() => story.bot.world.said(who.payload.name).find((m) => m.includes('有答复了') && m.includes(words)), `the answer "${words}"`)
  }
  const aDayPasses = () => {
    story.app.clock.advance(24 * 3_600_000)
    story.bot.clock.advance(24 * 3_600_000)
  }

  it('the day after answering 孙阿姨’s 0001, "回复 0001 …" names 钱大爷’s new 0001 and says it is not the one she answered; "不" sends nothing', async () => {
    const lamp = await story.messageReachesZhangWei(story.resident, '小区北门的路灯不亮了')
    expect(await say('回复 0001 已请供电所换了灯泡，今晚就亮')).to.include(`发给留言 ${lamp.ticket}（小区北门的路灯不亮了）的群众吗？`)
    expect(await say('是')).to.include(`已发给留言 ${lamp.ticket}（小区北门的路灯不亮了）的群众`)

    aDayPasses()
    const qian = story.bot.world.person('wx-qian', '钱大爷')
    const roof = await story.messageReachesZhangWei(qian, '我家楼上漏水，物业不管')
    expect(roof.ticket.slice(-4), 'numbered afresh: the same four digits').to.equal('0001')
    expect(await say('回复 0001 另外供电所说周五再来检查一次')).to.equal(
      [
        `要把这段话作为答复，发给留言 ${roof.ticket}（我家楼上漏水，物业不管）的群众吗？`,
        '「另外供电所说周五再来检查一次」',
        `注意：这是今天的留言，不是您昨天答复过的 ${lamp.ticket}（小区北门的路灯不亮了）。`,
        '发出后不能再改，群众会收到并为办理结果打分。',
        '发送请回复"是"；要改，直接重新发"回复 0001 …"；不发了请回复"不"。',
      ].join('\n'),
    )
    expect(await say('不')).to.include('没有发送')

    expect(await heardBy(qian), '钱大爷 has no answer about a lamp').not.to.include('供电所')
    expect(await story.stored(roof.ticket)).to.include({ reply: null })
    await answerReaches(story.resident, '已请供电所换了灯泡，今晚就亮')
    expect(await heardBy(story.resident)).not.to.include('周五再来检查')
  })

  it('a question written under a quoted notice is shown back as looking like a question, and nothing reaches 孙阿姨 without "是"', async () => {
    const lamp = await story.messageReachesZhangWei(story.resident, '小区北门的路灯不亮了，晚上老人出门看不见')
    const shown = await say(quoting(lamp.notice, '这个是归供电所管还是物业管？'))
    expect(shown)
      .to.include(`发给留言 ${lamp.ticket}（小区北门的路灯不亮了，晚上老人出门看不见）的群众吗？`)
      .and.include('「这个是归供电所管还是物业管？」')
      .and.include('这句话像是在问问题。群众会把它当作答复。')
    // She turns to her list instead: the answer still waits, and she is told so.
    expect(await say('待办')).to.include('答复还没有发出')
    expect(await say('不')).to.include('没有发送')

    expect(await heardBy(story.resident), '孙阿姨 is never asked to rate a question').not.to.include('有答复了')
    expect(await story.stored(lamp.ticket)).to.include({ reply: null })
  })

  it('every example line the bot gives her, copied as written, is refused as an answer ("再写上答复", "答复内容", "再写上原因")', async () => {
    const lamp = await story.messageReachesZhangWei(story.resident, '小区北门的路灯不亮了')
    const acknowledged = await say('回复 0001 收到，马上安排')
    const examples = [acknowledged, lamp.notice, await say('待办'), await say('帮助')].flatMap((text) =>
      [...text.matchAll(/(?:回复|交回|转交) 0001 (?:再写上[^，。\s]+|答复内容|原因|代表的名字)/g)].map((m) => m[0]),
    )
    expect(examples, 'the lines she reads').to.include.members(['回复 0001 再写上答复', '回复 0001 答复内容'])
    for (const line of [...new Set(examples), '回复 0001 再写上办理结果', '交回 0001 再写上原因']) {
      const said = await say(line)
      expect(said, line).to.match(/^请把".+"换成/)
      expect(said, line).not.to.include('发给留言')
    }
    expect(await heardBy(story.resident))
      .not.to.include('有答复了')
      .and.not.include('再写上')
    expect(await story.stored(lamp.ticket)).to.include({ status: 'acknowledged', reply: null })
  })

  it('an answer typed in two messages is shown back whole and reaches 孙阿姨 whole after "是"', async () => {
    const lamp = await story.messageReachesZhangWei(story.resident, '小区北门的路灯不亮了')
    expect(await say('回复 0001 已经联系了供电所')).to.include('「已经联系了供电所」')
    const whole = await say('他们说周五来修，请您放心')
    expect(whole).to.include('已把这句话接在答复后面。').and.include('「已经联系了供电所，他们说周五来修，请您放心」')
    expect(await say('是')).to.include(`已发给留言 ${lamp.ticket}`)

    await answerReaches(story.resident, '已经联系了供电所，他们说周五来修，请您放心')
    expect(await story.stored(lamp.ticket)).to.include({ status: 'replied', reply: '已经联系了供电所，他们说周五来修，请您放心' })
  })

  it('an answer left half an hour is said not sent, and her late "是" sends nothing', async () => {
    const lamp = await story.messageReachesZhangWei(story.resident, '小区北门的路灯不亮了')
    await say('回复 0001 已请供电所换了灯泡，今晚就亮')
    story.bot.clock.advance(31 * 60_000)
    expect(await say('是')).to.include(`您写给留言 ${lamp.ticket}（小区北门的路灯不亮了）的答复一直没有确认，没有发出。`)
    expect(await heardBy(story.resident)).not.to.include('有答复了')
    expect(await story.stored(lamp.ticket)).to.include({ reply: null })
  })
})
