import type { ErrorDetail } from '../errors.js'
import { ID_SOURCE, specOf, type SheetKind } from './directory-sheet-specs.js'
import type { Place, SheetConversion, SheetRows } from './directory-sheets.js'
import type { UnlistedProblems } from './sheet-problem-list.js'
import { showInvisible } from './sheet-cells.js'

const KIND_WORDS: Record<string, string> = { district: '区县', street: '街道乡镇', community: '社区村', grid: '网格' }
const RECORD_PATH = /^(regions|stations|deputies|units|staff)\[(\d+)\](?:\.(\w+))?/

/** What a clerk is shown of an upload's problems: how many, the first ones by row, and the rest counted per column. */
export interface SheetProblemSummary {
  total: number
  listed: ErrorDetail[]
  /** One line per sheet and column of the problems not listed one by one; none when all are listed. */
  unlisted: ErrorDetail[]
}

/**
 * Every problem of the upload, as a clerk reads it: the place is "代表名册.csv 第 5 行「所属联络站」",
 * Excel's row number and the template's heading; the check's own problems (paths into the
 * converted file) are told at the row they came from, each once, in file and row order.
 */
export function sheetProblemDetails(sheets: SheetRows[], conversion: SheetConversion, checkProblems: ErrorDetail[]): ErrorDetail[] {
  return sheetProblemSummary(sheets, conversion, checkProblems).listed
}

/**
 * The same, listed as far as the conversion's limit (sheetsToDirectoryFile's `problemsListed`), the rest said in a
 * line per column. Adds the check's problems to `conversion.problemList`: call it once per conversion.
 */
export function sheetProblemSummary(sheets: SheetRows[], conversion: SheetConversion, checkProblems: ErrorDetail[]): SheetProblemSummary {
  const list = conversion.problemList
  // "kind[index].field" of every check problem, found once rather than by searching the list for each.
  const checked = new Set(
    checkProblems.flatMap(({ path }) => {
      const m = RECORD_PATH.exec(path)
      return m?.[3] ? [`${m[1]}[${m[2]}].${m[3]}`] : []
    }),
  )
  const rowText = (from: Place, to: Place) => (to.sheet === from.sheet ? `第 ${to.row} 行` : `${sheets[to.sheet].name} 第 ${to.row} 行`)
  for (const { path, message } of checkProblems) {
    const m = RECORD_PATH.exec(path)
    const kind = m?.[1] as SheetKind | undefined
    const place = kind && conversion.places[kind]?.[Number(m![2])]
    if (!place) {
      list.add({ sheet: 0, row: 0, message })
      continue
    }
    const index = Number(m![2])
    let field = m![3] ?? ''
    if (field === 'dutyByStation') field = 'dutyDates'
    // A code written twice makes the same id twice: the code's problem says it, the id's would repeat it.
    const idFrom = ID_SOURCE[kind]
    if (field === 'id' && idFrom) {
      if (list.wasTold(`${kind}[${index}].${idFrom}`) || checked.has(`${kind}[${index}].${idFrom}`)) continue
      field = idFrom
    }
    if (list.wasTold(`${kind}[${index}].${field}`)) continue
    const column = specOf(kind).columns.findIndex((c) => c.field === field)
    const heading = specOf(kind).columns[column]?.heading
    const words = message
      .replace(/ ?(regions|stations|deputies|units|staff)\[(\d+)\] ?/g, (_all, list: SheetKind, i: string) => {
        const other = conversion.places[list]?.[Number(i)]
        return other ? rowText(place, other) : _all
      })
      .replace(/\b(district|street|community|grid)\b/g, (w) => (kind === 'regions' ? KIND_WORDS[w] : w))
    list.add({ ...place, heading, column, message: words })
  }
  const where = (p: { sheet: number; row?: number; heading?: string }) =>
    `${sheets[p.sheet]?.name ?? ''}${p.row ? ` 第 ${p.row} 行` : ''}${p.heading ? `「${p.heading}」` : ''}`.trim()
  return {
    total: list.total,
    // A cell quoted in a message may hold characters that show as nothing: they are named instead.
    listed: list.listed().map((p) => ({ path: where(p), message: showInvisible(p.message) })),
    unlisted: list.rest().map((g) => ({ path: where({ sheet: g.sheet, heading: g.heading }), message: unlistedWords(g) })),
  }
}

function unlistedWords({ heading, count, fromRow, toRow }: UnlistedProblems): string {
  const rows = fromRow === toRow ? `第 ${fromRow} 行` : `第 ${fromRow} 行到第 ${toRow} 行`
  return heading ? `${rows}，这一列还有 ${count} 处问题没有一一列出，请检查这些行的这一列，一并改正` : `${rows}还有 ${count} 处问题没有一一列出，请一并检查改正`
}
