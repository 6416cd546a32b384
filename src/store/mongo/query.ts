import { decodeCursor, toPage } from '../cursor.js'
import type { Page, PageQuery } from '../ports.js'

/** Makes user text match literally: a `q` of "%" or ".*" is text, not a pattern. */
export function escapeRegex(text: string): string {
  // The server refuses a pattern with a raw NUL byte, so it is spelled as an escape.
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\0/g, '\\x00')
}

/**
 * "Part of the name, or the start of the key", the sqlite adapter's instr() semantics:
 * the name match is case-sensitive; the key is compared in its stored case (codes
 * uppercase, user names lowercase) so the anchored regex can use the unique index.
 */
export function nameOrPrefix(q: string, keyField: 'code' | 'username', storedKey: string) {
  return {
    $or: [{ name: { $regex: escapeRegex(q) } }, { [keyField]: { $regex: `^${escapeRegex(storedKey)}` } }],
  }
}

/** Keyset paging by `_id` ascending: the cursor holds the last id of the previous page. */
export async function pageById<T extends { id: string }>(
  query: PageQuery,
  filter: Record<string, unknown>,
  fetch: (filter: Record<string, unknown>, limit: number) => Promise<T[]>,
): Promise<Page<T>> {
  const after = decodeCursor(query.cursor)
  const paged = after === null ? filter : { ...filter, _id: { $gt: after } }
  const rows = await fetch(paged, query.limit + 1)
  return toPage(rows, query.limit, (row) => row.id)
}
