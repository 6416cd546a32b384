/**
 * How an uploaded roster sheet is read (directory-sheets.ts): which kind of roster it is, its headings as
 * typed, its rows as heading → cell, and the words for a required cell left blank or a code written twice.
 */
import { compact, splitList } from './directory-sheet-readers.js'
import { FORMER_HEADINGS, KEY_HEADING, SHEET_KINDS, SHEET_SPECS, specOf, type SheetKind } from './directory-sheet-specs.js'
import { trimCell, withoutInvisible } from './sheet-cells.js'
import type { Place, SheetProblem } from './sheet-problem-list.js'

/** One uploaded sheet: its file name and its rows as read (the first is Excel's row 1). */
export interface SheetRows {
  name: string
  rows: string[][]
  /** The worksheet's tab name, for a sheet read from a workbook (.xlsx). */
  sheet?: string
}

/** A heading as typed: "*姓名", "姓名（必填）" and stray spaces still name the column; an old template's name, today's. */
const headingOf = (cell: string) => {
  const heading = compact(withoutInvisible(cell))
    .replace(/^[*＊]+|[*＊]+$/g, '')
    .replace(/[（(]必填[)）]$/, '')
  return FORMER_HEADINGS.get(heading) ?? heading
}

/** A row of a roster sheet as read: where it is, and its cells by heading. */
export type SheetRow = Place & { cells: Map<string, string> }

/** 1. Which kind each sheet is, and its rows as heading → cell; a sheet plainly no roster is named in `skipped`. */
export function rowsByKind(sheets: SheetRows[], problem: (p: SheetProblem) => void, skipped: string[]): Record<SheetKind, SheetRow[]> {
  const rowsOf: Record<SheetKind, SheetRow[]> = { regions: [], stations: [], deputies: [], staff: [] }
  const headerAtOf = (sheet: SheetRows) => sheet.rows.findIndex((r) => r.some((c) => trimCell(c)))
  const kindOf = (sheet: SheetRows, headerAt = headerAtOf(sheet)) => {
    const headings = headerAt < 0 ? [] : sheet.rows[headerAt].map(headingOf)
    return SHEET_KINDS.find((k) => headings.includes(KEY_HEADING[k]))
  }
  // A workbook's 说明 page beside its roster is left out, and said so; with no roster at all, every sheet is refused.
  const anyRoster = sheets.some((sheet) => kindOf(sheet))
  sheets.forEach((sheet, s) => {
    const headerAt = headerAtOf(sheet)
    if (headerAt < 0) return problem({ sheet: s, row: 0, message: '文件是空的，没有读到任何内容' })
    const headings = sheet.rows[headerAt].map(headingOf)
    const kind = kindOf(sheet, headerAt)
    const headerRow = headerAt + 1
    if (!kind && anyRoster && !hasHeaderRow(sheet.rows)) {
      skipped.push(sheet.sheet ? `“${sheet.sheet}”页不是名单，已跳过` : `“${sheet.name}”不是名单，已跳过`)
      return
    }
    if (!kind) {
      const expected = SHEET_SPECS.map((spec) => `${spec.title}：${spec.columns.map((c) => c.heading).join('、')}`).join('；')
      return problem({ sheet: s, row: headerRow, message: `看不出这是哪一种名册。第一行应是模板的列名（${expected}），请从本页下载模板填写` })
    }
    const { columns } = specOf(kind)
    const known = new Set(columns.map((c) => c.heading))
    let usable = true
    // A set, not indexOf: a header row of thousands of cells must not take quadratic time.
    const seen = new Set<string>()
    headings.forEach((h) => {
      if (!h) return
      if (!known.has(h)) problem({ sheet: s, row: headerRow, message: `不认识的列名「${h}」。这一页的列名应为：${[...known].join('、')}` })
      else if (seen.has(h)) problem({ sheet: s, row: headerRow, message: `列名「${h}」出现了两次` })
      seen.add(h)
    })
    for (const c of columns) {
      if (c.required && !headings.includes(c.heading)) {
        problem({ sheet: s, row: headerRow, message: `缺少「${c.heading}」这一列（必填）` })
        usable = false
      }
    }
    if (!usable) return
    sheet.rows.forEach((cells, i) => {
      // Rows left empty are skipped, but still counted: row numbers are Excel's.
      if (i <= headerAt || !cells.some((c) => trimCell(c))) return
      const byHeading = new Map<string, string>()
      headings.forEach((h, j) => h && known.has(h) && !byHeading.has(h) && byHeading.set(h, trimCell(cells[j] ?? '')))
      // The example left in would be imported as a real record: a staff account whose activation
      // code every template reader knows, or a station and deputy overwriting real ones with common codes.
      if (isExampleRow(kind, byHeading)) return problem({ sheet: s, row: i + 1, message: `第 ${i + 1} 行是模板里的示例，请删去这一行，或改成自己的内容` })
      rowsOf[kind].push({ sheet: s, row: i + 1, cells: byHeading })
    })
  })
  return rowsOf
}

/** Whether a row is the template's example left in: identical to it, column by column. */
function isExampleRow(kind: SheetKind, cells: Map<string, string>): boolean {
  return specOf(kind).columns.every((c) => compact(cells.get(c.heading) ?? '') === compact(c.example))
}

/**
 * Whether any row reads as a roster's heading row: a sheet's key heading (代表代码 …), or two
 * headings of one template. A sheet without one (a 说明 page of instructions) is plainly no roster;
 * one with a title above its headings still is, and is refused with words saying what is wrong.
 */
function hasHeaderRow(rows: string[][]): boolean {
  return rows.some((row) => {
    const headings = new Set(row.map(headingOf))
    return SHEET_SPECS.some((spec) => headings.has(KEY_HEADING[spec.kind]) || spec.columns.filter((c) => headings.has(c.heading)).length >= 2)
  })
}

/** What to do about a required cell left blank: a station's code is asked for by the station's name, and said to be enough. */
export function requiredWords(kind: SheetKind, heading: string, stationName: string): string {
  if (kind !== 'stations' || heading !== '联络站代码') return '必须填写'
  const which = stationName ? `给“${stationName}”` : ''
  return `必须填写：请${which}编一个联络站代码（大写字母和数字，如 ST003）。代表、工作人员名册里写着这个联络站名称的行不用改，填上代码后就能对上`
}

/**
 * A code written on two rows, and how to fix it: the same row twice is deleted; a deputy of several stations is one
 * row with the stations in 所属联络站; two different people or stations need two codes.
 */
export function duplicateWords(
  kind: SheetKind,
  row: { sheet: number; row: number; cells: Map<string, string> },
  first: typeof row,
  sheets: SheetRows[],
): string {
  const where = first.sheet === row.sheet ? `第 ${first.row} 行` : `${sheets[first.sheet]?.name ?? ''} 第 ${first.row} 行`
  const same = (except: string[]) =>
    [...new Set([...row.cells.keys(), ...first.cells.keys()])]
      .filter((h) => !except.includes(h))
      .every((h) => compact(row.cells.get(h) ?? '') === compact(first.cells.get(h) ?? ''))
  if (same([])) return `和${where}完全一样，请删去其中一行`
  const code = (row.cells.get(KEY_HEADING[kind]) ?? '').trim()
  if (kind === 'deputies' && same(['所属联络站', '值班日期'])) {
    const both = [...new Set([first, row].flatMap((r) => splitList(r.cells.get('所属联络站') ?? '')))].join('、')
    return `代码重复 "${code}"（与${where}相同）：同一位代表属于几个联络站的，请只写一行，把联络站都填在「所属联络站」里，用顿号“、”隔开，如“${both}”`
  }
  const what = { stations: '联络站', deputies: '代表', staff: '工作人员' }[kind as 'stations' | 'deputies' | 'staff']
  const label = kind === 'staff' ? '账号' : '代码'
  return `${label}重复 "${code}"（与${where}相同）：是同一个${what}的，请把两行合成一行；是不同的${what}，请给其中一个换一个${label}`
}
