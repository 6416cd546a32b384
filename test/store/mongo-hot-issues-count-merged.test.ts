import { expect } from 'chai'
import { cursorAnswer } from '../fakes/mongo-wire.js'
import { fakeMongoForEachTest } from '../helpers/mongo-fake.js'

const NOW = new Date('2026-11-30T02:00:00Z')
const T0 = new Date('2026-11-23T02:00:00Z')

/**
 * The mongo side of review 37, against the wire-protocol fake (no MongoDB server runs here): 热点问题 reads the
 * messages merged into another too (each is a household that wrote), with the message each went into, as the sqlite
 * adapter does; what it reads on real data is the contract suite's (contract-case-tally.ts) with MONGODB_URI.
 */
describe('mongo adapter: hot issues read merged messages with the one each went into', function () {
  this.timeout(30_000)
  const mongo = fakeMongoForEachTest()
  const caseDoc = (id: string, minutes: number, mergedInto: string | null) => ({
    _id: id,
    text: '5号楼电梯坏了，老人下不了楼',
    residentId: `mp-${id}`,
    communityId: 'c010101',
    districtId: 'd01',
    stationId: 'st001',
    topic: '城乡建设',
    createdAt: new Date(T0.getTime() + minutes * 60_000),
    reopenCount: 0,
    status: mergedInto ? 'closed' : 'assigned',
    acknowledgedAt: null,
    repliedAt: null,
    ackDueAt: new Date(T0.getTime() + 86_400_000),
    replyDueAt: new Date(T0.getTime() + 15 * 86_400_000),
    mergedInto,
  })

  it('asks for merged messages too, and hands each over with the message it went into', async () => {
    mongo.fake.answer((c) =>
      c.name === 'find' && c.body.find === 'cases' ? cursorAnswer(c, [caseDoc('kept', 0, null), caseDoc('neighbour', 10, 'kept')]) : undefined,
    )
    const store = await mongo.open()
    const read = await store.cases.listForHotIssues({ createdFrom: T0, createdTo: NOW }, NOW)

    const [find] = mongo.fake.sent('find').filter((c) => c.body.find === 'cases')
    expect(JSON.stringify(find!.body.filter), 'merged messages are not left out').to.not.include('mergedInto')
    expect(find!.body.projection).to.include({ mergedInto: 1 })
    expect(read.map((c) => ({ id: c.id, mergedInto: c.mergedInto }))).to.deep.equal([
      { id: 'kept', mergedInto: null },
      { id: 'neighbour', mergedInto: 'kept' },
    ])
  })
})
