/** The ids of a sheet's records, and the names and codes rows refer to other records by (directory-sheets.ts). */
import { CODE_PATTERN, ID_PATTERN } from './directory-import.js'
import type { Place } from './sheet-problem-list.js'

export interface Reference {
  id: string
  /** Names and codes it may be written as. */
  keys: string[]
}

/**
 * Normalized name or code → the ids of the records it may stand for, made once per conversion:
 * filtering every reference list for every name took minutes for a province's roster.
 */
export function referenceIndex(refs: Reference[], normalize: (t: string) => string = (t) => t): Map<string, Set<string>> {
  const index = new Map<string, Set<string>>()
  for (const r of refs) {
    for (const key of r.keys) {
      const k = normalize(key)
      const ids = index.get(k)
      if (ids) ids.add(r.id)
      else index.set(k, new Set([r.id]))
    }
  }
  return index
}

/** An id no record has, for a row whose code is not usable: the code's own problem is told, and the import refused. */
export const placeholderId = (p: Place) => `sheet${p.sheet}-row${p.row}`

/**
 * The id of each row's record: the one of the record in the store with that code (or account),
 * else one made from the code that no other record of the kind has; '' for a row without a usable code.
 */
export function idsByCode(
  rows: Array<{ cells: Map<string, string> }>,
  heading: string,
  existing: Array<{ id: string; code: string }>,
  normalize: (c: string) => string,
): string[] {
  const byCode = new Map(existing.map((e) => [normalize(e.code), e.id]))
  const taken = new Set(existing.map((e) => e.id))
  const madeFor = new Map<string, string>()
  return rows.map((r) => {
    const code = normalize((r.cells.get(heading) ?? '').trim())
    const found = byCode.get(code) ?? madeFor.get(code)
    if (found) return found
    const base = code.toLowerCase()
    if (!ID_PATTERN.test(base) || (heading !== '账号' && !CODE_PATTERN.test(code))) return ''
    let id = base
    for (let n = 2; taken.has(id) || !ID_PATTERN.test(id); n++) id = `${base.slice(0, 58)}-${n}`
    taken.add(id)
    madeFor.set(code, id)
    return id
  })
}
