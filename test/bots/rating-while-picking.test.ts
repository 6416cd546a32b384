import { expect } from 'chai'
import { useCaseStory } from './case-story.js'
import { ask, ticketIn, type BotUnderTest, type Person } from './helpers.js'

/**
 * 王阿姨 is 72 and choosing where a new message goes (district, then street) when 张伟's answer to an
 * earlier one comes. "满意", "五分" or a "5" the list has no item for rate that answer, "重新办理" asks
 * for its score first, and the list comes again with her draft kept; a number of the list stays a choice.
 */
describe('bot: a resident rates an answer while choosing the place of a new message', function () {
  this.timeout(60_000)
  const story = useCaseStory({ resident: ['wx-wang', '王阿姨'] })
  const { stored, writesToZhangWei, zhangWeiAnswers } = story
  let t: BotUnderTest
  let wang: Person
  beforeEach(() => ({ bot: t, resident: wang } = story))

  const DISTRICTS = '请选择您住在哪个区（县），回复数字：\n1. 湛河区\n2. 新华区\n3. 卫东区'
  const STREETS = '请选择哪个街道（乡镇），回复数字：\n1. 轻工街道\n2. 马庄街道\n0. 不清楚，就选湛河区'
  const SCORE_FIRST = '请先给这次答复打分，分数低的可以申请重新办理。\n打分请回复 1 到 5 中的一个数字：\n5 很满意　4 满意　3 一般　2 不满意　1 很不满意'

  /** An earlier message of hers, then "我们楼下路灯坏了找谁反映啊" (kept), and 张伟 answers the earlier one meanwhile. */
  async function answeredWhilePicking() {
    const earlier = await writesToZhangWei('楼道的灯坏了，晚上看不见')
    expect(await ask(t, wang, '我们楼下路灯坏了找谁反映啊')).to.include(DISTRICTS)
    await zhangWeiAnswers(earlier)
    return earlier
  }

  it('"满意" rates the answer and the district list comes again; "1" is still a district', async () => {
    const earlier = await answeredWhilePicking()
    expect(await ask(t, wang, '满意')).to.equal(`已记下您的评分：4 分。谢谢您的评价！\n您的新留言还没有写完，请接着选：\n${DISTRICTS}`)
    expect(await stored(earlier)).to.include({ status: 'closed', rating: 4 })
    expect(await ask(t, wang, '1')).to.include(STREETS)
    await ask(t, wang, '1')
    expect(await ask(t, wang, '1'))
      .to.include('发给：湛河区 轻工街道 建设路社区')
      .and.include('内容：我们楼下路灯坏了找谁反映啊\n')
    expect((await stored(ticketIn(await ask(t, wang, '1'))))!.text).to.equal('我们楼下路灯坏了找谁反映啊')
  })

  it('a number of the list stays a choice while the answer waits; "五分" then rates it', async () => {
    const earlier = await answeredWhilePicking()
    expect(await ask(t, wang, '1')).to.include(STREETS)
    expect(await stored(earlier), 'not rated by "1"').to.include({ status: 'replied' })
    expect(await ask(t, wang, '五分')).to.equal(`已记下您的评分：5 分。谢谢您的评价！\n您的新留言还没有写完，请接着选：\n${STREETS}`)
    expect(await stored(earlier)).to.include({ status: 'closed', rating: 5 })
  })

  it('a "5" the list has no item for rates the answer', async () => {
    const earlier = await answeredWhilePicking()
    expect(await ask(t, wang, '5')).to.equal(`已记下您的评分：5 分。谢谢您的评价！\n您的新留言还没有写完，请接着选：\n${DISTRICTS}`)
    expect(await stored(earlier)).to.include({ status: 'closed', rating: 5 })
  })

  it('"重新办理" asks for the score first; "不满意，灯还是不亮" then offers it, and the list comes back after', async () => {
    const earlier = await answeredWhilePicking()
    await ask(t, wang, '1')
    expect(await ask(t, wang, '重新办理')).to.equal(`${SCORE_FIRST}\n您的新留言还没有写完，请接着选：\n${STREETS}`)
    expect(await ask(t, wang, '不满意，灯还是不亮'))
      .to.include('已记下您的评分：2 分。很抱歉没能让您满意。')
      .and.include('1. 重新办理')
    expect(await ask(t, wang, '1')).to.equal(
      `已申请重新办理留言 ${earlier}。您说的"灯还是不亮"已经转给代表，代表会再次处理并答复您。\n您的新留言还没有写完，请接着选：\n${STREETS}`,
    )
    expect(await stored(earlier)).to.include({ status: 'reopened' })
    await ask(t, wang, '1')
    expect(await ask(t, wang, '1'))
      .to.include('发给：湛河区 轻工街道 建设路社区')
      .and.include('内容：我们楼下路灯坏了找谁反映啊\n')
  })
})
