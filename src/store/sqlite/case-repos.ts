import type { Db } from './open.js'
import type { CaseEvent, CaseRecord } from '../../domain/case.js'
import { mergeTargetRefusal, nextDeadline, OPEN_STATUSES, WAITING_STATUSES } from '../../domain/case.js'
import { URGE_ENDING_STEPS } from '../../domain/case-urging.js'
import { PLACING_STEPS } from '../../domain/case-hand-backs.js'
import type { CaseCount, CaseQuery, CaseRepo, CaseSubmission, CaseUpdateAlso, OutboxMessage } from '../ports.js'
import { decodeTimeCursor, timeCursorKey, toPage } from '../cursor.js'
import { NotFoundError } from '../../errors.js'
import { CASE_COLUMNS, caseFromRow, caseValues, eventFromRow } from './case-rows.js'
import { translate } from './errors.js'
import type { GroupCommit } from './group-commit.js'
import { placeholders } from './sql.js'
import { filterClauses, scopeColumns, type ScopeColumn } from './case-filter-sql.js'
import { caseTally } from './case-tally.js'
import { casePeriods } from './case-periods.js'
import { caseHandOns } from './case-hand-ons.js'
import { caseWeekReads } from './case-week-reads.js'
import { outboxWriter } from './outbox-writer.js'
import { caseTextSearch } from './case-text-search.js'
import { caseCountUpTo } from './case-count-up-to.js'
import { StoreConflict } from '../conflicts.js'
import { forChatHolder } from '../chat-holder.js'
import { limitSql } from './sql-limit.js'
import { keptDeputyLoads } from './deputy-loads-kept.js'
import { caseTextQueue } from './case-text-queue.js'
import { auditWriter } from './auth-repos.js'

/** Rows of the list's order a common word is first looked for in (each about a microsecond to test). */
const WALK_FIRST = 2000

/**
 * `fewTextMatches`: where a text search switches from reading its matches to walking the list's
 * order; `walkFirst`: how far that walk goes before using the index's matches (tests set both low).
 */
export function caseRepo(db: Db, group: GroupCommit, options: { fewTextMatches?: number; walkFirst?: number } = {}): CaseRepo {
  const walkFirst = options.walkFirst ?? WALK_FIRST
  // Kept by triggers (migration 035) as cases come, move and close; read again after a write here.
  const deputyLoads = keptDeputyLoads(db)
  // Positional parameters: binding ~45 named ones from an object cost a third of the insert.
  const insertCase = db.prepare(`INSERT INTO cases (${CASE_COLUMNS.join(', ')}) VALUES (${CASE_COLUMNS.map(() => '?').join(', ')})`)
  const updated = CASE_COLUMNS.filter((c) => c !== 'id' && c !== 'version')
  const updateCase = db.prepare(`UPDATE cases SET ${updated.map((c) => `${c} = ?`).join(', ')}, version = version + 1 WHERE id = ? AND version = ?`)
  // The UPDATE's values: every column but id and version, in CASE_COLUMNS order, then id and version (its WHERE).
  const idAt = CASE_COLUMNS.indexOf('id')
  const versionAt = CASE_COLUMNS.indexOf('version')
  const updateValues = (values: unknown[]) => [...values.filter((_, i) => i !== idAt && i !== versionAt), values[idAt], values[versionAt]]
  const nextTicket = db
    .prepare(
      `INSERT INTO ticket_counters (day, last) VALUES (?, 1)
    ON CONFLICT(day) DO UPDATE SET last = last + 1 RETURNING last`,
    )
    .pluck()
  const lastSeq = db.prepare('SELECT coalesce(max(seq), 0) FROM case_events WHERE case_id = ?').pluck()
  const insertEvent = db.prepare(`INSERT INTO case_events (id, case_id, seq, at, type, actor_role, actor_id, from_status, to_status, note, data)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const writeOutbox = outboxWriter(db)
  const byId = db.prepare('SELECT * FROM cases WHERE id = ?')
  const textSearch = caseTextSearch(db, options.fewTextMatches)
  const countUpTo = caseCountUpTo(db, textSearch)
  const tallies = caseTally(db)
  const handOns = caseHandOns(db)
  const textQueue = caseTextQueue(db, group)

  /**
   * Events go to `caseId`'s timeline, or to their own case's when it names another one.
   * `fresh`: the case was just inserted, so its timeline starts at 1 without asking.
   */
  const writeEvents = (caseId: string, events: CaseEvent[], fresh = false) => {
    const seqs = new Map<string, number>(fresh ? [[caseId, 0]] : [])
    for (const e of events) {
      const target = e.caseId && e.caseId !== caseId ? e.caseId : caseId
      const seq = (seqs.get(target) ?? (lastSeq.get(target) as number)) + 1
      seqs.set(target, seq)
      insertEvent.run(e.id, target, seq, e.at.toISOString(), e.type, e.actorRole, e.actorId, e.fromStatus, e.toStatus, e.note, JSON.stringify(e.data))
    }
  }
  const withdrawWaiting = db.prepare(`DELETE FROM outbox WHERE status IN ('pending', 'failed')
    AND json_extract(payload, '$.caseId') = ? AND kind IN (SELECT value FROM json_each(?))`)

  // The writes below run only inside `group.run`, which gives each its own savepoint: one that
  // fails is undone whole. A `db.transaction` here would add a second savepoint per write.
  const submit = (record: Omit<CaseRecord, 'ticket'>, ticketDate: string, events: CaseEvent[], outbox: CaseSubmission['outbox']) => {
    const n = nextTicket.get(ticketDate.replaceAll('-', '')) as number
    const stored: CaseRecord = { ...record, ticket: `${ticketDate.replaceAll('-', '')}-${String(n).padStart(4, '0')}` }
    textQueue.defer()
    insertCase.run(caseValues(stored))
    writeEvents(stored.id, events, true)
    writeOutbox(typeof outbox === 'function' ? outbox(stored) : outbox)
    return stored
  }

  const writeAudit = auditWriter(db)
  const bumpVersion = db.prepare('UPDATE cases SET version = version + 1 WHERE id = ?')
  /**
   * 合并's target, read inside the write (group commit runs one write at a time): refused when it may no longer take
   * a duplicate, else its version moved on, so a write to it from an earlier read is stale.
   */
  const takeDuplicate = (intoId: string) => {
    const row = byId.get(intoId)
    if (!row) throw new NotFoundError('留言不存在')
    const into = caseFromRow(row)
    const refusal = mergeTargetRefusal(into)
    if (refusal) throw new StoreConflict(refusal, [{ path: 'body.intoCaseId', message: into.status }], { ticket: into.ticket })
    bumpVersion.run(intoId)
  }
  const update = (record: CaseRecord, events: CaseEvent[], outbox: OutboxMessage[], { withdraw = [], audit = [], mergeInto }: CaseUpdateAlso) => {
    if (mergeInto) takeDuplicate(mergeInto)
    const changed = updateCase.run(updateValues(caseValues(record))).changes
    if (changed === 0) {
      if (!byId.get(record.id)) throw new NotFoundError('留言不存在')
      throw new StoreConflict('stale_case')
    }
    writeEvents(record.id, events)
    if (withdraw.length) withdrawWaiting.run(record.id, JSON.stringify(withdraw))
    writeOutbox(outbox)
    audit.forEach(writeAudit)
    return { ...record, version: record.version + 1 }
  }

  const appendEvents = (caseId: string, events: CaseEvent[], outbox: OutboxMessage[]) => {
    writeEvents(caseId, events)
    writeOutbox(outbox)
  }

  const one = (sql: string, ...params: unknown[]) => {
    const row = db.prepare(sql).get(...params)
    return row ? caseFromRow(row) : null
  }

  const chatHolder = db.prepare('SELECT id, consent_version AS consentVersion FROM mp_users WHERE bot_contact_id = ?')

  return {
    submit(submission) {
      return group.run(() =>
        translate(() => {
          // Written in a chat: whoever holds the chat now, in the write (a 解除 may have landed since the person was read).
          const chat = submission.writtenInChat
          const held = chat ? ((chatHolder.get(chat.contactId) as { id: string; consentVersion: string | null } | undefined) ?? null) : null
          const { record, ticketDate, events, outbox } = chat ? forChatHolder(submission, held) : submission
          return submit(record, ticketDate, events, outbox)
        }),
      )
    },
    async get(id) {
      return one('SELECT * FROM cases WHERE id = ?', id)
    },
    async getByTicket(ticket) {
      return one('SELECT * FROM cases WHERE ticket = ?', ticket)
    },
    async residentNumbered(residentId, numbers, limit) {
      if (!numbers.length) return []
      // Her cases through her index (the unique one of resident_id and idempotency_key; cases_resident went in migration 070), newest first,
      // kept when their number (after YYYYMMDD-) is one of these. No index of its own: that would be one more B-tree
      // for every new message to write, for a lookup that reads at most her own cases (tens; hundreds for a busy
      // block's spokeswoman).
      const sql = `SELECT * FROM cases WHERE resident_id = ? AND substr(ticket, 10) IN (${placeholders(numbers.length)})
        ORDER BY created_at DESC, id DESC ${limitSql(limit)}`
      return db
        .prepare(sql)
        .all(residentId, ...numbers)
        .map(caseFromRow)
    },
    async heldOnceBy(deputyId, tickets) {
      if (!tickets.length) return []
      // Each ticket a seek on its unique index, each of those cases' timelines on case_events_case: a few
      // dozen rows for the bot's thirty days of one short number, never an index of cases of its own.
      const sql = `SELECT * FROM cases WHERE ticket IN (${placeholders(tickets.length)})
        AND EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = cases.id AND json_extract(e.data, '$.deputyId') = ?)`
      return db
        .prepare(sql)
        .all(...tickets, deputyId)
        .map(caseFromRow)
    },
    async findByIdempotencyKey(residentId, key) {
      return one('SELECT * FROM cases WHERE resident_id = ? AND idempotency_key = ?', residentId, key)
    },
    update(record, events, outbox, also = {}) {
      return group.run(() => update(record, events, outbox, also))
    },
    appendEvents(caseId, events, outbox) {
      return group.run(() => appendEvents(caseId, events, outbox))
    },
    async events(caseId) {
      return db.prepare('SELECT * FROM case_events WHERE case_id = ? ORDER BY seq').all(caseId).map(eventFromRow)
    },
    async latestUrges(caseIds) {
      if (!caseIds.length) return []
      // Each case's timeline on case_events_case (a few dozen rows each): its last urge, unless a step that put the
      // message in someone's hands afresh, or a reopen, came after it (URGE_ENDING_STEPS, currentUrge's rule).
      const sql = `SELECT * FROM case_events e WHERE e.case_id IN (${placeholders(caseIds.length)}) AND e.type = 'urged'
        AND e.seq = (SELECT max(u.seq) FROM case_events u WHERE u.case_id = e.case_id AND u.type = 'urged')
        AND NOT EXISTS (SELECT 1 FROM case_events r WHERE r.case_id = e.case_id AND r.type IN (${placeholders(URGE_ENDING_STEPS.length)}) AND r.seq > e.seq)`
      return db
        .prepare(sql)
        .all(...caseIds, ...URGE_ENDING_STEPS)
        .map(eventFromRow)
    },
    async placings(caseIds) {
      if (!caseIds.length) return []
      // Each case's timeline on case_events_case (a few dozen rows each), only its placing steps.
      const sql = `SELECT * FROM case_events WHERE case_id IN (${placeholders(caseIds.length)}) AND type IN (${placeholders(PLACING_STEPS.length)})
        ORDER BY case_id, seq`
      return db
        .prepare(sql)
        .all(...caseIds, ...PLACING_STEPS)
        .map(eventFromRow)
    },
    ...handOns,
    async search(query: CaseQuery) {
      const due = query.order === 'due'
      const after = decodeTimeCursor(query.cursor, due ? '9999' : undefined)
      const sortKey = due ? "coalesce(next_due_at, '9999')" : 'created_at'
      // Overdue (or 未按时受理), newest first. Across the province tens of thousands are late: walk the open
      // cases' own index newest first (migrations 034, 080: both deadlines in it), which meets late ones at
      // once. Within a station, district, place or person they are few: find the open ones by that deadline
      // index and sort the late ones ("+" keeps SQLite off the date indexes, whose walk would read every case of the scope).
      const narrowed =
        query.stationIds ||
        query.districtIds ||
        query.districtsOrStations ||
        query.regionIds ||
        query.officeRegionIds ||
        query.deputyId ||
        query.residentId ||
        query.ids
      const sortTerm = !due && (query.overdueAt || query.ackLateAt) && narrowed ? `+${sortKey}` : sortKey
      const order = due ? `${sortKey} ASC, id ASC` : `${sortTerm} DESC, id DESC`
      const text = textSearch(query)
      const scoped = (scopeColumn?: ScopeColumn) => {
        const { clauses, params } = filterClauses(query, scopeColumn)
        if (query.ids) {
          // At most a few hundred (CASE_IDS_MAX): each one a seek on the primary key.
          clauses.push(query.ids.length ? `id IN (${placeholders(query.ids.length)})` : '0')
          params.push(...query.ids)
        }
        if (after !== null) {
          // The bound first, on its own, so the index seeks to it: an OR alone makes SQLite walk from the first row every page.
          clauses.push(due ? `${sortKey} >= ? AND (${sortKey} > ? OR id > ?)` : `${sortKey} <= ? AND (${sortKey} < ? OR id < ?)`)
          params.push(after.key, after.key, after.id)
        }
        return { clauses, params }
      }
      const where = (clauses: string[]) => (clauses.length ? `WHERE ${clauses.join(' AND ')}` : '')
      const select = (scopeColumn?: ScopeColumn) => {
        const { clauses, params } = scoped(scopeColumn)
        const sql = `SELECT cases.* FROM ${text.from} ${where([...clauses, ...text.clauses])} ORDER BY ${order} ${limitSql(query.limit + 1)}`
        return { sql, params: [...text.fromParams, ...params, ...text.params] }
      }
      // A district is the place's or the one handling it (and a street's stations the station's): one OR
      // over the columns would read and sort every case of the scope; each column's index in list order reads a page.
      const columns = scopeColumns(query)
      const key = (r: Record<string, unknown>) => (due ? `${r.next_due_at ?? '9999'}|${r.id}` : `${r.created_at}|${r.id}`)
      if (text.walk) {
        // A common word is met within the newest rows of the list's own order: reading those is
        // cheaper than collecting its tens of thousands of matches. Exact when each column's
        // walk found a full page there; otherwise the index's matches are used (below).
        const walk = text.walk
        const found = columns.map((column) => {
          const { clauses, params } = scoped(column)
          const sql = `SELECT * FROM (SELECT * FROM cases ${where(clauses)} ORDER BY ${order} LIMIT ${walkFirst}) ${where(walk.clauses)} ORDER BY ${order} ${limitSql(query.limit + 1)}`
          return db.prepare(sql).all(...params, ...walk.params) as Array<Record<string, unknown>>
        })
        if (found.every((rows) => rows.length > query.limit)) {
          const byId = new Map(found.flat().map((r) => [r.id as string, r]))
          const rows = [...byId.values()].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0) * (due ? 1 : -1))
          return toPage(rows.slice(0, query.limit + 1).map(caseFromRow), query.limit, (c) => timeCursorKey(due ? (nextDueIso(c) ?? '9999') : c.createdAt, c.id))
        }
      }
      const plan = columns.map(select)
      const sql =
        plan.length === 1
          ? plan[0].sql
          : `SELECT * FROM (${plan.map((p) => `SELECT * FROM (${p.sql})`).join(' UNION ')}) ORDER BY ${order} ${limitSql(query.limit + 1)}`
      const params = plan.flatMap((p) => p.params)
      const rows = db
        .prepare(sql)
        .all(...params)
        .map(caseFromRow)
      return toPage(rows, query.limit, (c) => timeCursorKey(due ? (nextDueIso(c) ?? '9999') : c.createdAt, c.id))
    },
    async countUpTo(query: CaseCount, bound: number) {
      return countUpTo(query, bound)
    },
    async deputyLoads(deputyIds) {
      return deputyLoads(deputyIds)
    },
    async listOpen() {
      return db
        .prepare(`SELECT * FROM cases WHERE status IN (${placeholders(OPEN_STATUSES.length)}) ORDER BY id`)
        .all(...OPEN_STATUSES)
        .map(caseFromRow)
    },
    async recentInCommunity(communityId, since) {
      return db
        .prepare(
          `SELECT * FROM cases WHERE community_id = ? AND created_at >= ? AND status IN (${placeholders(OPEN_STATUSES.length)}) ORDER BY created_at DESC`,
        )
        .all(communityId, since.toISOString(), ...OPEN_STATUSES)
        .map(caseFromRow)
    },
    async listForStats(filter) {
      const { clauses, params } = filterClauses(filter)
      const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''
      return db
        .prepare(`SELECT * FROM cases ${where} ORDER BY created_at`)
        .all(...params)
        .map(caseFromRow)
    },
    ...caseWeekReads(db),
    ...tallies,
    ...casePeriods(db),
    async mergedInto(caseId) {
      return db.prepare('SELECT * FROM cases WHERE merged_into = ? ORDER BY created_at, id').all(caseId).map(caseFromRow)
    },
    async endedCarriers() {
      // From the merged ones (the partial merged_into index: a small part of all cases) to their carriers by key;
      // the statuses' index would read every closed case. CROSS JOIN keeps that order, + keeps status off its index.
      return db
        .prepare(
          `SELECT DISTINCT c.* FROM cases m CROSS JOIN cases c ON c.id = m.merged_into
           WHERE m.merged_into IS NOT NULL AND +m.status = 'closed' AND +c.status IN ('withdrawn', 'rejected')
           ORDER BY c.created_at, c.id`,
        )
        .all()
        .map(caseFromRow)
    },
    async waitingOnDeparted() {
      // From the waiting cases (their statuses' index: the open few percent) to each one's deputy by key. Read the
      // other way, each departed deputy's whole history would be read, and departed deputies pile up term after term.
      return db
        .prepare(
          `SELECT c.* FROM cases c CROSS JOIN deputies d ON d.id = c.deputy_id
           WHERE c.status IN (${placeholders(WAITING_STATUSES.length)}) AND d.active = 0
           ORDER BY c.created_at, c.id`,
        )
        .all(...WAITING_STATUSES)
        .map(caseFromRow)
    },
  }
}

function nextDueIso(c: CaseRecord) {
  return nextDeadline(c)?.toISOString() ?? null
}
