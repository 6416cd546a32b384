import { ValidationError } from '../errors.js'

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
  throw new ValidationError('分页游标无效', [{ path: 'query.cursor', message: 'not a cursor this server issued' }])
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
export function splitTimeCursor(after: string, alsoKey?: string): [string, string] {
  const at = after.lastIndexOf('|')
  const key = after.slice(0, at)
  if (at < 0 || !(ISO_TIME.test(key) || key === alsoKey)) {
    throw new ValidationError('分页游标无效', [{ path: 'query.cursor', message: 'not a cursor this server issued' }])
  }
  return [key, after.slice(at + 1)]
}
