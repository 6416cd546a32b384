import { expect } from 'chai'
import type { Document } from 'mongodb'
import { cursorAnswer } from '../fakes/mongo-wire.js'
import { fakeMongoForEachTest } from '../helpers/mongo-fake.js'

/**
 * "Her opinions" on the mongo adapter, against the wire-protocol fake (no MongoDB server runs here; on real data it is
 * the contract's, test/store/contract-her-opinions-by-id-only.ts, with MONGODB_URI). The fake answers as the server
 * would for the filter it is sent: an opinion matches when it has the surveyId and, if the filter names one, the
 * writer's id.
 */
describe('mongo adapter: a consultation’s opinions by one person’s id, against a fake server', function () {
  this.timeout(30_000)
  const mongo = fakeMongoForEachTest()

  it('an empty id finds none, never everyone’s', async () => {
    const at = new Date('2026-11-22T02:00:00Z')
    const opinion = (n: number, mpUserId: string) => ({
      _id: `op-${n}`,
      surveyId: 'sv-1',
      responseId: `sr-${n}`,
      articleId: 'a1',
      text: `第${n}位的意见`,
      mpUserId,
      outcome: 'pending',
      createdAt: at,
    })
    const stored = [opinion(1, 'u-zhao'), opinion(2, 'u-qian')]
    mongo.fake.answer((c) => {
      if (c.name !== 'find' || c.body.find !== 'survey_opinions') return undefined
      const filter = c.body.filter as Document
      return cursorAnswer(
        c,
        stored.filter((o) => o.surveyId === filter.surveyId && (!('mpUserId' in filter) || o.mpUserId === filter.mpUserId)),
      )
    })
    const store = await mongo.open()
    expect(await store.surveys.opinions('sv-1', { mpUserId: '' })).to.deep.equal([])
    expect((await store.surveys.opinions('sv-1', { mpUserId: 'u-qian' })).map((o) => o.text)).to.deep.equal(['第2位的意见'])
  })
})
