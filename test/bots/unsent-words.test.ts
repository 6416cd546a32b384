import { expect } from 'chai'
import type { TestApp } from '../helpers/app.js'
import { useCaseStory } from './case-story.js'
import { ask, ticketIn, type BotUnderTest, type Person } from './helpers.js'
import { bindZhangWei } from './zhang-wei.js'

/**
 * 老李 is 72. Whatever he says while a message of his is unsent, his words stay his: "重新办理" while
 * writing answers the rating question that came meanwhile, as it would outside a message; "留言" while
 * asked whether to handle an answer again, or while still choosing where his first words go, keeps
 * what he wrote and says so.
 */
describe('bot: a resident’s unsent words survive "重新办理" and "留言"', function () {
  this.timeout(60_000)
  const story = useCaseStory({ resident: ['wx-li', '老李'], deputyBound: false })
  const { stored, writesToZhangWei, writingWhenAnswered, atSummaryWhenAnswered } = story
  let app: TestApp
  let t: BotUnderTest
  let li: Person
  beforeEach(() => ({ app, bot: t, resident: li } = story))

  const allCases = async () => (await app.liaison.store.cases.search({ limit: 10 })).items

  /** He left a message to 张伟 earlier (agreeing to the notice then), and 张伟 is on WeChat. */
  async function earlierMessage(text: string) {
    await bindZhangWei(app, t, story.deputy)
    return writesToZhangWei(text)
  }

  const SCORE_FIRST = '请先给这次答复打分，分数低的可以申请重新办理。\n打分请回复 1 到 5 中的一个数字：'

  it('"重新办理" while writing asks for the score first, as it does outside a message; his message goes on without it', async () => {
    const earlier = await earlierMessage('楼道的灯坏了，晚上看不见')
    await writingWhenAnswered(earlier, '小区门口的垃圾好几天没人清运')

    expect(await ask(t, li, '重新办理')).to.equal(
      `${SCORE_FIRST}\n5 很满意　4 满意　3 一般　2 不满意　1 很不满意\n您的新留言还在写，接着说就行；说完了回复"好了"。`,
    )
    expect(await ask(t, li, '2'))
      .to.include('已记下您的评分：2 分。很抱歉没能让您满意。')
      .and.include('1. 重新办理')
    expect(await ask(t, li, '重新办理')).to.equal('请简单说说还有哪些问题没有解决：')
    expect(await ask(t, li, '灯还是不亮'))
      .to.include(`已申请重新办理留言 ${earlier}，代表会再次处理并答复您。`)
      .and.include('您的新留言还在写')
    expect(await stored(earlier)).to.include({ status: 'reopened' })

    expect(await ask(t, li, '早上七点前要清走')).to.equal('')
    expect(await ask(t, li, '好了')).to.include('内容：小区门口的垃圾好几天没人清运\n早上七点前要清走\n')
    const next = ticketIn(await ask(t, li, '1'))
    expect((await stored(next))!.text, 'no "重新办理" in it').to.equal('小区门口的垃圾好几天没人清运\n早上七点前要清走')
  })

  it('"重新办理" under the summary of his new message asks for the score first and adds nothing to the message', async () => {
    const earlier = await earlierMessage('楼道的灯坏了，晚上看不见')
    await atSummaryWhenAnswered(earlier, '小区门口的垃圾好几天没人清运')

    expect(await ask(t, li, '重新办理'))
      .to.include(SCORE_FIRST)
      .and.include('您的新留言还没有送出：确认送出请回复 1，不要了请回复"取消"。')
      .and.not.include('已补充')
    expect(await stored(earlier)).to.include({ status: 'replied' })
    const next = ticketIn(await ask(t, li, '1'))
    expect((await stored(next))!.text).to.equal('小区门口的垃圾好几天没人清运')
  })

  it('"留言" while asked whether to handle an answer again shows the message he was writing, unsent, and "1" sends it', async () => {
    const earlier = await earlierMessage('楼道的灯坏了，晚上看不见')
    await writingWhenAnswered(earlier, '小区门口的垃圾好几天没人清运')
    expect(await ask(t, li, '不满意'))
      .to.include('1. 重新办理')
      .and.include('2. 不用了')

    expect(await ask(t, li, '留言')).to.equal(
      lines(
        `留言 ${earlier} 没有申请重新办理。`,
        '',
        '您刚才写的留言还没有发出：「小区门口的垃圾好几天没人清运」。',
        '回复 1 发出这条，回复 2 不要了重新写。',
        '不想留言了请回复"取消"。',
      ),
    )
    const sent = await ask(t, li, '1')
    expect(sent).to.include('留言已送出，谢谢您！')
    expect((await stored(ticketIn(sent)))!.text).to.equal('小区门口的垃圾好几天没人清运')
    expect(await stored(earlier), 'rated, not reopened').to.include({ status: 'closed', rating: 2 })
  })

  it('his problem as his first words, then "留言" before the place is chosen: the words are kept and the place asked again', async () => {
    const KEPT = '您刚才说的「我们楼下路灯坏了找谁反映啊」已经记下了，选好发给谁，就可以送出。'
    expect(await ask(t, li, '我们楼下路灯坏了找谁反映啊'))
      .to.include('这段话已经记下了')
      .and.include('同意请回复"同意"')
    const notice = await ask(t, li, '留言')
    expect(notice, 'still before the notice').to.include(KEPT).and.include('同意请回复"同意"')
    expect(await ask(t, li, '同意')).to.match(/请选择您住在哪个区（县），回复数字：\n1\. 湛河区/)
    await ask(t, li, '1')

    const again = await ask(t, li, '留言')
    expect(again).to.include(KEPT).and.include('请选择您住在哪个区（县），回复数字：\n1. 湛河区')
    expect(again, 'no notice twice').to.not.include('同意请回复')
    await ask(t, li, '1')
    await ask(t, li, '1')
    const summary = await ask(t, li, '1')
    expect(summary).to.include('发给：湛河区 轻工街道 建设路社区').and.include('内容：我们楼下路灯坏了找谁反映啊\n')
    const ticket = ticketIn(await ask(t, li, '1'))
    expect(await stored(ticket)).to.include({ regionId: 'c010101', text: '我们楼下路灯坏了找谁反映啊' })
  })

  it('his problem as his first words, then "我要给张伟代表留言" before the place is chosen: it goes to 张伟 with his words', async () => {
    await ask(t, li, '我们楼下路灯坏了找谁反映啊')
    await ask(t, li, '同意')
    const lost = await ask(t, li, '我要给李四代表留言')
    expect(lost).to.include('没有找到"李四"代表').and.include('已经记下了').and.include('1. 湛河区')
    const summary = await ask(t, li, '我要给张伟代表留言：晚上出门很危险')
    expect(summary).to.include('发给：张伟代表').and.include('内容：我们楼下路灯坏了找谁反映啊\n晚上出门很危险\n')
    expect(await ask(t, li, '1')).to.include('留言已送出')
    expect((await allCases()).map((c) => c.text)).to.deep.equal(['我们楼下路灯坏了找谁反映啊\n晚上出门很危险'])
  })

  it('his problem as his first words, then "我要给张伟代表留言：…" before agreeing to the notice: after "同意" both go to 张伟', async () => {
    await ask(t, li, '我们楼下路灯坏了找谁反映啊')
    const notice = await ask(t, li, '我要给张伟代表留言：晚上出门很危险')
    expect(notice).to.include('您刚才说的「我们楼下路灯坏了找谁反映啊」已经记下了。').and.include('同意请回复"同意"')
    expect(await ask(t, li, '同意'))
      .to.include('发给：张伟代表')
      .and.include('内容：我们楼下路灯坏了找谁反映啊\n晚上出门很危险\n')
    expect(await ask(t, li, '1')).to.include('留言已送出')
    expect((await allCases()).map((c) => c.text)).to.deep.equal(['我们楼下路灯坏了找谁反映啊\n晚上出门很危险'])
  })

  it('"我要给李四代表留言：…" with a name not found keeps his words and asks where they go', async () => {
    await ask(t, li, '我要给李四代表留言：小区门口的井盖丢了')
    const lost = await ask(t, li, '同意')
    expect(lost)
      .to.include('没有找到"李四"代表，请核对名字或编号。您说的话已经记下了，也可以按住址选择发给谁。')
      .and.include('请选择您住在哪个区（县），回复数字：\n1. 湛河区')
    await ask(t, li, '1')
    await ask(t, li, '1')
    expect(await ask(t, li, '1'))
      .to.include('发给：湛河区 轻工街道 建设路社区')
      .and.include('内容：小区门口的井盖丢了\n')
    expect(await stored(ticketIn(await ask(t, li, '1')))).to.include({ regionId: 'c010101', text: '小区门口的井盖丢了' })
  })
})

const lines = (...parts: string[]) => parts.join('\n')
