import { Readable } from 'node:stream'
import { lazy } from '../domain/lazy.js'

/**
 * The one writer of every CSV the project exports (survey responses, quiz results,
 * meeting attendance). The files are opened in Excel or WPS by office staff, so:
 * UTF-8 with a byte-order mark and CRLF lines (Excel then reads the Chinese as Chinese),
 * and any text cell that a spreadsheet would run as a formula is written as text.
 */

/** A cell starting with one of these is a formula to Excel/WPS (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/

/** Text that would start a formula gets a leading apostrophe, which spreadsheets show as plain text. */
export const neutralised = (text: string) => (FORMULA_START.test(text) ? `'${text}` : text)

export type SheetCell = string | number | null | undefined

// csv-stringify is loaded at the first sheet written, not at every start.
const csvStringifySync = lazy(() => import('csv-stringify/sync'))
const csvStringify = lazy(() => import('csv-stringify'))
// Rows end in CRLF, but a resident's answer may hold a lone "\n" or "\r" (Enter in the text box): csv-stringify
// quotes only the whole record delimiter once one is set, and Excel, WPS and every CSV reader would cut such a cell
// into a new row. `quote_record_delimiter` quotes any cell holding either character, so it stays one cell.
const OPTIONS = { bom: true, record_delimiter: 'windows', quote_record_delimiter: true, cast: { string: neutralised } } as const

/** Rows (the header first) as CSV text for a spreadsheet; numbers stay numbers, every string is neutralised. */
export async function csvSheet(rows: readonly (readonly SheetCell[])[]): Promise<string> {
  const { stringify } = await csvStringifySync()
  return stringify(rows as SheetCell[][], OPTIONS)
}

/**
 * The same sheet, written as its rows arrive: a list of any length leaves the server in
 * chunks while it is read, and memory holds a page of rows, never the whole list.
 */
export async function csvSheetStream(header: readonly SheetCell[], rows: AsyncIterable<readonly SheetCell[]>): Promise<Readable> {
  const { stringify } = await csvStringify()
  async function* all() {
    yield header
    yield* rows
  }
  return Readable.from(all()).pipe(stringify(OPTIONS))
}

// Creating an Intl formatter costs far more than using one: keep one per time zone.
const formatters = new Map<string, Intl.DateTimeFormat>()

/**
 * "2026-11-25 09:31" (or "2026-11-25 09:31:07" with seconds) in the business time zone:
 * what a spreadsheet sorts and an office reads, never UTC.
 */
export function sheetTime(at: Date | null | undefined, timeZone: string, options: { seconds?: boolean } = {}): string {
  if (!at) return ''
  const key = `${timeZone}|${options.seconds ? 's' : 'm'}`
  let format = formatters.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat('sv-SE', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      ...(options.seconds ? { second: '2-digit' } : {}),
    })
    formatters.set(key, format)
  }
  return format.format(at)
}
