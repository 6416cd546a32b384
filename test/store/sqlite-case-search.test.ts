import { expect } from 'chai'
import type { CaseRecord } from '../../src/domain/case.js'
import type { CaseQuery, CaseRepo } from '../../src/store/ports.js'
import { caseRepo } from '../../src/store/sqlite/case-repos.js'
import { GroupCommit } from '../../src/store/sqlite/group-commit.js'
import { openDatabase, type Db } from '../../src/store/sqlite/open.js'
import { caseEvent, caseRecord } from './records.js'

const T0 = new Date('2026-11-22T02:00:00Z')
const TEXTS = ['小区里停车位太少', '楼道里堆满杂物', '希望增设停车位', '电梯经常坏，物业拖着不修', '停车位被占，电梯也坏了']

/**
 * SQLite meets a rare word's rows through the text index and a common word's while walking
 * the list's own order (or, when that walk is too short, through the index again): every
 * way must give the same answers, page by page.
 */
describe('sqlite: search by text, read either way', () => {
  let db: Db
  let rare: CaseRepo
  let common: CaseRepo
  let commonFar: CaseRepo
  beforeEach(async () => {
    db = openDatabase(':memory:')
    const group = new GroupCommit(db)
    rare = caseRepo(db, group)
    // A common word's walk finds some pages within its first 8 rows and falls back for others.
    common = caseRepo(db, group, { fewTextMatches: 1, walkFirst: 8 })
    commonFar = caseRepo(db, group, { fewTextMatches: 1 })
    for (let i = 0; i < 30; i++) {
      const record = caseRecord({
        text: `${TEXTS[i % TEXTS.length]}（${i}号楼）`,
        createdAt: new Date(T0.getTime() + (i % 7) * 60_000), // ties in time: the id decides
        stationId: i % 3 ? 'st001' : 'st002',
        status: i % 4 ? 'assigned' : 'closed',
        districtId: i % 5 ? 'd01' : 'd02',
      } satisfies Partial<CaseRecord>)
      await rare.submit({ record, ticketDate: '2026-11-22', events: [caseEvent(record.id, 'submitted')], outbox: [] })
    }
  })
  afterEach(() => db.close())

  const everyPage = async (repo: CaseRepo, q: Partial<CaseQuery>) => {
    const ids: string[] = []
    let cursor: string | null | undefined
    do {
      const page = await repo.search({ limit: 4, ...q, cursor })
      ids.push(...page.items.map((c) => c.id))
      cursor = page.nextCursor
    } while (cursor)
    return ids
  }

  for (const [name, q] of [
    ['one word', { textWords: ['停车位'] }],
    ['two words, one short', { textWords: ['停车位', '电梯'] }],
    ['with a station and a status', { textWords: ['停车位'], stationIds: ['st001'], statuses: ['assigned' as const] }],
    ["with a district's two columns", { textWords: ['停车位'], districtIds: ['d02'] }],
    ['due first', { textWords: ['停车位'], order: 'due' as const }],
  ] as Array<[string, Partial<CaseQuery>]>) {
    it(`${name}: the same cases in the same order`, async () => {
      const expected = await everyPage(rare, q)
      expect(expected).to.not.be.empty
      expect(await everyPage(common, q)).to.deep.equal(expected)
      expect(await everyPage(commonFar, q)).to.deep.equal(expected)
    })
  }

  it('forgets a deleted case', async () => {
    const gone = "SELECT id FROM cases WHERE text LIKE '小区里停车位太少%'"
    db.prepare(`DELETE FROM case_events WHERE case_id IN (${gone})`).run()
    db.prepare(`DELETE FROM cases WHERE id IN (${gone})`).run()
    const left = (await rare.search({ limit: 50, textWords: ['停车位'] })).items.map((c) => c.text)
    expect(left).to.have.length(12)
    expect(left.join()).to.not.include('小区里')
    expect((await common.search({ limit: 50, textWords: ['停车位'] })).items).to.have.length(12)
  })
})
