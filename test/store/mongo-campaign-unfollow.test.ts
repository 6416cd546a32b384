import { expect } from 'chai'
import type { Document } from 'mongodb'
import { fakeMongoForEachTest } from '../helpers/mongo-fake.js'

/**
 * Review 36, finding 12, on mongo against the wire-protocol fake (the contract, test/store/contract-campaigns.ts,
 * runs on a real replica set with MONGODB_URI): 不再关注 deletes this one person's follow of this one campaign,
 * and says whether there was one.
 */
describe('mongo adapter: ending one follow of a campaign, against a fake server', function () {
  this.timeout(30_000)
  const mongo = fakeMongoForEachTest()
  const wang = { kind: 'mp_user' as const, id: 'mu-1' }

  it('deletes by campaign, kind and person, one document, and answers whether one was there', async () => {
    let removed = 1
    mongo.fake.answer((c) => (c.name === 'delete' && c.body.delete === 'campaign_followers' ? { ok: 1, n: removed } : undefined))
    const store = await mongo.open()
    expect(await store.campaigns.unfollow('cp-1', wang)).to.equal(true)
    removed = 0
    expect(await store.campaigns.unfollow('cp-1', wang)).to.equal(false)
    const [first] = mongo.on('campaign_followers', 'delete')
    const statement = (first!.body.deletes as Document[])[0] as Document
    expect(statement.q).to.deep.equal({ campaignId: 'cp-1', personKind: 'mp_user', personId: 'mu-1' })
    expect(statement.limit, 'one document, never every follower').to.equal(1)
  })
})
