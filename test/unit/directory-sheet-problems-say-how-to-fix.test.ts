import { expect } from 'chai'
import { checkDirectoryFile, type ExistingDirectory } from '../../src/domain/directory-import.js'
import { sheetProblemDetails } from '../../src/domain/directory-sheet-problems.js'
import { sheetsToDirectoryFile } from '../../src/domain/directory-sheets.js'
import { readExcelSheet as sheet } from '../helpers/sheets.js'

const empty: ExistingDirectory = { regions: [], stations: [], units: [], deputies: [], staff: [] }

/** What 钱科长 reads for these sheets: "place：problem". */
async function problemsOf(...sheets: Array<[string, string[]]>) {
  const read = await Promise.all(sheets.map(([name, lines]) => sheet(name, lines)))
  const conversion = sheetsToDirectoryFile(read, empty)
  const check = checkDirectoryFile(conversion.file, empty, ['其他'])
  return sheetProblemDetails(read, conversion, check.ok ? [] : check.problems).map((p) => `${p.path}：${p.message}`)
}

const REGIONS: [string, string[]] = ['地区名册.csv', ['地区代码,地区名称,类型,上级地区', 'WT,梧桐区,区县,', 'WT-GH,桂花镇,街道乡镇,梧桐区']]
const STATION_ROWS = ['联络站代码,联络站名称,类型,地址,覆盖地区,接待日', 'WTZ01,梧桐街道代表联络站,社区,,梧桐区,', 'WTZ02,桂花镇代表联络站,乡镇,,桂花镇,']
/** 枫林社区代表联络点's row has its 联络站代码 left blank. */
const STATIONS_ONE_WITHOUT_CODE: [string, string[]] = ['联络站名册.csv', [...STATION_ROWS, ',枫林社区代表联络点,社区,,梧桐区,']]
const STATIONS: [string, string[]] = ['联络站名册.csv', STATION_ROWS]

describe('roster sheet problems say what to fix, once', () => {
  it('a station row without its code is one problem, at its row, saying what to write; rows naming it are not told again', async () => {
    const problems = await problemsOf(
      REGIONS,
      STATIONS_ONE_WITHOUT_CODE,
      ['代表名册.csv', ['代表代码,姓名,层级,所属联络站', 'WT006,林海,区人大代表,枫林社区代表联络点', 'WT007,何静,区人大代表,枫林社区代表联络点']],
      ['工作人员名册.csv', ['账号,姓名,角色,所属联络站,负责地区,激活码', 'maxiao,马晓,联络站工作人员,枫林社区代表联络点,,MX-7731-KQ2W']],
    )
    expect(problems).to.deep.equal([
      '联络站名册.csv 第 4 行「联络站代码」：必须填写：请给“枫林社区代表联络点”编一个联络站代码（大写字母和数字，如 ST003）。代表、工作人员名册里写着这个联络站名称的行不用改，填上代码后就能对上',
    ])
  })

  it('a code written twice says how to fix it: one row for a deputy of two stations, a row repeated deleted', async () => {
    const problems = await problemsOf(REGIONS, STATIONS, [
      '代表名册.csv',
      [
        '代表代码,姓名,层级,所属联络站,电话',
        'WT004,陈美华,区人大代表,梧桐街道代表联络站,13905712001',
        'WT004,陈美华,区人大代表,桂花镇代表联络站,13905712001',
        'WT005,赵立新,区人大代表,梧桐街道代表联络站/桂花镇代表联络站,1390571200',
        'WT008,吴刚,区人大代表,梧桐街道代表联络站,',
        'WT008,吴刚,区人大代表,梧桐街道代表联络站,',
        'WT008,黄强,区人大代表,桂花镇代表联络站,',
      ],
    ])
    expect(problems).to.deep.equal([
      '代表名册.csv 第 3 行「代表代码」：代码重复 "WT004"（与第 2 行相同）：同一位代表属于几个联络站的，请只写一行，把联络站都填在「所属联络站」里，用顿号“、”隔开，如“梧桐街道代表联络站、桂花镇代表联络站”',
      '代表名册.csv 第 4 行「所属联络站」：没有叫“梧桐街道代表联络站/桂花镇代表联络站”的联络站。属于几个联络站的，请用顿号“、”隔开，如“梧桐街道代表联络站、桂花镇代表联络站”',
      '代表名册.csv 第 4 行「电话」：电话号码“1390571200”不对：手机号是 11 位数字，这里是 10 位',
      '代表名册.csv 第 6 行「代表代码」：和第 5 行完全一样，请删去其中一行',
      '代表名册.csv 第 7 行「代表代码」：代码重复 "WT008"（与第 5 行相同）：是同一个代表的，请把两行合成一行；是不同的代表，请给其中一个换一个代码',
    ])
  })
})
