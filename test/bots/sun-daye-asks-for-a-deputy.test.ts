import { expect } from 'chai'
import { ask, ticketIn, type BotUnderTest, type Person } from './helpers.js'
import { useSunDaye } from './sun-daye.js'

/**
 * 孙大爷's first words are "我要找代表". Then, before he is asked, he says where he lives, one line a place; then his
 * problem; then "喂喂", "你是谁", "查一下", "一". The request starts a message, the places are where it goes, a
 * greeting or a question to the bot is answered short and kept out of it, and the deputy gets his problem alone.
 */
describe('bot: 孙大爷 asks for a deputy and answers ahead of the questions', function () {
  this.timeout(60_000)
  const story = useSunDaye()
  let t: BotUnderTest
  let sun: Person
  beforeEach(() => ({ bot: t, sun } = story))

  const PROBLEM = '帮我问问低保的事我今年七十六了一个人住'
  const AT_NOTICE = '同意上面的个人信息保护说明后就能接着送出：请回复"同意"；不要了请回复"取消"。'

  it('"我要找代表", the places and his problem at the notice, then "好的": the summary has his place and his words alone', async () => {
    expect(await ask(t, sun, '我要找代表'))
      .to.include('个人信息保护说明')
      .and.include('同意请回复"同意"')
    expect(await ask(t, sun, '湛河区')).to.equal('好的，记下了：湛河区。\n请回复"同意"继续，或回复"取消"。')
    expect(await ask(t, sun, '轻工街道')).to.equal('好的，记下了：湛河区 轻工街道。\n请回复"同意"继续，或回复"取消"。')
    expect(await ask(t, sun, '光明社区')).to.equal('好的，记下了：湛河区 轻工街道 光明社区。\n请回复"同意"继续，或回复"取消"。')
    expect(await ask(t, sun, PROBLEM)).to.equal(`这段话记下了。\n您说的「帮我问问低保的事我今年七十六了一个人住」还没有发出去。\n${AT_NOTICE}`)
    expect(await ask(t, sun, '你是谁')).to.equal(
      `我是人大代表联络站的留言小助手，由电脑自动回复。\n您说的「帮我问问低保的事我今年七十六了一个人住」还没有发出去。\n${AT_NOTICE}`,
    )
    const summary = await ask(t, sun, '好的')
    expect(summary).to.include('谢谢您的同意！').and.include(`发给：湛河区 轻工街道 光明社区\n内容：${PROBLEM}\n\n1. 确认送出`)

    const pending = '您的新留言还没有送出：确认送出请回复 1，不要了请回复"取消"。'
    expect(await ask(t, sun, '喂喂')).to.equal(`您好，我在。\n${pending}`)
    expect(await ask(t, sun, '你是谁')).to.equal(`我是人大代表联络站的留言小助手，由电脑自动回复。\n${pending}`)
    expect(await ask(t, sun, '查一下')).to.equal(`您正在写的留言还没有送出，所以还查不到。\n${pending}`)
    const ticket = ticketIn(await ask(t, sun, '一'))
    expect((await story.app.liaison.store.cases.getByTicket(ticket))!).to.include({ text: PROBLEM, regionId: 'c010102' })

    // His message sent, "查一下" while the next one waits for its place lists it, and says the new one is not sent.
    expect(await ask(t, sun, '找人大代表')).to.include('您上次是光明社区')
    expect(await ask(t, sun, '楼道的灯也坏了好几天')).to.include('您说的这段话先记下了')
    expect(await ask(t, sun, '查一下'))
      .to.include(`您有 1 条留言：\n留言 ${ticket}【`)
      .and.include('您的新留言还没有写完。\n您上次是光明社区（湛河区 轻工街道 光明社区），这次还发这里吗？')
  })

  it('agreed already: "我想找代表反映个事" starts a message, and "光明社区" at the district list goes straight there', async () => {
    const elder = t.world.person('wx-li', '老李')
    await ask(t, elder, '留言')
    expect(await ask(t, elder, '同意')).to.include('1. 湛河区')
    await ask(t, elder, '取消')
    expect(await ask(t, elder, '我想找代表反映个事')).to.include('请选择您住在哪个区（县），回复数字：')
    expect(await ask(t, elder, '光明社区')).to.equal(
      '好的，留言将发给：湛河区 轻工街道 光明社区。\n请直接说您的问题或建议，可以分几条发。\n说完了请回复"好了"。',
    )
    expect(await ask(t, elder, '光明社区'), 'the place again is no words of the message').to.include('留言发给：湛河区 轻工街道 光明社区。')
    await ask(t, elder, '路灯坏了')
    expect(await ask(t, elder, '好了')).to.include('内容：路灯坏了\n\n1. 确认送出')
  })

  it('at "作为一条新留言发给代表？1/2", "确认", "好的", "是的", "对" and "嗯" are 1; "喂喂" is answered and not added', async () => {
    for (const [i, yes] of ['确认', '好的', '是的', '对', '嗯'].entries()) {
      const elder = t.world.person(`wx-elder-${i}`, `老人${i}`)
      expect(await ask(t, elder, '灯又坏了'), yes).to.include('要把刚才这句话作为一条新留言发给代表，请回复 1')
      const hello = await ask(t, elder, '喂喂')
      expect(hello, yes).to.match(/^您好，我在。\n您刚才说的"灯又坏了"还没有发出去。/)
      expect(hello, yes).to.not.include('也记下了')
      expect(await ask(t, elder, yes), yes).to.include('好的，这段话记下了，作为一条新留言')
    }
  })
})
