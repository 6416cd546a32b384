/** Small SQL pieces the sqlite repositories share. */
import { decodeTimeCursor } from '../cursor.js'

/** `?, ?, ?` for an IN list of n values. */
export const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ')

/** Rows whose JSON array of district ids shares one with the organizer's (none: nothing). */
export function scopeClause(ids: string[], column = 'scope_district_ids'): { clause: string; params: string[] } {
  return ids.length
    ? { clause: `EXISTS (SELECT 1 FROM json_each(${column}) WHERE value IN (${placeholders(ids.length)}))`, params: ids }
    : { clause: '0', params: [] }
}

/** After the cursor in newest-first order (created_at DESC, id DESC); null on the first page. */
export function afterCursorClause(cursor: string | null | undefined): { clause: string; params: string[] } | null {
  const after = decodeTimeCursor(cursor)
  if (after === null) return null
  return { clause: '(created_at < ? OR (created_at = ? AND id < ?))', params: [after.key, after.key, after.id] }
}

/** The conditions of a WHERE with their parameters, each condition added with its own (never one without the other). */
export function conditions(clauses: string[] = [], params: unknown[] = []) {
  return {
    clauses,
    params,
    add(clause: string, ...values: unknown[]) {
      clauses.push(clause)
      params.push(...values)
    },
  }
}
