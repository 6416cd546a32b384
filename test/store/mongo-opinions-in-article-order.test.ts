import { expect } from 'chai'
import type { Document } from 'mongodb'
import type { Store } from '../../src/store/ports.js'
import { cursorAnswer } from '../fakes/mongo-wire.js'
import { fakeMongoForEachTest } from '../helpers/mongo-fake.js'

/**
 * What the mongo adapter asks for a page of opinions in the draft's order, against the wire-protocol fake (no MongoDB
 * server runs here): each opinion's article placed by its index in the order given (one not listed after them), then
 * sorted by that place and by time, inside the one aggregate. What it returns on real data is the contract suite's
 * (contract-consultation-outcome.ts) with MONGODB_URI.
 */
describe('mongo adapter: opinions in the draft’s order', function () {
  this.timeout(30_000)
  const mongo = fakeMongoForEachTest()
  let store: Store
  beforeEach(async () => {
    store = await mongo.open()
  })

  it('places each by its article’s index in the order, then sorts by that place and by time', async () => {
    mongo.fake.answer((c) =>
      c.name === 'aggregate' && c.body.aggregate === 'survey_opinions' ? cursorAnswer(c, [{ items: [], total: [{ n: 0 }] }]) : undefined,
    )
    await store.surveys.opinionPage('sv1', { articleOrder: ['a1', 'a8', 'a15'], offset: 0, limit: 20 })
    const [asked] = mongo.fake.sent('aggregate').filter((c) => c.body.aggregate === 'survey_opinions')
    const pipeline = asked!.body.pipeline as Document[]
    const placed = pipeline.find((stage) => stage.$addFields)?.$addFields.articlePlace
    expect(JSON.stringify(placed)).to.include('"$indexOfArray":[["a1","a8","a15"],"$articleId"]').and.include('3')
    expect(pipeline.find((stage) => stage.$sort)?.$sort).to.deep.equal({ articlePlace: 1, createdAt: 1, _id: 1 })
  })
})
