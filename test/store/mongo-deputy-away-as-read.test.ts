import { expect } from 'chai'
import type { Document } from 'mongodb'
import type { DeputyAway } from '../../src/domain/deputy-away.js'
import { NotFoundError } from '../../src/errors.js'
import { StoreConflict } from '../../src/store/conflicts.js'
import { cursorAnswer } from '../fakes/mongo-wire.js'
import { outboxMessage } from './records.js'
import { fakeMongoForEachTest } from '../helpers/mongo-fake.js'
import { rejects } from '../helpers/rejects.js'

/**
 * The mongo side of changing a deputy's 暂停接收留言 only as it was read, against the wire-protocol fake (no MongoDB
 * server runs here; on real data it is the contract's, test/store/contract-deputy-away-as-read.ts, with MONGODB_URI):
 * the write names the mark as read, and a write that finds it changed inserts no notice and says stale_away.
 */
describe('mongo adapter: a deputy’s 暂停接收留言 changed only as it was read, against a fake server', function () {
  this.timeout(30_000)
  const mongo = fakeMongoForEachTest()
  const HIS: DeputyAway = { from: '2026-12-01', until: '2026-12-05', reason: 'leave', note: null, bySelf: true }
  const on = (collection: string, name: string) => mongo.fake.sent(name).filter((c) => c.body[name] === collection)

  it('writes only over the mark as read; finding it changed, inserts no notice and says so (an unknown deputy: not found)', async () => {
    // The deputy is there; the fake's findAndModify matches nothing: his mark is no longer the one read.
    mongo.fake.answer((c) =>
      c.name === 'find' && c.body.find === 'deputies' && c.body.filter?._id === 'dp0001' ? cursorAnswer(c, [{ _id: 'dp0001' }]) : undefined,
    )
    const store = await mongo.open()
    const ended = outboxMessage('deputy-away-ended:dp0001:1', { kind: 'deputy.away_ended', recipientKind: 'station', recipientId: 'st001' })
    const error = await rejects(store.deputies.setAway('dp0001', null, [ended], HIS))
    expect(error).to.be.instanceOf(StoreConflict)
    expect((error as StoreConflict).conflict).to.equal('stale_away')

    const [write] = on('deputies', 'findAndModify')
    expect(write!.body.query).to.deep.equal({
      _id: 'dp0001',
      'away.from': '2026-12-01',
      'away.until': '2026-12-05',
      'away.reason': 'leave',
      'away.note': null,
      'away.bySelf': true,
    })
    expect(
      on('outbox', 'insert').flatMap((c) => c.body.documents as Document[]),
      'no notice',
    ).to.deep.equal([])

    expect(await rejects(store.deputies.setAway('dp0001', HIS, [], null))).to.be.instanceOf(StoreConflict)
    expect(on('deputies', 'findAndModify')[1]!.body.query, 'read none: only over none').to.deep.equal({ _id: 'dp0001', away: null })
    expect(await rejects(store.deputies.setAway('dp9999', null, [], HIS)), 'an unknown deputy').to.be.instanceOf(NotFoundError)
  })
})
