import { expect } from 'chai'
import type { Document } from 'mongodb'
import { cursorAnswer } from '../fakes/mongo-wire.js'
import { fakeMongoForEachTest } from '../helpers/mongo-fake.js'

/**
 * The contract's reception hours (test/store/contract.ts) on mongo against the wire-protocol fake (no MongoDB server runs
 * here; on real data it is the contract's, with MONGODB_URI): the hours are set and cleared on the station's document,
 * and read back as the port's shape, none for a document written before they were kept.
 */
describe('mongo adapter: a station’s reception hours, against a fake server', function () {
  this.timeout(30_000)
  const mongo = fakeMongoForEachTest()
  const station = (over: Document = {}) => ({
    _id: 'st001',
    code: 'ST001',
    name: '轻工街道代表联络站',
    kind: 'community',
    address: '建设路1号',
    regionIds: ['s0101'],
    receptionDays: ['wed'],
    ...over,
  })
  const stationIs = (doc: Document) => {
    mongo.fake.answer((c) => (c.name === 'find' && c.body.find === 'stations' ? cursorAnswer(c, [doc]) : undefined))
    mongo.fake.answer((c) =>
      c.name === 'findAndModify' && c.body.findAndModify === 'stations' ? { lastErrorObject: { n: 1, updatedExisting: true }, value: doc, ok: 1 } : undefined,
    )
  }

  it('sets and clears the hours on the station’s document', async () => {
    const store = await mongo.open()
    stationIs(station({ receptionHours: { from: '8:30', to: '11:30' } }))
    const updated = await store.stations.update('st001', { receptionHours: { from: '8:30', to: '11:30' } })
    expect(updated.receptionHours).to.deep.equal({ from: '8:30', to: '11:30' })
    await store.stations.update('st001', { receptionHours: null })
    const [set, cleared] = mongo.on('stations', 'findAndModify').map((c) => (c.body.update as Document).$set as Document)
    expect(set!.receptionHours).to.deep.equal({ from: '8:30', to: '11:30' })
    expect(cleared!.receptionHours).to.equal(null)
  })

  it('reads a station kept before hours existed, or cleared, as one without hours', async () => {
    const store = await mongo.open()
    stationIs(station())
    expect(await store.stations.get('st001')).to.not.have.property('receptionHours')
    mongo.fake.answer((c) => (c.name === 'find' && c.body.find === 'stations' ? cursorAnswer(c, [station({ receptionHours: null })]) : undefined))
    expect(await store.stations.get('st001')).to.not.have.property('receptionHours')
  })
})
