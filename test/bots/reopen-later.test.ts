import { expect } from 'chai'
import type { TestApp } from '../helpers/app.js'
import { useCaseStory } from './case-story.js'
import { ask, dispatch, ticketIn, waitFor, type BotUnderTest, type Person } from './helpers.js'

const DAY = 86_400_000

/**
 * 王阿姨 is 72. 张伟 answered her message, she rated it low and said "2. 不用了" when asked whether to
 * ask for it to be handled again. A day later the lamp is still dark and she writes "重新办理" in her
 * own way: the bot asks the backend which of her messages may be handled again, and reopens it,
 * lists them when several may, or says in words why none may.
 */
describe('bot: a resident asks for 重新办理 a day after saying "不用了"', function () {
  this.timeout(60_000)
  const story = useCaseStory({ resident: ['wx-wang', '王阿姨'] })
  const { stored, residentWithAnsweredMessage } = story
  let app: TestApp
  let t: BotUnderTest
  let wang: Person
  beforeEach(() => ({ app, bot: t, resident: wang } = story))

  /** She rates it low and says no to handling it again, then a day passes. */
  async function ratedLowNoReopen(ticket: string, score = '2') {
    expect(await ask(t, wang, score)).to.include('1. 重新办理')
    expect(await ask(t, wang, '2')).to.equal('好的，谢谢您！')
    app.clock.advance(DAY)
    t.clock.advance(DAY)
    expect(await stored(ticket)).to.include({ status: 'closed' })
  }

  it('"重新办理" a day later asks why, and sends it back to the deputy', async () => {
    const ticket = await residentWithAnsweredMessage('楼道的灯坏了，晚上看不见')
    await ratedLowNoReopen(ticket)

    expect(await ask(t, wang, '重新办理')).to.equal(`留言 ${ticket}（楼道的灯坏了，晚上看不见）可以申请重新办理。\n请简单说说还有哪些问题没有解决：`)
    expect(await ask(t, wang, '灯还是不亮')).to.equal(`已申请重新办理留言 ${ticket}，代表会再次处理并答复您。`)
    expect(await stored(ticket)).to.include({ status: 'reopened' })
    await dispatch(app)
    await waitFor(() => t.world.said('张伟').find((m) => m.includes(`留言 ${ticket} 群众不满意（2 分），已重新交您办理：灯还是不亮`)), 'the deputy told')
  })

  it('"还是没修好，重新办理吧" asks which message once, then takes her words as the reason', async () => {
    const ticket = await residentWithAnsweredMessage('楼道的灯坏了，晚上看不见')
    await ratedLowNoReopen(ticket)

    expect(await ask(t, wang, '还是没修好，重新办理吧')).to.equal(
      `您是要申请重新办理留言 ${ticket}（楼道的灯坏了，晚上看不见）吗？您说的"还是没修好"会一起转过去。\n1. 重新办理\n2. 不用了`,
    )
    expect(await stored(ticket), 'nothing reopened before she says so').to.include({ status: 'closed' })
    expect(await ask(t, wang, '1')).to.equal(`已申请重新办理留言 ${ticket}。您说的"还是没修好"已经转给代表，代表会再次处理并答复您。`)
    expect(await stored(ticket)).to.include({ status: 'reopened' })
  })

  it('"我的社保卡丢了，要重新办理" is about something else: "2" reopens nothing, and while writing the words stay in her message', async () => {
    const ticket = await residentWithAnsweredMessage('楼道的灯坏了，晚上看不见')
    await ratedLowNoReopen(ticket)
    await ask(t, wang, '给DP0001留言')
    expect(await ask(t, wang, '社区办事大厅排队太久')).to.include('收到')

    expect(await ask(t, wang, '我的社保卡丢了，要重新办理')).to.include(`您是要申请重新办理留言 ${ticket}（楼道的灯坏了，晚上看不见）吗？`)
    expect(await ask(t, wang, '2')).to.include('好的，谢谢您！')
    expect(await stored(ticket), 'her old message is left as it was').to.include({ status: 'closed' })
    expect(await ask(t, wang, '好了')).to.include('内容：社区办事大厅排队太久\n我的社保卡丢了，要重新办理')
  })

  it('"还是没修好，重新办理吧" before the score: asked for the score, her words kept for the low one and sent with 1', async () => {
    const ticket = await residentWithAnsweredMessage('楼道的灯坏了，晚上看不见')

    const first = await ask(t, wang, '还是没修好，重新办理吧')
    expect(first).to.include('请先给这次答复打分').and.include('您说的"还是没修好"记下了')
    expect(await ask(t, wang, '2'))
      .to.include('您说的"还是没修好"也记下了，重新办理时会转给代表。')
      .and.include('1. 重新办理')
    expect(await ask(t, wang, '1')).to.equal(`已申请重新办理留言 ${ticket}。您说的"还是没修好"已经转给代表，代表会再次处理并答复您。`)
    const reopened = (await stored(ticket))!
    expect(reopened).to.include({ status: 'reopened' })
    expect((await app.liaison.store.cases.events(reopened.id)).at(-1)?.note, 'the reason the deputy reads').to.equal('还是没修好')
  })

  it('"我要重新办理" with two that may be lists them by number; "重新办理 <number> …" names one', async () => {
    const first = await residentWithAnsweredMessage('楼道的灯坏了，晚上看不见')
    await ratedLowNoReopen(first)
    const second = await residentWithAnsweredMessage('小区门口的垃圾好几天没人清运')
    await ratedLowNoReopen(second, '1')

    const listed = [`1. ${second}【已办结】小区门口的垃圾好几天没人清运`, `2. ${first}【已办结】楼道的灯坏了，晚上看不见`, '不办了请回复"取消"。']
    expect(await ask(t, wang, '我要重新办理')).to.equal(['您有几条留言可以申请重新办理，要重新办理哪一条？请回复数字：', ...listed].join('\n'))
    // A number not on the list hears the list again, each message named as before.
    expect(await ask(t, wang, '3')).to.equal(['请回复 1 到 2 之间的数字，选要重新办理的留言：', ...listed].join('\n'))
    expect(await ask(t, wang, '2')).to.include(`留言 ${first}（楼道的灯坏了，晚上看不见）可以申请重新办理。`)
    expect(await ask(t, wang, '灯还是不亮')).to.equal(`已申请重新办理留言 ${first}，代表会再次处理并答复您。`)
    expect(await stored(second), 'not the other').to.include({ status: 'closed' })

    expect(await ask(t, wang, `重新办理 ${second} 垃圾还是没人收`)).to.equal(
      `已申请重新办理留言 ${second}。您说的"垃圾还是没人收"已经转给代表，代表会再次处理并答复您。`,
    )
    expect(await stored(second)).to.include({ status: 'reopened' })
  })

  it('rated well, or past the window: she is told why in words, and nothing is reopened', async () => {
    const liked = await residentWithAnsweredMessage('楼道的灯坏了，晚上看不见')
    expect(await ask(t, wang, '4')).to.include('已记下您的评分：4 分。谢谢您的评价！')
    expect(await ask(t, wang, '重新办理')).to.equal(
      // Right after her score, her words can still reach the deputy with it: the nearest thing she can do.
      `留言 ${liked.slice(-4)} 的答复您打了 4 分，只有打 1 分或 2 分的答复，才可以申请重新办理。\n还有什么没解决的，可以直接发过来，我们会和您的评分一起转给代表；\n也可以发送"留言"再写一条。`,
    )

    const late = await residentWithAnsweredMessage('小区门口的垃圾好几天没人清运')
    await ratedLowNoReopen(late)
    app.clock.advance(8 * DAY)
    expect(await ask(t, wang, `重新办理 ${late.slice(-4)}`)).to.equal(
      `留言 ${late.slice(-4)} 的答复已超过可申请重新办理的期限，不能再重新办理了。\n问题还没有解决的话，可以发送"留言"再写一条。`,
    )
    expect(await stored(liked)).to.include({ status: 'closed' })
    expect(await stored(late)).to.include({ status: 'closed' })
  })

  it('"重新办理" while writing a new message reopens the old one, and the new one goes on without it', async () => {
    const ticket = await residentWithAnsweredMessage('楼道的灯坏了，晚上看不见')
    await ratedLowNoReopen(ticket)
    await ask(t, wang, '给DP0001留言')
    expect(await ask(t, wang, '小区门口的垃圾好几天没人清运')).to.include('收到')

    expect(await ask(t, wang, '重新办理')).to.include(`留言 ${ticket}（楼道的灯坏了，晚上看不见）可以申请重新办理。`)
    expect(await ask(t, wang, '灯还是不亮')).to.equal(
      `已申请重新办理留言 ${ticket}，代表会再次处理并答复您。\n您的新留言还在写，接着说就行；说完了回复"好了"。`,
    )
    expect(await ask(t, wang, '好了')).to.include('内容：小区门口的垃圾好几天没人清运\n')
    const next = ticketIn(await ask(t, wang, '1'))
    expect((await stored(next))!.text).to.equal('小区门口的垃圾好几天没人清运')
  })
})
