import type { SuggestionRecord } from '../../domain/suggestion.js'
import { NotFoundError } from '../../errors.js'
import { StoreConflict } from '../conflicts.js'
import { timeCursorKey, toPage } from '../cursor.js'
import type { OutboxMessage, OverdueCount, SuggestionFilter, SuggestionRepo } from '../ports.js'
import type { SuggestionStatus } from '../../domain/suggestion.js'
import { decodeDueCursor, decodeSuggestion, dueCursor, encodeSuggestion, suggestionKeys } from '../suggestion-codec.js'
import { translate } from './errors.js'
import type { GroupCommit } from './group-commit.js'
import type { Db } from './open.js'
import { outboxWriter } from './outbox-writer.js'
import { afterCursorClause, placeholders } from './sql.js'

function row(s: SuggestionRecord) {
  const k = suggestionKeys(s)
  return {
    id: s.id,
    number: k.number,
    year: k.year,
    status: k.status,
    deputy_id: k.deputyId,
    cosigner_ids: JSON.stringify(k.coSignerIds),
    district_id: k.districtId,
    unit_ids: JSON.stringify(k.unitIds),
    key_supervision: k.keySupervision ? 1 : 0,
    deadline: k.deadline,
    due_by: k.dueBy,
    cosign_until: k.cosignUntil?.toISOString() ?? null,
    published: k.published ? 1 : 0,
    search_text: k.searchText,
    created_at: k.createdAt.toISOString(),
    version: s.version,
    doc: encodeSuggestion(s),
  }
}
const COLUMNS = Object.keys(row({ deputy: {}, coSigners: [], createdAt: new Date(0) } as unknown as SuggestionRecord))

/**
 * The filter as SQL. `dueFirst`: for what is owed by a day (due_by < ?), walked on its own index in the list's order;
 * the status then only sifts that walk (`+status`, which SQLite will not search an index by), or the planner would
 * take the status index and sort.
 */
function where(f: SuggestionFilter, dueFirst = false) {
  const clauses: string[] = []
  const params: unknown[] = []
  const anyOf = (column: string, values: unknown[]) => {
    clauses.push(values.length ? `${column} IN (${placeholders(values.length)})` : '0')
    params.push(...values)
  }
  const inJson = (column: string, values: string[]) => {
    clauses.push(values.length ? `EXISTS (SELECT 1 FROM json_each(${column}) WHERE value IN (${placeholders(values.length)}))` : '0')
    params.push(...values)
  }
  if (f.deputyId) {
    clauses.push('(deputy_id = ? OR EXISTS (SELECT 1 FROM json_each(cosigner_ids) WHERE value = ?))')
    params.push(f.deputyId, f.deputyId)
  }
  if (f.districtIds) anyOf('district_id', f.districtIds)
  if (f.unitIds) inJson('unit_ids', f.unitIds)
  if (f.statuses) anyOf(dueFirst ? '+status' : 'status', f.statuses)
  if (f.year !== undefined) clauses.push('year = ?') && params.push(f.year)
  if (f.keySupervision !== undefined) clauses.push('key_supervision = ?') && params.push(f.keySupervision ? 1 : 0)
  if (f.published !== undefined) clauses.push('published = ?') && params.push(f.published ? 1 : 0)
  if (f.q) clauses.push('instr(search_text, ?) > 0') && params.push(f.q)
  if (f.cosignOpenAt) clauses.push(`status = 'cosigning' AND cosign_until > ?`) && params.push(f.cosignOpenAt.toISOString())
  if (f.notDeputyId) clauses.push('deputy_id <> ?') && params.push(f.notDeputyId)
  return { clauses, params }
}

/** What a list adds to the filter: its conditions, each with its parameters, and its order (see select()). */
interface ListExtra {
  conditions?: Array<{ clause: string; params: unknown[] }>
  order?: string
  dueFirst?: boolean
}

export function suggestionRepo(db: Db, group: GroupCommit): SuggestionRepo {
  const insert = db.prepare(`INSERT INTO suggestions (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((c) => `@${c}`).join(', ')})`)
  const update = db.prepare(
    `UPDATE suggestions SET ${COLUMNS.filter((c) => c !== 'id' && c !== 'version')
      .map((c) => `${c} = @${c}`)
      .join(', ')}, version = version + 1 WHERE id = @id AND version = @version`,
  )
  const byId = db.prepare('SELECT doc FROM suggestions WHERE id = ?').pluck()
  const exists = db.prepare('SELECT 1 FROM suggestions WHERE id = ?').pluck()
  const nextNumber = db.prepare(`INSERT INTO suggestion_counters (year, last) VALUES (?, 1)
    ON CONFLICT(year) DO UPDATE SET last = last + 1 RETURNING last`)
  const writeOutbox = outboxWriter(db)
  /**
   * The lists' one read: the filter, then `extra`'s conditions (a page's cursor, what is owed by a day) and its order,
   * newest first unless told. `dueFirst`: a walk on the index of what is owed by a day (see where()).
   */
  const select = (f: SuggestionFilter, extra: ListExtra | null = null, limit?: number) => {
    const w = where(f, extra?.dueFirst)
    for (const { clause, params } of extra?.conditions ?? []) w.clauses.push(clause) && w.params.push(...params)
    const sql = `SELECT doc FROM suggestions ${w.clauses.length ? `WHERE ${w.clauses.join(' AND ')}` : ''}
      ORDER BY ${extra?.order ?? 'created_at DESC, id DESC'} ${limit ? `LIMIT ${limit}` : ''}`
    return (
      db
        .prepare(sql)
        .pluck()
        .all(...w.params) as string[]
    ).map(decodeSuggestion)
  }
  return {
    async create(record, outbox: OutboxMessage[]) {
      await group.run(() =>
        translate(() => {
          insert.run(row(record))
          writeOutbox(outbox)
        }),
      )
      return record
    },
    async get(id) {
      const doc = byId.get(id) as string | undefined
      return doc ? decodeSuggestion(doc) : null
    },
    async update(record, outbox) {
      const stored = { ...record, version: record.version + 1 }
      await group.run(() =>
        translate(() => {
          // The doc carries the new version; the WHERE compares the one read.
          const changed = update.run({ ...row(stored), version: record.version }).changes
          if (changed === 0) {
            if (!exists.get(record.id)) throw new NotFoundError('建议不存在')
            throw new StoreConflict('stale_suggestion')
          }
          writeOutbox(outbox)
        }),
      )
      return stored
    },
    async search(query) {
      const after = afterCursorClause(query.cursor)
      const rows = select(query, { conditions: after ? [after] : [] }, query.limit + 1)
      return toPage(rows, query.limit, (s) => timeCursorKey(s.createdAt, s.id))
    },
    async overdue(query, today) {
      // On the partial index of what is owed by a day (084): walked in its order from the longest overdue, up to a page.
      const after = decodeDueCursor(query.cursor)
      const conditions = [{ clause: 'due_by < ?', params: [today] }, ...(after ? [{ clause: '(due_by, id) > (?, ?)', params: [after.day, after.id] }] : [])]
      const rows = select(query, { conditions, order: 'due_by, id', dueFirst: true }, query.limit + 1)
      const items = rows.slice(0, query.limit)
      return { items, nextCursor: rows.length > query.limit && items.length ? dueCursor(items[items.length - 1]) : null }
    },
    async countByStatus(filter) {
      const w = where(filter)
      const sql = `SELECT status, count(*) AS n FROM suggestions ${w.clauses.length ? `WHERE ${w.clauses.join(' AND ')}` : ''} GROUP BY status`
      const rows = db.prepare(sql).all(...w.params) as Array<{ status: SuggestionStatus; n: number }>
      return Object.fromEntries(rows.map((r) => [r.status, r.n]))
    },
    async countOverdue(filter, today) {
      const w = where(filter, true)
      w.clauses.push('due_by < ?') && w.params.push(today)
      const sql = `SELECT status, count(*) AS n, sum(key_supervision) AS k FROM suggestions WHERE ${w.clauses.join(' AND ')} GROUP BY status`
      const rows = db.prepare(sql).all(...w.params) as Array<{ status: SuggestionStatus; n: number; k: number }>
      return Object.fromEntries(rows.map((r): [SuggestionStatus, OverdueCount] => [r.status, { all: r.n, key: r.k }]))
    },
    async all(filter) {
      return select(filter)
    },
    async nextNumber(year) {
      return group.run(() => nextNumber.pluck().get(year) as number)
    },
  }
}
