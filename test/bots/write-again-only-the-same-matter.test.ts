import { expect } from 'chai'
import { useCaseStory } from './case-story.js'
import { ask, ticketIn, type BotUnderTest, type Person } from './helpers.js'

/**
 * 孙大爷's lift message was answered and rated low; days later he writes about a street light of the same building.
 * His words share 光明社区3号楼 with the lift message, yet they are another thing: never offered as that message
 * handled again (a "1" would send street-light words to the lift), only made a new message. Words about the lift
 * itself still are. And his earlier messages are told as they are: an answered one waits for his score.
 */
describe('bot: 孙大爷 writes again, only the same matter is offered to be handled again', function () {
  this.timeout(60_000)
  const story = useCaseStory({ resident: ['wx-sun', '孙大爷'] })
  let t: BotUnderTest
  let sun: Person
  beforeEach(() => ({ bot: t, resident: sun } = story))

  const DAY = 24 * 3_600_000

  /** His lift message to 张伟, answered, rated 2, the offer to handle it again declined, three days ago. */
  const liftRatedLow = () => story.answeredRatedLowDaysAgo('光明社区3号楼的电梯坏了好几天了', '已请物业修好了电梯。')

  it('a street light of the same building is a new message: no "是不是上次", the lift message left as it was', async () => {
    const lift = await liftRatedLow()
    const words = '光明社区3号楼前的路灯坏了，晚上黑得看不见路'
    const first = await ask(t, sun, words)
    expect(first).to.not.include('是不是上次').and.not.include('重新办理')
    expect(first).to.include('这段话已经记下了').and.include('请选择您住在哪个区（县）')
    for (const pick of ['1', '1']) await ask(t, sun, pick)
    expect(await ask(t, sun, '2')).to.include(`发给：湛河区 轻工街道 光明社区\n内容：${words}\n`)
    const next = ticketIn(await ask(t, sun, '1'))
    expect(next).to.not.equal(lift)
    expect(await story.stored(next)).to.include({ text: words, regionId: 'c010102' })
    expect(await story.stored(lift)).to.include({ status: 'closed', text: '光明社区3号楼的电梯坏了好几天了' })
  })

  it('the lift again is still asked about, named by its thing; "1" has the lift message handled again', async () => {
    const lift = await liftRatedLow()
    expect(await ask(t, sun, '光明社区3号楼的电梯又坏了，老人上不了楼')).to.equal(
      [
        `您说的"光明社区3号楼的电梯又坏了，老人上不了楼"，是不是上次"电梯"的事（留言 ${lift.slice(-4)}：光明社区3号楼的电梯坏了好几天了）？`,
        '1. 是，请代表重新办理',
        '2. 不是，写一条新留言',
      ].join('\n'),
    )
    expect(await ask(t, sun, '1')).to.include(`已申请重新办理留言 ${lift}。`)
    expect(await story.stored(lift)).to.include({ status: 'reopened' })
  })

  it('an answered message waiting for his score is told so, never said to be in hand', async () => {
    await story.residentWithTwoAnsweredMessages()
    await ask(t, sun, '4')
    await story.writes('楼道的灯坏了晚上看不见')
    story.app.clock.advance(DAY)
    t.clock.advance(DAY)
    expect(await ask(t, sun, '灯又不亮了')).to.equal(
      [
        '您刚才说的"灯又不亮了"还没有发出去。',
        '（您之前发出的留言：1 条正在办理，1 条已答复，等您评价。发送"查询"可以看办到哪一步了。）',
        '要把刚才这句话作为一条新留言发给代表，请回复 1；不用了，请回复 2。',
        '要办别的事，请回复"帮助"看菜单。',
      ].join('\n'),
    )
  })
})
