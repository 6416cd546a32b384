import { isOldWorkbook, isWorkbook, oldExcelWords } from '../directory/workbook-words'
import { fileText, SAVE_AS_UTF8 } from '../kit/file-text'

/** `gbk`: read as GBK, not UTF-8 (see fileText). */
export type QuestionFile = { ok: true; csv: string; gbk: boolean } | { ok: false; message: string }

/**
 * A question sheet as the CSV text the server reads. An Excel workbook (.xlsx) is read here with
 * the roster import's reader (loaded only when one is picked), so saving as CSV is not needed;
 * a CSV saved as Excel's plain "CSV（逗号分隔）" on a Chinese Windows is GBK, not UTF-8, and is
 * read as such rather than turned into a header nobody can recognise. A file neither UTF-8 nor GBK
 * (a byte neither reading knows) is refused here: its questions would be imported as gibberish.
 */
export async function questionCsv(file: File): Promise<QuestionFile> {
  if (isOldWorkbook(file.name)) return { ok: false, message: oldExcelWords(file.name) }
  if (isWorkbook(file.name)) {
    const { workbookSheets } = await import('../directory/xlsx-sheets')
    const read = await workbookSheets(file)
    if (!read.ok) return read
    if (read.sheets.length > 1) {
      const names = read.sheets.map((s) => `“${s.sheet}”`).join('、')
      return { ok: false, message: `“${file.name}”里有 ${read.sheets.length} 个工作表（${names}）。请把题目放在一个工作表里，删去其余的再选择` }
    }
    return { ok: true, csv: read.sheets[0]!.csv, gbk: false }
  }
  const { text, gbk } = await fileText(file)
  if (gbk && text.includes('\uFFFD')) return { ok: false, message: `“${file.name}”里有读不出的字。${SAVE_AS_UTF8}` }
  return { ok: true, csv: text, gbk }
}

/**
 * The server's "第一行表头少了…" to a file read as GBK: the header may be right but read wrongly
 * (a file in another encoding), which no rewording of the header mends; saving it again as UTF-8 does.
 */
export function saveAgainHint(gbk: boolean, problems: ReadonlyArray<{ path: string; message: string }>): string {
  return gbk && problems.some((p) => p.path === 'body.csv' && p.message.startsWith('第一行表头少了')) ? `这个文件可能没有读对。${SAVE_AS_UTF8}` : ''
}
