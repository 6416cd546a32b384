import type { ErrorDetail } from '../../errors.js'
import { lazy } from '../../domain/lazy.js'
import { SHEET_SPECS, specOf, templateRows, type SheetKind } from '../../domain/directory-sheet-specs.js'
import type { SheetRows } from '../../domain/directory-sheets.js'
import { csvSheet } from '../csv-sheet.js'

/** csv-parse is loaded at the first roster sheet read, not at every start. */
const csvParse = lazy(() => import('csv-parse/sync'))

/**
 * The most rows (below the headings) one sheet may have. A city's deputies and stations fit in
 * one; a province's (100,000 deputies) are split by district, a file each.
 */
export const SHEET_ROW_LIMIT = 50_000

/** One uploaded roster sheet: the file's name and its text (the console decodes what Excel saved). */
export interface SheetUpload {
  name: string
  csv: string
  /** The worksheet's tab name, when the console read the sheet from a workbook (.xlsx). */
  sheet?: string
}

/**
 * A sheet's rows as Excel numbers them: row 1 is the first, a quoted cell spanning lines is
 * one row, and an empty line is a row too (left empty). A byte-order mark is dropped.
 */
export async function readSheetRows(upload: SheetUpload): Promise<{ sheet: SheetRows; problem?: undefined } | { sheet?: undefined; problem: ErrorDetail }> {
  const text = upload.csv.replace(/^\uFEFF/, '')
  if (text.includes('\uFFFD')) {
    return { problem: { path: upload.name, message: '文件里有认不出的文字（乱码）。请在 Excel 里“另存为”，文件类型选“CSV UTF-8（逗号分隔）”后重新选择' } }
  }
  const { parse } = await csvParse()
  try {
    // Read one row past the limit, no further: enough to know the sheet is too long.
    const rows: string[][] = parse(text.replace(/\r\n?/g, '\n'), { relax_column_count: true, skip_empty_lines: false, to: SHEET_ROW_LIMIT + 2 })
    if (rows.length > SHEET_ROW_LIMIT + 1) {
      return { problem: { path: upload.name, message: `这个文件超过了 ${SHEET_ROW_LIMIT} 行，一个文件最多 ${SHEET_ROW_LIMIT} 行。请按区县分成几个文件再导入` } }
    }
    return { sheet: { name: upload.name, rows, ...(upload.sheet ? { sheet: upload.sheet } : {}) } }
  } catch (err) {
    const line = (err as { lines?: number }).lines
    const where = line ? `第 ${line} 行附近` : '文件中'
    return {
      problem: {
        path: upload.name,
        message: `${where}的英文双引号没有成对，读不出来。请在 Excel 或 WPS 中打开，“另存为”CSV 后重新选择；一格文字里的双引号要写成两个（""）`,
      },
    }
  }
}

/** The template of a kind as a CSV file for Excel: UTF-8 with a byte-order mark, headings and one example row. */
export async function sheetTemplate(kind: SheetKind): Promise<{ fileName: string; csv: string }> {
  return { fileName: `${specOf(kind).title}模板.csv`, csv: await csvSheet(templateRows(kind)) }
}

/** What the 导入名册 page explains: each sheet's columns, what each means, whether required, an example. */
export const sheetGuide = () => SHEET_SPECS
