import { expect } from 'chai'
import type { Document } from 'mongodb'
import { StoreConflict } from '../../src/store/conflicts.js'
import { cursorAnswer } from '../fakes/mongo-wire.js'
import { fakeMongoForEachTest } from '../helpers/mongo-fake.js'
import { rejects } from '../helpers/rejects.js'

/**
 * Review 38 (security, finding 2), the mongo side, against the wire-protocol fake (no MongoDB server runs here; on real
 * data it is contract-duty-list-as-read.ts, with MONGODB_URI): a deputy's list of days at a station saved over the days
 * as read (DeputyPatch.dutyAt.seen) is one transaction whose first write is to the station's document, as a day's save
 * (setDutyDay) is, so that the two meet as a write conflict and are taken one after the other; days no longer as read
 * write nothing: duty_day_changed, with his days there now.
 */
describe('mongo adapter: a deputy’s duty list saved over the days as read, against a fake server', function () {
  this.timeout(30_000)
  const mongo = fakeMongoForEachTest()
  const deputy = (dates: string[]) => ({
    _id: 'dp0001',
    code: 'DP0001',
    name: '张伟',
    level: 'city',
    stationIds: ['st001'],
    duty: [{ stationId: 'st001', dates }],
    version: 'v-1',
  })
  const deputyHas = (dates: string[]) =>
    mongo.fake.answer((c) => {
      if (c.name === 'find' && c.body.find === 'deputies') return cursorAnswer(c, [deputy(dates)])
      if (c.name === 'findAndModify' && c.body.findAndModify === 'deputies')
        return { lastErrorObject: { n: 1, updatedExisting: true }, value: deputy(dates), ok: 1 }
      return undefined
    })
  const since = (from: number) => mongo.fake.commands.slice(from).filter((c) => ['update', 'find', 'findAndModify', 'commitTransaction'].includes(c.name))
  const order = (from: number) => since(from).map((c) => `${c.name}:${String(c.body[c.name])}`)

  it('writes the station first, reads him in the transaction, and writes his days there when they are as read', async () => {
    deputyHas(['2026-11-25'])
    const store = await mongo.open()
    const from = mongo.fake.commands.length
    await store.deputies.update('dp0001', { dutyAt: { stationId: 'st001', dates: ['2026-11-25', '2026-11-30'], seen: ['2026-11-25'] } })
    expect(order(from)).to.deep.equal(['update:stations', 'find:deputies', 'findAndModify:deputies', 'commitTransaction:1'])
    const [station, read, write] = since(from)
    expect(((station.body.updates as Document[])[0] as Document).u).to.deep.equal({ $inc: { dutySaves: 1 } })
    expect(read.body.txnNumber, 'in one transaction').to.deep.equal(station.body.txnNumber)
    expect(write.body.txnNumber).to.deep.equal(station.body.txnNumber)
  })

  it('writes no day of his when they are no longer as read: duty_day_changed, with his days now', async () => {
    deputyHas(['2026-11-25', '2026-11-26'])
    const store = await mongo.open()
    const from = mongo.fake.commands.length
    const err = await rejects(store.deputies.update('dp0001', { dutyAt: { stationId: 'st001', dates: ['2026-11-25', '2026-11-30'], seen: ['2026-11-25'] } }))
    expect(err).to.be.instanceOf(StoreConflict)
    expect([(err as StoreConflict).conflict, (err as StoreConflict).facts]).to.deep.equal(['duty_day_changed', { dutyDatesNow: '2026-11-25,2026-11-26' }])
    expect(order(from)).to.deep.equal(['update:stations', 'find:deputies'])
  })

  it('writes nothing of a move whose days at the station are no longer as read', async () => {
    deputyHas(['2026-11-25', '2026-11-26'])
    const store = await mongo.open()
    const from = mongo.fake.commands.length
    const move = { stationIds: ['st001', 'st002'], dutyAt: { stationId: 'st001', dates: ['2026-11-30'], seen: ['2026-11-25'] }, today: '2026-11-23' }
    const err = await rejects(store.deputies.update('dp0001', move))
    expect((err as StoreConflict).conflict).to.equal('duty_day_changed')
    expect(order(from)).to.deep.equal(['find:deputies'])
  })
})
