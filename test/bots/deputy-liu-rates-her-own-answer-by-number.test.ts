import { expect } from 'chai'
import { useCaseStory } from './case-story.js'
import { ask, bindingCode, type Person } from './helpers.js'
import { writesToZhangWei, zhangWeiAnswers } from './zhang-wei.js'

/**
 * Deputy Liu (刘洋, dp0005) lives on a street like anyone: she wrote to 张伟 as a resident about the lamp under her
 * window. His answer reaches her chat with "请回复 1 到 5 打分", and she types "回复 5", as the bot's lines always say
 * 回复. She is a deputy too, yet that 5 is her score, not line 5 of her 待办. With no such question waiting, her "回复 1"
 * is still read as a deputy's, and she is shown the line of 待办 she probably meant.
 */
describe('bot: Deputy Liu, a resident too, rates her own answer by its number', function () {
  this.timeout(60_000)
  const story = useCaseStory({ resident: ['wx-sun', '孙阿姨'] })
  let liu: Person
  const say = (words: string) => ask(story.bot, liu, words)

  beforeEach(async () => {
    liu = story.bot.world.person('wx-liuyang', '刘洋')
    expect(await say(`绑定 ${await bindingCode(story.app, 'dp0005')}`)).to.include('绑定成功！刘洋代表')
    // 孙阿姨's message waits in Liu's 待办, so a line number of hers names something real.
    if ((await ask(story.bot, story.resident, '给DP0005留言')).includes('同意请回复')) await ask(story.bot, story.resident, '同意')
    await ask(story.bot, story.resident, '医院门口的公交站没有遮雨棚，老人等车淋雨')
    await ask(story.bot, story.resident, '好了')
    await ask(story.bot, story.resident, '确认')
  })

  /** Liu's own message to 张伟, answered: the bot has just asked her for her score. */
  async function answeredToHer() {
    const ticket = await writesToZhangWei(story.bot, liu, '我家楼下的路灯坏了两个星期了')
    expect(await zhangWeiAnswers(story.app, story.bot, { deputy: story.deputy, resident: liu }, ticket)).to.include('有答复了')
    return ticket
  }

  it('"回复 5" right after the answer asks her score records 5 and says so, not the help for line 5 of her 待办', async () => {
    const ticket = await answeredToHer()
    const said = await say('回复 5')
    expect(said).to.include('已记下您的评分：5 分')
    expect(said).to.not.include('待办第')
    expect((await story.stored(ticket))!.rating).to.equal(5)
  })

  it('a bare "5" is her score as well', async () => {
    const ticket = await answeredToHer()
    expect(await say('5')).to.include('已记下您的评分：5 分')
    expect((await story.stored(ticket))!.rating).to.equal(5)
  })

  it('with no question of hers waiting, "回复 1" still shows her the line of 待办 she meant', async () => {
    expect(await say('回复 1'))
      .to.include('您是要答复待办第 1 条')
      .and.include('医院门口的公交站没有遮雨棚')
  })

  it('once she has done something else since the answer came (待办), "回复 1" is her 待办 line again', async () => {
    const ticket = await answeredToHer()
    expect(await say('待办')).to.include('1.【')
    expect(await say('回复 1')).to.include('您是要答复待办第 1 条')
    expect((await story.stored(ticket))!.rating).to.equal(null)
  })
})
