import { expect } from 'chai'
import { asDeputy } from '../helpers/app.js'
import { useCaseStory } from './case-story.js'
import { ask, dispatch, waitFor, type Person } from './helpers.js'

/**
 * A reviewer, as Deputy Liu (66), ran into four things around her shown-back answer (bots/flows/deputy-reply.ts): "不错"
 * dropped it; an example copied with a word added went through; words just after an answer went were told they did not
 * go, but not what to do instead; and an answer she sent on her mini-program page was not remembered when a new message
 * with the same four digits came. Each story ends with what 孙阿姨 or 钱大爷 received, or that nothing reached them.
 */
describe('bot: Deputy Liu’s "不错", a copied example, words after sending, and an answer from her page', function () {
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
  const askedAgain = '这句话没有接上，答复还没有发出。发送请只回复一个字"是"；不发了请回复"不"。'

  it('"不错" and "不用改了" keep her answer waiting, never joined; "不用改了，发吧" sends it as she wrote it', async () => {
    const lamp = await story.messageReachesZhangWei(story.resident, '小区北门的路灯不亮了')
    await say('回复 0001 已请供电所换了灯泡，今晚就亮')
    expect(await say('不错')).to.equal(askedAgain)
    expect(await say('不用改了')).to.equal(askedAgain)
    expect(await say('不用改了，发吧')).to.include(`已发给留言 ${lamp.ticket}（小区北门的路灯不亮了）的群众：「已请供电所换了灯泡，今晚就亮」`)

    await answerReaches(story.resident, '已请供电所换了灯泡，今晚就亮')
    expect(await story.stored(lamp.ticket)).to.include({ reply: '已请供电所换了灯泡，今晚就亮' })
  })

  it('the example answer with a word added, or the template words with hers, is refused as the example is; 孙阿姨 gets nothing', async () => {
    const lamp = await story.messageReachesZhangWei(story.resident, '小区北门的路灯不亮了')
    expect(await say('回复 0001 已联系供电所，本周修好了')).to.equal(
      '"已联系供电所，本周修好了"是例子里的话，没有发出。请换成您实际办理的情况，写在"回复 0001"后面发送。',
    )
    expect(await say('回复 0001 再写上办理结果：已修好')).to.match(/^请把"再写上办理结果：已修好"换成您要对群众说的话，例如：/)
    // A real answer sharing a word with the example is shown back for her "是".
    expect(await say('回复 0001 已联系物业，明天清理杂物')).to.include(`发给留言 ${lamp.ticket}（小区北门的路灯不亮了）的群众吗？`)
    expect(await say('不')).to.include('没有发送')

    expect(await heardBy(story.resident)).not.to.include('有答复了')
    expect(await story.stored(lamp.ticket)).to.include({ reply: null })
  })

  it('words just after her answer went are told whom to ask to add to it: the message’s station', async () => {
    const lamp = await story.messageReachesZhangWei(story.resident, '小区北门的路灯不亮了')
    await say('回复 0001 已请供电所换了灯泡，今晚就亮')
    await say('是')
    expect(await say('费用由物业承担')).to.equal(
      `这句话没有发给群众。您给留言 ${lamp.ticket}（小区北门的路灯不亮了）的答复刚才已经发出，发出后不能再补充。` +
        '如需补充，请联系轻工街道代表联络站工作人员。',
    )
    expect(await heardBy(story.resident)).not.to.include('费用由物业承担')
  })

  it('answered 0001 on her mini-program page, the next day "回复 0001 …" for 钱大爷’s new 0001 says it is not the one she answered', async () => {
    const lamp = await story.messageReachesZhangWei(story.resident, '小区北门的路灯不亮了')
    const onPage = await asDeputy(story.app, 'dp0001')
    const sent = await onPage.post(`/api/mp/deputy/cases/${(await story.stored(lamp.ticket))!.id}/reply`, { text: '已请供电所换了灯泡，今晚就亮' })
    expect(sent.status).to.equal(200)

    story.app.clock.advance(24 * 3_600_000)
    story.bot.clock.advance(24 * 3_600_000)
    const qian = story.bot.world.person('wx-qian', '钱大爷')
    const roof = await story.messageReachesZhangWei(qian, '我家楼上漏水，物业不管')
    expect(roof.ticket.slice(-4), 'numbered afresh: the same four digits').to.equal('0001')
    expect(await say('回复 0001 另外供电所说周五再来检查一次')).to.include(`注意：这是今天的留言，不是您昨天答复过的 ${lamp.ticket}（小区北门的路灯不亮了）。`)
    expect(await say('不')).to.include('没有发送')

    expect(await heardBy(qian), '钱大爷 has no answer about a lamp').not.to.include('供电所')
    expect(await story.stored(roof.ticket)).to.include({ reply: null })
  })
})
