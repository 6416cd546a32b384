import { expect } from 'chai'
import type { Document } from 'mongodb'
import { StoreConflict } from '../../src/store/conflicts.js'
import { cursorAnswer } from '../fakes/mongo-wire.js'
import { fakeMongoForEachTest } from '../helpers/mongo-fake.js'
import { rejects } from '../helpers/rejects.js'

/**
 * Review 35, L8, on mongo against the wire-protocol fake (the contract, test/store/contract-check-in-withdrawn.ts,
 * runs on a real replica set with MONGODB_URI): the check-in's own write names "no mark", and when it matched
 * nothing because he is marked, the refusal is no_longer_invited.
 */
describe('mongo adapter: a check-in written only while the invitee is not marked moved away, against a fake server', function () {
  this.timeout(30_000)
  const mongo = fakeMongoForEachTest()
  const who = { kind: 'deputy' as const, id: 'dp0001' }
  const updates = () => mongo.on('meeting_invitees', 'update')
  const filterOf = (c: { body: Document }) => ((c.body.updates as Document[])[0] as Document).q as Document

  it('writes over no mark and no check-in, and says no_longer_invited when the mark is there', async () => {
    mongo.fake.answer((c) =>
      c.name === 'find' && c.body.find === 'meeting_invitees'
        ? cursorAnswer(c, [
            { _id: 'x', meetingId: 'mt-1', personKind: 'deputy', personId: 'dp0001', checkedInAt: null, withdrawn: { reason: 'moved', at: new Date() } },
          ])
        : undefined,
    )
    const store = await mongo.open()
    const err = await rejects(store.meetings.checkIn('mt-1', who, new Date('2026-12-10T02:00:00Z')))
    expect(err).to.be.instanceOf(StoreConflict)
    expect((err as StoreConflict).conflict).to.equal('no_longer_invited')
    expect(filterOf(updates()[0]!)).to.deep.include({ checkedInAt: null, withdrawn: null })
  })

  it('answers false, as before, when he is signed in already', async () => {
    mongo.fake.answer((c) =>
      c.name === 'find' && c.body.find === 'meeting_invitees'
        ? cursorAnswer(c, [{ _id: 'x', meetingId: 'mt-1', personKind: 'deputy', personId: 'dp0001', checkedInAt: new Date() }])
        : undefined,
    )
    const store = await mongo.open()
    expect(await store.meetings.checkIn('mt-1', who, new Date('2026-12-10T02:00:00Z'))).to.equal(false)
  })
})
