import { expect } from 'chai'
import type { Document } from 'mongodb'
import { StoreConflict } from '../../src/store/conflicts.js'
import { cursorAnswer, type ReceivedCommand } from '../fakes/mongo-wire.js'
import { fakeMongoForEachTest } from '../helpers/mongo-fake.js'
import { rejects } from '../helpers/rejects.js'

/**
 * The contract of test/store/contract-duty-day.ts on mongo against the wire-protocol fake (no MongoDB server runs here;
 * on real data it is the contract's, with MONGODB_URI): a day's save is one transaction whose first write is to the
 * station's document (so two saves at once meet there as a write conflict, and the one run again reads the other's),
 * then each deputy whose days change, with a new version; a save over a day changed meanwhile writes no deputy.
 */
describe('mongo adapter: one day of a station’s duty saved in one transaction, against a fake server', function () {
  this.timeout(30_000)
  const mongo = fakeMongoForEachTest()
  const deputy = (id: string, dates: string[], over: Document = {}) => ({
    _id: id,
    code: id.toUpperCase(),
    name: id,
    level: 'city',
    stationIds: ['st001'],
    duty: dates.length ? [{ stationId: 'st001', dates }] : [],
    version: `v-${id}`,
    ...over,
  })
  const deputiesAre = (...docs: Document[]) => mongo.fake.answer((c) => (c.name === 'find' && c.body.find === 'deputies' ? cursorAnswer(c, docs) : undefined))
  /** Commands sent since the store opened (opening writes some of its own). */
  let opened = 0
  const NAMES = ['update', 'find', 'insert', 'findAndModify', 'commitTransaction', 'abortTransaction']
  const open = async () => {
    const store = await mongo.open()
    opened = mongo.fake.sent(...NAMES).length
    return store
  }
  const since = () => mongo.fake.sent(...NAMES).slice(opened)
  const writesTo = (collection: string) => since().filter((c) => c.name === 'update' && c.body.update === collection)
  const first = (c: ReceivedCommand) => (c.body.updates as Document[])[0] as Document

  it('writes the station first, then each deputy whose days change, all in one transaction', async () => {
    deputiesAre(
      deputy('dp0001', ['2026-11-25']),
      deputy('dp0002', [], { stationIds: ['st002', 'st001'], duty: [{ stationId: 'st002', dates: ['2026-11-26'] }] }),
      deputy('dp0003', []),
    )
    const store = await open()
    await store.deputies.setDutyDay('st001', '2026-11-26', { onDuty: ['dp0001', 'dp0002'], seen: [] })

    const [station] = writesTo('stations')
    expect(first(station!).u, 'the station’s count of saves').to.deep.equal({ $inc: { dutySaves: 1 } })
    const deputies = writesTo('deputies')
    expect(deputies.map((c) => (first(c).q as Document)._id)).to.deep.equal(['dp0001', 'dp0002'])
    expect(first(deputies[1]!).u).to.deep.include({ $unset: { dutyDates: 1 } })
    const set = (first(deputies[1]!).u as Document).$set as Document
    expect(set.duty, 'his other station’s day kept').to.deep.equal([
      { stationId: 'st002', dates: ['2026-11-26'] },
      { stationId: 'st001', dates: ['2026-11-26'] },
    ])
    expect(set.version).to.be.a('string').and.not.equal('v-dp0002')
    const txn = station!.body.txnNumber
    expect(txn, 'in a transaction').not.to.equal(undefined)
    expect(deputies.map((c) => c.body.txnNumber)).to.deep.equal([txn, txn])
    const order = since().map((c) => `${c.name}:${String(c.body[c.name])}`)
    expect(order.indexOf('update:stations'), 'the station before the deputies are read').to.be.below(order.indexOf('find:deputies'))
    expect(since().filter((c) => c.name === 'commitTransaction')).to.have.length(1)
  })

  it('writes no deputy when the day is no longer as seen: duty_day_changed', async () => {
    deputiesAre(deputy('dp0001', ['2026-11-26']), deputy('dp0003', []))
    const store = await open()
    const err = await rejects(store.deputies.setDutyDay('st001', '2026-11-26', { onDuty: ['dp0003'], seen: [] }))
    expect(err).to.be.instanceOf(StoreConflict)
    expect((err as StoreConflict).conflict).to.equal('duty_day_changed')
    expect(writesTo('deputies')).to.deep.equal([])
    expect(since().filter((c) => c.name === 'commitTransaction')).to.deep.equal([])
  })
})
