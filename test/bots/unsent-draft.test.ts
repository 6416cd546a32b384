import { expect } from 'chai'
import { type TestApp } from '../helpers/app.js'
import { ask, type BotUnderTest, useBotStory } from './helpers.js'

type Person = ReturnType<BotUnderTest['world']['person']>

const DAY = 24 * 3_600_000

/**
 * 老李 wrote a message, saw the summary and put the phone down: the draft is kept ("parked"). Days later
 * he sends "留言" again. What he wrote is never dropped without a word: he is shown it and chooses
 * to send it or start again. A draft kept for a week is let go, and he hears so, once.
 */
describe('bot: a message a resident wrote and did not send is never dropped without a word', function () {
  this.timeout(60_000)
  const story = useBotStory()
  let app: TestApp
  let t: BotUnderTest
  beforeEach(() => ({ app, bot: t } = story))

  const ticketIn = (said: string) => /编号：(\d{8}-\d{4})/.exec(said)?.[1]
  const stored = (ticket: string) => app.liaison.store.cases.getByTicket(ticket)
  const allCases = async () => (await app.liaison.store.cases.search({ limit: 10 })).items

  /** He writes to 张伟 and leaves the summary unanswered for more than half an hour: the draft is parked. */
  async function leavesSummaryUnanswered(person: Person, text: string) {
    await ask(t, person, '给DP0001留言')
    await ask(t, person, '同意')
    await ask(t, person, text)
    expect(await ask(t, person, '好了')).to.include('1. 确认送出')
    t.clock.advance(31 * 60_000)
    t.bot.inbox.sweep()
    await t.bot.inbox.settled()
    expect(t.world.said(person.payload.name).at(-1)).to.include('还没有送出，代表还看不到')
  }

  const OFFER = (words: string) => `您上次写的留言还没有发出：「${words}」。\n回复 1 发出这条，回复 2 不要了重新写。\n不想留言了请回复"取消"。`

  it('"留言" two days later shows the unsent message and asks; "1" sends it', async () => {
    const li = t.world.person('wx-li', '老李')
    await leavesSummaryUnanswered(li, '小区门口的垃圾好几天没人清运，夏天味道很大')
    t.clock.advance(2 * DAY)

    const offer = await ask(t, li, '留言')
    expect(offer).to.equal(OFFER('小区门口的垃圾好几天没人清运，夏天味道很…'))
    expect(offer, 'not the place questions on top of it').to.not.include('哪个区')
    expect(await ask(t, li, '在吗'), 'other words: asked again').to.include('回复 1 发出这条，回复 2 不要了重新写。')

    const sent = await ask(t, li, '1')
    expect(sent).to.include('留言已送出，谢谢您！').and.include('还要再写一条新留言，请发送"留言"。')
    expect((await stored(ticketIn(sent)!))!.text).to.equal('小区门口的垃圾好几天没人清运，夏天味道很大')
    expect(await ask(t, li, '留言'), 'nothing unsent now: the new message starts').to.include('请选择您住在哪个区（县）')
  })

  it('"2" lets the unsent one go, in words, and starts the new message; nothing is sent', async () => {
    const li = t.world.person('wx-li', '老李')
    await leavesSummaryUnanswered(li, '楼道灯坏了')
    await ask(t, li, '留言')
    const fresh = await ask(t, li, '2')
    expect(fresh).to.include('好的，之前那条不发了。').and.include('请选择您住在哪个区（县），回复数字：')
    expect(await allCases(), 'nothing sent').to.have.length(0)
  })

  it('"我要给张伟代表留言：…" with a message unsent: "1" sends the old one and goes on with the new words', async () => {
    const li = t.world.person('wx-li', '老李')
    await leavesSummaryUnanswered(li, '楼道灯坏了')
    expect(await ask(t, li, '我要给张伟代表留言：小区门口的井盖丢了')).to.equal(OFFER('楼道灯坏了'))
    const both = await ask(t, li, '1')
    expect(both).to.include('留言已送出，谢谢您！').and.include('内容：小区门口的井盖丢了\n').and.include('1. 确认送出')
    const second = ticketIn(await ask(t, li, '1'))!
    expect((await stored(second))!.text).to.equal('小区门口的井盖丢了')
    expect((await allCases()).map((c) => c.text).sort()).to.deep.equal(['小区门口的井盖丢了', '楼道灯坏了'])
  })

  it('"留言" while still writing shows what he has written and asks, rather than starting over on it', async () => {
    const li = t.world.person('wx-li', '老李')
    await ask(t, li, '给DP0001留言')
    await ask(t, li, '同意')
    await ask(t, li, '楼道灯坏了')
    expect(await ask(t, li, '留言')).to.equal(OFFER('楼道灯坏了').replace('上次', '刚才'))
    expect(await ask(t, li, '取消')).to.include('已取消，内容没有送出')
    expect(await allCases()).to.have.length(0)
  })

  it('kept a week, it is let go: his next message first hears it was not sent, once', async () => {
    const li = t.world.person('wx-li', '老李')
    const wang = t.world.person('wx-wang', '王阿姨')
    await leavesSummaryUnanswered(li, '小区门口的垃圾好几天没人清运，夏天味道很大')
    await leavesSummaryUnanswered(wang, '楼道灯坏了')

    t.clock.advance(6 * DAY)
    const sent = await ask(t, wang, '1')
    expect(sent, 'six days on, "1" still sends it').to.include('留言已送出')

    t.clock.advance(DAY + 3_600_000)
    const back = await ask(t, li, '你好')
    expect(back).to.match(
      /^您上次写的留言「小区门口的垃圾好几天没人清运，夏天味道很…」一直没有发出，代表没有看到。已经过了 7 天，这条就不再保留了。\n还要反映的话，请发送"留言"重新写。\n\n/,
    )
    expect(back, 'then the answer to what he said').to.include('1. 留言')
    expect(await ask(t, li, '你好'), 'said once').to.not.include('没有发出')
    expect(await ask(t, li, '1'), 'a "1" now starts a new message').to.include('请选择您住在哪个区（县）')
    expect((await allCases()).map((c) => c.text)).to.deep.equal(['楼道灯坏了'])
  })
})
