import { expect } from 'chai'
import type { Document } from 'mongodb'
import { fakeMongoForEachTest } from '../helpers/mongo-fake.js'

/**
 * The contract of test/store/contract-meetings.ts ("takes back a public place") on mongo against the wire-protocol
 * fake (on real data it is the contract's, with MONGODB_URI): the cap is checked on the meeting's `publicTaken`, so a
 * place given back must lower it in the same transaction, or the freed seat would stay full for the next resident.
 */
describe('mongo adapter: a public seat given back frees its count in the same transaction, against a fake server', function () {
  this.timeout(30_000)
  const mongo = fakeMongoForEachTest()
  const first = (c: { body: Document }, key: 'updates' | 'deletes') => (c.body[key] as Document[])[0] as Document

  it('deletes her place and lowers the meeting’s count, both in one transaction', async () => {
    mongo.fake.answer((c) => (c.name === 'delete' && c.body.delete === 'meeting_public_registrations' ? { n: 1, ok: 1 } : undefined))
    const store = await mongo.open()
    expect(await store.meetings.cancelPublic('mt-1', 'mu1')).to.equal(true)

    const [gone] = mongo.on('meeting_public_registrations', 'delete')
    expect(first(gone!, 'deletes').q).to.deep.equal({ meetingId: 'mt-1', mpUserId: 'mu1' })
    const [count] = mongo.on('meetings', 'update')
    expect(count, 'the meeting’s count lowered').not.to.equal(undefined)
    expect(first(count!, 'updates').q).to.deep.equal({ _id: 'mt-1', publicTaken: { $gt: 0 } })
    expect(first(count!, 'updates').u).to.deep.equal({ $inc: { publicTaken: -1 } })
    expect(gone!.body.txnNumber, 'in a transaction').not.to.equal(undefined)
    expect(count!.body.txnNumber).to.deep.equal(gone!.body.txnNumber)
    expect(mongo.fake.sent('commitTransaction')).to.have.length(1)
  })

  it('leaves the count alone when she held no place (given back already)', async () => {
    const store = await mongo.open()
    expect(await store.meetings.cancelPublic('mt-1', 'mu1')).to.equal(false)
    expect(mongo.on('meetings', 'update')).to.deep.equal([])
  })
})
