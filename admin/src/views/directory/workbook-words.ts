/**
 * What to do with a workbook the import page cannot read: old Excel (.xls) or WPS's own format
 * (.et). Kept apart from xlsx-sheets.ts so that refusing one never loads the workbook reader.
 */
export function oldExcelWords(fileName: string): string {
  return /\.et$/i.test(fileName)
    ? `“${fileName}”是 WPS 表格自己的格式，这里读不了。请在 WPS 里点“另存为”，文件类型选“Excel 文件（*.xlsx）”，再选择保存好的 .xlsx 文件`
    : `“${fileName}”是旧版 Excel（.xls）格式，这里读不了。请在 Excel 里点“另存为”，文件类型选“Excel 工作簿（*.xlsx）”，再选择保存好的 .xlsx 文件`
}

/** A workbook the page reads itself (.xlsx; .xlsm is the same format with macros, which are not run). */
export const isWorkbook = (name: string) => /\.(xlsx|xlsm)$/i.test(name)
/** A workbook in a format the page cannot read. */
export const isOldWorkbook = (name: string) => /\.(xls|et)$/i.test(name)
