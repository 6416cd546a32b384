import { expect } from 'chai'
import type { CaseTallyKey } from '../../src/store/case-tally.js'
import type { CaseFilter, Store } from '../../src/store/ports.js'
import { caseRepo } from '../../src/store/sqlite/case-repos.js'
import { KEPT_PLACE_SCOPES } from '../../src/store/sqlite/case-place-counts-kept.js'
import { GroupCommit } from '../../src/store/sqlite/group-commit.js'
import { openDatabase, type Db } from '../../src/store/sqlite/open.js'
import { NOW } from './case-life.js'
import { caseEvent, caseRecord } from './records.js'

// The counts by place are kept per scope between looks and only the places a change touched are read
// again (case-place-counts-kept.ts). A wrong count there is a wrong statistic on an office's screen, so
// every look here is compared with the same tally counted live, after writes of every kind an office makes.

const PLACES: CaseTallyKey[] = ['station', 'district', 'handlingDistrict']
/** Any lower bound on the dates makes the store count live, past what it keeps. */
const live = (scope: CaseFilter): CaseFilter => ({ ...scope, createdFrom: new Date(0) })
const STATIONS = [null, 'st001', 'st002', 'st003', 'st004']
const DISTRICTS = [null, 'd01', 'd02', 'd03']
const TOPICS = ['环境保护', '交通出行', '城乡建设', '教育', '其他']
const STATUSES = ['submitted', 'assigned', 'acknowledged', 'replied', 'closed', 'withdrawn', 'rejected']
/** More scopes than are kept (KEPT_PLACE_SCOPES), so scopes are dropped and later read whole again. */
const LOOKS: CaseFilter[] = [
  {},
  { stationIds: ['st001'] },
  { stationIds: ['st001', 'st003'] },
  { districtIds: ['d02'] },
  { districtIds: ['d01'], stationIds: ['st002'] },
  { districtIds: ['d03'] },
  { stationIds: [] },
]

describe('the counts by place kept between looks, against the same counts read live', () => {
  let db: Db
  let store: Store
  let seed: number
  /** A fixed sequence: the same writes on every run, so a failure can be replayed. */
  const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff
  const pick = <T>(from: T[]) => from[Math.floor(random() * from.length)]

  beforeEach(() => {
    seed = 20261203
    db = openDatabase(':memory:')
    store = { cases: caseRepo(db, new GroupCommit(db)) } as unknown as Store
  })
  afterEach(() => db.close())

  const expectLive = async (when: string, scopes = LOOKS) => {
    for (const scope of scopes)
      for (const groupBy of PLACES)
        for (const overall of [false, true]) {
          const options = { now: NOW, groupBy, topics: true, overall }
          expect(await store.cases.tally(scope, options), `${when}: ${JSON.stringify(scope)} by ${groupBy}${overall ? ' with the whole' : ''}`).to.deep.equal(
            await store.cases.tally(live(scope), options),
          )
        }
  }
  const submit = async () => {
    const record = caseRecord({
      stationId: pick(STATIONS),
      districtId: pick(DISTRICTS),
      handlingDistrictId: pick(DISTRICTS),
      topic: pick(TOPICS),
      deputyId: null,
    })
    return store.cases.submit({ record, ticketDate: '2026-11-25', events: [caseEvent(record.id, 'submitted')], outbox: [] })
  }
  /** One write an office makes to a message: moved, handed on, recategorized, answered, merged, deleted. */
  const change = async (ids: string[]) => {
    const c = await store.cases.get(pick(ids))
    if (!c) return
    const r = random()
    const moved =
      r < 0.2
        ? { stationId: pick(STATIONS) }
        : r < 0.35
          ? { districtId: pick(DISTRICTS) }
          : r < 0.5
            ? { handlingDistrictId: pick(DISTRICTS) }
            : r < 0.65
              ? { topic: pick(TOPICS) }
              : r < 0.75
                ? { topic: pick(TOPICS), stationId: pick(STATIONS), districtId: pick(DISTRICTS) }
                : r < 0.85
                  ? { status: pick(STATUSES) as typeof c.status }
                  : r < 0.9
                    ? { mergedInto: pick(ids.filter((id) => id !== c.id)) ?? null }
                    : null
    if (moved) await store.cases.update({ ...c, ...moved }, [caseEvent(c.id, 'transferred')], [])
    else {
      // Retention deletes a message with its timeline.
      db.prepare('DELETE FROM case_events WHERE case_id = ?').run(c.id)
      db.prepare('DELETE FROM cases WHERE id = ?').run(c.id)
      ids.splice(ids.indexOf(c.id), 1)
    }
  }

  it('gives the live counts at every look, whatever was moved, recategorized, answered or deleted in between', async () => {
    const ids: string[] = []
    for (let i = 0; i < 60; i++) ids.push((await submit()).id)
    await expectLive('the first look', LOOKS.slice(0, KEPT_PLACE_SCOPES))
    for (let round = 0; round < 40; round++) {
      for (let k = Math.floor(random() * 4); k > 0; k--) await change(ids)
      if (random() < 0.3) ids.push((await submit()).id)
      await expectLive(
        `look ${round + 1}`,
        LOOKS.filter(() => random() < 0.5),
      )
    }
    await expectLive('the last look')
  })

  it('follows a message handed to another district, on to a third under another topic, and back home at another station', async () => {
    const record = caseRecord({ stationId: 'st001', districtId: 'd01', handlingDistrictId: null, topic: '教育' })
    const c = await store.cases.submit({ record, ticketDate: '2026-11-25', events: [caseEvent(record.id, 'submitted')], outbox: [] })
    const looks = [{}, { districtIds: ['d02'] }]
    await expectLive('before', looks)
    const handed = await store.cases.update({ ...c, handlingDistrictId: 'd02' }, [caseEvent(c.id, 'transferred')], [])
    await expectLive('handed to d02', looks)
    const onwards = await store.cases.update({ ...handed, handlingDistrictId: 'd03', topic: '其他' }, [caseEvent(c.id, 'transferred')], [])
    await store.cases.update({ ...onwards, handlingDistrictId: null, stationId: 'st002', districtId: 'd02' }, [caseEvent(c.id, 'transferred')], [])
    await expectLive('handed on and back, at another station', looks)
  })
})
