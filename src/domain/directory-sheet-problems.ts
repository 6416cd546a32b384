import type { ErrorDetail } from '../errors.js'
import { ID_SOURCE, specOf, type SheetKind } from './directory-sheet-specs.js'
import type { Place, SheetConversion, SheetProblem, SheetRows } from './directory-sheets.js'
import { showInvisible } from './sheet-cells.js'

const KIND_WORDS: Record<string, string> = { district: '区县', street: '街道乡镇', community: '社区村', grid: '网格' }
const RECORD_PATH = /^(regions|stations|deputies|units|staff)\[(\d+)\](?:\.(\w+))?/

/**
 * Every problem of the upload, as a clerk reads it: the place is "代表名册.csv 第 5 行「所属联络站」",
 * Excel's row number and the template's heading; the check's own problems (paths into the
 * converted file) are told at the row they came from, each once, in file and row order.
 */
export function sheetProblemDetails(sheets: SheetRows[], conversion: SheetConversion, checkProblems: ErrorDetail[]): ErrorDetail[] {
  const told = new Set(conversion.problems.flatMap((p) => (p.key ? [p.key] : [])))
  // "kind[index].field" of every check problem, found once rather than by searching the list for each.
  const checked = new Set(
    checkProblems.flatMap(({ path }) => {
      const m = RECORD_PATH.exec(path)
      return m?.[3] ? [`${m[1]}[${m[2]}].${m[3]}`] : []
    }),
  )
  const all: SheetProblem[] = [...conversion.problems]
  const rowText = (from: Place, to: Place) => (to.sheet === from.sheet ? `第 ${to.row} 行` : `${sheets[to.sheet].name} 第 ${to.row} 行`)
  for (const { path, message } of checkProblems) {
    const m = RECORD_PATH.exec(path)
    const kind = m?.[1] as SheetKind | undefined
    const place = kind && conversion.places[kind]?.[Number(m![2])]
    if (!place) {
      all.push({ sheet: 0, row: 0, message })
      continue
    }
    const index = Number(m![2])
    let field = m![3] ?? ''
    if (field === 'dutyByStation') field = 'dutyDates'
    // A code written twice makes the same id twice: the code's problem says it, the id's would repeat it.
    const idFrom = ID_SOURCE[kind]
    if (field === 'id' && idFrom) {
      if (told.has(`${kind}[${index}].${idFrom}`) || checked.has(`${kind}[${index}].${idFrom}`)) continue
      field = idFrom
    }
    if (told.has(`${kind}[${index}].${field}`)) continue
    const column = specOf(kind).columns.findIndex((c) => c.field === field)
    const heading = specOf(kind).columns[column]?.heading
    const words = message
      .replace(/ ?(regions|stations|deputies|units|staff)\[(\d+)\] ?/g, (_all, list: SheetKind, i: string) => {
        const other = conversion.places[list]?.[Number(i)]
        return other ? rowText(place, other) : _all
      })
      .replace(/\b(district|street|community|grid)\b/g, (w) => (kind === 'regions' ? KIND_WORDS[w] : w))
    all.push({ ...place, heading, column, message: words })
  }
  const seen = new Set<string>()
  return (
    all
      .sort((a, b) => a.sheet - b.sheet || a.row - b.row || (a.column ?? -1) - (b.column ?? -1))
      // A cell quoted in a message may hold characters that show as nothing: they are named instead.
      .map((p) => ({
        path: `${sheets[p.sheet]?.name ?? ''}${p.row ? ` 第 ${p.row} 行` : ''}${p.heading ? `「${p.heading}」` : ''}`.trim(),
        message: showInvisible(p.message),
      }))
      .filter((d) => {
        const key = `${d.path}\n${d.message}`
        return !seen.has(key) && (seen.add(key), true)
      })
  )
}
