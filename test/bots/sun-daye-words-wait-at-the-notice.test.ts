import { expect } from 'chai'
import { ask, ticketIn, type BotUnderTest, type Person } from './helpers.js'
import { SUN_DRAIN_WORDS, useSunDaye } from './sun-daye.js'

/**
 * 孙大爷's first words are his problem. The bot says "这段话已经记下了" and shows the privacy notice, which he reads
 * slowly, or leaves for his grandson. Half an hour on he is told his words were not sent and how to send them; a
 * "同意" later that day carries on with them; a day on they are let go, and he is told so. Nothing "记下了" is dropped
 * without a word.
 */
describe('bot: 孙大爷’s first words wait at the privacy notice', function () {
  this.timeout(60_000)
  const story = useSunDaye()
  let t: BotUnderTest
  let sun: Person
  beforeEach(() => ({ bot: t, sun } = story))

  const SHORT = '我想给代表反映个事我们小区门口的下水道堵…'
  const HOUR = 3_600_000

  it('left at the notice, he is told once that his words were not sent and how to send them; "同意" hours later sends them', async () => {
    expect(await ask(t, sun, SUN_DRAIN_WORDS))
      .to.include('这段话已经记下了')
      .and.include('同意请回复"同意"')
    expect(await story.quiet(31 * 60_000)).to.deep.equal([
      `您好，您说的「${SHORT}」还没有发给代表：要先同意个人信息保护说明，才能送出。\n要接着送出，请在一天之内回复"同意"；不要了请回复"取消"。`,
    ])
    expect(await story.quiet(2 * HOUR), 'told once').to.deep.equal([])

    t.clock.advance(5 * HOUR)
    expect(await ask(t, sun, '查询')).to.equal(
      `您还没有发出过留言。\n您说的「${SHORT}」还没有发出去。\n同意上面的个人信息保护说明后就能接着送出：请回复"同意"；不要了请回复"取消"。`,
    )
    expect(await ask(t, sun, '同意'))
      .to.include('谢谢您的同意！')
      .and.include('请选择您住在哪个区（县），回复数字：')
    for (const place of ['湛河区', '轻工街道']) await ask(t, sun, place)
    expect(await ask(t, sun, '光明社区'))
      .to.include(`内容：${SUN_DRAIN_WORDS}\n`)
      .and.include('1. 确认送出')
    const ticket = ticketIn(await ask(t, sun, '1'))
    expect((await story.app.liaison.store.cases.getByTicket(ticket))!.text).to.equal(SUN_DRAIN_WORDS)
  })

  it('if he never writes again, a day on his words are gone from what the server keeps, and he is told so', async () => {
    await ask(t, sun, SUN_DRAIN_WORDS)
    await story.quiet(31 * 60_000)
    const kept = await story.app.liaison.store.bot.dialogue('wx-sun')
    expect(JSON.stringify(kept?.state), 'kept for the day he was told').to.include('下水道堵了好几天')
    expect(await story.quiet(25 * HOUR)).to.deep.equal([
      `您之前说的「${SHORT}」一直没有发出去，代表没有看到，这段话就不再保留了。\n还要反映的话，请发送"留言"重新写。`,
    ])
    const after = await story.app.liaison.store.bot.dialogue('wx-sun')
    expect(JSON.stringify(after?.state ?? null), 'his words are not kept on the server').to.not.include('下水道')
    expect(await story.quiet(25 * HOUR), 'told once').to.deep.equal([])
    expect((await story.app.liaison.store.cases.search({ limit: 5 })).items, 'nothing sent').to.have.length(0)
  })

  it('a day on, his words are let go and he is told so before anything else', async () => {
    await ask(t, sun, SUN_DRAIN_WORDS)
    await story.quiet(31 * 60_000)
    t.clock.advance(25 * HOUR)
    const back = await ask(t, sun, '同意')
    expect(back).to.match(new RegExp(`^您之前说的「${SHORT}」一直没有发出去，代表没有看到，这段话就不再保留了。\\n还要反映的话，请发送"留言"重新写。`))
    expect((await story.app.liaison.store.cases.search({ limit: 5 })).items, 'nothing sent').to.have.length(0)
  })
})
