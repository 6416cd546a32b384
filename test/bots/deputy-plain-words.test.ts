import { expect } from 'chai'
import type { TestApp } from '../helpers/app.js'
import { useCaseStory } from './case-story.js'
import { ask, bindingCode, type BotUnderTest, type Person } from './helpers.js'

/**
 * 张伟 works his messages from WeChat without the exact commands: "回复0001已处理", a plain "路灯已经修好了",
 * "受理1", his binding code again. Nothing vague goes to a resident as an answer, a sentence that reads
 * like an answer is offered as the command to send (never sent for him), and 待办 says where each
 * message stands in his words.
 */
describe('bot: a deputy works his messages in plain words', function () {
  this.timeout(30_000)
  const story = useCaseStory({ resident: ['wx-sun', '孙阿姨'] })
  const { stored, messageReachesZhangWei } = story
  let app: TestApp
  let t: BotUnderTest
  let deputy: Person
  let resident: Person
  beforeEach(() => {
    ;({ app, bot: t, deputy, resident } = story)
  })

  it('"回复0001已处理" and the like are not sent: he is asked to say how it was handled', async () => {
    const { ticket } = await messageReachesZhangWei(resident, '小区北门的路灯不亮了')
    const short = ticket.slice(-4)
    for (const done of ['已处理', '已解决', '已办', '已办理', '处理了', '办好了']) {
      expect(await ask(t, deputy, `回复${short}${done}`), done).to.equal(`请写明怎么处理的，群众才知道结果，例如：回复 ${short} 已联系供电所，路灯昨天修好了`)
    }
    expect(await stored(ticket), 'no answer reached the resident').to.include({ reply: null })
    expect(
      t.world.said('孙阿姨').some((m) => m.includes('有答复了')),
      'the resident was not asked to rate',
    ).to.equal(false)
    expect(await ask(t, deputy, `回复${short}已请供电所换了灯泡，路灯昨天就亮了`)).to.include(`发给留言 ${ticket}`)
    expect(await ask(t, deputy, '是')).to.include(`已发给留言 ${ticket}`)
  })

  it('"路灯已经修好了" with one message open offers the 回复 line to send, and sends nothing', async () => {
    const { ticket } = await messageReachesZhangWei(resident, '小区北门的路灯不亮了')
    const short = ticket.slice(-4)
    expect(await ask(t, deputy, '路灯已经修好了')).to.equal(
      `是要答复留言 ${short}（小区北门的路灯不亮了）吗？请发送：回复 ${short} 路灯已经修好了\n如果这是您自己要反映的问题，请发送"留言"。`,
    )
    expect(await stored(ticket), 'an offer, not an answer').to.include({ reply: null })

    const neighbour = t.world.person('wx-qian', '钱大爷')
    await messageReachesZhangWei(neighbour, '楼下垃圾桶满了没人清')
    const several = await ask(t, deputy, '路灯已经修好了')
    expect(several).to.include('是要答复留言吗？请把留言编号写在前面，例如：回复 ').and.include('您有 2 条待办留言，编号请发送"待办"查看。')
    expect(await stored(ticket)).to.include({ reply: null })
  })

  it('a complaint of his own is not taken for an answer', async () => {
    await messageReachesZhangWei(resident, '小区北门的路灯不亮了')
    expect(await ask(t, deputy, '我家楼下的路灯已经坏了一个星期')).to.not.include('是要答复留言')
  })

  it('待办 says "新留言，还没受理" and, once accepted, "已受理，待答复" without offering 受理 again', async () => {
    const { ticket } = await messageReachesZhangWei(resident, '小区北门的路灯不亮了')
    const short = ticket.slice(-4)
    const fresh = await ask(t, deputy, '待办')
    expect(fresh).to.include(`【${short}】新留言，还没受理 · 小区北门的路灯不亮了`).and.include(`受理 ${short}`)
    expect(fresh).to.not.include('已分派')
    await ask(t, deputy, `受理 ${short}`)
    const taken = await ask(t, deputy, '待办')
    expect(taken).to.include(`【${short}】已受理，待答复 · 小区北门的路灯不亮了`).and.include(`回复 ${short} 答复内容`)
    expect(taken).to.not.include(`受理 ${short}`)
  })

  // "受理1" once accepted 0001: but his 待办 numbers its lines 1, 2 …, and a 受理 tells a resident her message is being
  // handled, so a short number names the line he likely meant and accepts nothing (deputy-numbers.ts).
  it('"受理1" is shown line 1 of his 待办 and accepts nothing; "受理0001" a second time names the whole number', async () => {
    const { ticket } = await messageReachesZhangWei(resident, '小区北门的路灯不亮了')
    expect(ticket.slice(-4)).to.equal('0001')
    expect(await ask(t, deputy, '受理1')).to.equal('编号是【】里的四位数。您是要受理待办第 1 条【0001】（小区北门的路灯不亮了）吗？是的话请发送：受理 0001')
    expect(await stored(ticket)).to.include({ status: 'assigned' })
    expect(await ask(t, deputy, '受理0001')).to.include(`已受理留言 ${ticket}`)
    expect(await ask(t, deputy, '受理0001')).to.equal(`留言 ${ticket} 您已经受理过了，不用再受理。办好后请发送：回复 0001 再写上答复`)
  })
})

describe('bot: binding, said wrong or twice', function () {
  this.timeout(30_000)
  const story = useCaseStory({ resident: ['wx-sun', '孙阿姨'], deputyBound: false })
  const { writes } = story

  it('"绑定123" is told the code has six digits', async () => {
    const { bot: t, deputy } = story
    expect(await ask(t, deputy, '绑定123')).to.equal('绑定码是 6 位数字，例如：绑定 123456')
  })

  it('the same code again after binding says he is bound already', async () => {
    const { app, bot: t, deputy } = story
    const code = await bindingCode(app, 'dp0001')
    expect(await ask(t, deputy, `绑定 ${code}`)).to.include('绑定成功！张伟代表')
    expect(await ask(t, deputy, `绑定 ${code}`)).to.equal('您已经绑定为张伟代表了，不用再绑定。\n如需改绑，请向联络站工作人员重新获取绑定码。')
  })

  it('"受理 0001" and "回复 0001 …" before binding say what 待办 says: bind first', async () => {
    const { bot: t, deputy } = story
    const ticket = await writes('小区北门的路灯不亮了')
    const bindFirst = await ask(t, deputy, '待办')
    expect(bindFirst).to.include('仅限已绑定的人大代表')
    expect(await ask(t, deputy, `受理 ${ticket.slice(-4)}`)).to.equal(bindFirst)
    expect(await ask(t, deputy, `回复 ${ticket.slice(-4)} 路灯已经修好了`)).to.equal(bindFirst)
  })
})
