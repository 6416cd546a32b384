import type { Db } from './open.js'
import type { CaseQuery } from '../ports.js'
import { isIndexedWord } from '../../domain/case-search.js'
import { limitSql } from './sql-limit.js'

/** Rows a search reads through the text index before it lets the list's own order find the page instead. */
const FEW_MATCHES = 5000

export interface TextSearchSql {
  /** What the list selects from: `cases`, or the few matching rows first and their cases after. */
  from: string
  /** The parameters of `from`, before the WHERE clause's. */
  fromParams: unknown[]
  clauses: string[]
  params: unknown[]
  /**
   * For a common word: the same test as LIKE clauses, to try first on the newest rows of the
   * list's order alone (see WALK_FIRST in case-repos.ts). Null when the matches are few.
   */
  walk: { clauses: string[]; params: unknown[] } | null
}

/** `"word"`: one FTS5 string, so nothing a person types is read as query syntax. */
const ftsString = (word: string) => `"${word.replaceAll('"', '""')}"`
/** A LIKE pattern for a substring, with LIKE's own wildcards taken literally. */
const containing = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

/**
 * The console's search box as SQL over `cases` (migration 031's trigram index, `cases_fts`).
 * A ticket, or a short number's tickets, are the unique index's. Words of three characters or more go through the index;
 * shorter ones ("路灯") are checked on the rows the other filters leave, in the list's order.
 *
 * How the rows are met depends on how many match, so that a page reads about a page: a rare
 * word's few rows are read by rowid and sorted (walking the list's index would pass every
 * case in scope before meeting them); a common word's rows are met while walking the list's
 * own index newest first (sorting tens of thousands of matches would read them all).
 */
export function caseTextSearch(db: Db, fewMatches = FEW_MATCHES) {
  const matching = db.prepare(`SELECT rowid FROM cases_fts WHERE cases_fts MATCH ? ${limitSql(fewMatches + 1)}`).pluck()
  return (query: Pick<CaseQuery, 'ticket' | 'tickets' | 'textWords'>): TextSearchSql => {
    const sql: TextSearchSql = { from: 'cases', fromParams: [], clauses: [], params: [], walk: null }
    if (query.ticket !== undefined) sql.clauses.push('ticket = ?') && sql.params.push(query.ticket)
    const words = query.textWords ?? []
    if (query.tickets) {
      // A short number's days: each ticket one seek on its unique index, then the scope and filters
      // checked on those few cases and sorted. CROSS JOIN keeps that loop order: walking the list's
      // index instead would pass every case of the scope (a province's million) to find ninety.
      if (!query.tickets.length) sql.clauses.push('0')
      sql.from = '(SELECT value AS found_ticket FROM json_each(?)) AS found CROSS JOIN cases ON cases.ticket = found.found_ticket'
      sql.fromParams.push(JSON.stringify(query.tickets))
      // Words besides are checked on those few rows.
      for (const word of words) sql.clauses.push("text LIKE ? ESCAPE '\\'") && sql.params.push(containing(word))
      return sql
    }
    for (const word of words.filter((w) => !isIndexedWord(w))) sql.clauses.push("text LIKE ? ESCAPE '\\'") && sql.params.push(containing(word))
    const indexed = words.filter(isIndexedWord)
    if (!indexed.length) return sql
    const match = indexed.map(ftsString).join(' AND ')
    const rowids = matching.all(match) as number[]
    if (rowids.length <= fewMatches) {
      // CROSS JOIN keeps this loop order, whatever other index a filter offers: the matches
      // first, then each one's case. The subquery names one column only (json_each has an "id").
      sql.from = '(SELECT value AS found_rowid FROM json_each(?)) AS found CROSS JOIN cases ON cases.rowid = found.found_rowid'
      sql.fromParams.push(JSON.stringify(rowids))
    } else {
      // "+" keeps SQLite from driving by rowid: the list's index gives the order, the matches are a set to check.
      sql.walk = { clauses: [...sql.clauses, ...indexed.map(() => "text LIKE ? ESCAPE '\\'")], params: [...sql.params, ...indexed.map(containing)] }
      sql.clauses.push('+cases.rowid IN (SELECT rowid FROM cases_fts WHERE cases_fts MATCH ?)')
      sql.params.push(match)
    }
    return sql
  }
}
