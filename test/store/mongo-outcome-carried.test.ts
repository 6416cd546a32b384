import { expect } from 'chai'
import type { Document } from 'mongodb'
import { OUTCOMES_CARRIED_MARKER } from '../../src/store/mongo/outcome-markers-carried.js'
import { cursorAnswer } from '../fakes/mongo-wire.js'
import { fakeMongoForEachTest } from '../helpers/mongo-fake.js'

/**
 * The mongo side of migration 063, against the wire-protocol fake (no MongoDB server runs here):
 * a consultation's 采纳情况 that an older version kept as a one-off step (app_markers) becomes the
 * consultation's own field at start, and the marker goes; once that has gone through, later starts
 * do not look again. What it does on real data is the contract suite's
 * (contract-consultation-outcome.ts) with MONGODB_URI.
 */
describe('mongo adapter at start: a 采纳情况 published before the upgrade', function () {
  this.timeout(30_000)
  const mongo = fakeMongoForEachTest()
  const on = (collection: string, name: string) => mongo.fake.sent(name).filter((c) => c.body[name] === collection)
  /** The look for an older version's markers, by their prefix (not the look for one marker by name). */
  const markersLookedFor = () => on('app_markers', 'find').filter((c) => c.body.filter?._id?.$regex)
  const updates = (collection: string) => on(collection, 'update').flatMap((c) => c.body.updates as Document[])

  it('is carried onto the consultation it names alone, the first time kept, its marker removed, and the step recorded', async () => {
    const publishedAt = new Date('2026-12-01T02:00:00Z')
    mongo.fake.answer((c) =>
      c.name === 'find' && c.body.find === 'app_markers' && c.body.filter?._id?.$regex
        ? cursorAnswer(c, [{ _id: 'survey-outcome-published:sv-green', doneAt: publishedAt }])
        : undefined,
    )
    await mongo.open()

    const [find] = markersLookedFor()
    expect(find!.body.filter._id.$regex.toString()).to.equal('/^survey-outcome-published:/')
    expect(
      updates('surveys').map((u) => u.q),
      'one update, on the consultation the marker names: no other consultation is touched',
    ).to.deep.equal([{ _id: 'sv-green', kind: 'consultation', outcomePublishedAt: null }])
    expect(updates('surveys')[0]!.u).to.deep.equal({ $set: { outcomePublishedAt: publishedAt } })
    const [removed] = on('app_markers', 'delete').flatMap((c) => c.body.deletes as Document[])
    expect(removed!.q).to.deep.equal({ _id: 'survey-outcome-published:sv-green' })
    expect(
      updates('app_markers').map((u) => u.q),
      'done: recorded (beside the adapter’s other start-up steps)',
    ).to.deep.include({ _id: OUTCOMES_CARRIED_MARKER })
  })

  it('is not looked for again at a start after it went through', async () => {
    mongo.fake.answer((c) =>
      c.name === 'find' && c.body.find === 'app_markers' && c.body.filter?._id === OUTCOMES_CARRIED_MARKER
        ? cursorAnswer(c, [{ _id: OUTCOMES_CARRIED_MARKER, doneAt: new Date('2026-12-02T02:00:00Z') }])
        : undefined,
    )
    await mongo.open()
    expect(markersLookedFor(), 'no read of the markers').to.deep.equal([])
    expect(updates('surveys')).to.deep.equal([])
  })
})
