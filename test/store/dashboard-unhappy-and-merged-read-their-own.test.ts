import { expect } from 'chai'
import { caseRepo } from '../../src/store/sqlite/case-repos.js'
import { GroupCommit } from '../../src/store/sqlite/group-commit.js'
import { openDatabase, type Db } from '../../src/store/sqlite/open.js'
import type { CaseQuery } from '../../src/store/ports.js'

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
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...(Array((sql.match(/\?/g) ?? []).length).fill(null) as unknown[])) as Array<{ detail: string }>).map(
        (r) => r.detail,
      ),
    )
}

/** The lines of a plan that read the cases table, by which index. */
const readsOfCases = (plan: string[]) => plan.filter((line) => /^(SEARCH|SCAN) cases\b/.test(line))

/**
 * 工作概览 of a district office counts its 群众不满意 and its 合并办理 messages at every first look after a change
 * (countUpTo through each of the district's columns). A few in a hundred of the district's messages: read through
 * indexes of those few by district (migration 083), never the district's every message (at a province two reads of
 * ~50,000 rows, most of the dashboard's time).
 */
describe("a district office's dashboard counts its unhappy and merged messages from those few alone (SQLite plans)", () => {
  let db: Db
  before(() => {
    db = openDatabase(':memory:')
  })
  after(() => db.close())

  const scopes: Record<string, Partial<CaseQuery>> = {
    'a district organizer': { districtIds: ['d001'] },
    'an organizer of a district and a street elsewhere': { districtsOrStations: { districtIds: ['d001'], stationIds: ['st0101'] } },
  }
  for (const [who, scope] of Object.entries(scopes)) {
    it(`${who}: 群众不满意 is counted through the unhappy messages of the district, by place and by the office handling them`, async () => {
      const cases = caseRepo(db, new GroupCommit(db))
      const reads = readsOfCases(await plansOf(db, () => cases.countUpTo({ ...scope, unhappy: true }, 100_000)))
      expect(reads).to.include('SEARCH cases USING INDEX cases_unhappy_district (district_id=?)')
      expect(reads).to.include('SEARCH cases USING INDEX cases_unhappy_handling_district (handling_district_id=?)')
      expect(
        reads.filter((line) => /cases_(handling_)?district(_due)?\b/.test(line)),
        "the district's every message",
      ).to.deep.equal([])
    })

    it(`${who}: 合并办理 is counted through the merged messages of the district, by place and by the office handling them`, async () => {
      const cases = caseRepo(db, new GroupCommit(db))
      const reads = readsOfCases(await plansOf(db, () => cases.countUpTo({ ...scope, merged: true }, 100_000)))
      expect(reads).to.include('SEARCH cases USING INDEX cases_merged_district (district_id=?)')
      expect(reads).to.include('SEARCH cases USING INDEX cases_merged_handling_district (handling_district_id=?)')
      expect(
        reads.filter((line) => /cases_(handling_)?district(_due)?\b/.test(line)),
        "the district's every message",
      ).to.deep.equal([])
    })

    it(`${who}: the 群众不满意 card's list (newest first) walks the district's unhappy messages in order, no sort of the district's`, async () => {
      const cases = caseRepo(db, new GroupCommit(db))
      const plan = await plansOf(db, () => cases.search({ limit: 20, ...scope, unhappy: true }))
      const reads = readsOfCases(plan)
      expect(reads).to.include('SEARCH cases USING INDEX cases_unhappy_district (district_id=?)')
      expect(reads).to.include('SEARCH cases USING INDEX cases_unhappy_handling_district (handling_district_id=?)')
      // A street's stations are read through the station's own index, sorted there: a station's messages are few.
      if (!scope.districtsOrStations) expect(plan, 'a sort of the rows read').not.to.include('USE TEMP B-TREE FOR LAST TERM OF ORDER BY')
    })
  }
})
