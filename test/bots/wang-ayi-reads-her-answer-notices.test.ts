import { expect } from 'chai'
import { quotedAnswerTicket } from '../../bots/quotes.js'
import { useCaseStory } from './case-story.js'
import { ask, dispatch, waitFor } from './helpers.js'

/**
 * 王阿姨 (72) reads the notices of the answers to her message in the chat. They name her message by its first words,
 * cut where a word or a clause ends ("坏了快一个月了…", never "坏了快一…"); and the answer after she asked for it to be
 * handled again says it is that new answer, so it never reads as the first one sent twice.
 */
describe('bot: 王阿姨 reads the notices of her answers', function () {
  this.timeout(60_000)
  const story = useCaseStory({ resident: ['wx-wang-ayi', '王阿姨'] })
  const TEXT = '我家楼下那个路灯坏了快一个月了，晚上黑咕隆咚的，我上次差点摔跤'

  it('her words are cut at a clause’s end; the second answer, after 重新办理, says it is the new one', async () => {
    const ticket = await story.writesToZhangWei(TEXT)
    const first = await story.zhangWeiAnswers(ticket, '路灯已修好。')
    const about = `反映的“我家楼下那个路灯坏了快一个月了…”（编号 ${ticket}）`
    expect(first).to.include(`${about}有答复了：\n路灯已修好。`).and.not.include('再次')

    const say = (words: string) => ask(story.bot, story.resident, words)
    expect(await say('不满意根本没修好')).to.include('重新办理')
    expect(await say('1')).to.include(`已申请重新办理留言 ${ticket}`)
    expect(await ask(story.bot, story.deputy, `回复 ${ticket.slice(-4)} 已请供电所换了灯泡，今晚就亮。`)).to.include(`发给留言 ${ticket}`)
    expect(await ask(story.bot, story.deputy, '是')).to.include(`已发给留言 ${ticket}`)
    await dispatch(story.app)
    const second = await waitFor(() => story.bot.world.said('王阿姨').find((m) => m.includes('今晚就亮')), 'the second answer to reach her')
    expect(second).to.include(`${about}有答复了。这是您申请重新办理后，代表的再次答复：\n已请供电所换了灯泡，今晚就亮。`)
    expect(second).to.include('请为办理结果打分')
    // Quoted under her score, it still names the message the score is for.
    expect(quotedAnswerTicket(second)).to.equal(ticket)
  })
})
