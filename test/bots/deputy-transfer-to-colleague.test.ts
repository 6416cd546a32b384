import { expect } from 'chai'
import { useCaseStory } from './case-story.js'
import { ask } from './helpers.js'
import { noSuchColleague } from '../../bots/flows/deputy-transfer.js'
import type { Turn } from '../../bots/flows/turn.js'

/**
 * 张伟 hands a message on in the chat as he does in the mini-program: "转交 0001 王芳" to his colleague
 * 王芳 at the same station, after his "是"; a name that is none of his colleagues is said so, with who
 * may take it; "转交 0001 原因" still hands it back to the station, after his "是" (as 交回 does). The resident is told only what happened.
 */
describe('bot: a deputy hands a message to a colleague by name', function () {
  this.timeout(30_000)
  const story = useCaseStory({ resident: ['wx-zhou', '老周'] })
  let ticket: string
  let short: string
  beforeEach(async () => {
    ticket = await story.writes('我家住建设路18号，楼道里的扶手断了')
    short = ticket.slice(-4)
  })
  const say = (words: string) => ask(story.bot, story.deputy, words)

  it('"转交 0001 王芳" asks first, and "是" gives the message to 王芳, which the resident then reads', async () => {
    expect(await say(`转交 ${short} 王芳`)).to.equal(
      `要把留言 ${short}（我家住建设路18号，楼道里的扶手断了）转给王芳代表办理吗？\n确认请回复"是"，不转请回复"不"。`,
    )
    expect(await story.stored(ticket), 'nothing moved before his yes').to.include({ deputyId: 'dp0001' })

    expect(await say('是')).to.equal(`已把留言 ${ticket} 转给王芳代表办理，您不用再处理了。`)
    expect(await story.stored(ticket)).to.include({ deputyId: 'dp0002', status: 'assigned' })
    expect(await say('待办'), 'no longer his').to.equal('您目前没有待办留言。')

    // Her one message is shown in full at once.
    const detail = await ask(story.bot, story.resident, '查询')
    expect(detail).to.include('张伟代表把留言转给王芳代表办理')
    expect(detail, 'not told it went back to the station').to.not.include('交回').and.not.include('联络站正在安排')
  })

  it('keeps what he wrote after the name as the reason: "转交 0001 王芳代表，她联系这个小区"', async () => {
    expect(await say(`转交 ${short} 王芳代表，她联系这个小区`)).to.include('转给王芳代表办理吗？')
    expect(await say('是的')).to.include('转给王芳代表办理')
    const events = await story.app.liaison.store.cases.events((await story.stored(ticket))!.id)
    expect(events.at(-1)).to.include({ type: 'transferred', note: '她联系这个小区' })
  })

  it('a name that is no colleague is said so, with whom it may go to, and nothing moves', async () => {
    const said = await say(`转交 ${short} 王方`)
    expect(said).to.equal(
      [
        `"王方"不是能接手这条留言的代表，留言 ${short} 没有转交，还在您这里。`,
        '可以转给：李强代表、王芳代表',
        '也可以交回轻工街道代表联络站，由工作人员重新安排。',
        '',
        `转给代表请发送：转交 ${short} 李强`,
        `交回联络站请发送：交回 ${short} 再写上原因`,
      ].join('\n'),
    )
    expect(await story.stored(ticket), 'still his, not sent back to the station').to.include({ deputyId: 'dp0001', status: 'assigned' })
  })

  it('a message that goes back to an office says how to hand it back to that office, by its name', () => {
    // An office gave it to a deputy of no station: no colleague, only the office that placed it.
    const said: string[] = []
    const turn = { say: (text: string) => said.push(text) } as unknown as Turn
    noSuchColleague(turn, '0001', '王方', [{ kind: 'office', deputyCode: null, name: '湛河区人大常委会办公室', levelLabel: null, stationName: null }])
    expect(said[0]).to.include('也可以交回湛河区人大常委会办公室，由工作人员重新安排。')
    expect(said[0]).to.include('交回湛河区人大常委会办公室请发送：交回 0001 再写上原因')
  })

  it('"不" leaves the message with him; a reason without a name still hands it back to the station, after his "是"', async () => {
    await say(`转交 ${short} 王芳`)
    expect(await say('不')).to.equal(`好的，留言 ${short} 没有转交，还在您这里。\n要交回联络站，请发送：交回 ${short} 再写上原因`)
    expect(await story.stored(ticket)).to.include({ deputyId: 'dp0001' })
    expect(await say('是'), 'the question is gone').to.not.include('转给王芳代表')
    expect(await story.stored(ticket)).to.include({ deputyId: 'dp0001' })

    // A reason, no name: handed back to the station, asked first as 交回 is.
    expect(await say(`转交 ${short} 菜市场不在我的片区，请站里调整给别的代表`)).to.include('交回联络站重新安排吗？')
    expect(await say('是')).to.equal(`已把留言 ${ticket} 交回联络站工作人员处理。`)
    expect(await story.stored(ticket)).to.include({ deputyId: null, status: 'submitted' })
  })

  it('another command instead of "是" drops the question, says so, and is done', async () => {
    await say(`转交 ${short} 王芳`)
    const said = await say('待办')
    expect(said).to.include(`留言 ${short} 没有转给王芳代表，还在您这里。`).and.include('您有 1 条待办留言')
    expect(await story.stored(ticket)).to.include({ deputyId: 'dp0001' })
  })
})
