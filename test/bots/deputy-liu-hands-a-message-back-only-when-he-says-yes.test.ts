import { expect } from 'chai'
import { useCaseStory } from './case-story.js'
import { ask } from './helpers.js'

/**
 * Deputy Liu, 58: "转交 does two things: with a name it asks me first, with a reason it sends the message back to the
 * station at once — and my menu calls that 交回, which the bot did not know." 交回 is the hand-back, his menu shows
 * it, and like 转交 to a colleague it asks first: only "是" sends it back; anything else leaves it with him, said so.
 * "转交 0001 原因" asks the same question.
 */
describe('bot: Deputy Liu hands a message back to the station only when he says 是', function () {
  this.timeout(30_000)
  const story = useCaseStory({ resident: ['wx-zhou', '老周'] })
  const say = (words: string) => ask(story.bot, story.deputy, words)
  const ASKED = '要把留言 0001（我家住建设路18号，楼道里的扶手断了）交回联络站重新安排吗？\n确认请回复"是"，不交回请回复"不"。'
  let ticket: string
  beforeEach(async () => {
    ticket = await story.writes('我家住建设路18号，楼道里的扶手断了')
    expect(ticket.slice(-4)).to.equal('0001')
  })

  it('his menu shows 交回; "交回 0001 不归我管" asks first, "是" sends it back', async () => {
    expect(await say('帮助'))
      .to.include('交回 0001 原因 —— 交回联络站重新安排')
      .and.not.include('转交 0001 原因')
    expect(await say('交回 0001 不归我管')).to.equal(ASKED)
    expect(await story.stored(ticket), 'nothing moved before his yes').to.include({ deputyId: 'dp0001', status: 'assigned' })

    expect(await say('是')).to.equal(`已把留言 ${ticket} 交回联络站工作人员处理。`)
    expect(await story.stored(ticket)).to.include({ deputyId: null, status: 'submitted' })
    const events = await story.app.liaison.store.cases.events((await story.stored(ticket))!.id)
    expect(events.at(-1)).to.include({ type: 'transferred', note: '不归我管' })
  })

  it('anything but "是" leaves it with him and says so; "转交 0001 原因" asks the same', async () => {
    await say('交回 0001 不归我管')
    expect(await say('好的')).to.equal('留言 0001 没有交回，还在您这里。\n要交回，请再发送：交回 0001 不归我管')
    expect(await story.stored(ticket)).to.include({ deputyId: 'dp0001', status: 'assigned' })
    expect(await say('是'), 'the question is gone').to.not.include('交回联络站工作人员')
    expect(await story.stored(ticket)).to.include({ deputyId: 'dp0001' })

    expect(await say('转交 0001 菜市场不在我的片区')).to.equal(ASKED)
    expect(await say('不')).to.include('留言 0001 没有交回，还在您这里。')
    expect(await story.stored(ticket)).to.include({ deputyId: 'dp0001', status: 'assigned' })

    expect(await say('交回 0001'), 'a reason is asked for').to.equal('请写明交回的原因，例如：\n交回 0001 不属于本站范围')
  })
})
