import { expect } from 'chai'
import { startApp, type TestApp } from '../helpers/app.js'
import { useCaseStory } from './case-story.js'
import { ask, botFleet, BOT_SECRET, caseCity } from './helpers.js'

/**
 * 王阿姨 (72) takes the bot at its word. Asking for a person, she is promised nothing no rule keeps: the deputy
 * answers her (staff do not), and calls only if she leaves her number and he needs to. Left half an hour, she hears
 * that she said nothing for half an hour, not that "no answer came" (回复 is the deputy's answer here). And doing as
 * she is told, "回复 1", "回复 4", she means the number.
 */
const PHONE_IF_NEEDED = '您把问题写下来发给代表，代表会答复您；想让代表打电话的话，留言里写上您的电话，代表需要时会打给您。'

describe('bot: 王阿姨 is told only what will happen', function () {
  this.timeout(60_000)

  describe('in her chat with the bot', () => {
    const story = useCaseStory({ resident: ['wx-wang-ayi', '王阿姨'] })
    const say = (words: string) => ask(story.bot, story.resident, words)
    /** She says nothing for `minutes`, and the bot sweeps: what it said to her meanwhile. */
    async function silentFor(minutes: number) {
      const t = story.bot
      const before = t.world.said('王阿姨').length
      t.clock.advance(minutes * 60_000)
      t.bot.inbox.sweep()
      await t.bot.inbox.settled()
      return t.world.said('王阿姨').slice(before).join('\n\n')
    }

    it('asking for a person, with nothing going on or while she writes, she is promised the deputy’s answer and a call only if needed', async () => {
      const nobody = await say('我要找人工')
      expect(nobody).to.include(PHONE_IF_NEEDED).and.not.include('工作人员').and.not.include('代表会打给您')
      await say('给DP0001留言')
      await say('同意')
      await say('楼道里的灯坏了三个月了')
      const aside = await say('人工')
      expect(aside).to.include('没有人工客服').and.include(PHONE_IF_NEEDED).and.include('您的新留言还在写')
    })

    it('left half an hour while choosing her district, she hears she said nothing for half an hour', async () => {
      await say('留言')
      expect(await say('同意')).to.include('1. 湛河区')
      expect(await silentFor(31)).to.equal('您好，您有半个小时没有回话，这次留言已经先结束了，内容没有送出。需要时请再发送"留言"。')
    })

    it('"回复1" at the menu starts a message; "回复 4" scores the answer; "回复1" under "对答复的意见，还是新的问题" passes her words on', async () => {
      expect(await say('你好')).to.include('1. 留言')
      expect(await say('回复1')).to.include('同意请回复')
      await say('取消')
      const ticket = await story.residentWithAnsweredMessage('我家楼下那个路灯坏了快一个月了，晚上黑咕隆咚的')
      expect(await say('回复 4')).to.include('已记下您的评分：4 分')
      expect(await say('灯是修了')).to.include('回复 1 是对答复的意见')
      expect(await say('回复1')).to.include('您说的"灯是修了"已经转给代表了')
      expect(await story.stored(ticket)).to.include({ rating: 4, ratingComment: '灯是修了' })
    })
  })

  describe('where the chat waits 45 minutes', () => {
    let app: TestApp
    const fleet = botFleet(() => app.baseUrl)
    beforeEach(async () => {
      app = await startApp({ directory: caseCity(), overrides: { bot: { secret: BOT_SECRET } } })
    })
    afterEach(async () => {
      await fleet.stopAll()
      await app.close()
    })

    it('left that long, she hears the 45 minutes it was', async () => {
      const t = await fleet.start({ overrides: { dialogueTimeoutMinutes: 45 } })
      const wang = t.world.person('wx-wang-ayi', '王阿姨')
      await ask(t, wang, '留言')
      expect(await ask(t, wang, '同意')).to.include('1. 湛河区')
      t.clock.advance(46 * 60_000)
      t.bot.inbox.sweep()
      await t.bot.inbox.settled()
      expect(t.world.said('王阿姨').at(-1)).to.equal('您好，您有 45 分钟没有回话，这次留言已经先结束了，内容没有送出。需要时请再发送"留言"。')
    })
  })
})
