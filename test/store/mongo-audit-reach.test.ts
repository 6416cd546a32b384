import { expect } from 'chai'
import { ObjectId, type Document } from 'mongodb'
import { cursorAnswer } from '../fakes/mongo-wire.js'
import { fakeMongoForEachTest } from '../helpers/mongo-fake.js'

/**
 * The contract of test/store/contract-audit-reach.ts on mongo against the wire-protocol fake (no MongoDB server runs here;
 * on real data it is the contract's, with MONGODB_URI): an office's part of 操作记录 is one aggregation, newest first, that
 * looks up the place of each entry's case and keeps those by or about the office's ids or about its cases.
 */
describe('mongo adapter: an office reads its own part of the audit log, against a fake server', function () {
  this.timeout(30_000)
  const mongo = fakeMongoForEachTest()

  it('asks one aggregation: the filters, newest first, the case looked up, the reach matched, the page limited', async () => {
    const store = await mongo.open()
    const id = new ObjectId()
    const at = new Date('2026-12-07T01:00:00Z')
    mongo.fake.answer((c) =>
      c.name === 'aggregate' && c.body.aggregate === 'audit_log'
        ? cursorAnswer(c, [
            { _id: id, at, actorKind: 'staff', actorId: 'admin', action: 'case.text.read', targetKind: 'case', targetId: 'case-1', details: {} },
          ])
        : undefined,
    )
    const page = await store.audit.list({ limit: 50, action: 'case.text.read', reach: { ids: ['sf01'], districtIds: ['d01'], stationIds: [] } })
    expect(page.items).to.deep.equal([
      { id: id.toHexString(), at, actorKind: 'staff', actorId: 'admin', action: 'case.text.read', targetKind: 'case', targetId: 'case-1', details: {} },
    ])
    const [sent] = mongo.fake.sent('aggregate').filter((c) => c.body.aggregate === 'audit_log')
    const pipeline = sent!.body.pipeline as Document[]
    expect(pipeline[0]).to.deep.equal({ $match: { action: 'case.text.read' } })
    expect(pipeline[1]).to.deep.equal({ $sort: { _id: -1 } })
    expect(pipeline[2].$lookup).to.deep.include({ from: 'cases', localField: 'targetId', foreignField: '_id' })
    expect((pipeline[3].$match as Document).$or).to.deep.include({ targetKind: 'case', 'inCase.districtId': { $in: ['d01'] } })
    expect((pipeline[3].$match as Document).$or).to.deep.include({ actorId: { $in: ['sf01'] } })
    expect(pipeline[4]).to.deep.equal({ $limit: 51 })
  })
})
