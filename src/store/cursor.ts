import { ValidationError } from '../errors.js'

/** The one answer to a cursor this server did not issue: 400, whatever the adapter or list. */
const notIssuedHere = () => new ValidationError('翻页参数无效，请从第一页重新查看', [{ path: 'query.cursor', message: '翻页参数无效，请从第一页重新查看' }])

/** Cursors are opaque to clients: the sort key of the last item, base64url-encoded. */
export function encodeCursor(key: string): string {
  return Buffer.from(JSON.stringify({ k: key }), 'utf8').toString('base64url')
}

export function decodeCursor(cursor: string | null | undefined): string | null {
  if (!cursor) return null
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (typeof parsed?.k === 'string') return parsed.k
  } catch {
    // fall through to the error below
  }
  throw notIssuedHere()
}

/** Given limit+1 rows fetched, returns the page and the cursor for the next one. */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => string) {
  const items = rows.slice(0, limit)
  const nextCursor = rows.length > limit && items.length ? encodeCursor(keyOf(items[items.length - 1])) : null
  return { items, nextCursor }
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

/**
 * A decoded "<ISO time>|<id>" cursor split in two. Anything else (no separator, a key that
 * is no time this server wrote) was not issued here and is refused, rather than compared
 * as text and answered with an empty page. `alsoKey` admits one more key, such as the
 * "9999" that sorts cases without a deadline last.
 */
function splitTimeCursor(after: string, alsoKey?: string): [string, string] {
  // The time never holds the separator; an id might.
  const at = after.indexOf('|')
  const key = after.slice(0, at)
  if (at < 0 || !(ISO_TIME.test(key) || key === alsoKey)) throw notIssuedHere()
  return [key, after.slice(at + 1)]
}

/** The key of a list ordered by a time, then by id: "<ISO time>|<id>" (or `alsoKey` in place of the time). */
export function timeCursorKey(at: Date | string, id: string): string {
  return `${typeof at === 'string' ? at : at.toISOString()}|${id}`
}

/**
 * The composite cursor of a list ordered by a time, then by id, decoded and checked: null
 * on the first page; `at` is the time as a Date (null for `alsoKey`), `key` as issued.
 * Every adapter reads its "<time>|<id>" cursors through this, so a bad one is the same 400
 * everywhere rather than an empty page, a driver's CastError or a 500.
 */
export function decodeTimeCursor(cursor: string | null | undefined, alsoKey?: string): { key: string; at: Date | null; id: string } | null {
  const after = decodeCursor(cursor)
  if (after === null) return null
  const [key, id] = splitTimeCursor(after, alsoKey)
  return { key, at: key === alsoKey ? null : new Date(key), id }
}

/** A single-key cursor whose key must look like what the adapter issues (a row number, an ObjectId). */
export function decodeCursorMatching(cursor: string | null | undefined, issued: RegExp): string | null {
  const key = decodeCursor(cursor)
  if (key !== null && !issued.test(key)) throw notIssuedHere()
  return key
}
