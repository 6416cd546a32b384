import { expect } from 'chai'
import { cursorAnswer } from '../fakes/mongo-wire.js'
import { fakeMongoForEachTest } from '../helpers/mongo-fake.js'

/**
 * The mongo adapter hands back no dialogue kept past its keepUntil, before the purge deletes it, against the
 * wire-protocol fake (no MongoDB server runs here; on real data it is the contract's,
 * test/store/contract-bot-dialogues.ts, with MONGODB_URI).
 */
describe('mongo adapter: a chat dialogue past the time it was kept until, against a fake server', function () {
  this.timeout(30_000)
  const mongo = fakeMongoForEachTest()

  it('is none past that time, read within it, and read when saved without one', async () => {
    const at = new Date('2026-11-22T02:00:00Z')
    const docs: Record<string, object> = {
      'wx-sun': { _id: 'wx-sun', state: JSON.stringify({ words: '下水道堵了' }), updatedAt: at, keepUntil: new Date('2026-11-23T02:00:00Z') },
      'wx-old': { _id: 'wx-old', state: JSON.stringify({ step: 'older bot' }), updatedAt: at, keepUntil: null },
    }
    mongo.fake.answer((c) =>
      c.name === 'find' && c.body.find === 'bot_dialogues' ? cursorAnswer(c, [docs[c.body.filter?._id as string]].filter(Boolean)) : undefined,
    )
    const store = await mongo.open()
    expect((await store.bot.dialogue('wx-sun', new Date('2026-11-23T01:00:00Z')))!.state, 'within the day').to.deep.equal({ words: '下水道堵了' })
    expect(await store.bot.dialogue('wx-sun', new Date('2026-11-23T03:00:00Z')), 'past the day').to.equal(null)
    expect((await store.bot.dialogue('wx-old', new Date('2026-12-30T00:00:00Z')))!.state).to.deep.equal({ step: 'older bot' })
  })
})
