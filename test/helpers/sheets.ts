import type { SheetRows } from '../../src/domain/directory-sheets.js'
import { readSheetRows } from '../../src/services/directory/directory-sheets.js'

/**
 * Roster sheets as an office uploads them to the directory import. A test that is about the columns themselves
 * (one left out, one misnamed) writes its heading row out with `excel`; the others take a sheet with the
 * template's full heading row from `regionSheet`, `stationSheet`, `deputySheet` or `staffSheet`.
 */

/** A sheet's text as Excel saves "CSV UTF-8": a byte-order mark and CRLF lines. */
export const excelCsv = (lines: string[]) => '\uFEFF' + lines.join('\r\n') + '\r\n'

/** A sheet as Excel saves "CSV UTF-8", under the file name the office gave it. */
export const excel = (name: string, lines: string[]) => ({ name, csv: excelCsv(lines) })

/** The heading row of each template, every column in it. */
export const HEADINGS = {
  regions: '地区代码,地区名称,类型,上级地区',
  stations: '联络站代码,联络站名称,类型,地址,覆盖地区,接待日',
  deputies: '代表代码,姓名,层级,所属联络站,关注领域,电话,值班日期',
  staff: '账号,姓名,角色,所属联络站,负责地区,激活码,初始密码',
} as const

/** 地区名册.csv with these rows under the template's heading. */
export const regionSheet = (...rows: string[]) => excel('地区名册.csv', [HEADINGS.regions, ...rows])
/** 联络站名册.csv with these rows under the template's heading. */
export const stationSheet = (...rows: string[]) => excel('联络站名册.csv', [HEADINGS.stations, ...rows])
/** 代表名册.csv with these rows under the template's heading. */
export const deputySheet = (...rows: string[]) => excel('代表名册.csv', [HEADINGS.deputies, ...rows])
/** 工作人员名册.csv with these rows under the template's heading. */
export const staffSheet = (...rows: string[]) => excel('工作人员名册.csv', [HEADINGS.staff, ...rows])

/** 梧桐区 and its 梧桐街道, with the street's one station 梧桐街道代表联络站 (WTZ01): the places 梧桐's clerks work at. */
export const WUTONG_PLACES = [
  regionSheet('WT,梧桐区,区县,', 'WT-WT,梧桐街道,街道乡镇,梧桐区'),
  stationSheet('WTZ01,梧桐街道代表联络站,社区,梧桐路1号,梧桐街道,周三'),
]

/** A sheet saved by Excel, read as the import reads an upload; a sheet it cannot read fails the test with its problem. */
export async function readExcelSheet(name: string, lines: string[]): Promise<SheetRows> {
  const read = await readSheetRows({ name, csv: excelCsv(lines) })
  if (read.problem) throw new Error(read.problem.message)
  return read.sheet
}
