import { expect } from 'chai'
import { useCaseStory } from './case-story.js'
import { ask } from './helpers.js'

/**
 * Round 45: what 王阿姨 (72) does with her message is 送出, in the mini-program and in the chat; 提交 is a deputy's or
 * the office's act. Under her summary she reads "1. 确认送出" and types the word she read: it sends her message. 提交,
 * typed by habit from the old wording, still does.
 */
describe('bot: 王阿姨 reads 确认送出 and types 送出', function () {
  this.timeout(60_000)
  const story = useCaseStory({ resident: ['wx-wang-ayi', '王阿姨'] })
  const say = (words: string) => ask(story.bot, story.resident, words)

  /** She writes `text` to 建设路社区 up to its summary; what the bot said at "好了". */
  async function upToSummary(text: string) {
    await say('留言')
    await say('同意')
    await say('1')
    await say('1')
    expect(await say('1')).to.include('留言将发给：湛河区 轻工街道 建设路社区')
    await say(text)
    expect(await say('送出了吗'), 'asked while writing: not yet').to.include('还没有送出。说完了请回复"好了"')
    return say('好了')
  }

  const sentOnce = async (start: string) => {
    const found = await story.app.liaison.store.cases.search({ limit: 10 })
    return found.items.filter((c) => c.text.startsWith(start))
  }

  for (const typed of ['送出', '确认送出', '提交']) {
    it(`"${typed}" under "1. 确认送出" sends her message`, async () => {
      const summary = await upToSummary('楼道里的灯坏了三个月了，晚上上下楼看不见')
      expect(summary).to.include('内容：楼道里的灯坏了三个月了，晚上上下楼看不见\n\n1. 确认送出\n2. 重新填写\n3. 取消')
      expect(summary, 'her act is 送出, not 提交').to.not.include('提交')

      const sent = await say(typed)
      expect(sent)
        .to.include('留言已送出，谢谢您！')
        .and.match(/编号：\d{8}-\d{4}/)
      expect(sent, 'not taken as more words').to.not.include('已补充')
      expect(await sentOnce('楼道里的灯坏了'), 'her words alone, once').to.have.length(1)
      expect((await story.bot.bot.client.dialogue('wx-wang-ayi')).state, 'nothing going on').to.equal(null)
    })
  }

  it('a summary left alone says 还没有送出, and 取消 says 内容没有送出', async () => {
    await upToSummary('小区门口的垃圾好几天没人清运')
    expect(await say('👍')).to.include('留言还没有送出。请回复数字：\n1. 确认送出')
    expect(await say('取消')).to.include('好的，已取消，内容没有送出。')
    expect(await sentOnce('小区门口的垃圾'), 'nothing sent').to.have.length(0)
  })
})
