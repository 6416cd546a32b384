import { expect } from 'chai'
import { ask, type BotUnderTest, type Person } from './helpers.js'
import { useSunDaye } from './sun-daye.js'

/**
 * 孙大爷 is not happy with the answer ("不满意根本没修好") and is offered 重新办理. He answers late, or says "重新办理" where
 * the bot asks something else, or answers "why" with "我要重新办理". The request is always heard; the deputy gets a
 * reason that says something: what he said with his score, or words he is asked for again.
 */
describe('bot: 孙大爷 asks to have his message handled again', function () {
  this.timeout(60_000)
  const story = useSunDaye({ deputyBound: true })
  let t: BotUnderTest
  let sun: Person
  beforeEach(() => ({ bot: t, sun } = story))

  const DAY = 24 * 3_600_000
  const TEXT = '小区门口的下水道堵了好几天了'

  /** The reason the deputy reads with the request, as the backend kept it. */
  async function reopenReason(ticket: string) {
    const events = await story.app.liaison.store.cases.events((await story.stored(ticket))!.id)
    return events.filter((e) => e.type === 'reopened').at(-1)?.note ?? null
  }

  it('the offer lapses with a word; "重新办理" inside "作为新留言？1/2" is heard, and his words there go with it', async () => {
    const ticket = await story.residentWithAnsweredMessage(TEXT, '已请物业疏通了下水道。')
    expect(await ask(t, sun, '不满意根本没修好')).to.include('您说的"根本没修好"也记下了，重新办理时会转给代表。')

    const before = t.world.said('孙大爷').length
    t.clock.advance(31 * 60_000)
    t.bot.inbox.sweep()
    await t.bot.inbox.settled()
    expect(t.world.said('孙大爷').slice(before)).to.deep.equal([
      `您好，您有半个小时没有回话，留言 ${ticket} 还没有申请重新办理。需要的话，请随时发送"重新办理"。`,
    ])

    expect(await ask(t, sun, '还是堵着呢')).to.include('您刚才说的"还是堵着呢"还没有发出去。')
    expect(await ask(t, sun, '重新办理')).to.equal(`您是要申请重新办理留言 ${ticket}（${TEXT}）吗？您说的"还是堵着呢"会一起转过去。\n1. 重新办理\n2. 不用了`)
    expect(await ask(t, sun, '1')).to.equal(`已申请重新办理留言 ${ticket}。您说的"还是堵着呢"已经转给代表，代表会再次处理并答复您。`)
    expect(await story.stored(ticket)).to.include({ status: 'reopened' })
    expect(await reopenReason(ticket)).to.equal('还是堵着呢')
  })

  it('a day after "不用了", "重新办理" names what he said with his score, and "我要重新办理" sends that, not the request again', async () => {
    const ticket = await story.residentWithAnsweredMessage(TEXT, '已请物业疏通了下水道。')
    await ask(t, sun, '不满意根本没修好')
    expect(await ask(t, sun, '2')).to.include('好的，谢谢您！')
    story.app.clock.advance(DAY)
    t.clock.advance(DAY)

    expect(await ask(t, sun, '重新办理')).to.equal(
      `留言 ${ticket}（${TEXT}）可以申请重新办理。\n您打分时说过"根本没修好"，会一起转给代表。\n还有要补充的，请直接说；没有了，请回复"好了"。`,
    )
    expect(await ask(t, sun, '我要重新办理')).to.equal(`已申请重新办理留言 ${ticket}。您说的"根本没修好"已经转给代表，代表会再次处理并答复您。`)
    expect(await reopenReason(ticket)).to.equal('根本没修好')
  })

  it('with no words at his score, "重新办", "对" asked why are asked again; his reason then goes', async () => {
    const ticket = await story.residentWithAnsweredMessage(TEXT, '已请物业疏通了下水道。')
    expect(await ask(t, sun, '2')).to.include('1. 重新办理')
    expect(await ask(t, sun, '2')).to.include('好的，谢谢您！')
    expect(await ask(t, sun, '重新办理')).to.equal(`留言 ${ticket}（${TEXT}）可以申请重新办理。\n请简单说说还有哪些问题没有解决：`)
    const again = '请用一句话说说还有哪些问题没有解决，比如"还是没修好"，代表会照着再办。不办了请回复"取消"。'
    expect(await ask(t, sun, '重新办')).to.equal(again)
    expect(await ask(t, sun, '对')).to.equal(again)
    expect(await story.stored(ticket)).to.include({ status: 'closed' })
    expect(await ask(t, sun, '还是堵着一下雨就冒水')).to.equal(`已申请重新办理留言 ${ticket}，代表会再次处理并答复您。`)
    expect(await reopenReason(ticket)).to.equal('还是堵着一下雨就冒水')
  })
})
