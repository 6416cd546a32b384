import { expect } from 'chai'
import { useCaseStory } from './case-story.js'
import { ask, bindingCode, type Person } from './helpers.js'
import { writesToZhangWei, zhangWeiAnswers } from './zhang-wei.js'

/**
 * Deputy Liu (刘洋, dp0005) lives on a street like anyone: she wrote to 张伟 as a resident about the lamp under her
 * window. She also works through her 待办 by its line numbers, and 孙阿姨's message about the bus stop is line 1 of it.
 * Whose a number of hers is, her own question's or her 待办's, is told by which was asked last
 * (bots/flows/resident-question.ts; the rules as a table: whose-bare-number-rules.test.ts). Her stories: beside her score
 * or her list (deputy-liu-says-a-number-of-her-score-or-list-or-her-todo.test.ts), and in the middle of a flow of
 * hers (deputy-liu-says-a-number-of-her-flow-or-her-todo.test.ts).
 */
export function liuWithSunInHerTodo() {
  const story = useCaseStory({ resident: ['wx-sun', '孙阿姨'] })
  const liu = {
    story,
    person: undefined as unknown as Person,
    /** 孙阿姨's message as 待办 numbers it (the last four digits). */
    sunShort: '',
    say: (words: string) => ask(story.bot, liu.person, words),
    /** Liu's own message to 张伟, answered: the bot has just asked her for her score. */
    async answeredToHer(text = '我家楼下的路灯坏了两个星期了') {
      const ticket = await writesToZhangWei(story.bot, liu.person, text)
      expect(await zhangWeiAnswers(story.app, story.bot, { deputy: story.deputy, resident: liu.person }, ticket)).to.include('有答复了')
      return ticket
    },
  }

  beforeEach(async () => {
    liu.person = story.bot.world.person('wx-liuyang', '刘洋')
    expect(await liu.say(`绑定 ${await bindingCode(story.app, 'dp0005')}`)).to.include('绑定成功！刘洋代表')
    // 孙阿姨's message is line 1 of Liu's 待办, so a line number of hers names something real.
    if ((await ask(story.bot, story.resident, '给DP0005留言')).includes('同意请回复')) await ask(story.bot, story.resident, '同意')
    await ask(story.bot, story.resident, '医院门口的公交站没有遮雨棚，老人等车淋雨')
    await ask(story.bot, story.resident, '好了')
    const sent = await ask(story.bot, story.resident, '确认')
    liu.sunShort = /\d{8}-(\d{4})/.exec(sent)![1]
  })
  return liu
}
