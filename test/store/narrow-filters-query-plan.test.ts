import { expect } from 'chai'
import type { CaseQuery } from '../../src/store/ports.js'
import { caseRepo } from '../../src/store/sqlite/case-repos.js'
import { GroupCommit } from '../../src/store/sqlite/group-commit.js'
import { openDatabase, type Db } from '../../src/store/sqlite/open.js'

/** SQLite's plan of each SELECT the adapter prepares during one call (on a migrated empty database: plans, never times). */
async function plansOf(db: Db, call: () => unknown): Promise<string[]> {
  const seen: string[] = []
  const prepare = db.prepare
  db.prepare = ((sql: string) => (seen.push(sql), prepare.call(db, sql))) as Db['prepare']
  try {
    await call()
  } finally {
    db.prepare = prepare
  }
  return seen
    .filter((sql) => /^\s*(SELECT|WITH)/i.test(sql))
    .flatMap((sql) =>
      (
        db
          .prepare(`EXPLAIN QUERY PLAN ${sql}`)
          .all(
            ...(Array((sql.match(/\?/g) ?? []).length).fill(null) as unknown[]),
            Object.fromEntries([...sql.matchAll(/@(\w+)/g)].map((m) => [m[1], null])),
          ) as Array<{ detail: string }>
      ).map((r) => r.detail),
    )
}

/** The lines of a plan that read the cases table. */
const readsOfCases = (plan: string[]) => plan.filter((line) => /^(SEARCH|SCAN) cases\b/.test(line))
/** A read of every case of a station or a district (~54,000 of a province's district), by its index. */
const scopeIndex = /cases_(station|district|handling_district)(_due)?\b/

const NOW = new Date('2026-11-30T02:00:00Z')
const SCOPES: Record<string, Partial<CaseQuery>> = {
  'station staff': { stationIds: ['st0001'] },
  'a street organizer': { stationIds: ['st0001', 'st0003'] },
  'a district organizer': { districtIds: ['d001'] },
  'an organizer of a district and a street elsewhere': { districtsOrStations: { districtIds: ['d001'], stationIds: ['st0101'] } },
}

/**
 * The inbox's 共 N 条 filtered by status, by deputy or by place, and a page of the statistics by deputy: at a province
 * an organizer's count read the district's every message (~54,000) to find a deputy's or a place's few hundred, twice
 * (the place's district and the handling one), ~140 ms of the ~170 ms the list took. A deputy's or a place's messages
 * are read through their own index, the scope checked on them; statuses of a scope are the counts kept per place.
 */
describe("the inbox counts and the statistics by deputy read a deputy's or a place's own messages, a status from the kept counts (SQLite plans)", () => {
  let db: Db
  before(() => {
    db = openDatabase(':memory:')
  })
  after(() => db.close())

  for (const [who, scope] of Object.entries(SCOPES)) {
    it(`${who}: 共 N 条 of one deputy's messages reads that deputy's, never every message of the scope`, async () => {
      const cases = caseRepo(db, new GroupCommit(db))
      for (const more of [{}, { statuses: ['closed' as const] }]) {
        const reads = readsOfCases(await plansOf(db, () => cases.countUpTo({ ...scope, deputyId: 'dp000123', unmerged: true, ...more }, 1000)))
        expect(reads, 'reads').not.to.be.empty
        for (const line of reads) expect(line).to.match(/ USING (COVERING )?INDEX cases_deputy_created \(deputy_id=\?\)/)
      }
    })

    it(`${who}: 共 N 条 of a place's messages reads that place's, never every message of the scope`, async () => {
      const cases = caseRepo(db, new GroupCommit(db))
      const reads = readsOfCases(await plansOf(db, () => cases.countUpTo({ ...scope, regionIds: ['c0101', 'g010101'] }, 1000)))
      expect(reads, 'reads').not.to.be.empty
      for (const line of reads) expect(line).to.match(/ USING (COVERING )?INDEX cases_region_created \(region_id=\?\)/)
    })

    it(`${who}: 共 N 条 of a status (or the open ones) is the scope's counts kept per place, no message read`, async () => {
      const cases = caseRepo(db, new GroupCommit(db))
      for (const statuses of [['acknowledged' as const], ['submitted' as const, 'assigned' as const, 'reopened' as const]]) {
        const plan = await plansOf(db, () => cases.countUpTo({ ...scope, statuses }, 1000))
        expect(readsOfCases(plan), plan.join(' | ')).to.deep.equal([])
        expect(
          plan.some((line) => /case_counts\b/.test(line)),
          plan.join(' | '),
        ).to.equal(true)
      }
    })

    it(`${who}: the statistics by deputy read each deputy's whole figures from that deputy's messages, never the scope's`, async () => {
      const cases = caseRepo(db, new GroupCommit(db))
      const one = { ...scope, deputyId: 'dp000123' }
      const plan = [
        ...(await plansOf(db, () => cases.tally(one, { now: NOW, groupBy: 'deputy', topics: true }))),
        ...(await plansOf(db, () => cases.middleTimes(one, 'deputy'))),
      ]
      const reads = readsOfCases(plan)
      expect(reads, 'reads').not.to.be.empty
      expect(reads.filter((line) => scopeIndex.test(line))).to.deep.equal([])
      for (const line of reads) expect(line).to.match(/ USING (COVERING )?INDEX cases_deputy_created \(deputy_id=\?\)/)
    })
  }
})
