import { expect } from 'chai'
import type { Document } from 'mongodb'
import { createMongoStore } from '../../src/store/mongo/index.js'
import type { Store } from '../../src/store/ports.js'
import { FakeMongoServer, cursorAnswer } from '../fakes/mongo-wire.js'

/**
 * The mongo side of migration 063, against the wire-protocol fake (no MongoDB server runs here):
 * a consultation's 采纳情况 that an older version kept as a one-off step (app_markers) becomes the
 * consultation's own field at start, and the marker goes. What it does on real data is the
 * contract suite's (contract-consultation-outcome.ts) with MONGODB_URI.
 */
describe('mongo adapter at start: a 采纳情况 published before the upgrade', function () {
  this.timeout(30_000)
  let fake: FakeMongoServer
  let store: Store | null = null
  beforeEach(async () => {
    fake = await FakeMongoServer.start()
  })
  afterEach(async () => {
    await store?.close()
    store = null
    await fake.close()
  })
  const on = (collection: string, name: string) => fake.sent(name).filter((c) => c.body[name] === collection)

  it('is carried onto the consultation it names, the first time kept, and its marker removed', async () => {
    const publishedAt = new Date('2026-12-01T02:00:00Z')
    fake.answer((c) =>
      c.name === 'find' && c.body.find === 'app_markers' ? cursorAnswer(c, [{ _id: 'survey-outcome-published:sv-green', doneAt: publishedAt }]) : undefined,
    )
    store = await createMongoStore(fake.uri())

    const [find] = on('app_markers', 'find')
    expect(find!.body.filter._id.$regex.toString()).to.equal('/^survey-outcome-published:/')
    const [carried] = on('surveys', 'update').flatMap((c) => c.body.updates as Document[])
    expect(carried!.q).to.deep.equal({ _id: 'sv-green', kind: 'consultation', outcomePublishedAt: null })
    expect(carried!.u).to.deep.equal({ $set: { outcomePublishedAt: publishedAt } })
    const [removed] = on('app_markers', 'delete').flatMap((c) => c.body.deletes as Document[])
    expect(removed!.q).to.deep.equal({ _id: 'survey-outcome-published:sv-green' })
  })

  it('changes no consultation when no marker is left', async () => {
    store = await createMongoStore(fake.uri())
    expect(on('surveys', 'update')).to.deep.equal([])
    expect(on('app_markers', 'delete')).to.deep.equal([])
  })
})
