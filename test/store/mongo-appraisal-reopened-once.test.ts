import { expect } from 'chai'
import type { Document } from 'mongodb'
import { fakeMongoForEachTest } from '../helpers/mongo-fake.js'

/**
 * The contract of test/store/contract-appraisal-reopen.ts on mongo against the wire-protocol fake (no MongoDB server runs
 * here; on real data it is the contract's, with MONGODB_URI): a reopening is one update matched only while the
 * appraisal was never reopened, so a second one (or one at the same time) changes nothing and is told so.
 */
describe('mongo adapter: a 述职评议 reopened once, against a fake server', function () {
  this.timeout(30_000)
  const mongo = fakeMongoForEachTest()
  const AT = new Date('2026-12-16T02:00:00Z')

  it('updates the appraisal only while its reopenedAt is null, and says whether it did', async () => {
    const store = await mongo.open()
    let modified = 1
    mongo.fake.answer((c) => (c.name === 'update' && c.body.update === 'record_appraisals' ? { n: modified, nModified: modified, ok: 1 } : undefined))
    expect(await store.appraisals.markReopened('sv-1', 'sf03', AT)).to.equal(true)
    const [sent] = mongo.on('record_appraisals', 'update')
    const update = (sent!.body.updates as Document[])[0]!
    expect(update.q).to.deep.equal({ _id: 'sv-1', reopenedAt: null })
    expect(update.u).to.deep.equal({ $set: { reopenedAt: AT, reopenedBy: 'sf03' } })
    modified = 0
    expect(await store.appraisals.markReopened('sv-1', 'sf05', AT), 'already reopened: nothing matched').to.equal(false)
  })
})
