import { expect } from 'chai'
import { asAdmin, type TestApp } from '../helpers/app.js'
import { useCaseStory } from './case-story.js'
import { ask, type BotUnderTest, type Person } from './helpers.js'

/**
 * 张伟 answers from WeChat the way a busy deputy types: he quotes the notice and writes 收到, copies
 * the notice's lines whole, sends 受理 twice, answers a message already answered. Nothing he only
 * meant as "I have it" reaches the resident as the answer to rate, and every refusal says why.
 */
describe('bot: a deputy acts on his notices in his own words', function () {
  this.timeout(30_000)
  const story = useCaseStory()
  const { stored, messageReachesZhangWei } = story
  let app: TestApp
  let t: BotUnderTest
  let deputy: Person
  const residents = new Map<string, Person>()
  const resident = (contact: string, name: string) => residents.get(contact) ?? residents.set(contact, t.world.person(contact, name)).get(contact)!
  beforeEach(() => {
    residents.clear()
    ;({ app, bot: t, deputy } = story)
  })

  /** A resident writes to him; the notice reaches him; returns the ticket and the notice as he reads it. */
  const aMessageArrives = (contact: string, name: string, text: string) => messageReachesZhangWei(resident(contact, name), text)
  const quoting = (notice: string, words: string) => `「联络站小助手：${notice}」\n- - - - - - - - - - - - - - -\n${words}`

  it('quoting the notice with "收到，马上安排人去看看" acknowledges it and sends the resident no answer to rate', async () => {
    const { ticket, notice } = await aMessageArrives('wx-sun', '孙阿姨', '小区北门的路灯不亮了')
    const said = await ask(t, deputy, quoting(notice, '收到，马上安排人去看看'))
    expect(said).to.include(`已受理留言 ${ticket}`).and.include('没有作为答复发给群众').and.include('办好后请发送：回复 ')
    expect(await stored(ticket)).to.include({ status: 'acknowledged', reply: null })

    expect(await ask(t, deputy, quoting(notice, '好的，我明天去现场看看再回复')), 'still not an answer').to.include('没有作为答复发给群众')
    expect(await ask(t, deputy, quoting(notice, '已联系供电所，路灯明天修好'))).to.include(`发给留言 ${ticket}`)
    expect(await ask(t, deputy, '是')).to.include(`已发给留言 ${ticket}`)
    expect(await stored(ticket)).to.include({ status: 'replied', reply: '已联系供电所，路灯明天修好' })
  })

  it('copies the notice lines whole: 受理 works, and the example words are not sent as the answer', async () => {
    const { ticket, notice } = await aMessageArrives('wx-sun', '孙阿姨', '小区北门的路灯不亮了')
    const short = ticket.slice(-4)
    const ackLine = notice.split('\n').find((l) => l.startsWith('受理请回复'))!
    expect(await ask(t, deputy, ackLine)).to.include(`已受理留言 ${ticket}`)
    expect(await ask(t, deputy, `受理 ${short}`), 'a second 受理').to.include(`留言 ${ticket} 您已经受理过了，不用再受理`)

    const replyLine = notice.split('\n').find((l) => l.startsWith('答复请回复'))!
    expect(await ask(t, deputy, replyLine)).to.include('请把"再写上答复"换成您要对群众说的话')
    expect(await ask(t, deputy, `回复 ${short} 答复内容`)).to.include('请把"答复内容"换成您要对群众说的话')
    expect((await stored(ticket))!.reply, 'nothing answered').to.equal(null)
  })

  it('says a message answered already, or taken back by the resident, is so, not that the number is wrong', async () => {
    const lamp = await aMessageArrives('wx-sun', '孙阿姨', '小区北门的路灯不亮了')
    const bins = await aMessageArrives('wx-qian', '钱大爷', '楼下垃圾桶满了没人清')
    expect(await ask(t, deputy, `回复 ${lamp.ticket.slice(-4)} 已联系供电所，明天修好`)).to.include(`发给留言 ${lamp.ticket}`)
    expect(await ask(t, deputy, '是')).to.include(`已发给留言 ${lamp.ticket}`)
    expect(await ask(t, deputy, `回复 ${lamp.ticket.slice(-4)} 补充一下：物业也会去看`)).to.include(`留言 ${lamp.ticket} 您已经答复过了`)

    const qian = resident('wx-qian', '钱大爷')
    expect(await ask(t, qian, `撤回 ${bins.ticket}`)).to.include(`已撤回留言 ${bins.ticket}`)
    expect((await stored(bins.ticket))!.status).to.equal('withdrawn')
    expect(await ask(t, deputy, `受理 ${bins.ticket.slice(-4)}`)).to.include(`留言 ${bins.ticket} 已被群众撤回，不用再办理了`)
  })

  it('a message given to another deputy, or handed back, is said to have gone there, not that the number is wrong', async () => {
    const lamp = await aMessageArrives('wx-sun', '孙阿姨', '小区北门的路灯不亮了')
    const bins = await aMessageArrives('wx-qian', '钱大爷', '楼下垃圾桶满了没人清')
    const office = await asAdmin(app)
    const given = await office.post(`/api/admin/cases/${(await stored(lamp.ticket))!.id}/assign`, { deputyId: 'dp0003', note: '李强代表熟悉这一片' })
    expect(given.status, JSON.stringify(given.body)).to.equal(200)
    expect(await ask(t, deputy, `受理 ${lamp.ticket.slice(-4)}`)).to.include(`留言 ${lamp.ticket} 已改由其他代表办理，您不用再处理`)
    expect(await ask(t, deputy, `回复 ${lamp.ticket} 已联系供电所`), 'by the whole number too').to.include('已改由其他代表办理')
    expect(await stored(lamp.ticket), 'his words reach nobody').to.include({ status: 'assigned', deputyId: 'dp0003', reply: null })

    expect(await ask(t, deputy, `转交 ${bins.ticket.slice(-4)} 不属于我联系的片区`)).to.include('交回联络站重新安排吗？')
    expect(await ask(t, deputy, '是')).to.include(`已把留言 ${bins.ticket} 交回联络站`)
    expect(await ask(t, deputy, `受理 ${bins.ticket.slice(-4)}`)).to.include(`留言 ${bins.ticket} 已交回联络站重新安排，您不用再处理`)
    expect(await ask(t, deputy, '受理 9999'), 'a number that was never his').to.include('您的待办中没有编号 9999')
  })

  it('two of his messages end in the same four digits: the notice, 待办 and a short number all give the whole numbers', async () => {
    const first = await aMessageArrives('wx-sun', '孙阿姨', '小区北门的路灯不亮了')
    app.clock.advance(24 * 3_600_000) // numbers start again each day
    const second = await aMessageArrives('wx-li', '李大爷', '公园的长椅坏了')
    expect(second.ticket.slice(-4)).to.equal(first.ticket.slice(-4))
    expect(second.notice, 'the whole number to act on').to.include(`受理请回复：受理 ${second.ticket}`)

    const todo = await ask(t, deputy, '待办')
    expect(todo).to.include(`【${first.ticket}】`).and.include(`【${second.ticket}】`)
    const short = await ask(t, deputy, `受理 ${first.ticket.slice(-4)}`)
    expect(short).to.include(`· ${first.ticket} 小区北门的路灯不亮了`).and.include(`· ${second.ticket} 公园的长椅坏了`).and.include('请发完整编号')
    expect((await stored(first.ticket))!.status, 'nothing acknowledged on a guess').to.equal('assigned')
    expect(await ask(t, deputy, `受理 ${second.ticket}`)).to.include(`已受理留言 ${second.ticket}`)
  })
})
