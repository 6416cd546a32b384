import { expect } from 'chai'
import { ask, ticketIn, type BotUnderTest, type Person } from './helpers.js'
import { useSunDaye } from './sun-daye.js'

/**
 * 孙大爷 writes again. His place is offered back ("您上次是光明社区，还发这里吗？"), as the mini-program fills it in for
 * 再写一条; and "下水道又堵了你们怎么搞的", days after an answer about the 下水道 he rated low, is asked about first:
 * that message handled again with his words, or a new one.
 */
describe('bot: 孙大爷 writes again', function () {
  this.timeout(60_000)
  const story = useSunDaye({ deputyBound: true })
  let t: BotUnderTest
  let sun: Person
  beforeEach(() => ({ bot: t, sun } = story))

  /** A message to 张伟, answered, rated 2 with his words, and the offer to handle it again declined. */
  const sewerRatedLow = () => story.answeredRatedLowDaysAgo('小区门口的下水道堵了好几天了', '已请物业疏通了下水道。')

  it('"留言" again offers the place of his last message: "1" goes there, "换地方" lists the districts', async () => {
    await story.writesFromGuangming('楼道的灯坏了晚上看不见')
    expect(await ask(t, sun, '留言')).to.equal(
      '您上次是光明社区（湛河区 轻工街道 光明社区），这次还发这里吗？\n1. 是，还发光明社区\n2. 换地方\n回复"取消"可以随时退出。',
    )
    expect(await ask(t, sun, '1')).to.include('好的，留言将发给：湛河区 轻工街道 光明社区。')
    await ask(t, sun, '取消')
    await ask(t, sun, '留言')
    expect(await ask(t, sun, '换地方')).to.include('请选择您住在哪个区（县），回复数字：\n1. 湛河区')
  })

  it('an answer comes while he is asked "还发这里吗": "5" scores it, and the question is asked again', async () => {
    await story.writesFromGuangming('楼道的灯坏了晚上看不见')
    const ticket = await story.writesToZhangWei('小区门口的下水道堵了好几天了')
    await story.zhangWeiAnswers(ticket, '已请物业疏通了下水道。')
    expect(await ask(t, sun, '留言')).to.include('这次还发这里吗？')
    expect(await ask(t, sun, '5'))
      .to.include('已记下您的评分：5 分')
      .and.include('您的新留言还没有写完。\n您上次是光明社区（湛河区 轻工街道 光明社区），这次还发这里吗？')
    expect(await story.stored(ticket)).to.include({ rating: 5 })
    expect(await ask(t, sun, '1')).to.include('好的，留言将发给：湛河区 轻工街道 光明社区。')
  })

  it('"下水道又堵了你们怎么搞的" asks whether it is the 下水道 message; "1" has it handled again with his words', async () => {
    const ticket = await sewerRatedLow()
    expect(await ask(t, sun, '下水道又堵了你们怎么搞的')).to.equal(
      [
        `您说的"下水道又堵了你们怎么搞的"，是不是上次"下水道"的事（留言 ${ticket.slice(-4)}：小区门口的下水道堵了好几天了）？`,
        '1. 是，请代表重新办理',
        '2. 不是，写一条新留言',
      ].join('\n'),
    )
    expect(await ask(t, sun, '1')).to.equal(`已申请重新办理留言 ${ticket}。您说的"下水道又堵了你们怎么搞的"已经转给代表，代表会再次处理并答复您。`)
    expect(await story.stored(ticket)).to.include({ status: 'reopened', deputyId: 'dp0001' })
  })

  it('"2" makes his words a new message, and offers the place of his last message chosen by place', async () => {
    await story.writesFromGuangming('楼道的灯坏了晚上看不见')
    const sewer = await sewerRatedLow()
    expect(await ask(t, sun, '下水道又堵了你们怎么搞的')).to.include('1. 是，请代表重新办理')
    expect(await ask(t, sun, '2'))
      .to.include('好的，这段话记下了，作为一条新留言')
      .and.include('您上次是光明社区（湛河区 轻工街道 光明社区），这次还发这里吗？')
    expect(await ask(t, sun, '是的')).to.include('发给：湛河区 轻工街道 光明社区\n内容：下水道又堵了你们怎么搞的\n')
    const next = ticketIn(await ask(t, sun, '1'))
    expect(await story.stored(next)).to.include({ text: '下水道又堵了你们怎么搞的', regionId: 'c010102' })
    expect(await story.stored(sewer), 'the old one left as it was').to.include({ status: 'closed' })
  })
})
