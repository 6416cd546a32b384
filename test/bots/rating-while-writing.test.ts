import { expect } from 'chai'
import { useCaseStory } from './case-story.js'
import { ask, ticketIn, type BotUnderTest, type Person } from './helpers.js'

/**
 * 老李 is writing a new message when the answer to an earlier one arrives with the rating question.
 * "满意！" alone answers that question, as "4" does: it is recorded and the new message goes on
 * without it. And the rating question names the message's number only when he has more than one
 * answer to rate: with one, the line about "几条留言" only confuses.
 */
describe('bot: a resident rates an answer in words while writing a new message', function () {
  this.timeout(60_000)
  const story = useCaseStory({ resident: ['wx-elder', '老李'] })
  const { stored, writes, zhangWeiAnswers: answered, writingWhenAnswered, atSummaryWhenAnswered } = story
  let t: BotUnderTest
  let resident: Person
  beforeEach(async () => {
    ;({ bot: t, resident } = story)
    // He agrees to the privacy notice once, with his first message.
    await ask(t, resident, '给DP0001留言')
    await ask(t, resident, '同意')
    await ask(t, resident, '取消')
  })

  it('"满意！", "很满意👍", "非常满意", "基本满意。" alone rate the answer that came meanwhile; the new message keeps only his words', async () => {
    // Each round's new message in words of its own: the same words again, while the first is open, would be asked about.
    for (const [said, score, when] of [
      ['满意！', 4, '七点'],
      ['很满意👍', 5, '八点'],
      ['非常满意', 5, '九点'],
      ['基本满意。', 3, '十点'],
    ] as const) {
      const earlier = await writes(`路口红绿灯时间太短（${said}）`)
      await writingWhenAnswered(earlier, '小区门口的垃圾好几天没人清运', '已联系物业处理。')
      expect(await ask(t, resident, said), said)
        .to.include(`已记下您的评分：${score} 分。谢谢您的评价！`)
        .and.include('您的新留言还在写，接着说就行；说完了回复"好了"。')
      expect(await stored(earlier), said).to.include({ status: 'closed', rating: score })
      expect(await ask(t, resident, `早上${when}前要清走`), said).to.equal('')
      expect(await ask(t, resident, '好了'), said).to.include(`内容：小区门口的垃圾好几天没人清运\n早上${when}前要清走\n`)
      const next = ticketIn(await ask(t, resident, '1'))
      expect((await stored(next))!.text, `no "${said}" in it`).to.equal(`小区门口的垃圾好几天没人清运\n早上${when}前要清走`)
    }
  })

  it('"不满意" alone while writing is the score 2 with the offer to handle it again; "2" and his message goes on', async () => {
    const earlier = await writes('楼道的灯坏了，晚上看不见')
    await writingWhenAnswered(earlier, '小区门口的垃圾好几天没人清运', '已联系物业处理。')
    expect(await ask(t, resident, '不满意'))
      .to.include('已记下您的评分：2 分。很抱歉没能让您满意。')
      .and.include('1. 重新办理')
      .and.include('2. 不用了')
    expect(await stored(earlier)).to.include({ status: 'closed', rating: 2 })
    expect(await ask(t, resident, '2'))
      .to.include('好的，谢谢您！')
      .and.include('您的新留言还在写')
    expect(await ask(t, resident, '好了')).to.include('内容：小区门口的垃圾好几天没人清运\n')
    expect((await stored(ticketIn(await ask(t, resident, '1'))))!.text).to.equal('小区门口的垃圾好几天没人清运')
  })

  it('"不满意，灯还是不亮" while writing keeps the reason, as it does outside a message; "1" reopens with it', async () => {
    const earlier = await writes('楼道的灯坏了，晚上看不见')
    await writingWhenAnswered(earlier, '小区门口的垃圾好几天没人清运', '已联系物业处理。')
    expect(await ask(t, resident, '不满意，灯还是不亮'))
      .to.include('已记下您的评分：2 分。很抱歉没能让您满意。')
      .and.include('您说的"灯还是不亮"也记下了')
    expect(await stored(earlier)).to.include({ status: 'closed', rating: 2, ratingComment: '灯还是不亮' })
    expect(await ask(t, resident, '1'))
      .to.include(`已申请重新办理留言 ${earlier}。您说的"灯还是不亮"已经转给代表`)
      .and.include('您的新留言还在写')
    expect(await stored(earlier)).to.include({ status: 'reopened' })
    expect(await ask(t, resident, '好了')).to.include('内容：小区门口的垃圾好几天没人清运\n')
  })

  it('at the summary of his new message, "满意" rates the answer and is not added to the message', async () => {
    const earlier = await writes('路口红绿灯时间太短')
    await atSummaryWhenAnswered(earlier, '小区门口的垃圾好几天没人清运', '已联系物业处理。')
    expect(await ask(t, resident, '满意'))
      .to.include('已记下您的评分：4 分。谢谢您的评价！')
      .and.include('您的新留言还没有送出')
      .and.not.include('已补充')
    expect((await stored(ticketIn(await ask(t, resident, '1'))))!.text).to.equal('小区门口的垃圾好几天没人清运')
  })

  it("the rating question names the message's number only while more than one of his answers waits for a score", async () => {
    const first = await writes('路口红绿灯时间太短，老人过不去马路')
    const second = await writes('小区门口的垃圾好几天没人清运')
    const alone = await answered(first, '已和交警大队沟通。')
    expect(alone).to.include('请为办理结果打分，回复一个数字：')
    expect(alone, 'one waiting: no line about several').to.not.include('有几条留言等着打分时')

    const two = await answered(second, '已联系环卫所。')
    expect(two).to.include(`有几条留言等着打分时，请写上编号后四位，如：评价 ${second.slice(-4)} 5`)

    await ask(t, resident, '5')
    await ask(t, resident, `评价 ${first.slice(-4)} 4`)
    const third = await writes('楼道灯坏了')
    expect(await answered(third, '已修好。'), 'both others rated: one waits again').to.not.include('有几条留言等着打分时')
  })
})
