import { expect } from 'chai'
import { useCaseStory } from './case-story.js'
import { ask, dispatch, waitFor, type Person } from './helpers.js'

/**
 * A reviewer lived Deputy Liu's day through the shown-back answer (bots/flows/deputy-reply.ts): "不要发" was joined to
 * her answer and her next "是" sent it; "回复 0001 是" sent the word "是"; "没问题" dropped it and she got the residents'
 * menu; past half an hour her added words were lost under the whole help; words after "是" went nowhere unsaid. Each
 * story ends with what 孙阿姨 received, or that nothing reached her.
 */
describe('bot: Deputy Liu’s stop, yes and added words to her shown-back answer', function () {
  this.timeout(90_000)
  const story = useCaseStory({ resident: ['wx-sun', '孙阿姨'] })
  const say = (words: string) => ask(story.bot, story.deputy, words)
  const heardBy = async (who: Person) => {
    await dispatch(story.app)
    await story.bot.bot.inbox.settled()
    return story.bot.world.said(who.payload.name).join('\n----\n')
  }
  const answerReaches = async (who: Person, words: string) => {
    await dispatch(story.app)
    return waitFor(() => story.bot.world.said(who.payload.name).find((m) => m.includes('有答复了') && m.includes(words)), `the answer "${words}"`)
  }

  it('"不要发" drops her answer, is never joined to it, and her next "是" sends nothing to 孙阿姨', async () => {
    const lamp = await story.messageReachesZhangWei(story.resident, '小区北门的路灯不亮了')
    await say('回复 0001 已请供电所换了灯泡，今晚就亮')
    expect(await say('不要发')).to.equal(`好的，没有发送。留言 ${lamp.ticket}（小区北门的路灯不亮了）还在您的待办里。`)
    expect(await say('是'))
      .to.include('没有要发送的答复')
      .and.include('「已请供电所换了灯泡，今晚就亮」没有发出')

    expect(await heardBy(story.resident)).not.to.include('有答复了')
    expect(await story.stored(lamp.ticket)).to.include({ reply: null })
  })

  it('"哎呀不对，是1号" is asked again, never joined; "是" then sends her answer as she wrote it', async () => {
    const lamp = await story.messageReachesZhangWei(story.resident, '小区北门的路灯不亮了')
    await say('回复 0001 已请供电所换了灯泡，今晚就亮')
    expect(await say('哎呀不对，是1号')).to.equal('这句话没有接上，答复还没有发出。发送请只回复一个字"是"；不发了请回复"不"。')
    expect(await say('好，发吧')).to.include(`已发给留言 ${lamp.ticket}`)

    await answerReaches(story.resident, '已请供电所换了灯泡，今晚就亮')
    expect(await story.stored(lamp.ticket)).to.include({ reply: '已请供电所换了灯泡，今晚就亮' })
  })

  it('"回复 0001 是" sends the answer waiting for 0001, never the word "是"', async () => {
    const lamp = await story.messageReachesZhangWei(story.resident, '小区北门的路灯不亮了')
    await say('回复 0001 已请供电所换了灯泡，今晚就亮')
    expect(await say('回复 0001 是')).to.include(`已发给留言 ${lamp.ticket}`)

    await answerReaches(story.resident, '已请供电所换了灯泡，今晚就亮')
    expect(await story.stored(lamp.ticket)).to.include({ reply: '已请供电所换了灯泡，今晚就亮' })
  })

  it('"回复 0001 是" with no answer waiting asks for her words and sends nothing', async () => {
    const lamp = await story.messageReachesZhangWei(story.resident, '小区北门的路灯不亮了')
    expect(await say('回复 0001 是')).to.equal('请写上您要对群众说的话。')
    expect(await heardBy(story.resident)).not.to.include('有答复了')
    expect(await story.stored(lamp.ticket)).to.include({ reply: null })
  })

  it('"没问题" sends her answer, and she never gets the residents’ menu line', async () => {
    const lamp = await story.messageReachesZhangWei(story.resident, '小区北门的路灯不亮了')
    await say('回复 0001 已请供电所换了灯泡，今晚就亮')
    const said = await say('没问题')
    expect(said).to.include(`已发给留言 ${lamp.ticket}`).and.not.include('有事随时发消息给我们')

    await answerReaches(story.resident, '已请供电所换了灯泡，今晚就亮')
  })

  it('past half an hour, her added words are shown back joined for a new "是", without the help; "是" sends it whole', async () => {
    const lamp = await story.messageReachesZhangWei(story.resident, '小区北门的路灯不亮了')
    await say('回复 0001 已联系供电所')
    story.bot.clock.advance(31 * 60_000)
    const shown = await say('他们说周五来修，请您放心')
    expect(shown).to.include('「已联系供电所，他们说周五来修，请您放心」').and.not.include('办理方法')
    expect(await say('是')).to.include(`已发给留言 ${lamp.ticket}`)

    await answerReaches(story.resident, '已联系供电所，他们说周五来修，请您放心')
  })

  it('words right after "是" sent her answer are told they did not go, and 孙阿姨 has the answer alone', async () => {
    const lamp = await story.messageReachesZhangWei(story.resident, '小区北门的路灯不亮了')
    await say('回复 0001 已请供电所换了灯泡，今晚就亮')
    await say('是')
    expect(await say('费用由物业承担')).to.equal(
      `这句话没有发给群众。您给留言 ${lamp.ticket}（小区北门的路灯不亮了）的答复刚才已经发出，发出后不能再补充。如需补充，请联系轻工街道代表联络站工作人员。`,
    )

    await answerReaches(story.resident, '已请供电所换了灯泡，今晚就亮')
    expect(await heardBy(story.resident)).not.to.include('费用由物业承担')
  })
  it('a second piece written under the quoted notice of the same message joins her answer; 孙阿姨 gets it whole', async () => {
    const lamp = await story.messageReachesZhangWei(story.resident, '小区北门的路灯不亮了')
    await say('回复 0001 已请供电所换了灯泡。')
    const shown = await say(`「联络站小助手：${lamp.notice}」\n- - - - - - - - - - - - - - -\n今晚就亮，请您放心。`)
    expect(shown).to.include('已把这句话接在答复后面。').and.include('「已请供电所换了灯泡。今晚就亮，请您放心。」')
    const sent = await say('是')
    expect(sent).to.include(`已发给留言 ${lamp.ticket}`).and.not.include('。」。')

    await answerReaches(story.resident, '已请供电所换了灯泡。今晚就亮，请您放心。')
  })

  it('"回复 0002 …" while her answer to 0001 waits names the words that did not go; 孙阿姨 gets nothing', async () => {
    const lamp = await story.messageReachesZhangWei(story.resident, '小区北门的路灯不亮了')
    const qian = story.bot.world.person('wx-qian', '钱大爷')
    await story.messageReachesZhangWei(qian, '楼道里堆满了杂物')
    await say('回复 0001 已请供电所换了灯泡，今晚就亮')
    expect(await say('回复 0002 已请物业本周清理')).to.include(
      `您刚才写给留言 ${lamp.ticket}（小区北门的路灯不亮了）的答复「已请供电所换了灯泡，今晚就亮」没有发出，要发送请再发一次。`,
    )
    expect(await say('不')).to.include('没有发送')

    expect(await heardBy(story.resident)).not.to.include('有答复了')
    expect(await story.stored(lamp.ticket)).to.include({ reply: null })
  })
})
