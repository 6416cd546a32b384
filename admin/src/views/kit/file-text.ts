/**
 * A picked text file (CSV, JSON) as text. Excel saves "CSV UTF-8" as UTF-8, but its plain "CSV" on a
 * Chinese Windows as GBK: a file that is not valid UTF-8 is read as GB18030 (which contains GBK), so
 * either choice imports. `gbk` says the second reading was used: a header then not recognised may be
 * one read wrongly, not one written wrongly.
 */
export async function fileText(file: File): Promise<{ text: string; gbk: boolean }> {
  const bytes = await file.arrayBuffer()
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), gbk: false }
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), gbk: true }
  }
}

/** What to do with a file neither reading fits. */
export const SAVE_AS_UTF8 = '请在 Excel 或 WPS 里另存为“CSV UTF-8（逗号分隔）”再选'
