import { expect } from 'chai'
import { ask, ticketIn, type BotUnderTest, type Person } from './helpers.js'
import { useSunDaye } from './sun-daye.js'

/**
 * 孙大爷 is 76 and voice-types his WeChat without punctuation. The day after he wrote to the deputy he asks "我的留言到哪了",
 * "到哪一步了", "有消息没有", "有回音没": each is 查询, whatever he is doing, and never the words of a new message.
 * Words the bot does not understand are offered as a new message in words that cannot sound like his first one was
 * not sent. With one message he sees it at once; a number past the end of a list says how many there are.
 */
describe('bot: 孙大爷 asks how his message is doing, in his own words', function () {
  this.timeout(60_000)
  const story = useSunDaye()
  let t: BotUnderTest
  let sun: Person
  beforeEach(() => ({ bot: t, sun } = story))

  it('"我的留言到哪了", "到哪一步了", "有消息没有", "有回音没", "办好了没" with nothing going on show his one message at once', async () => {
    const ticket = await story.writesFromGuangming('小区门口的下水道堵了好几天了')
    for (const said of ['我的留言到哪了', '到哪一步了', '有消息没有', '有回音没', '办好了没', '那个事办好了没有']) {
      const answer = await ask(t, sun, said)
      expect(answer, said).to.match(
        new RegExp(`^您有 1 条留言：\\n留言 ${ticket}【已交给刘洋代表，代表还没有看】\\n内容：小区门口的下水道堵了好几天了\\n办理经过：`),
      )
      expect(answer, said).to.not.include('还没有发给代表').and.not.include('还没有发出去')
    }
  })

  it('asked while he picks the place or writes a new message, it is 查询, and his new message never gets the question', async () => {
    const ticket = await story.writesFromGuangming('小区门口的下水道堵了好几天了')
    expect(await ask(t, sun, '留言')).to.include('您上次是光明社区')
    expect(await ask(t, sun, '2')).to.include('1. 湛河区')
    const picking = await ask(t, sun, '那个事办好了没有')
    expect(picking)
      .to.include(`留言 ${ticket}【已交给刘洋代表，代表还没有看】`)
      .and.include('您的新留言还没有写完，请接着选：\n请选择您住在哪个区（县），回复数字：')
    expect(picking).to.not.include('先记下了')
    for (const place of ['湛河区', '轻工街道', '光明社区']) await ask(t, sun, place)
    expect(await ask(t, sun, '楼道的灯也坏了')).to.include('收到')
    expect(await ask(t, sun, '我的留言到哪一步了'))
      .to.include(`留言 ${ticket}【`)
      .and.include('您的新留言还在写，接着说就行；说完了回复"好了"。')
    expect(await ask(t, sun, '好了')).to.include('内容：楼道的灯也坏了\n\n1. 确认送出')
    const next = ticketIn(await ask(t, sun, '1'))
    expect((await story.app.liaison.store.cases.getByTicket(next))!.text).to.equal('楼道的灯也坏了')
  })

  it('words not understood are offered as a new message without sounding like his message was not sent, and say his one is in hand', async () => {
    await story.writesFromGuangming('小区门口的下水道堵了好几天了')
    expect(await ask(t, sun, '今天风真大')).to.equal(
      [
        '您刚才说的"今天风真大"还没有发出去。',
        '（您之前发出的 1 条留言正在办理，发送"查询"可以看办到哪一步了。）',
        '要把刚才这句话作为一条新留言发给代表，请回复 1；不用了，请回复 2。',
        '要办别的事，请回复"帮助"看菜单。',
      ].join('\n'),
    )
  })

  it('with two messages, "查进度" lists them; "3" says there are only two; "2" shows the older one', async () => {
    const first = await story.writesFromGuangming('小区门口的下水道堵了好几天了')
    const second = await story.writesFromGuangming('楼道的灯坏了晚上看不见')
    expect(await ask(t, sun, '查进度'))
      .to.include(`您最近的留言：\n1. ${second}【`)
      .and.include(`2. ${first}【`)
    expect(await ask(t, sun, '3')).to.equal('只有 2 条留言，请回复 1 到 2 之间的数字。')
    expect(await ask(t, sun, '2'))
      .to.include(`留言 ${first}【`)
      .and.include('内容：小区门口的下水道堵了好几天了')
  })
})
