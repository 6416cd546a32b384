import { isOldWorkbook, isWorkbook, oldExcelWords } from '../directory/workbook-words'

export type QuestionFile = { ok: true; csv: string } | { ok: false; message: string }

/**
 * A question sheet as the CSV text the server reads. An Excel workbook (.xlsx) is read here with
 * the roster import's reader (loaded only when one is picked), so saving as CSV is not needed;
 * a CSV saved as Excel's plain "CSV（逗号分隔）" on a Chinese Windows is GBK, not UTF-8, and is
 * read as such rather than turned into a header nobody can recognise.
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
    return { ok: true, csv: read.sheets[0]!.csv }
  }
  const bytes = await file.arrayBuffer()
  try {
    return { ok: true, csv: new TextDecoder('utf-8', { fatal: true }).decode(bytes) }
  } catch {
    return { ok: true, csv: new TextDecoder('gb18030').decode(bytes) }
  }
}
