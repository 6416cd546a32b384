import { expect } from 'chai'
import { OPEN_STATUSES, type CaseStatus } from '../../src/domain/case.js'
import { encodeCursor, timeCursorKey } from '../../src/store/cursor.js'
import type { CaseQuery, OutboxQuery } from '../../src/store/ports.js'
import { shortNumberSearch } from '../../src/domain/case-search.js'
import { caseRepo } from '../../src/store/sqlite/case-repos.js'
import { caseFiguresMark } from '../../src/store/sqlite/case-figures-mark.js'
import { keptDeadlines } from '../../src/store/sqlite/case-deadlines-kept.js'
import { logEnds } from '../../src/store/sqlite/case-change-log.js'
import { GroupCommit } from '../../src/store/sqlite/group-commit.js'
import { openDatabase, type Db } from '../../src/store/sqlite/open.js'
import { mpUserRepo, outboxRepo } from '../../src/store/sqlite/people-repos.js'
import { sessionRepo } from '../../src/store/sqlite/auth-repos.js'
import { surveyRepo } from '../../src/store/sqlite/survey-repo.js'
import { campaignRepo } from '../../src/store/sqlite/campaign-repos.js'
import { digestRepo } from '../../src/store/sqlite/digest-repo.js'
import { markerRepo } from '../../src/store/sqlite/marker-repo.js'

/** Tables that grow with the years: a million cases, several million events, half a million messages. */
const BIG = ['cases', 'case_events', 'outbox', 'survey_responses', 'digests', 'reading_reach', 'reading_reads', 'campaign_check_ins', 'mp_users']
const fullScan = new RegExp(`^SCAN (${BIG.join('|')})\\b`)

/** The SQL the adapter prepares during one call, in order. */
async function statementsOf(db: Db, call: () => unknown): Promise<string[]> {
  const seen: string[] = []
  const prepare = db.prepare
  db.prepare = ((sql: string) => {
    seen.push(sql)
    return prepare.call(db, sql)
  }) as Db['prepare']
  try {
    await call()
  } finally {
    db.prepare = prepare
  }
  return seen
}

/**
 * The SQL the adapter runs for one call, and SQLite's plan for each statement: the real
 * statements of the real adapter, planned on a migrated empty database (plans, never times).
 */
async function plansOf(db: Db, call: () => unknown): Promise<string[][]> {
  return (await statementsOf(db, call))
    .filter((sql) => /^\s*(SELECT|WITH)/i.test(sql))
    .map((sql) =>
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

const NOW = new Date('2026-11-30T02:00:00Z')
const CURSORS = {
  newest: encodeCursor(timeCursorKey(new Date('2026-11-01T00:00:00Z'), 'cs-x')),
  due: encodeCursor(timeCursorKey(new Date('2026-12-01T00:00:00Z'), 'cs-x')),
}

/**
 * Who reads the inbox: an admin sees everything, an organizer a district, station staff a station,
 * a street organizer the stations in the street, an organizer of a district and a street elsewhere either.
 */
const SCOPES: Record<string, Partial<CaseQuery>> = {
  admin: {},
  organizer: { districtIds: ['d001'] },
  'station staff': { stationIds: ['st0001'] },
  'street organizer': { stationIds: ['st0001', 'st0003'] },
  'district and street organizer': { districtsOrStations: { districtIds: ['d001'], stationIds: ['st0101', 'st0102'] } },
}

/** Every filter of the console's inbox (GET /api/admin/cases and the dashboard's click-throughs). */
const FILTERS: Record<string, Partial<CaseQuery>> = {
  status: { statuses: ['acknowledged' as CaseStatus] },
  open: { statuses: [...OPEN_STATUSES] },
  topic: { topic: '城乡建设' },
  place: { regionIds: ['c0101', 'c0102', 'g010201'] },
  station: { stationIds: ['st0002'] },
  district: { districtIds: ['d002'] },
  deputy: { deputyId: 'dp000123' },
  dates: { createdFrom: new Date('2025-01-01T00:00:00Z'), createdTo: new Date('2025-02-01T00:00:00Z') },
  overdue: { overdueAt: NOW },
  // 只看未按时受理: the acknowledgement's deadline passed, the reply's not (its own filter beside 只看已超期).
  'late acknowledgement': { ackLateAt: NOW },
  rating: { rating: 1 },
}

describe('the console queries find their rows through indexes (EXPLAIN QUERY PLAN on a migrated database)', () => {
  let db: Db
  before(() => {
    db = openDatabase(':memory:')
  })
  after(() => db.close())

  const expectNoFullScan = (plans: string[][], allowOrderedScan = false) => {
    for (const plan of plans)
      for (const line of plan) {
        // An unfiltered list reads the newest page straight off its order's index and stops.
        if (allowOrderedScan && / USING (COVERING )?INDEX /.test(line)) continue
        // The index of open cases only (migration 034): a few percent of the table, read newest first.
        if (/ USING (COVERING )?INDEX cases_open_created\b/.test(line)) continue
        // The unhappy cases only (migration 059): a few in a hundred, read newest first.
        if (/ USING (COVERING )?INDEX cases_unhappy_created\b/.test(line)) continue
        // The same few by district (migration 083): an admin's count of them may read one of these whole instead.
        if (/ USING (COVERING )?INDEX cases_(unhappy|merged)_(handling_)?district\b/.test(line)) continue
        // The unfinished cases only (migration 036): the few percent whose figures depend on "now".
        if (/ USING COVERING INDEX cases_unfinished\b/.test(line)) continue
        expect(line, `plan: ${plan.join(' | ')}`).not.to.match(fullScan)
      }
  }

  for (const [scope, scoped] of Object.entries(SCOPES)) {
    for (const order of ['newest', 'due'] as const) {
      it(`the ${scope}'s inbox, unfiltered, ${order} first, reads a page in index order, and seeks to the next page`, async () => {
        const cases = caseRepo(db, new GroupCommit(db))
        const plans = await plansOf(db, () => cases.search({ limit: 20, order, ...scoped }))
        expect(plans).to.have.length(1)
        expectNoFullScan(plans, scope === 'admin')
        // Page 2 (and page 2,000 of an export) starts at its cursor, never at the first row again.
        expectNoFullScan(await plansOf(db, () => cases.search({ limit: 20, order, cursor: CURSORS[order], ...scoped })))
      })
      for (const [filter, wanted] of Object.entries(FILTERS)) {
        it(`the ${scope}'s inbox filtered by ${filter}, ${order} first, next page too`, async () => {
          const cases = caseRepo(db, new GroupCommit(db))
          for (const cursor of [undefined, CURSORS[order]]) {
            const plans = await plansOf(db, () => cases.search({ limit: 20, order, cursor, ...wanted, ...scoped }))
            expectNoFullScan(plans)
          }
        })
      }
    }
    it(`the ${scope}'s list count (共 N 条, counted no further than its bound) reads an index, unfiltered, for 群众不满意 and every filter`, async () => {
      const cases = caseRepo(db, new GroupCommit(db))
      expectNoFullScan(await plansOf(db, () => cases.countUpTo({ ...scoped }, 1000)), scope === 'admin')
      for (const wanted of [{ unhappy: true }, ...Object.values(FILTERS)])
        expectNoFullScan(await plansOf(db, () => cases.countUpTo({ ...wanted, ...scoped }, 1000)))
    })
    it(`the ${scope}'s inbox filtered by 群众不满意, newest first, reads the scope's index or the few unhappy cases' own`, async () => {
      const cases = caseRepo(db, new GroupCommit(db))
      for (const cursor of [undefined, CURSORS.newest]) expectNoFullScan(await plansOf(db, () => cases.search({ limit: 20, cursor, unhappy: true, ...scoped })))
    })
    if (scope !== 'admin')
      it(`the ${scope}'s statistics, dashboard and export read only their scope`, async () => {
        const cases = caseRepo(db, new GroupCommit(db))
        expectNoFullScan(await plansOf(db, () => cases.listForStats({ ...scoped })))
        expectNoFullScan(await plansOf(db, () => cases.listForStats({ ...scoped, createdFrom: new Date('2026-11-01T00:00:00Z'), createdTo: NOW })))
      })
    if (scope !== 'admin')
      it(`the ${scope}'s counts in the store (statistics, dashboard) read only their scope`, async () => {
        const cases = caseRepo(db, new GroupCommit(db))
        const week = { createdFrom: new Date('2026-11-23T00:00:00Z'), createdTo: NOW }
        for (const groupBy of [undefined, 'station', 'handlingDistrict', 'deputy', 'department'] as const) {
          expectNoFullScan(await plansOf(db, () => cases.tally({ ...scoped }, { now: NOW, groupBy, topics: true })))
          expectNoFullScan(await plansOf(db, () => cases.middleTimes({ ...scoped }, groupBy)))
          expectNoFullScan(await plansOf(db, () => cases.tally({ ...scoped, ...week }, { now: NOW, groupBy })))
        }
      })
  }

  for (const [scope, scoped] of Object.entries(SCOPES))
    it(`the ${scope}'s dashboard and statistics read the counts kept per group and the unfinished cases, never every case of the scope`, async () => {
      const cases = caseRepo(db, new GroupCommit(db))
      for (const groupBy of [undefined, 'station', 'district', 'handlingDistrict'] as const) {
        const plans = await plansOf(db, () => cases.tally({ ...scoped }, { now: NOW, groupBy, topics: true }))
        expectNoFullScan(plans)
        const read = plans.flat().join(' | ')
        if (groupBy === undefined || groupBy === 'station') {
          expect(read).to.match(/\bcase_counts\b/)
          expect(read).to.match(/\bcase_topic_counts\b/)
        } else expect(read, `by ${groupBy}: the places' counts kept from the look by station`).to.not.match(/\bcase_(topic_)?counts\b/)
        // The counts by topic in the table's order, topic first: sorting its ~45,000 rows per group was most of an admin's figure.
        for (const plan of plans.filter((lines) => lines.some((line) => /\bcase_topic_counts\b/.test(line))))
          expect(plan.join(' | ')).to.not.match(/TEMP B-TREE/)
      }
      // New cases today and in each of eight weeks: one count through an index that holds the creation time.
      const weeks = Array.from({ length: 8 }, (_, i) => ({
        from: new Date(NOW.getTime() - (8 - i) * 7 * 86_400_000),
        to: new Date(NOW.getTime() - (7 - i) * 7 * 86_400_000),
      }))
      const periods = await plansOf(db, () => cases.countByPeriod({ ...scoped }, [{ from: new Date(NOW.getTime() - 3_600_000) }, ...weeks]))
      expect(periods).to.have.length(1)
      expect(periods[0].filter((line) => /\bcases\b/.test(line))).to.not.be.empty
      for (const line of periods[0])
        if (/\bcases\b/.test(line))
          expect(line).to.match(/^SEARCH cases USING (COVERING )?INDEX cases_(created|station|district|handling_district) \(.*created_at>\?/)
    })

  for (const [scope, scoped] of Object.entries(SCOPES))
    it(`the ${scope}'s weekly report reads the week's answers and ratings through their times`, async () => {
      const cases = caseRepo(db, new GroupCommit(db))
      const week = [new Date('2026-11-23T00:00:00Z'), NOW] as const
      const answers = await plansOf(db, () => cases.listAnsweredIn({ ...scoped }, ...week))
      expectNoFullScan(answers)
      expect(answers.map((plan) => plan.join(' | '))).to.deep.equal([
        'SEARCH cases USING INDEX cases_replied_at (replied_at>? AND replied_at<?)',
        'SEARCH cases USING INDEX cases_closed_retention (closed_at>? AND closed_at<?)',
        'SEARCH cases USING INDEX cases_closed_anonymised (closed_at>? AND closed_at<?)',
      ])
      // The week's answers sent back (重新办理) through the answer steps' times (migration 081), then each one's case by its id.
      const sentBack = await plansOf(db, () => cases.listAnswersSentBackIn({ ...scoped }, ...week))
      expectNoFullScan(sentBack)
      expect(sentBack.flat().join(' | ')).to.match(/SEARCH case_events USING INDEX case_events_replied \(at>\? AND at<\?\)/)
      expect(sentBack.flat().join(' | ')).to.match(/SEARCH cases USING INDEX sqlite_autoindex_cases_1 \(id=\?\)/)
      // The week's ratings through the rating events' times (migration 076), then each one's case by its id.
      const ratings = await plansOf(db, () => cases.listRatedIn({ ...scoped }, ...week))
      expectNoFullScan(ratings)
      expect(ratings.flat().join(' | ')).to.match(/SEARCH case_events USING INDEX case_events_rated \(at>\? AND at<\?\)/)
      expect(ratings.flat().join(' | ')).to.match(/SEARCH cases USING INDEX sqlite_autoindex_cases_1 \(id=\?\)/)
    })

  for (const [scope, scoped] of Object.entries(SCOPES))
    it(`the ${scope}'s statistics by deputy: every deputy ranked by the counts kept per deputy (the figures of "now" from memory), a page's deputies each through their own cases`, async () => {
      const cases = caseRepo(db, new GroupCommit(db))
      const ranking = await plansOf(db, () => cases.deputyBars({ ...scoped }, NOW))
      expectNoFullScan(ranking)
      expect(ranking.flat().join(' | ')).to.match(/\bcase_deputy_counts\b/)
      // The next look after a change reads the two change logs by their keys, and the deputies touched each by theirs.
      // (As the triggers log them: a case changed, and a case taken from a deputy.)
      db.prepare("INSERT INTO case_changes (case_id) VALUES ('cs-changed')").run()
      db.prepare("INSERT INTO case_deputy_changes (deputy_id) VALUES ('dp000123')").run()
      const again = await plansOf(db, () => cases.deputyBars({ ...scoped }, NOW))
      expectNoFullScan(again)
      expect(again.flat().join(' | ')).to.match(/SEARCH case_deputy_counts USING PRIMARY KEY \(deputy_id=\?/)
      expect(again.flat().join(' | ')).to.match(/SEARCH case_changes USING INTEGER PRIMARY KEY \(rowid>\?\)/)
      expect(again.flat().join(' | ')).to.match(/SEARCH case_deputy_changes USING INTEGER PRIMARY KEY \(rowid>\?\)/)
      const one = { ...scoped, deputyId: 'dp000123' }
      expectNoFullScan(await plansOf(db, () => cases.tally(one, { now: NOW, groupBy: 'deputy', topics: true })))
      expectNoFullScan(await plansOf(db, () => cases.middleTimes(one, 'deputy')))
    })

  it('the unfinished cases\' deadlines kept in memory (figures of "now", the statistics\' mark): read from their index alone, then each changed case by its key', async () => {
    // Its statements are made once, with the adapter: planned here as it makes them.
    const plans = await plansOf(db, async () => caseFiguresMark(keptDeadlines(db))(NOW))
    // Read whole once (and after changes pruned unseen): the unfinished cases' index, each case's id from its row.
    const whole = plans.filter((lines) => lines.some((line) => /INDEX cases_unfinished\b/.test(line)))
    expect(whole).to.have.length(1)
    expect(whole[0]).to.deep.equal(['SCAN cases USING INDEX cases_unfinished'])
    expectNoFullScan(plans.filter((plan) => plan !== whole[0]))
    expect(plans.flat().join(' | ')).to.match(/SEARCH case_changes\b/)
    // The cases changed since the last look: each found by its id, never by walking the cases.
    const changed = plans.find((lines) => lines.some((line) => /SCAN changed\b/.test(line)))!
    expect(changed.join(' | ')).to.match(/SEARCH cases USING INDEX sqlite_autoindex_cases_1 \(id=\?\)/)
  })

  it('where each change log stands is read at its two ends, never by reading the log', async () => {
    for (const table of ['case_changes', 'case_deputy_changes', 'case_place_changes'] as const) {
      const seen = await statementsOf(db, () => logEnds(db, table)())
      expect(seen).to.have.length(1)
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${seen[0]}`).all() as Array<{ detail: string }>).map((r) => r.detail)
      expect(
        plan.filter((line) => line.includes(table)),
        plan.join(' | '),
      ).to.deep.equal([`SEARCH ${table}`, `SEARCH ${table}`])
    }
  })

  it('the counts by place kept between looks: after a change, the places touched each sought by key, with their topics', async () => {
    const cases = caseRepo(db, new GroupCommit(db))
    await cases.tally({ districtIds: ['d001'] }, { now: NOW, groupBy: 'station', topics: true })
    db.prepare("INSERT INTO case_changes (case_id) VALUES ('cs-x')").run()
    db.prepare("INSERT INTO case_place_changes (station_id, district_id, handling_district_id) VALUES ('st001', 'd001', '')").run()
    const plans = await plansOf(db, () => cases.tally({ districtIds: ['d001'] }, { now: NOW, groupBy: 'station', topics: true }))
    expectNoFullScan(plans)
    const counts = plans.filter((lines) => lines.some((line) => /\bcase_counts\b/.test(line)))
    const topics = plans.filter((lines) => lines.some((line) => /\bcase_topic_counts\b/.test(line)))
    const all = plans.map((p) => p.join(' | ')).join('\n')
    expect(counts, all).to.have.length(1)
    expect(counts[0].join(' | '), all).to.match(/SEARCH case_counts USING PRIMARY KEY \(station_id=\? AND district_id=\? AND handling_district_id=\?\)/)
    expect(topics, all).to.have.length(1)
    expect(topics[0].join(' | '), all).to.match(
      /SEARCH case_topic_counts USING PRIMARY KEY \(topic=\? AND station_id=\? AND district_id=\? AND handling_district_id=\?\)/,
    )
    const changed = plans.find((lines) => lines.some((line) => /case_changes/.test(line)))!
    expect(changed.join(' | '), all).to.match(/SEARCH cases USING INDEX sqlite_autoindex_cases_1 \(id=\?\)/)
    expect(all).to.match(/SEARCH case_place_changes USING INTEGER PRIMARY KEY \(rowid>\?\)/)
  })

  /** The search box: a ticket; a word few cases hold, read through the text index; a common one, met in the list's order. */
  const SEARCHES: Record<string, { query: Partial<CaseQuery>; fewTextMatches?: number }> = {
    ticket: { query: { ticket: '20261130-0001' } },
    'a rare word': { query: { textWords: ['消防通道'] } },
    'a common word': { query: { textWords: ['停车位'] }, fewTextMatches: -1 },
    'two characters': { query: { textWords: ['路灯'] } },
    'a short number': { query: { tickets: shortNumberSearch('0002', '2026-11-30').tickets } },
  }
  for (const [scope, scoped] of Object.entries(SCOPES))
    for (const [search, { query, fewTextMatches }] of Object.entries(SEARCHES))
      for (const order of ['newest', 'due'] as const)
        it(`the ${scope}'s inbox searched by ${search}, ${order} first, next page too, with a filter too`, async () => {
          const cases = caseRepo(db, new GroupCommit(db), { fewTextMatches })
          for (const cursor of [undefined, CURSORS[order]])
            for (const filter of [{}, FILTERS.status]) {
              const plans = await plansOf(db, () => cases.search({ limit: 20, order, cursor, ...query, ...filter, ...scoped }))
              // Walking everything newest first is right only where matches are everywhere (an admin's common word).
              expectNoFullScan(plans, scope === 'admin' && (search === 'a common word' || search === 'two characters'))
              // The text index is asked by MATCH (":M"), never read whole.
              for (const line of plans.flat()) if (/cases_fts/.test(line)) expect(line).to.match(/INDEX 0:M/)
            }
        })

  it('a short number ("0002") in any scope: each of its days\' tickets one seek on their unique index, the few cases found then sorted', async () => {
    const cases = caseRepo(db, new GroupCommit(db))
    const { tickets } = shortNumberSearch('0002', '2026-11-30')
    for (const scoped of Object.values(SCOPES))
      for (const order of ['newest', 'due'] as const)
        for (const plan of await plansOf(db, () => cases.search({ limit: 20, order, tickets, ...FILTERS.status, ...scoped })))
          expect(plan.join(' | ')).to.match(/SEARCH cases USING INDEX sqlite_autoindex_cases_\d \(ticket=\?\)/)
  })

  it("the admin's overdue list, newest first, walks the open cases in order instead of sorting every late case", async () => {
    const cases = caseRepo(db, new GroupCommit(db))
    for (const late of [{ overdueAt: NOW }, { ackLateAt: NOW }])
      for (const cursor of [undefined, CURSORS.newest]) {
        const [plan] = await plansOf(db, () => cases.search({ limit: 20, ...late, cursor }))
        expect(plan.join(' | ')).to.match(/USING (COVERING )?INDEX cases_open_created\b/)
        expect(plan.join(' | ')).not.to.match(/TEMP B-TREE/)
      }
  })

  it("the admin's 只看已超期 and 只看未按时受理 counts read the open cases' index alone: both deadlines are in it (migration 080)", async () => {
    const cases = caseRepo(db, new GroupCommit(db))
    for (const late of [{ overdueAt: NOW }, { ackLateAt: NOW }]) {
      const plans = await plansOf(db, () => cases.countUpTo(late, 1000))
      expect(plans.flat().join(' | '), JSON.stringify(late)).to.match(/SCAN cases USING COVERING INDEX cases_open_created\b/)
    }
  })

  it('hot issues and the weekly report read a window of dates or the open cases of a district', async () => {
    const cases = caseRepo(db, new GroupCommit(db))
    const window = { createdFrom: new Date('2026-10-31T00:00:00Z'), createdTo: NOW }
    expectNoFullScan(await plansOf(db, () => cases.listForStats(window)))
    expectNoFullScan(await plansOf(db, () => cases.listForHotIssues(window, NOW)))
    expectNoFullScan(await plansOf(db, () => cases.mostOverdue({ districtIds: ['d001'], statuses: ['submitted', 'assigned', 'acknowledged'] }, NOW, 10)))
    expectNoFullScan(await plansOf(db, () => cases.mostOverdue({ statuses: ['submitted', 'assigned', 'acknowledged'] }, NOW, 10)))
    expectNoFullScan(await plansOf(db, () => cases.listForHotIssues({ districtIds: ['d001'], ...window }, NOW)))
    expectNoFullScan(await plansOf(db, () => cases.listForHotIssues({ stationIds: ['st0001'], ...window }, NOW)))
    // The admin's dashboard counts each week's new cases through the date index.
    expectNoFullScan(await plansOf(db, () => cases.tally(window, { now: NOW })))
    expectNoFullScan(await plansOf(db, () => cases.listForStats({ districtIds: ['d001'], ...window })))
    expectNoFullScan(await plansOf(db, () => cases.listForStats({ districtIds: ['d001'], statuses: ['submitted', 'assigned', 'acknowledged'] })))
    // A district's weekly report, by the district handling the messages: its week, its backlog as the week ended, the
    // week's answers and ratings; and its dashboard's new messages, each through an index of the two district columns.
    const handled = { handlingDistrictIds: ['d001'] }
    const waiting = { ...handled, statuses: ['submitted', 'assigned', 'acknowledged'] as CaseStatus[], createdTo: NOW }
    expectNoFullScan(await plansOf(db, () => cases.listForStats({ ...handled, ...window })))
    expectNoFullScan(await plansOf(db, () => cases.mostOverdue(waiting, NOW, 10)))
    expectNoFullScan(await plansOf(db, () => cases.tally(waiting, { now: NOW })))
    expectNoFullScan(await plansOf(db, () => cases.listAnsweredIn(handled, window.createdFrom, NOW)))
    expectNoFullScan(await plansOf(db, () => cases.listRatedIn(handled, window.createdFrom, NOW)))
    expectNoFullScan(await plansOf(db, () => cases.listAnswersSentBackIn(handled, window.createdFrom, NOW)))
    const periods = await plansOf(db, () => cases.countByPeriod(handled, [{ from: window.createdFrom }, { from: window.createdFrom, to: NOW }]))
    expectNoFullScan(periods)
    for (const line of periods[0]) if (/^SEARCH cases\b/.test(line)) expect(line).to.match(/INDEX cases_(handling_)?district \(.*created_at>\?/)
  })

  it('hot issues, read again, look up only the cases changed since (by the change log) and the slice the window slid onto', async () => {
    const cases = caseRepo(db, new GroupCommit(db))
    for (const scope of Object.values(SCOPES)) {
      const window = { ...scope, createdFrom: new Date('2026-10-31T00:00:00Z'), createdTo: NOW }
      await cases.listForHotIssues(window, NOW)
      db.prepare('INSERT INTO case_changes (case_id) VALUES (?)').run('cs-x')
      const slid = { ...window, createdFrom: new Date('2026-10-31T01:00:00Z'), createdTo: new Date(NOW.getTime() + 3_600_000) }
      const plans = await plansOf(db, () => cases.listForHotIssues(slid, NOW))
      expectNoFullScan(plans)
      const lines = plans.flat().join(' | ')
      expect(lines).not.to.match(/SCAN case_changes\b/)
      expect(lines, 'changes since a seq').to.match(/SEARCH case_changes USING INTEGER PRIMARY KEY \(rowid>\?\)/)
      expect(lines, 'each changed case by its id').to.match(/SEARCH cases USING INDEX sqlite_autoindex_cases_1 \(id=\?\)/)
    }
  })

  it("the 合并 dialog's hot issue reads one place's window through the community's index, in every scope, and keeps no window of it", async () => {
    const cases = caseRepo(db, new GroupCommit(db))
    const window = { createdFrom: new Date('2026-10-31T00:00:00Z'), createdTo: NOW }
    const places = [
      { communityId: 'c0101', districtId: 'd001' },
      { communityId: null, districtId: 'd001' },
      { communityId: null, districtId: null },
    ]
    for (const [name, scope] of Object.entries(SCOPES))
      for (const hotIssuePlace of places) {
        await cases.listForHotIssues({ ...scope, ...window, hotIssuePlace }, NOW)
        db.prepare('INSERT INTO case_changes (case_id) VALUES (?)').run('cs-x')
        // Read again after a change: one statement on the place's cases, no change log (each place kept would push out a list's window).
        const plans = await plansOf(db, () => cases.listForHotIssues({ ...scope, ...window, hotIssuePlace }, NOW))
        expect(plans, `${name} at ${JSON.stringify(hotIssuePlace)}`).to.have.length(1)
        expect(plans[0].join(' | '), name).to.match(/SEARCH cases USING INDEX cases_community \(community_id=\? AND created_at>\? AND created_at<\?\)/)
      }
  })

  it("a case's timeline, the deputy's open load and similar messages nearby", async () => {
    const cases = caseRepo(db, new GroupCommit(db))
    expectNoFullScan(await plansOf(db, () => cases.events('cs-1')))
    expectNoFullScan(await plansOf(db, () => cases.deputyLoads(['dp1', 'dp2'])))
    expectNoFullScan(await plansOf(db, () => cases.recentInCommunity('c0101', new Date('2026-11-01T00:00:00Z'))))
    expectNoFullScan(await plansOf(db, () => cases.getByTicket('20261130-0001')))
  })

  it("the bot's look for a short number a deputy once held: each ticket on its unique index, each case's timeline on its own", async () => {
    const cases = caseRepo(db, new GroupCommit(db))
    const plans = await plansOf(db, () => cases.heldOnceBy('dp1', ['20261130-0042', '20261129-0042', '20261128-0042']))
    expect(plans).to.have.length(1)
    expectNoFullScan(plans)
    const read = plans[0].join(' | ')
    expect(read).to.match(/SEARCH cases USING INDEX sqlite_autoindex_cases_\d \(ticket=\?\)/)
    expect(read).to.match(/SEARCH e (EXISTS )?USING INDEX case_events_case \(case_id=\?\)/)
  })

  it("我的待办's 已催办: each asked case's timeline on its own index, never a walk through every event", async () => {
    const cases = caseRepo(db, new GroupCommit(db))
    const plans = await plansOf(db, () => cases.latestUrges(['cs-1', 'cs-2', 'cs-3']))
    expect(plans).to.have.length(1)
    expectNoFullScan(plans)
    expect(plans[0].join(' | ')).to.match(/SEARCH e USING INDEX case_events_case \(case_id=\?\)/)
  })

  it("a group's new texts are indexed from its queue by rowid, and the triggers find a queued case by its rowid: never a walk through every case", async () => {
    const seen: string[] = []
    const prepare = db.prepare
    db.prepare = ((sql: string) => (seen.push(sql), prepare.call(db, sql))) as Db['prepare']
    try {
      caseRepo(db, new GroupCommit(db))
    } finally {
      db.prepare = prepare
    }
    const [indexQueued] = seen.filter((sql) => /^INSERT INTO cases_fts .*FROM cases_fts_pending/.test(sql))
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>).map((r) => r.detail)
    expectNoFullScan([plan(indexQueued)])
    expect(plan(indexQueued)).to.deep.equal(['SCAN cases_fts_pending', 'SEARCH cases USING INTEGER PRIMARY KEY (rowid=?)'])
    // What migration 044's delete and update triggers ask of every case they see.
    const triggers = db
      .prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'cases' AND sql LIKE '%cases_fts_pending WHERE%'")
      .pluck()
      .all() as string[]
    const guards = triggers.flatMap((sql) => sql.match(/SELECT 1 FROM cases_fts_pending WHERE case_rowid = old\.rowid/g) ?? [])
    expect(guards).to.have.length(2)
    for (const guard of guards) expect(plan(guard.replace('old.rowid', '1'))).to.deep.equal(['SEARCH cases_fts_pending USING INTEGER PRIMARY KEY (rowid=?)'])
  })

  // Her own cases through the unique index of (resident_id, idempotency_key) that every message writes anyway (cases_resident went in migration 070).
  it("a resident's own cases, next page too, through the resident's index, never a walk through every case", async () => {
    const cases = caseRepo(db, new GroupCommit(db))
    for (const cursor of [undefined, CURSORS.newest]) {
      const plans = await plansOf(db, () => cases.search({ limit: 20, residentId: 'mp-1', cursor }))
      expect(plans).to.have.length(1)
      expectNoFullScan(plans)
      expect(plans[0].join(' | ')).to.match(/^SEARCH cases USING INDEX sqlite_autoindex_cases_\d+ \(resident_id=\?\)/)
    }
  })

  it("a resident's answers waiting for her score (the bot's line under an answer, her 我的待办): through her own index, never every resident's answers", async () => {
    const cases = caseRepo(db, new GroupCommit(db))
    const plans = await plansOf(db, () => cases.search({ limit: 2, residentId: 'mp-1', statuses: ['replied'] }))
    expect(plans).to.have.length(1)
    expectNoFullScan(plans)
    expect(plans[0][0]).to.match(/^SEARCH cases USING INDEX sqlite_autoindex_cases_\d+ \(resident_id=\?\)$/)
  })

  it("a resident's cases by the number she types (0042): only hers are read, through her index, never every case", async () => {
    const cases = caseRepo(db, new GroupCommit(db))
    for (const numbers of [['0042'], ['0042', '0007', '0001']]) {
      const plans = await plansOf(db, () => cases.residentNumbered('mp-1', numbers, 100))
      expect(plans).to.have.length(1)
      expectNoFullScan(plans)
      expect(plans[0][0]).to.match(/^SEARCH cases USING INDEX sqlite_autoindex_cases_\d+ \(resident_id=\?\)$/)
    }
  })

  it("the SLA job's open cases and a case's merged duplicates: by status and by merged_into, never every case", async () => {
    const cases = caseRepo(db, new GroupCommit(db))
    for (const [call, index] of [
      [() => cases.listOpen(), 'cases_status_created'],
      [() => cases.mergedInto('cs-1'), 'cases_merged_into'],
    ] as const) {
      const plans = await plansOf(db, call)
      expect(plans).to.have.length(1)
      expectNoFullScan(plans)
      expect(plans[0][0]).to.match(new RegExp(`^SEARCH cases USING INDEX ${index} `))
    }
  })

  it("the SLA job's repair of merged messages left behind: the merged ones through merged_into, their carriers by key", async () => {
    const cases = caseRepo(db, new GroupCommit(db))
    const plans = await plansOf(db, () => cases.endedCarriers())
    expect(plans).to.have.length(1)
    expectNoFullScan(plans)
    expect(plans[0].slice(0, 2)).to.deep.equal([
      'SEARCH m USING INDEX cases_merged_into (merged_into>?)',
      'SEARCH c USING INDEX sqlite_autoindex_cases_1 (id=?)',
    ])
  })

  it("the SLA job's hand-back of messages waiting on departed deputies: one query from the waiting cases' index, each deputy by key", async () => {
    const cases = caseRepo(db, new GroupCommit(db))
    const plans = await plansOf(db, () => cases.waitingOnDeparted())
    expect(plans).to.have.length(1)
    expectNoFullScan(plans)
    expect(plans[0].slice(0, 2)).to.deep.equal([
      'SEARCH c USING INDEX cases_status_created (status=?)',
      'SEARCH d USING INDEX sqlite_autoindex_deputies_1 (id=?)',
    ])
  })

  const OUTBOX: Record<string, Partial<OutboxQuery>> = {
    status: { status: 'dead' },
    channel: { channel: 'bot' },
    kind: { kind: 'case.replied' },
    recipient: { recipientId: 'dp000123' },
  }
  for (const [filter, wanted] of Object.entries(OUTBOX))
    it(`the outbox console filtered by ${filter}, next page too`, async () => {
      const outbox = outboxRepo(db, new GroupCommit(db))
      for (const cursor of [undefined, encodeCursor('ob-1')]) expectNoFullScan(await plansOf(db, () => outbox.search({ limit: 50, cursor, ...wanted })))
    })

  it("a survey's responses", async () => {
    const surveys = surveyRepo(db, new GroupCommit(db))
    expectNoFullScan(await plansOf(db, () => surveys.responses('sv-1')))
  })

  it("a city survey's text answers at a street's stations: through the survey's own index, never a walk through every answer", async () => {
    const surveys = surveyRepo(db, new GroupCommit(db))
    const plans = await plansOf(db, () => surveys.textAnswers('sv-1', { questionId: 'q4', limit: 20, stationIds: ['st001', 'st003'] }))
    expect(plans).to.have.length(1)
    for (const line of plans[0]) expect(line, `plan: ${plans[0].join(' | ')}`).not.to.match(/^SCAN /)
  })

  it("a city survey's text answers in an organizer's districts: through the survey's own index too", async () => {
    const surveys = surveyRepo(db, new GroupCommit(db))
    const plans = await plansOf(db, () => surveys.textAnswers('sv-1', { questionId: 'q4', limit: 20, districtIds: ['d001', 'd002'] }))
    expect(plans).to.have.length(1)
    for (const line of plans[0]) expect(line, `plan: ${plans[0].join(' | ')}`).not.to.match(/^SCAN /)
  })

  it("the surveys open now for everyone's 我的待办 and digest, 述职评议 left out by their key: along the closing index, never a walk through the appraisals", async () => {
    const surveys = surveyRepo(db, new GroupCommit(db))
    const plans = await plansOf(db, () => surveys.openAt(new Date('2026-11-24T01:00:00Z')))
    expect(plans).to.have.length(1)
    expectNoFullScan(plans)
    for (const line of plans[0]) expect(line, `plan: ${plans[0].join(' | ')}`).not.to.match(/^SCAN /)
  })

  it('the survey an answer opens, with whether a 述职评议 owns it: found by its key, never by a walk through the surveys', async () => {
    const surveys = surveyRepo(db, new GroupCommit(db))
    for (const ref of [{ id: 'sv-1' }, { shortCode: 'ABCD1234' }]) {
      const plans = await plansOf(db, () => surveys.forRespondent(ref))
      expect(plans).to.have.length(1)
      expectNoFullScan(plans)
      for (const line of plans[0]) expect(line, `plan: ${plans[0].join(' | ')}`).not.to.match(/^SCAN /)
    }
  })

  it("the morning's digests: who had one today, each deputy's newest (never every digest ever made), and many deputies' reading at once", async () => {
    const digests = digestRepo(db, new GroupCommit(db))
    expectNoFullScan(await plansOf(db, () => digests.sentOn('2026-11-30')))
    expectNoFullScan(await plansOf(db, () => digests.lastMade()))
    const campaigns = campaignRepo(db, new GroupCommit(db))
    expectNoFullScan(await plansOf(db, () => campaigns.readingOfMany('deputy', ['dp1', 'dp2'])))
  })

  it("the console's campaigns, 只看我创建的 too: newest first along their index, never sorted afresh", async () => {
    // Campaigns are a few hundred a year (not a growing table): one staff member's are found along
    // the newest-first index, each checked for its creator, as the scoped list is.
    const campaigns = campaignRepo(db, new GroupCommit(db))
    for (const query of [
      { limit: 50, createdBy: 'st-wang' },
      { limit: 50, createdBy: 'st-wang', scopeDistrictIds: ['d01'], cityWide: true },
    ]) {
      const plans = await plansOf(db, () => campaigns.search(query))
      expect(plans).to.have.length(1)
      expect(plans[0][0], `plan: ${plans[0].join(' | ')}`).to.equal('SCAN campaigns USING INDEX campaigns_created')
      expect(plans[0].join(' | ')).not.to.match(/TEMP B-TREE/)
    }
  })

  it("a deputy's accounts, which every message to a deputy looks up", async () => {
    expectNoFullScan(await plansOf(db, () => mpUserRepo(db, new GroupCommit(db)).listByDeputyId('dp000123')))
  })

  it('the session and its person that every request of the mini-program reads, each by its key', async () => {
    // Prepared once, with the repository.
    const plans = await plansOf(db, async () => sessionRepo(db))
    expect(plans).to.deep.include([
      'SEARCH s USING INDEX sqlite_autoindex_sessions_2 (token_hash=?)',
      'SEARCH u USING INDEX sqlite_autoindex_mp_users_1 (id=?) LEFT-JOIN',
    ])
    expectNoFullScan(plans)
  })

  it('whether a one-off step already ran at start: its marker, found by name', async () => {
    const plans = await plansOf(db, () => markerRepo(db).doneAt('meeting-audience-streets'))
    expect(plans.flat()).to.deep.equal(['SEARCH app_markers USING PRIMARY KEY (name=?)'])
  })
})

describe("the statistics' middle times are index seeks, never a sort of every case in scope (EXPLAIN QUERY PLAN)", () => {
  let db: Db
  before(() => {
    db = openDatabase(':memory:')
    // The counts of a small province (the triggers' table): seeks are planned only for groups with times.
    const counts = db.prepare('INSERT INTO case_time_counts (kind, station_id, district_id, handling_district_id, n) VALUES (?, ?, ?, ?, ?)')
    for (const kind of ['ack', 'reply']) {
      counts.run(kind, 'st0001', 'd001', 'd001', 5)
      counts.run(kind, 'st0002', 'd001', 'd001', 4)
      counts.run(kind, 'st0003', 'd002', 'd002', 3)
      // A case of st0002 placed in d002 but handled in d001: st0002 is not wholly inside either district.
      counts.run(kind, 'st0002', 'd002', 'd001', 1)
      counts.run(kind, '', 'd002', 'd002', 2)
    }
    // Their times' buckets (migration 039), all in one bucket: the admin's seeks start from its edge.
    const histogram = db.prepare('INSERT INTO case_time_histograms (kind, place, counts) VALUES (?, ?, ?)')
    const inBucket30 = (n: number) => JSON.stringify(Array.from({ length: 81 }, (_, bucket) => (bucket === 30 ? n : 0)))
    for (const kind of ['ack', 'reply'])
      for (const [place, n] of [
        ['', 15],
        ['st0001', 5],
        ['st0002', 5],
        ['st0003', 3],
      ] as const)
        histogram.run(kind, place, inBucket30(n))
  })
  after(() => db.close())

  const SCOPES: Record<string, Partial<CaseQuery>> = {
    'an admin': {},
    "a district's organizer": { districtIds: ['d002'] },
    'the organizer of a district with a case handed in': { districtIds: ['d001'] },
    "a station's staff": { stationIds: ['st0001'] },
    'the staff of a station in two districts': { stationIds: ['st0002'] },
  }
  for (const [scope, scoped] of Object.entries(SCOPES))
    for (const groupBy of [undefined, 'station', 'district'] as const) {
      it(`middle times ${groupBy ? `by ${groupBy}` : 'overall'}, for ${scope}`, async () => {
        const cases = caseRepo(db, new GroupCommit(db))
        const plans = await plansOf(db, () => cases.middleTimes({ ...scoped }, groupBy))
        const lines = plans.flat()
        expect(lines.join(' | '), 'read through the time indexes of migration 037').to.match(/USING (COVERING )?INDEX cases_(station_|district_)?ack_ms\b/)
        expect(lines.join(' | ')).to.match(/USING (COVERING )?INDEX cases_(station_|district_)?reply_ms\b/)
        for (const line of lines) {
          expect(line, `plan: ${lines.join(' | ')}`).not.to.match(/TEMP B-TREE|MATERIALIZE|CO-ROUTINE/)
          expect(line, `plan: ${lines.join(' | ')}`).not.to.match(fullScan)
        }
        // A bound LIMIT is planned with its value: each new one recompiled the statement (most of a province's seeks' cost).
        if (scope !== 'the organizer of a district with a case handed in') {
          const seen: string[] = []
          const prepare = db.prepare
          db.prepare = ((sql: string) => (seen.push(sql), prepare.call(db, sql))) as Db['prepare']
          await cases.middleTimes({ ...scoped }, groupBy).finally(() => (db.prepare = prepare))
          for (const sql of seen) expect(sql, 'the limit written in the SQL').not.to.match(/LIMIT \?/)
        }
        // Every case's and each station's middle is sought from the lower edge of its bucket, not from the index's start.
        if (scope === 'an admin' && groupBy !== 'district')
          for (const line of lines.filter((l) => /INDEX cases_(station_)?(ack|reply)_ms\b/.test(l)))
            expect(line, `plan: ${lines.join(' | ')}`).to.match(
              /^SEARCH cases USING (COVERING )?INDEX cases_(station_)?(ack|reply)_ms \((station_id=\? AND )?<expr>>\?\)$/,
            )
      })
    }
})
