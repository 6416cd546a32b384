import { expect } from 'chai'
import { useCaseStory } from './case-story.js'
import { ask } from './helpers.js'

/**
 * Deputy Liu, 58: "It asked 确认请回复"是", so I typed 回复是 — and it said 没有交回." The question's own words,
 * 回复是, 回复"是" or "是" with its quote marks, are his 是: the message goes back to the station.
 */
describe('bot: Deputy Liu hands a message back typing the 是 as the question words it', function () {
  this.timeout(30_000)
  const story = useCaseStory({ resident: ['wx-zhou', '老周'] })
  const say = (words: string) => ask(story.bot, story.deputy, words)
  let ticket: string
  beforeEach(async () => {
    ticket = await story.writes('我家住建设路18号，楼道里的扶手断了')
  })

  for (const yes of ['回复是', '回复"是"', '"是"']) {
    it(`"${yes}" hands it back`, async () => {
      expect(await say('交回 0001 不归我管')).to.include('交回联络站重新安排吗？')
      expect(await say(yes)).to.equal(`已把留言 ${ticket} 交回联络站工作人员处理。`)
      expect(await story.stored(ticket)).to.include({ deputyId: null, status: 'submitted' })
    })
  }
})
