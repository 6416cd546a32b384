import { expect } from 'chai'
import type { Document } from 'mongodb'
import type { Store } from '../../src/store/ports.js'
import { cursorAnswer } from '../fakes/mongo-wire.js'
import { fakeMongoForEachTest } from '../helpers/mongo-fake.js'

const T0 = new Date('2026-11-22T02:00:00Z')
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000)

/**
 * What the mongo adapter asks for the assign dialog's 交回了留言 line of many deputies (CaseRepo.handedOnByEach), against
 * the wire-protocol fake (no MongoDB server runs here): one aggregate of their hand-on steps since the cut, on the
 * partial index's own terms, and one read of those cases, whatever the number of deputies; and what it keeps of the
 * answers. What it returns on real data is the contract suite's (contract-hand-ons-at-once.ts) with MONGODB_URI.
 */
describe('mongo adapter: the hand-ons of several deputies in one read', function () {
  this.timeout(30_000)
  const mongo = fakeMongoForEachTest()
  let store: Store
  beforeEach(async () => {
    store = await mongo.open()
  })
  const on = (collection: string, name: string) => mongo.fake.sent(name).filter((c) => c.body[name] === collection)

  const step = (caseId: string, minute: number, by: string) => ({
    _id: `ev-${caseId}`,
    caseId,
    seq: 2,
    at: at(minute),
    type: 'transferred',
    actorRole: 'deputy',
    actorId: by,
    fromStatus: 'assigned',
    toStatus: 'submitted',
    note: '请站里另派代表',
    data: { fromDeputyId: by, toStation: 'st001' },
  })
  const caseDoc = (id: string, deputyId: string | null) => ({
    _id: id,
    ticket: `20261122-${id}`,
    residentId: 'mu1',
    text: '小区门口路灯坏了',
    deputyId,
    stationId: 'st001',
    topic: '城乡建设',
    status: deputyId ? 'assigned' : 'submitted',
    createdAt: T0,
    updatedAt: T0,
    ackDueAt: at(24 * 60),
    replyDueAt: at(21 * 24 * 60),
    version: 1,
  })

  it('asks once for all of them, and keeps each one’s first few that are not his again', async () => {
    // As the server would answer the aggregate: the latest step per deputy and case, newest first.
    const latest = [
      { _id: { by: 'dp1', caseId: 'c4' }, step: step('c4', 60, 'dp1') },
      { _id: { by: 'dp2', caseId: 'c9' }, step: step('c9', 55, 'dp2') },
      { _id: { by: 'dp1', caseId: 'c3' }, step: step('c3', 50, 'dp1') },
      { _id: { by: 'dp1', caseId: 'c2' }, step: step('c2', 40, 'dp1') },
      { _id: { by: 'dp1', caseId: 'c1' }, step: step('c1', 30, 'dp1') },
    ]
    mongo.fake.answer((c) => (c.name === 'aggregate' && c.body.aggregate === 'case_events' ? cursorAnswer(c, latest) : undefined))
    // c3 is dp1's again.
    const cases = [caseDoc('c1', null), caseDoc('c2', 'dp2'), caseDoc('c3', 'dp1'), caseDoc('c4', null), caseDoc('c9', null)]
    mongo.fake.answer((c) => (c.name === 'find' && c.body.find === 'cases' ? cursorAnswer(c, cases) : undefined))

    const found = await store.cases.handedOnByEach(['dp1', 'dp2', 'dp3'], at(10), 2)
    expect(found.map((h) => [h.deputyId, h.case.id, h.step.at.getTime() - T0.getTime()])).to.deep.equal([
      ['dp1', 'c4', 60 * 60_000],
      ['dp2', 'c9', 55 * 60_000],
      ['dp1', 'c2', 40 * 60_000],
    ])
    expect(found[0].step).to.deep.include({ caseId: 'c4', actorId: 'dp1', note: '请站里另派代表', data: { fromDeputyId: 'dp1', toStation: 'st001' } })

    const [asked, ...more] = on('case_events', 'aggregate')
    expect(more, 'one aggregate for all three deputies').to.deep.equal([])
    expect((asked.body.pipeline as Document[])[0].$match).to.deep.equal({
      actorId: { $in: ['dp1', 'dp2', 'dp3'] },
      type: 'transferred',
      actorRole: 'deputy',
      at: { $gte: at(10) },
    })
    const read = on('cases', 'find')
    expect(read, 'one read of their cases').to.have.length(1)
    expect((read[0].body.filter as Document)._id.$in).to.have.members(['c4', 'c9', 'c3', 'c2', 'c1'])
  })

  it('asks nothing for no deputies', async () => {
    expect(await store.cases.handedOnByEach([], at(10), 5)).to.deep.equal([])
    expect(on('case_events', 'aggregate')).to.deep.equal([])
  })
})
