import writeExcelFile, { type Row } from 'write-excel-file/browser'

/**
 * A roster template as an Excel workbook (.xlsx), made in the browser from the columns the
 * server lists for the page (the CSV template's own headings and example row), so the two never
 * differ. This module is loaded only when a clerk asks for the workbook: the writer stays out of
 * the console's first screen.
 */

interface TemplateSpec {
  title: string
  columns: Array<{ heading: string; example: string }>
}

/**
 * Rows below the example made ready for text. Every column is text in a roster: Excel would
 * otherwise turn a typed 2026/12/1 into a day number, a phone into 1.38E+10, and drop a code's
 * leading 0. A cell beyond these rows is as Excel makes it; the import still reads it.
 */
export const TEXT_ROWS = 1000
/** Excel's number format "文本" (Text). */
const TEXT = '@'

export function templateRows(spec: TemplateSpec): Row[] {
  const headings: Row = spec.columns.map((c) => ({ value: c.heading, type: String, fontWeight: 'bold' as const }))
  const example: Row = spec.columns.map((c) => ({ value: c.example, type: String, format: TEXT }))
  const blank: Row = spec.columns.map(() => ({ type: String, format: TEXT }))
  return [headings, example, ...Array.from({ length: TEXT_ROWS }, () => blank)]
}

/** Saves 代表名册模板.xlsx: the headings, one example row, every column formatted as text. */
export async function saveXlsxTemplate(spec: TemplateSpec): Promise<void> {
  // Wide enough to read a heading and its example without widening the column by hand.
  const columns = spec.columns.map((c) => ({ width: Math.max(12, Math.min(40, [...c.example].length * 2 + 4)) }))
  await writeExcelFile([{ sheet: spec.title, data: templateRows(spec), columns, stickyRowsCount: 1 }]).toFile(`${spec.title}模板.xlsx`)
}
