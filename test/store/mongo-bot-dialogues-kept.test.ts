import { expect } from 'chai'
import type { Document } from 'mongodb'
import { fakeMongoForEachTest } from '../helpers/mongo-fake.js'

/**
 * What the mongo adapter sends to keep a chat dialogue until the time the bot said, and to let it go then, against the
 * wire-protocol fake (no MongoDB server runs here; the behaviour on real data is the contract's,
 * test/store/contract-bot-dialogues.ts, run with MONGODB_URI).
 */
describe('mongo adapter: how long a chat dialogue is kept, against a fake server', function () {
  this.timeout(30_000)
  const mongo = fakeMongoForEachTest()
  const on = (...names: string[]) => mongo.fake.sent(...names).filter((c) => c.body[c.name] === 'bot_dialogues')

  it('writes the time a dialogue is kept until with it, and deletes by that time, or by the last touch when there is none', async () => {
    const store = await mongo.open()
    const indexes = on('createIndexes').flatMap((c) => c.body.indexes as Document[])
    expect(indexes.map((i) => i.key)).to.deep.include.members([{ keepUntil: 1 }, { updatedAt: 1 }])

    const at = new Date('2026-11-22T02:00:00Z')
    const until = new Date('2026-11-23T02:00:00Z')
    await store.bot.saveDialogue('wx-sun', { words: '下水道堵了' }, at, until)
    const [save] = on('update')
    expect(save.body.updates[0].u.$set).to.deep.include({ updatedAt: at, keepUntil: until })

    const now = new Date('2026-11-24T02:00:00Z')
    const untouched = new Date('2026-11-17T02:00:00Z')
    await store.bot.purgeDialogues(now, untouched)
    const [purge] = on('delete')
    expect(purge.body.deletes[0].q).to.deep.equal({ $or: [{ keepUntil: { $lt: now } }, { keepUntil: null, updatedAt: { $lt: untouched } }] })
  })
})
