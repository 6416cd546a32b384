import { expect } from 'chai'
import type { Document } from 'mongodb'
import type { Store } from '../../src/store/ports.js'
import { cursorAnswer } from '../fakes/mongo-wire.js'
import { fakeMongoForEachTest } from '../helpers/mongo-fake.js'

/**
 * What two mongo methods ask of the server, against the wire-protocol fake (no MongoDB server runs
 * here): readings published together read their campaign's followers once, and a page of a city-level
 * consultation's opinions places the station-less ones by their answer's district inside one aggregate,
 * never by reading every such answer's id into the query (thousands of them, on every page). What they
 * return on real data is the contract suite's (contract-campaigns.ts, contract-consultation-outcome.ts)
 * with MONGODB_URI.
 */
describe('mongo adapter: a publication and a page of opinions ask once', function () {
  this.timeout(30_000)
  const mongo = fakeMongoForEachTest()
  let store: Store
  beforeEach(async () => {
    store = await mongo.open()
  })
  const on = (collection: string, name: string) => mongo.fake.sent(name).filter((c) => c.body[name] === collection)

  it('reads the followers of a campaign once for three readings published together, and reaches each with all three', async () => {
    mongo.fake.answer((c) =>
      c.name === 'findAndModify' && c.body.findAndModify === 'reading_items'
        ? { lastErrorObject: { n: 1, updatedExisting: true }, value: { _id: (c.body.query as Document)._id, campaignId: 'cp1', publishedAt: null }, ok: 1 }
        : undefined,
    )
    mongo.fake.answer((c) =>
      c.name === 'find' && c.body.find === 'campaign_followers'
        ? cursorAnswer(c, [{ _id: 'f1', campaignId: 'cp1', personKind: 'mp_user', personId: 'mu-1', stationId: null, districtId: null }])
        : undefined,
    )
    expect(await store.campaigns.publishItems(['ri1', 'ri2', 'ri3'], new Date('2026-11-22T02:00:00Z'), [], [])).to.equal(true)
    expect(on('campaign_followers', 'find'), 'the followers, once').to.have.length(1)
    expect(on('campaigns', 'update'), "the campaign's gate, once").to.have.length(1)
    const reached = on('reading_reach', 'update').flatMap((c) => c.body.updates as Document[])
    expect(reached.map((u) => `${u.q.itemId}:${u.q.personId}`)).to.have.members(['ri1:mu-1', 'ri2:mu-1', 'ri3:mu-1'])
  })

  it("pages a follower's part of a consultation in one aggregate that looks each station-less opinion's answer up beside it", async () => {
    const opinion = {
      _id: 'op1',
      surveyId: 'sv1',
      responseId: 'sr1',
      articleId: 'a1',
      text: '第三条的期限太短',
      stationId: null,
      outcome: 'pending',
      createdAt: new Date('2026-11-22T02:00:00Z'),
    }
    mongo.fake.answer((c) =>
      c.name === 'aggregate' && c.body.aggregate === 'survey_opinions' ? cursorAnswer(c, [{ items: [opinion], total: [{ n: 7 }] }]) : undefined,
    )
    const page = await store.surveys.opinionPage('sv1', { within: { stationIds: ['st001'], districtIds: ['d01'] }, offset: 0, limit: 20 })
    expect(page.total).to.equal(7)
    expect(page.items.map((o) => o.text)).to.deep.equal(['第三条的期限太短'])
    expect(on('survey_responses', 'find'), "no answer's id read into the query").to.deep.equal([])
    const [asked] = on('survey_opinions', 'aggregate')
    const lookup = (asked!.body.pipeline as Document[]).find((stage) => stage.$lookup)
    expect(lookup?.$lookup).to.deep.include({ from: 'survey_responses', localField: 'responseId', foreignField: '_id' })
  })
})
