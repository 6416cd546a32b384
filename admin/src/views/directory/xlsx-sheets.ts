import readExcelFile, { InvalidInputError } from 'read-excel-file/browser'
import { oldExcelWords } from './workbook-words'

/**
 * An Excel workbook (.xlsx) read in the browser into the sheets the server already takes
 * (`{ name, csv }`, the text Excel's "另存为 CSV" would have written), so that every rule of the
 * CSV import (headings, example rows, row numbers, digits lost to 1.38E+10 …) holds for it too.
 * This module is loaded only when a clerk picks a workbook: the reader stays out of the console's
 * first screen.
 */

/** `sheet`: the worksheet's tab name, which the server uses to say a 说明 page was left out. */
export type WorkbookSheet = { name: string; csv: string; sheet: string }
export type WorkbookRead = { ok: true; sheets: WorkbookSheet[] } | { ok: false; message: string }

/** Excel keeps 15 significant digits: a longer whole number has lost its last digits already. */
const EXCEL_DIGITS = 1e15

const two = (n: number) => String(n).padStart(2, '0')

/**
 * A cell as the CSV path expects its text. Dates are stored by Excel as day numbers and come
 * out as Date at UTC midnight: written 2026-12-01, as the 值班日期 column is read. A phone kept as
 * a number comes out as its digits; one too long for Excel comes out as Excel's own 1.2E+15,
 * which the server refuses with words about the lost digits.
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) {
    const day = `${value.getUTCFullYear()}-${two(value.getUTCMonth() + 1)}-${two(value.getUTCDate())}`
    const time = value.getUTCHours() || value.getUTCMinutes() ? ` ${two(value.getUTCHours())}:${two(value.getUTCMinutes())}` : ''
    return day + time
  }
  if (typeof value === 'number') {
    if (Number.isInteger(value) && Math.abs(value) >= EXCEL_DIGITS) return value.toExponential().toUpperCase()
    return String(value)
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  return String(value)
}

/** One CSV field: quoted when it holds a comma, a quote or a line break (a cell with Alt+Enter). */
const csvField = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text)

/** Rows to CSV text. Rows stay where Excel numbers them (empty ones too): problems name Excel's row. */
export function rowsToCsv(rows: readonly (readonly unknown[])[]): string {
  return rows.map((row) => row.map((cell) => csvField(cellText(cell))).join(',')).join('\r\n')
}

/** Each worksheet with anything in it becomes one sheet; the blank Sheet2 and Sheet3 Excel adds are left out. */
export async function workbookSheets(file: File): Promise<WorkbookRead> {
  let read: Awaited<ReturnType<typeof readExcelFile>>
  try {
    read = await readExcelFile(file)
  } catch (err) {
    if (err instanceof InvalidInputError && err.code === 'XLS_FILE_NOT_SUPPORTED') return { ok: false, message: oldExcelWords(file.name) }
    return {
      ok: false,
      message: `“${file.name}”读不出来，文件可能已损坏，或不是 Excel 表格。请用 Excel 或 WPS 打开它，另存为“Excel 工作簿（*.xlsx）”后重新选择`,
    }
  }
  const filled = read.filter((s) => s.data.some((row) => row.some((cell) => cellText(cell).trim())))
  if (!filled.length) return { ok: false, message: `“${file.name}”里没有任何内容，请检查是否选错了文件` }
  return {
    ok: true,
    // Problems are told as "名册.xlsx（代表名册）第 5 行": the worksheet's tab name is how the clerk finds it.
    sheets: filled.map((s) => ({ name: filled.length > 1 ? `${file.name}（${s.sheet}）` : file.name, csv: rowsToCsv(s.data), sheet: s.sheet })),
  }
}
