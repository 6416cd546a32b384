import { expect } from 'chai'
import { checkDirectoryFile, type ExistingDirectory } from '../../src/domain/directory-import.js'
import { templateRows } from '../../src/domain/directory-sheet-specs.js'
import { sheetDate, sheetProblemDetails, sheetsToDirectoryFile, type SheetRows } from '../../src/domain/directory-sheets.js'
import { readSheetRows, sheetTemplate } from '../../src/services/directory/directory-sheets.js'

const TOPICS = ['环境保护', '交通出行', '教育', '法治', '其他']
const empty: ExistingDirectory = { regions: [], stations: [], units: [], deputies: [], staff: [] }

/** A sheet as Excel saves it: a byte-order mark, CRLF lines. */
const excelCsv = (lines: string[]) => '\uFEFF' + lines.join('\r\n') + '\r\n'

async function sheet(name: string, lines: string[]): Promise<SheetRows> {
  const read = await readSheetRows({ name, csv: excelCsv(lines) })
  if (read.problem) throw new Error(read.problem.message)
  return read.sheet
}

/** What a clerk would see for these sheets: "place：problem", or the converted file when there is none. */
function judge(sheets: SheetRows[], existing = empty) {
  const conversion = sheetsToDirectoryFile(sheets, existing)
  const check = checkDirectoryFile(conversion.file, existing, TOPICS)
  const problems = sheetProblemDetails(sheets, conversion, check.ok ? [] : check.problems).map((p) => `${p.path}：${p.message}`)
  return { problems, file: check.ok ? check.file : null, check }
}

const REGIONS = ['地区编号,地区名称,类型,上级地区', 'XH,新华区,区县,', 'XH-JS,建设路街道,街道,新华区', 'XH-JS-MZ,马庄社区,社区,建设路街道']
const STATIONS = ['联络站代码,联络站名称,类型,地址,覆盖地区,接待日', 'st001,东风路联络站,社区,东风路12号,建设路街道,"周三、周六"']

describe('roster sheets (CSV saved from Excel) become the import file', () => {
  it('reads the templates’ Chinese headings, a byte-order mark and CRLF, and names records by name', async () => {
    const deputies = await sheet('代表名册.csv', [
      '代表代码,姓名,层级,所属联络站,关注领域,电话,值班日期',
      'DP0001,张伟,市人大代表,东风路联络站,"环境保护、交通出行",138 0000 0001,2026/12/1',
      'dp0002,王芳,乡镇,ST001,,,"2026-12-08、2026年12月15日"',
    ])
    const { problems, file } = judge([await sheet('地区名册.csv', REGIONS), await sheet('联络站名册.csv', STATIONS), deputies])
    expect(problems).to.deep.equal([])
    expect(file!.regions).to.deep.equal([
      { id: 'XH', name: '新华区', kind: 'district', parentId: null },
      { id: 'XH-JS', name: '建设路街道', kind: 'street', parentId: 'XH' },
      { id: 'XH-JS-MZ', name: '马庄社区', kind: 'community', parentId: 'XH-JS' },
    ])
    expect(file!.stations).to.deep.equal([
      { id: 'st001', code: 'ST001', name: '东风路联络站', kind: 'community', address: '东风路12号', regionIds: ['XH-JS'], receptionDays: ['wed', 'sat'] },
    ])
    expect(file!.deputies).to.deep.equal([
      {
        id: 'dp0001',
        code: 'DP0001',
        name: '张伟',
        level: 'city',
        stationIds: ['st001'],
        topics: ['环境保护', '交通出行'],
        phone: '13800000001',
        dutyByStation: { st001: ['2026-12-01'] },
      },
      {
        id: 'dp0002',
        code: 'DP0002',
        name: '王芳',
        level: 'township',
        stationIds: ['st001'],
        topics: [],
        phone: null,
        dutyByStation: { st001: ['2026-12-08', '2026-12-15'] },
      },
    ])
  })

  it('tells each problem by the row number Excel shows and the column heading, blank rows counted', async () => {
    const deputies = await sheet('代表名册.csv', [
      '代表代码,姓名,层级,所属联络站,关注领域,电话,值班日期',
      'DP0001,张伟,市人大代表,东风路联络站,,,',
      '', // a row left empty: skipped, but row 4 is still row 4
      ',,,,,,', // a row cleared in Excel
      'DP0002,王芳,市人大代表,"东风路联络站、人民路联络站",,12345,',
      'DP0001,李强,副市长,东风路联络站,外星人,,12月1日',
      'DP0003,,市人大代表,,,,',
    ])
    const { problems } = judge([await sheet('地区名册.csv', REGIONS), await sheet('联络站名册.csv', STATIONS), deputies])
    expect(problems).to.deep.equal([
      '代表名册.csv 第 5 行「所属联络站」：没有叫“人民路联络站”的联络站',
      '代表名册.csv 第 5 行「电话」：电话号码无效 "12345"',
      '代表名册.csv 第 6 行「代表代码」：代码重复 "DP0001"（与第 2 行相同）',
      '代表名册.csv 第 6 行「层级」：“副市长”不是可选的值，请填写：全国、省、市、县区、乡镇人大代表',
      '代表名册.csv 第 6 行「关注领域」：未知的关注领域 "外星人"，可选：环境保护、交通出行、教育、法治、其他',
      '代表名册.csv 第 6 行「值班日期」：日期“12月1日”看不懂，请写成 2026-12-01 这样',
      '代表名册.csv 第 7 行「姓名」：必须填写',
      '代表名册.csv 第 7 行「所属联络站」：必须填写',
    ])
  })

  it('takes the duty days of a deputy of several stations station by station, and asks for the station when not given', async () => {
    const stations = await sheet('联络站名册.csv', [
      '联络站代码,联络站名称,类型',
      'ST001,东风路联络站,社区',
      'ST002,人民路联络站,社区',
      'ST003,光明联络站,社区',
    ])
    const deputies = await sheet('代表名册.csv', [
      '代表代码,姓名,层级,所属联络站,值班日期',
      'DP0001,张伟,市,"东风路联络站、人民路联络站","东风路联络站：2026-12-01、2026/12/15；ST002：2026-12-08"',
      'DP0002,王芳,市,"东风路联络站、人民路联络站",2026-12-01',
      'DP0003,李强,市,东风路联络站,光明联络站：2026-12-01',
    ])
    const { problems, check } = judge([stations, deputies])
    expect(problems).to.deep.equal([
      '代表名册.csv 第 3 行「值班日期」：这位代表属于 2 个联络站，请在日期前写明是哪个联络站，如“东风路联络站：2026-12-01、2026-12-15；人民路联络站：2026-12-08”',
      '代表名册.csv 第 4 行「值班日期」：“光明联络站”不是这位代表的所属联络站',
    ])
    const zhang = sheetsToDirectoryFile([stations, deputies], empty).file.deputies[0]
    expect(zhang.dutyByStation).to.deep.equal({ st001: ['2026-12-01', '2026-12-15'], st002: ['2026-12-08'] })
    expect(check.ok).to.equal(true, 'the check itself finds nothing more')
  })

  it('counts a cell spanning two lines as one row, as Excel does', async () => {
    const stations = await sheet('联络站名册.csv', [
      '联络站代码,联络站名称,类型,地址,覆盖地区,接待日',
      'ST001,东风路联络站,社区,"东风路12号\n二楼",,',
      'ST002,人民路联络站,公园,,,',
    ])
    expect(judge([stations]).problems).to.deep.equal(['联络站名册.csv 第 3 行「类型」：“公园”不是可选的值，请填写：社区、园区、景区、乡镇、行业、其他'])
  })

  it('says when a heading is missing or unknown, and when the file is no roster template', async () => {
    const missing = await sheet('代表.csv', ['代表代码,名字,层级,所属联络站', 'DP0001,张伟,市,东风路联络站'])
    expect(judge([missing]).problems).to.deep.equal([
      '代表.csv 第 1 行：不认识的列名「名字」。这一页的列名应为：代表代码、姓名、层级、所属联络站、关注领域、电话、值班日期',
      '代表.csv 第 1 行：缺少「姓名」这一列（必填）',
    ])
    const other = await sheet('工资表.csv', ['工号,姓名,工资', '1,张伟,3000'])
    expect(judge([other]).problems[0]).to.match(/^工资表\.csv 第 1 行：看不出这是哪一种名册/)
  })

  it('finds records already in the store by code and account, so a sheet uploaded again updates them', async () => {
    const existing: ExistingDirectory = {
      ...empty,
      regions: [{ id: 'd01', name: '湛河区', kind: 'district', parentId: null }],
      stations: [{ id: 'legacy-7', code: 'ST001', name: '东风路联络站', kind: 'community', address: '', regionIds: [], receptionDays: [] }],
      deputies: [
        { id: 'x-17', code: 'DP0001' },
        { id: 'dp0002', code: 'DP0099' }, // an id the new code would make: not taken over
      ],
      staff: [{ id: 'sf01', username: 'lina' }],
    }
    const deputies = await sheet('代表.csv', ['代表代码,姓名,层级,所属联络站', 'DP0001,张伟,市,东风路联络站', 'DP0002,王芳,市,ST001'])
    const staff = await sheet('人员.csv', [
      '账号,姓名,角色,所属联络站,负责地区,激活码',
      'LiNa,李娜,联络站工作人员,东风路联络站,,',
      'sunli,孙丽,人大办工作人员,,湛河区,K7P2-Q9XM-4TVB',
    ])
    const { problems, file } = judge([deputies, staff], existing)
    expect(problems).to.deep.equal([])
    expect(file!.deputies.map((d) => [d.id, d.stationIds])).to.deep.equal([
      ['x-17', ['legacy-7']],
      ['dp0002-2', ['legacy-7']],
    ])
    expect(file!.staff.map((s) => [s.id, s.username, s.role, s.regionIds, s.activationCode])).to.deep.equal([
      ['sf01', 'lina', 'station_staff', [], undefined],
      ['sunli', 'sunli', 'organizer', ['d01'], 'K7P2-Q9XM-4TVB'],
    ])
  })

  it('never lets a sheet take over the built-in admin account', async () => {
    const staff = await sheet('人员.csv', ['账号,姓名,角色,所属联络站', 'admin,张三,人大办工作人员,'])
    expect(judge([staff], { ...empty, staff: [{ id: 'admin', username: 'admin' }] }).problems).to.deep.equal([
      '人员.csv 第 2 行「账号」：编号 "admin" 是系统内置管理员，不能由名册导入，请换一个编号',
    ])
  })

  it('says when Excel turned a long number into scientific notation', async () => {
    const regions = await sheet('地区.csv', ['地区编号,地区名称,类型,上级地区', '4.10402E+11,新华区,区县,'])
    expect(judge([regions]).problems).to.deep.equal([
      '地区.csv 第 2 行「地区编号」：“4.10402E+11”是 Excel 把一长串数字改成的科学计数法，原来的数字已经丢失。请把这一列设为“文本”格式，重新填写后再保存',
    ])
  })

  it('reads the dates Excel writes back', () => {
    expect(['2026-12-01', '2026/12/1', '2026.12.01', '2026年12月1日'].map(sheetDate)).to.deep.equal(Array(4).fill('2026-12-01'))
    expect(['2026-02-30', '12/1/2026', '明天'].map(sheetDate)).to.deep.equal([null, null, null])
  })

  it('writes each template for Excel: UTF-8 with a byte-order mark, the headings and an example row that imports', async () => {
    const { fileName, csv } = await sheetTemplate('deputies')
    expect(fileName).to.equal('代表名册模板.csv')
    expect(csv.startsWith('\uFEFF代表代码,姓名,层级,所属联络站,关注领域,电话,值班日期\r\n')).to.equal(true)
    expect(templateRows('deputies')[1]).to.deep.equal([
      'DP0001',
      '张伟',
      '市人大代表',
      '东风路联络站',
      '环境保护、交通出行',
      '13800000001',
      '2026-12-01、2026-12-15',
    ])
    // The four examples, uploaded as they are, make a roster that passes every check.
    const templates = await Promise.all(
      (['regions', 'stations', 'deputies', 'staff'] as const).map(async (kind) => readSheetRows({ name: kind, csv: (await sheetTemplate(kind)).csv })),
    )
    expect(judge(templates.map((t) => t.sheet!)).problems).to.deep.equal([])
  })

  it('refuses text that was not saved as UTF-8, saying how to save it', async () => {
    const read = await readSheetRows({ name: '代表.csv', csv: '\uFFFD\uFFFD,\uFFFD' })
    expect(read.problem?.message).to.match(/^文件里有认不出的文字（乱码）/)
  })
})
