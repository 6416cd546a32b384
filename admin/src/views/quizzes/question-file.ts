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
 * The server's "第一行表头少了…" to a file read as GBK: the header may be right but read wrongly (a file in another
 * encoding), which no rewording of the header mends; saving it again as UTF-8 does. Said only when the header as read
 * does not look like words: one in plain Chinese, only with the wrong headings, was read right, and the server's
 * problem (which headings are missing) is all there is to say.
 */
export function saveAgainHint(gbk: boolean, csv: string, problems: ReadonlyArray<{ path: string; message: string }>): string {
  if (!gbk || !problems.some((p) => p.path === 'body.csv' && p.message.startsWith('第一行表头少了'))) return ''
  return readable(csv.split(/\r?\n/, 1)[0] ?? '') ? '' : `这个文件可能没有读对。${SAVE_AS_UTF8}`
}

/**
 * What a header row is written in: printable ASCII, and GB2312's punctuation (、“”（）), full-width letters and its
 * 6763 everyday characters. A file in another encoding (Big5, Shift-JIS) read as GBK comes out as rare characters,
 * kana, Cyrillic or box-drawing, or private-use marks: seldom nine characters in ten of these.
 */
let everyday: Set<string> | undefined
function wordlike(c: string): boolean {
  if (/[\x20-\x7e\s]/.test(c)) return true
  if (!everyday) {
    const bytes: number[] = []
    const rows = [0xa1, 0xa3, ...Array.from({ length: 0xf7 - 0xb0 + 1 }, (_, i) => 0xb0 + i)]
    for (const row of rows) for (let cell = 0xa1; cell <= 0xfe; cell++) bytes.push(row, cell)
    // GB2312's empty cells read as private-use characters: not words.
    everyday = new Set([...new TextDecoder('gb18030').decode(new Uint8Array(bytes))].filter((ch) => !/[\ue000-\uf8ff\ufffd]/u.test(ch)))
  }
  return everyday.has(c)
}

/** Whether a header reads as words: no unreadable character, and nearly every one a letter, digit, everyday character or separator. */
function readable(header: string): boolean {
  const chars = [...header.replace(/^\uFEFF/, '')]
  if (!chars.length || chars.includes('\uFFFD')) return false
  return chars.filter(wordlike).length / chars.length >= 0.9
}
