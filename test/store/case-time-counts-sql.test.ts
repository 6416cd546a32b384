import { expect } from 'chai'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { caseRepo } from '../../src/store/sqlite/case-repos.js'
import { GroupCommit } from '../../src/store/sqlite/group-commit.js'
import { openDatabase, type Db } from '../../src/store/sqlite/open.js'
import { caseEvent, caseRecord } from './records.js'

const T0 = new Date('2026-11-01T02:00:00Z')
const at = (hours: number) => new Date(T0.getTime() + hours * 3_600_000)

/** What case_time_counts must hold: the live cases with each time, counted from the cases themselves. */
const RECOUNT = `
  SELECT kind, station_id, district_id, handling_district_id, n FROM (
    SELECT 'ack' AS kind, coalesce(station_id, '') AS station_id, coalesce(district_id, '') AS district_id,
      coalesce(handling_district_id, '') AS handling_district_id, count(*) AS n FROM cases
    WHERE status NOT IN ('withdrawn', 'rejected') AND merged_into IS NULL AND coalesce(acknowledged_at, replied_at) IS NOT NULL GROUP BY 2, 3, 4
    UNION ALL
    SELECT 'reply', coalesce(station_id, ''), coalesce(district_id, ''), coalesce(handling_district_id, ''), count(*) FROM cases
    WHERE status NOT IN ('withdrawn', 'rejected') AND merged_into IS NULL AND replied_at IS NOT NULL GROUP BY 2, 3, 4)
  ORDER BY 1, 2, 3, 4`
/** What case_time_histograms must hold: each live case's times counted in their bucket, per station and over every case (''), worked out here. */
function recountHistograms(db: Db) {
  const edges = db.prepare('SELECT lo FROM case_time_edges ORDER BY bucket').pluck().all() as number[]
  const bucketOf = (ms: number) => edges.filter((lo) => lo <= ms).length - 1
  const live = "status NOT IN ('withdrawn', 'rejected') AND merged_into IS NULL"
  const times = db
    .prepare(
      `SELECT station_id, unixepoch(created_at, 'subsec') * 1000 AS created,
        unixepoch(coalesce(acknowledged_at, replied_at), 'subsec') * 1000 AS acked, unixepoch(replied_at, 'subsec') * 1000 AS replied
      FROM cases WHERE ${live} AND coalesce(acknowledged_at, replied_at) IS NOT NULL`,
    )
    .all() as Array<{ station_id: string | null; created: number; acked: number; replied: number | null }>
  const counts = new Map<string, number[]>()
  const add = (kind: string, place: string, ms: number) => {
    const key = `${kind} ${place}`
    const c =
      counts.get(key) ??
      counts
        .set(
          key,
          edges.map(() => 0),
        )
        .get(key)!
    c[bucketOf(ms)]++
  }
  for (const t of times)
    for (const [kind, ms] of [['ack', t.acked - t.created], ...(t.replied === null ? [] : [['reply', t.replied - t.created]])] as Array<[string, number]>) {
      add(kind, '', Math.round(ms))
      if (t.station_id !== null) add(kind, t.station_id, Math.round(ms))
    }
  return Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : 1)))
}
/** The histograms kept, leaving out those whose cases have all gone (their counts are all zero). */
const keptHistograms = (db: Db) =>
  Object.fromEntries(
    (db.prepare('SELECT kind, place, counts FROM case_time_histograms ORDER BY kind, place').all() as Array<{ kind: string; place: string; counts: string }>)
      .map((r) => [`${r.kind} ${r.place}`, JSON.parse(r.counts) as number[]] as const)
      .filter(([, c]) => c.some((n) => n !== 0)),
  )

const kept = (db: Db) => db.prepare('SELECT kind, station_id, district_id, handling_district_id, n FROM case_time_counts WHERE n > 0 ORDER BY 1, 2, 3, 4').all()

/** Twenty-eight cases of every status, some without a station or district, some handed over, one merged. */
async function writeCases(db: Db) {
  const cases = caseRepo(db, new GroupCommit(db))
  const statuses = ['assigned', 'acknowledged', 'replied', 'closed', 'withdrawn', 'rejected', 'reopened'] as const
  for (let i = 0; i < 28; i++) {
    const record = caseRecord({
      id: `c${i}`,
      status: statuses[i % statuses.length],
      stationId: i % 4 === 0 ? null : `st00${i % 3}`,
      districtId: i % 9 === 0 ? null : `d0${i % 2}`,
      handlingDistrictId: i % 5 === 0 ? 'd07' : null,
      createdAt: T0,
      acknowledgedAt: i % 3 === 0 ? null : at(i),
      repliedAt: i % 2 === 0 ? at(30 + i) : null,
      mergedInto: i === 11 ? 'c1' : null,
    })
    await cases.submit({ record, ticketDate: '2026-11-01', events: [caseEvent(record.id, 'submitted')], outbox: [] })
  }
}

/**
 * The counts behind the medians (migration 037) are kept by triggers, whatever SQL writes the
 * cases: the store's own writes, an anonymisation, a repair by hand, a row deleted.
 */
describe('the counts of case times in the SQLite store', () => {
  it('always equal a recount of the cases, through inserts, every kind of change, and deletes', async () => {
    const db = openDatabase(':memory:')
    await writeCases(db)
    expect(kept(db), 'as submitted').to.deep.equal(db.prepare(RECOUNT).all())
    expect(keptHistograms(db), 'histograms as submitted').to.deep.equal(recountHistograms(db))
    const changes = [
      "UPDATE cases SET status = 'withdrawn' WHERE id IN ('c1', 'c2')",
      "UPDATE cases SET merged_into = 'c3' WHERE id = 'c8'",
      "UPDATE cases SET merged_into = NULL WHERE id = 'c11'",
      `UPDATE cases SET acknowledged_at = '${at(2).toISOString()}' WHERE id = 'c0'`,
      `UPDATE cases SET replied_at = '${at(50).toISOString()}', status = 'replied' WHERE id IN ('c3', 'c7')`,
      "UPDATE cases SET replied_at = NULL, acknowledged_at = NULL, status = 'assigned' WHERE id = 'c10'",
      "UPDATE cases SET station_id = 'st009', district_id = 'd09' WHERE id IN ('c4', 'c5', 'c6')",
      "UPDATE cases SET handling_district_id = 'd08' WHERE id = 'c12'",
      "UPDATE cases SET station_id = NULL, district_id = NULL, handling_district_id = NULL WHERE id = 'c13'",
      "UPDATE cases SET status = 'acknowledged' WHERE id = 'c5'",
      "UPDATE cases SET text = 'changed' WHERE id = 'c14'",
      // Times moving to another bucket, or exactly onto an edge (one minute: 60,000 ms), without any count changing.
      `UPDATE cases SET replied_at = '${at(300).toISOString()}' WHERE id = 'c22'`,
      `UPDATE cases SET acknowledged_at = '${new Date(T0.getTime() + 60_000).toISOString()}' WHERE id = 'c20'`,
      `UPDATE cases SET acknowledged_at = '${new Date(T0.getTime() + 59_999).toISOString()}' WHERE id = 'c27'`,
      `UPDATE cases SET created_at = '${at(-5).toISOString()}' WHERE id = 'c23'`,
      "DELETE FROM case_events WHERE case_id IN ('c15', 'c16', 'c17'); DELETE FROM cases WHERE id IN ('c15', 'c16', 'c17')",
    ]
    for (const sql of changes) {
      db.exec(sql)
      expect(kept(db), sql).to.deep.equal(db.prepare(RECOUNT).all())
      expect(keptHistograms(db), `histograms: ${sql}`).to.deep.equal(recountHistograms(db))
    }
    db.close()
  })

  it('are counted from the cases already there when migration 039 runs on an existing database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liaison-histograms-'))
    try {
      const file = join(dir, 'liaison.db')
      const first = openDatabase(file)
      await writeCases(first)
      // The database as it was before migration 039: none of its tables or triggers.
      first.exec(
        'DROP TRIGGER case_time_histograms_added; DROP TRIGGER case_time_histograms_removed; DROP TRIGGER case_time_histograms_ack_changed; DROP TRIGGER case_time_histograms_reply_changed; DROP TABLE case_time_histograms; DROP TABLE case_time_edges',
      )
      first.prepare('DELETE FROM schema_migrations WHERE version = 39').run()
      first.close()
      const db = openDatabase(file)
      expect(keptHistograms(db)).to.deep.equal(recountHistograms(db))
      expect(Object.keys(keptHistograms(db))).to.include.members(['ack ', 'reply ', 'ack st001', 'reply st002'])
      db.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it("draw a station's version anew whenever its times of that kind change, even when every count stays the same", async () => {
    const db = openDatabase(':memory:')
    await writeCases(db)
    const place = () =>
      db.prepare("SELECT version, counts FROM case_time_histograms WHERE kind = 'reply' AND place = 'st001'").get() as { version: number; counts: string }
    const before = place()
    // c22 (of st001) replied a millisecond later: the same bucket, so the same counts, but not the same times.
    db.exec(`UPDATE cases SET replied_at = '${new Date(at(52).getTime() + 1).toISOString()}' WHERE id = 'c22'`)
    expect(place().counts).to.equal(before.counts)
    expect(place().version).not.to.equal(before.version)
    const after = place()
    db.exec("UPDATE cases SET text = 'unchanged times' WHERE id = 'c22'")
    expect(place()).to.deep.equal(after)
    // A reply to c13 (of st001, acknowledged before) changes the replies' counts, not the acknowledgements'.
    const acks = () => db.prepare("SELECT version, counts FROM case_time_histograms WHERE kind = 'ack' AND place = 'st001'").get()
    const acksBefore = acks()
    db.exec(`UPDATE cases SET status = 'replied', replied_at = '${at(70).toISOString()}' WHERE id = 'c13'`)
    expect(acks()).to.deep.equal(acksBefore)
    expect(place().version).not.to.equal(after.version)
    db.close()
  })
})
