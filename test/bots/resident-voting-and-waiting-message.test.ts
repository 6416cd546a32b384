import { expect } from 'chai'
import { ask, ticketIn, useBotStory } from './helpers.js'

/**
 * 老李 (72) chats with the station's bot. She types "投票", "问卷", "学习": she is told where that is (residents do
 * not vote; the mini-program's 民生实事, 问卷 and 学习 pages are), never the menu or an offer to send her word as a
 * message. Her message waits at 新华街道's station for staff to find a deputy: "查询" of it says when she sent it,
 * its first words, and that it is being passed on, not only "您送出了留言".
 */
describe('bot: 老李 asks for 投票 and 问卷, and looks up a message no deputy has yet', function () {
  this.timeout(30_000)
  const story = useBotStory()

  it('"投票", "问卷", "学习" say where, in plain words, not the menu', async () => {
    const li = story.bot.world.person('wx-li', '老李')
    const vote = await ask(story.bot, li, '投票')
    expect(vote).to.include('投票是人大代表做的事').and.include('在首页点“民生实事”').and.include('点“问卷”')
    for (const words of ['投票', '我要投票', '问卷怎么填', '学习', '答题']) {
      const said = await ask(story.bot, li, words)
      expect(said, words).not.to.include('1. 留言').and.not.include('还没有发给代表')
    }
    expect(await ask(story.bot, li, '问卷怎么填'))
      .to.include('在首页点“问卷”')
      .and.include('扫海报上的二维码')
    expect(await ask(story.bot, li, '答题')).to.include('在首页点“学习”')
  })

  it('查询 of a message still at the station says when she sent it, what about, and that it is being passed on', async () => {
    const li = story.bot.world.person('wx-li', '老李')
    await ask(story.bot, li, '留言')
    await ask(story.bot, li, '同意')
    await ask(story.bot, li, '2')
    await ask(story.bot, li, '1')
    await ask(story.bot, li, '1')
    await ask(story.bot, li, '新华社区的公交站台太窄，老人等车没地方站')
    await ask(story.bot, li, '好了')
    const ticket = ticketIn(await ask(story.bot, li, '1'))
    const detail = await ask(story.bot, li, `查询 ${ticket}`)
    expect(detail).to.match(
      /\n您\d{1,2}月\d{1,2}日 (?:1?\d|2[0-3]):\d\d发来的“新华社区的公交站台太窄…”，已经转到新华街道代表联络站，工作人员正在请一位代表来办理，请您耐心等着。\n/,
    )
    expect(detail).to.include('内容：新华社区的公交站台太窄，老人等车没地方站')
  })
})
