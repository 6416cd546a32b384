import { expect } from 'chai'
import { useCaseStory } from './case-story.js'
import { ask, ticketIn } from './helpers.js'

const WHICH = '删除您的信息，还是撤回一条留言？请回复数字：\n1. 删除我的信息\n2. 撤回一条还没答复的留言\n都不要，请回复"取消"。'
const CONSENT_ASKED =
  '撤回同意以后，就不能再送出新的留言了；已经送出的留言照常办理，已经保存的信息也不会删掉。\n确定要撤回吗？撤回请回复"是"，不撤回请回复"不"。'

/**
 * 王奶奶 (72) chats in few words. She answers the 撤回 list by naming the message ("路灯那个"), says "我要删除" without
 * saying what, says "是" after 撤回同意, and "谢谢" or "上次说的那个事" when the bot asks where a new message goes. Each is
 * understood as she means it: nothing she did not ask for is done, and nothing she said becomes a message.
 */
describe('bot: 王奶奶 answers the chat in few words', function () {
  this.timeout(60_000)
  const story = useCaseStory({ resident: ['wx-wang-nainai', '王奶奶'] })
  const say = (words: string) => ask(story.bot, story.resident, words)
  const status = async (ticket: string) => (await story.stored(ticket))!.status

  /** Two messages to 张伟, listed newest first: 1 is the rubbish, 2 the street lamp. */
  const twoMessages = async () => {
    const lamp = await story.writesToZhangWei('建设路12号门口的路灯坏了')
    const rubbish = await story.writesToZhangWei('建设路小区垃圾三天没人收')
    expect(await say('撤回'))
      .to.include(`1. ${rubbish}`)
      .and.include(`2. ${lamp}`)
    return { lamp, rubbish }
  }

  it('"路灯那个" under the 撤回 list shows that message alone and her "1" withdraws it; words naming both are asked about, not sent', async () => {
    const { lamp, rubbish } = await twoMessages()
    const both = await say('建设路那个')
    expect(both).to.include('您说的"建设路那个"，有 2 条留言都对得上：').and.include('请回复前面的数字')
    expect(both).not.to.include('新留言')
    // Words may match loosely: the one they name is shown alone, and nothing is withdrawn before her "1".
    const named = await say('路灯那个')
    expect(named).to.include('您说的"路灯那个"，是这一条：').and.include(`1. ${lamp}`).and.include('要撤回这一条，请回复 1')
    expect(named).not.to.include(rubbish)
    expect(await status(lamp)).to.equal('assigned')
    expect(await say('1')).to.equal(`已撤回留言 ${lamp}，代表不会再办理这条留言。`)
    expect(await status(lamp)).to.equal('withdrawn')
    expect(await status(rubbish)).to.equal('assigned')
  })

  it('"是" to the one message shown alone withdraws it, as her "1" would', async () => {
    const { lamp, rubbish } = await twoMessages()
    expect(await say('路灯那个')).to.include('是这一条')
    expect(await say('是')).to.equal(`已撤回留言 ${lamp}，代表不会再办理这条留言。`)
    expect(await status(lamp)).to.equal('withdrawn')
    expect(await status(rubbish)).to.equal('assigned')
  })

  it('"我要删除", then "路灯那条": the lamp is shown alone, and her "1" withdraws the lamp, not the first line of a list', async () => {
    const lamp = await story.writesToZhangWei('建设路12号门口的路灯坏了')
    const rubbish = await story.writesToZhangWei('建设路小区垃圾三天没人收')
    expect(await say('我要删除')).to.equal(WHICH)
    const named = await say('路灯那条')
    expect(named).to.include('您说的"路灯那条"，是这一条：').and.include(`1. ${lamp}`)
    expect(named).not.to.include(rubbish)
    expect(await say('1')).to.equal(`已撤回留言 ${lamp}，代表不会再办理这条留言。`)
    expect(await status(lamp)).to.equal('withdrawn')
    expect(await status(rubbish)).to.equal('assigned')
  })

  it('words naming no listed message show the list again, and her "1" then is its first line; "不撤了" ends it', async () => {
    const { lamp, rubbish } = await twoMessages()
    const none = await say('那个事')
    expect(none).to.include('可以撤回的留言里，没有找到您说的"那个事"。').and.include(`1. ${rubbish}`)
    expect(none).not.to.include('新留言')
    expect(await say('1')).to.include(`已撤回留言 ${rubbish}`)
    expect(await status(rubbish)).to.equal('withdrawn')
    expect(await say('撤回')).to.include(`1. ${lamp}`)
    expect(await say('不撤了')).to.equal('好的，不撤回了，您的留言照常办理。')
    expect(await status(lamp)).to.equal('assigned')
  })

  it('"我要删除" asks which she means: 2 lists her messages to withdraw, 1 says what deleting her information removes', async () => {
    const lamp = await story.writesToZhangWei('建设路12号门口的路灯坏了')
    expect(await say('我要删除')).to.equal(WHICH)
    expect(await say('2'))
      .to.include('可以撤回的留言：')
      .and.include(lamp)
    expect(await say('删掉')).to.equal(WHICH)
    expect(await say('1'))
      .to.include('您留下的电话，和我们记下的您的微信，都会清除')
      .and.include('确定删除请回复"确认删除"')
    expect(await say('取消')).to.equal('好的，没有删除您的信息。')
    expect(await status(lamp)).to.equal('assigned')
    expect((await story.app.liaison.store.cases.search({ limit: 10 })).items, 'nothing became a message').to.have.length(1)
  })

  it('"撤回同意" says what it means and waits for her "是"; "不" or other words keep her consent, and say so', async () => {
    await story.writesToZhangWei('建设路12号门口的路灯坏了')
    const consent = async () => (await story.app.liaison.store.mpUsers.getByBotContact('wx-wang-nainai'))!.consentVersion
    expect(await say('撤回同意')).to.equal(CONSENT_ASKED)
    expect(await consent(), 'asked, not done').not.to.equal(null)
    expect(await say('不')).to.equal('好的，没有撤回，您的同意还在，可以照常留言。')
    expect(await say('撤回同意')).to.equal(CONSENT_ASKED)
    // Other words: not withdrawn, and answered as they would be.
    expect(await say('查询'))
      .to.include('没有撤回同意，您的同意还在。')
      .and.include('建设路12号门口的路灯坏了')
    expect(await consent()).not.to.equal(null)
    expect(await say('撤回同意')).to.equal(CONSENT_ASKED)
    expect(await say('是')).to.include('已撤回您的同意。')
    expect(await consent()).to.equal(null)
  })

  it('"好的" under 撤回同意 is no clear yes: asked once more plainly, and only "撤回" or "是" withdraws', async () => {
    await story.writesToZhangWei('建设路12号门口的路灯坏了')
    const consent = async () => (await story.app.liaison.store.mpUsers.getByBotContact('wx-wang-nainai'))!.consentVersion
    expect(await say('撤回同意')).to.equal(CONSENT_ASKED)
    const again = await say('好的')
    expect(again).to.equal('撤回以后，就不能再送出新的留言了。您是要撤回同意吗？要撤回请回复"撤回"两个字，不撤回请回复"不"。')
    expect(await consent(), '"好的" withdraws nothing').not.to.equal(null)
    // A second such yes is no clearer: nothing done, and said so.
    expect(await say('好的')).to.equal('没有撤回同意，您的同意还在。')
    expect(await consent()).not.to.equal(null)
    expect(await say('撤回同意')).to.equal(CONSENT_ASKED)
    await say('嗯')
    expect(await say('撤回')).to.include('已撤回您的同意。')
    expect(await consent()).to.equal(null)
  })

  it('"撤回同意" from one who never agreed says she has not agreed and nothing changed', async () => {
    const chen = story.bot.world.person('wx-chen', '陈奶奶')
    const said = await ask(story.bot, chen, '撤回同意')
    expect(said).to.include('您现在没有同意个人信息保护说明，没有可以撤回的，什么都没有改变。')
    expect(said).not.to.include('已撤回')
    const person = (await story.app.liaison.store.mpUsers.getByBotContact('wx-chen'))!
    expect(person.consentVersion).to.equal(null)
    const history = await story.app.liaison.services.privacy.consentHistory(person.id)
    expect(history, 'no withdrawal recorded of an agreement never given').to.deep.equal([])
  })

  it('"撤回同意" left unanswered lapses saying her consent stays', async () => {
    await story.writesToZhangWei('建设路12号门口的路灯坏了')
    expect(await say('撤回同意')).to.equal(CONSENT_ASKED)
    const t = story.bot
    const before = t.world.said('王奶奶').length
    t.clock.advance(31 * 60_000)
    t.bot.inbox.sweep()
    await t.bot.inbox.settled()
    expect(t.world.said('王奶奶').slice(before).join('\n')).to.include('没有撤回同意，您的同意还在。')
    expect((await story.app.liaison.store.mpUsers.getByBotContact('wx-wang-nainai'))!.consentVersion).not.to.equal(null)
  })

  it('asked where a new message goes, "谢谢" ends it politely and "上次说的那个事" is pointed to 查询', async () => {
    // Her first message goes to the place she picks, so the next is offered the same place.
    expect(await say('留言')).to.include('同意请回复')
    await say('同意')
    for (const place of ['湛河区', '轻工街道', '建设路社区']) await say(place)
    await say('建设路12号门口的路灯坏了好几天了晚上黑得看不见')
    await say('好了')
    ticketIn(await say('1'))
    const asked = '您上次是建设路社区（湛河区 轻工街道 建设路社区），这次还发这里吗？'
    expect(await say('1')).to.include(asked)
    expect(await say('谢谢')).to.equal('不客气！这次就先不写新留言了。\n还有事要反映，请发送"留言"；看留言办到哪一步了，请发送"查询"。')
    expect(await say('1')).to.include(asked)
    expect(await say('上次说的那个事')).to.equal('您是问之前的留言吧？看它办到哪一步了，请发送"查询"。\n新留言就先不写了，要写的时候请发送"留言"。')
    expect(await say('查询')).to.include('建设路12号门口的路灯坏了')
    // Words of a new message already said wait with the question.
    expect(await say('1')).to.include(asked)
    expect(await say('小区的垃圾好几天没人来收了')).to.include('您说的这段话先记下了')
    expect(await say('谢谢'))
      .to.include('不客气！')
      .and.include('您这次说的话还没有送出。')
      .and.include(asked)
    expect((await story.app.liaison.store.cases.search({ limit: 10 })).items, 'only the first was sent').to.have.length(1)
  })
})
