import { expect } from 'chai'
import type { Document } from 'mongodb'
import type { SuggestionRecord } from '../../src/domain/suggestion.js'
import { decodeCursor, encodeCursor } from '../../src/store/cursor.js'
import { SUGGESTIONS_DUE_FILLED_MARKER } from '../../src/store/mongo/suggestions-due-filled.js'
import type { Store } from '../../src/store/ports.js'
import { cursorAnswer } from '../fakes/mongo-wire.js'
import { fakeMongoForEachTest } from '../helpers/mongo-fake.js'
import { suggestionRecord } from './contract-suggestions.js'

const lead = { id: 'u01', name: '市住房和城乡建设局' }
const given = (id: string, deadline: string, over: Partial<SuggestionRecord> = {}) =>
  suggestionRecord({
    id,
    status: 'assigned',
    assignment: { leadUnit: lead, coUnits: [], deadline, keySupervision: false, supervisionLeader: null, assignedAt: new Date('2026-11-01T02:00:00Z') },
    ...over,
  })
const stored = (s: SuggestionRecord) => ({ _id: s.id, dueBy: s.assignment?.deadline ?? null, version: s.version, doc: JSON.stringify(s) })

/**
 * What the mongo adapter asks for 只看已超期 and the 工作概览's counts, against the wire-protocol fake (no MongoDB server
 * runs here): the overdue by the dueBy it keeps, on its own index's terms and in its order, and counted by the server.
 * What it answers on real data is the contract suite's (contract-suggestions-overdue.ts) with MONGODB_URI.
 */
describe('mongo adapter: overdue suggestions asked of the server', function () {
  this.timeout(30_000)
  const mongo = fakeMongoForEachTest()
  let store: Store

  it('finds a page by dueBy before today, from its cursor, the earliest day first, and pages on "<day>|<id>"', async () => {
    store = await mongo.open()
    const rows = [given('sg-2', '2026-12-03'), given('sg-3', '2026-12-04'), given('sg-1', '2026-12-05')].map(stored)
    mongo.fake.answer((c) => (c.name === 'find' && c.body.find === 'suggestions' ? cursorAnswer(c, rows) : undefined))
    const page = await store.suggestions.overdue({ districtIds: ['d01'], limit: 2, cursor: encodeCursor('2026-12-01|sg-9') }, '2026-12-10')
    expect(page.items.map((s) => s.id)).to.deep.equal(['sg-2', 'sg-3'])
    expect(decodeCursor(page.nextCursor)).to.equal('2026-12-04|sg-3')
    const [asked] = mongo.on('suggestions', 'find').slice(-1)
    expect(asked.body.filter).to.deep.equal({
      $and: [
        { $and: [{ districtId: { $in: ['d01'] } }] },
        { dueBy: { $type: 'string', $lt: '2026-12-10' } },
        { $or: [{ dueBy: { $gt: '2026-12-01' } }, { dueBy: '2026-12-01', _id: { $gt: 'sg-9' } }] },
      ],
    })
    expect(asked.body.sort).to.deep.equal({ dueBy: 1, _id: 1 })
    expect(asked.body.limit).to.equal(3)
  })

  it('counts by status and the overdue with 重点督办 in the server, one aggregate each', async () => {
    store = await mongo.open()
    mongo.fake.answer((c) => {
      if (c.name !== 'aggregate' || c.body.aggregate !== 'suggestions') return undefined
      const overdue = JSON.stringify(c.body.pipeline).includes('dueBy')
      return cursorAnswer(c, overdue ? [{ _id: 'following', n: 2, k: 1 }] : [{ _id: 'submitted', n: 3 }])
    })
    expect(await store.suggestions.countByStatus({ districtIds: ['d01'], statuses: ['submitted', 'accepted'] })).to.deep.equal({ submitted: 3 })
    expect(await store.suggestions.countOverdue({ districtIds: ['d01'] }, '2026-12-10')).to.deep.equal({ following: { all: 2, key: 1 } })
    const [byStatus, overdue, ...more] = mongo.on('suggestions', 'aggregate')
    expect(more).to.deep.equal([])
    expect((byStatus.body.pipeline as Document[])[0].$match).to.deep.equal({
      $and: [{ districtId: { $in: ['d01'] } }, { status: { $in: ['submitted', 'accepted'] } }],
    })
    expect((overdue.body.pipeline as Document[])[0].$match).to.deep.equal({
      $and: [{ $and: [{ districtId: { $in: ['d01'] } }] }, { dueBy: { $type: 'string', $lt: '2026-12-10' } }],
    })
  })

  it('keeps dueBy on an index in the list’s order, and gives it at start-up to the open records kept without it', async () => {
    const promise = given('sg-7', '2026-11-30', {
      status: 'following',
      answers: [
        { unit: lead, role: 'lead', category: 'in_progress', text: '列入计划', at: new Date('2026-11-20T02:00:00Z'), round: 1, plannedBy: '2027-03-31' },
      ],
    })
    mongo.fake.answer((c) =>
      c.name === 'find' && c.body.find === 'suggestions' && JSON.stringify(c.body.filter).includes('$exists')
        ? cursorAnswer(c, [{ _id: 'sg-7', doc: JSON.stringify(promise) }])
        : undefined,
    )
    store = await mongo.open()
    const keys = mongo.on('suggestions', 'createIndexes').flatMap((c) => (c.body.indexes as Document[]).map((i) => [i.key, i.partialFilterExpression ?? null]))
    expect(keys).to.deep.include([{ dueBy: 1, _id: 1 }, { dueBy: { $type: 'string' } }])
    expect(keys).to.deep.include([{ status: 1, dueBy: 1 }, null])
    expect(keys.map(([k]) => k)).not.to.deep.include({ status: 1, deadline: 1 })
    const updates = mongo.on('suggestions', 'update').flatMap((c) => c.body.updates as Document[])
    expect(updates.map((u) => [u.q, u.u])).to.deep.equal([[{ _id: 'sg-7', dueBy: { $exists: false } }, { $set: { dueBy: '2027-03-31' } }]])
    const marked = mongo.on('app_markers', 'update').flatMap((c) => (c.body.updates as Document[]).map((u) => u.q))
    expect(marked, 'done: recorded').to.deep.include({ _id: SUGGESTIONS_DUE_FILLED_MARKER })
  })

  it('does not look for records without dueBy again at a start after that went through', async () => {
    mongo.fake.answer((c) =>
      c.name === 'find' && c.body.find === 'app_markers' && c.body.filter?._id === SUGGESTIONS_DUE_FILLED_MARKER
        ? cursorAnswer(c, [{ _id: SUGGESTIONS_DUE_FILLED_MARKER, doneAt: new Date('2026-12-02T02:00:00Z') }])
        : undefined,
    )
    store = await mongo.open()
    expect(mongo.on('suggestions', 'find'), 'no read of the suggestions at start').to.deep.equal([])
    expect(mongo.on('suggestions', 'update')).to.deep.equal([])
  })
})
