import { expect } from 'chai'
import type { Document } from 'mongodb'
import { inWords } from '../../src/services/conflict-texts.js'
import { StoreConflict } from '../../src/store/conflicts.js'
import { MOVE_ROUNDS } from '../../src/store/mongo/directory-repos.js'
import { cursorAnswer, type ReceivedCommand } from '../fakes/mongo-wire.js'
import { fakeMongoForEachTest } from '../helpers/mongo-fake.js'
import { rejects } from '../helpers/rejects.js'

/**
 * Review 34, F5: a deputy's move on mongo is a compare-and-set on his `version`, against the wire-protocol fake (no
 * MongoDB server runs here; a move racing a clerk's duty days on real data is the contract's,
 * test/store/contract-deputy-moves.ts, with MONGODB_URI). Not on his duty lists as read: two equal lists of
 * subdocuments written by different writers need not be equal to $eq (the order of their fields), and the move would
 * then lose every round to no other write at all.
 */
describe('mongo adapter: a deputy’s move written only over his record as read, against a fake server', function () {
  this.timeout(30_000)
  const mongo = fakeMongoForEachTest()
  // As the duty pipeline writes a subdocument: `dates` before `stationId`, the reverse of dutyToDoc's order.
  const stored = (version?: string): Document => ({
    _id: 'dp0001',
    code: 'DP0001',
    name: '张伟',
    level: 'county',
    stationIds: ['st001'],
    duty: [{ dates: ['2026-11-25', '2026-12-16'], stationId: 'st001' }],
    ...(version ? { version } : {}),
  })
  /** The fake server's deputy, at the version each read finds him at in turn (the last one after). */
  const readAs = (...versions: Array<string | undefined>) => {
    let reads = 0
    mongo.fake.answer((c) =>
      c.name === 'find' && c.body.find === 'deputies' && c.body.filter?._id === 'dp0001'
        ? cursorAnswer(c, [stored(versions[Math.min(reads++, versions.length - 1)])])
        : undefined,
    )
  }
  const writes = () => mongo.on('deputies', 'findAndModify')
  const setOf = (c: ReceivedCommand) => (c.body.update as Document).$set as Document

  it('names his version as read, never his duty lists, writes a new one, and reads again when another write came between', async () => {
    readAs('v-1', 'v-2')
    // The server takes the write only over version v-2: v-1 was replaced by a clerk's save of his days meanwhile.
    mongo.fake.answer((c) =>
      c.name === 'findAndModify' && c.body.findAndModify === 'deputies' && (c.body.query as Document).version === 'v-2'
        ? { lastErrorObject: { n: 1, updatedExisting: true }, value: { ...stored('v-3'), stationIds: ['st002'], duty: [], formerDuty: [] }, ok: 1 }
        : undefined,
    )
    const store = await mongo.open()
    const moved = await store.deputies.update('dp0001', { stationIds: ['st002'], today: '2026-12-10' })
    expect(moved.stationIds).to.deep.equal(['st002'])

    expect(
      writes().map((c) => c.body.query),
      'two rounds, each over the version it read',
    ).to.deep.equal([
      { _id: 'dp0001', version: 'v-1' },
      { _id: 'dp0001', version: 'v-2' },
    ])
    const versions = writes().map((c) => setOf(c).version)
    expect(
      versions.every((v) => typeof v === 'string' && !['v-1', 'v-2'].includes(v)),
      'a new version each',
    ).to.equal(true)
    expect(new Set(versions).size).to.equal(2)
    expect(setOf(writes()[1]).formerDuty, 'his days before the move, computed from the second read').to.deep.equal([
      { stationId: 'st001', dates: ['2026-11-25'] },
    ])
  })

  it('matches a record from before versions by having none', async () => {
    readAs(undefined)
    const store = await mongo.open()
    await rejects(store.deputies.update('dp0001', { stationIds: ['st002'], today: '2026-12-10' }))
    expect(writes()[0]!.body.query).to.deep.equal({ _id: 'dp0001', version: null })
  })

  it('gives a new version with every save of his days, so a move read before it reads again', async () => {
    const store = await mongo.open()
    await rejects(store.deputies.update('dp0001', { dutyAt: { stationId: 'st001', dates: ['2026-12-23'] } }))
    await rejects(store.deputies.update('dp0001', { dutyByStation: { st001: ['2026-12-23'] } }))
    const [oneStation, whole] = writes()
    const pipelineSet = (oneStation!.body.update as Document[])[0]!.$set as Document
    expect(pipelineSet.version?.$literal, 'one station’s days').to.be.a('string')
    expect(setOf(whole!).version, 'every station’s days').to.be.a('string')
  })

  it('gives up after others keep writing him, as deputy_busy in words staff read, having written nothing', async () => {
    readAs('v-1', 'v-2', 'v-3', 'v-4', 'v-5', 'v-6')
    const store = await mongo.open()
    const err = await rejects(store.deputies.update('dp0001', { stationIds: ['st002'], today: '2026-12-10' }))
    expect(err).to.be.instanceOf(StoreConflict)
    expect((err as StoreConflict).conflict).to.equal('deputy_busy')
    expect(writes().length, 'rounds').to.equal(MOVE_ROUNDS)
    expect(inWords(err)).to.include({ code: 'deputy_busy', message: '这位代表的资料正在被别人修改，请稍后再试一次' })
  })
})
