import { expect } from 'chai'
import { checkDirectoryFile, type ExistingDirectory } from '../../src/domain/directory-import.js'
import { specOf, templateRows } from '../../src/domain/directory-sheet-specs.js'
import { dutyDate, keptUnlessWritten, sheetDate } from '../../src/domain/directory-sheet-readers.js'
import { sheetProblemDetails } from '../../src/domain/directory-sheet-problems.js'
import { sheetsToDirectoryFile, type SheetRows, type StoredDirectory } from '../../src/domain/directory-sheets.js'
import { readSheetRows, SHEET_ROW_LIMIT, sheetTemplate } from '../../src/services/directory/directory-sheets.js'
import { readExcelSheet as sheet } from '../helpers/sheets.js'

const TOPICS = ['环境保护', '交通出行', '教育', '法治', '其他']
const empty: ExistingDirectory = { regions: [], stations: [], units: [], deputies: [], staff: [] }

/** What a clerk would see for these sheets: "place：problem", or the converted file when there is none. */
function judge(sheets: SheetRows[], existing = empty, stored?: StoredDirectory) {
  const conversion = sheetsToDirectoryFile(sheets, existing, stored)
  const check = checkDirectoryFile(conversion.file, existing, TOPICS)
  const problems = sheetProblemDetails(sheets, conversion, check.ok ? [] : check.problems).map((p) => `${p.path}：${p.message}`)
  return { problems, file: check.ok ? check.file : null, check }
}

const REGIONS = ['地区代码,地区名称,类型,上级地区', 'XH,新华区,区县,', 'XH-JS,建设路街道,街道,新华区', 'XH-JS-MZ,马庄社区,社区,建设路街道']
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
      '代表名册.csv 第 5 行「电话」：电话号码“12345”不对，请填 11 位手机号，或带区号的座机号（如 0375-2345678）',
      '代表名册.csv 第 6 行「代表代码」：代码重复 "DP0001"（与第 2 行相同）：是同一个代表的，请把两行合成一行；是不同的代表，请给其中一个换一个代码',
      '代表名册.csv 第 6 行「层级」：“副市长”不是可选的值，请填写：全国、省、市、县区、乡镇人大代表',
      '代表名册.csv 第 6 行「关注领域」：没有“外星人”这个关注领域，可选：环境保护、交通出行、教育、法治、其他',
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

  it('skips beside a roster only a sheet with no heading row at all: one with a title above its headings is still refused', async () => {
    const stations = await sheet('联络站名册.csv', ['联络站代码,联络站名称,类型', 'ST001,东风路联络站,社区'])
    const notes = await sheet('说明.csv', ['填写说明', '1. 第一行的列名不要改'])
    const titled = await sheet('代表.csv', ['新华区人大代表名册', '代表编码,姓名,层级,所属联络站', 'DP0001,张伟,市,东风路联络站'])
    const conversion = sheetsToDirectoryFile([stations, notes, titled], empty)
    expect(conversion.skipped).to.deep.equal(['“说明.csv”不是名单，已跳过'])
    expect(judge([stations, notes, titled]).problems).to.have.length(1)
    expect(judge([stations, notes, titled]).problems[0]).to.match(/^代表\.csv 第 1 行：看不出这是哪一种名册/)
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
      'sunli,孙丽,人大办工作人员,,湛河区,R3N8-W6YC-2HDF',
    ])
    const { problems, file } = judge([deputies, staff], existing)
    expect(problems).to.deep.equal([])
    expect(file!.deputies.map((d) => [d.id, d.stationIds])).to.deep.equal([
      ['x-17', ['legacy-7']],
      ['dp0002-2', ['legacy-7']],
    ])
    expect(file!.staff.map((s) => [s.id, s.username, s.role, s.regionIds, s.activationCode])).to.deep.equal([
      ['sf01', 'lina', 'station_staff', [], undefined],
      ['sunli', 'sunli', 'organizer', ['d01'], 'R3N8-W6YC-2HDF'],
    ])
  })

  it('never lets a sheet take over the built-in admin account', async () => {
    const staff = await sheet('人员.csv', ['账号,姓名,角色,所属联络站,负责地区', 'admin,张三,人大办工作人员,,全市'])
    expect(judge([staff], { ...empty, staff: [{ id: 'admin', username: 'admin' }] }).problems).to.deep.equal([
      '人员.csv 第 2 行「账号」：编号 "admin" 是系统内置管理员，不能由名册导入，请换一个编号',
    ])
  })

  it('says when Excel turned a long number into scientific notation', async () => {
    const regions = await sheet('地区.csv', ['地区代码,地区名称,类型,上级地区', '4.10402E+11,新华区,区县,'])
    expect(judge([regions]).problems).to.deep.equal([
      '地区.csv 第 2 行「地区代码」：“4.10402E+11”是 Excel 把一长串数字改成的科学计数法，原来的数字已经丢失。请把这一列设为“文本”格式，重新填写后再保存',
    ])
  })

  it('reads the dates Excel writes back', () => {
    expect(['2026-12-01', '2026/12/1', '2026.12.01', '2026年12月1日'].map(sheetDate)).to.deep.equal(Array(4).fill('2026-12-01'))
    expect(['2026-02-30', '12/1/2026', '明天'].map(sheetDate)).to.deep.equal([null, null, null])
  })

  it('reads a duty day written without its year as the nearest such day (up to two months back), and refuses a day the calendar has not', () => {
    // Imported on 5 December 2026: 12月8日 is this December's; 12月3日, two days past, is this December's too (the month's
    // roster imported mid-month), and so is 10月6日, sixty days back; 10月5日, further back, and 1月5日 are next year's,
    // 2月29日 the next leap year's.
    const today = '2026-12-05'
    expect(['12月8日', '12月3日', '12月3号', '10月6日', '10月5日', '1/5', '2月29日', '12月5日'].map((w) => dutyDate(w, today))).to.deep.equal(
      ['2026-12-08', '2026-12-03', '2026-12-03', '2026-10-06', '2027-10-05', '2027-01-05', '2028-02-29', '2026-12-05'].map((date) => ({
        date,
        yearless: true,
      })),
    )
    expect(dutyDate('12月20日', '2027-01-05'), "December's roster imported in January is last December's").to.deep.equal({ date: '2026-12-20', yearless: true })
    expect(dutyDate('2026年12月3日', today), 'a year written is kept, even past').to.deep.equal({ date: '2026-12-03', yearless: false })
    expect(['2月30日', '2026年2月30日', '13月1日'].map((w) => dutyDate(w, today))).to.deep.equal([
      { problem: '日期“2月30日”不对：2 月没有 30 日，请核对' },
      { problem: '日期“2026年2月30日”不对：2 月没有 30 日，请核对' },
      { problem: '日期“13月1日”不对：没有 13 月，请核对' },
    ])
    expect(dutyDate('明天', today)).to.deep.equal({ problem: '日期“明天”看不懂，请写成 2026-12-01 这样' })
  })

  it('takes 值班日期 without a year, with and without a station named, and says which year it took', async () => {
    const stations = await sheet('联络站名册.csv', ['联络站代码,联络站名称,类型', 'ST001,东风路联络站,社区', 'ST002,人民路联络站,社区'])
    const deputies = await sheet('代表名册.csv', [
      '代表代码,姓名,层级,所属联络站,值班日期',
      'DP0001,张伟,市,"东风路联络站、人民路联络站","东风路联络站：12月3日、12月17日；人民路联络站：1月5日"',
      'DP0002,王芳,市,东风路联络站,"12月10日、12月24日"',
    ])
    const conversion = sheetsToDirectoryFile([stations, deputies], empty, undefined, { today: '2026-12-01' })
    expect(conversion.problems).to.deep.equal([])
    expect(conversion.file.deputies.map((d) => d.dutyByStation ?? d.dutyDates)).to.deep.equal([
      { st001: ['2026-12-03', '2026-12-17'], st002: ['2027-01-05'] },
      ['2026-12-10', '2026-12-24'],
    ])
    expect(conversion.notes).to.deep.equal([
      '值班日期没写年份的，按导入当天前后最近的那一天算（最多往前算两个月）：“12月3日”是 2026年12月3日，“12月17日”是 2026年12月17日，“1月5日”是 2027年1月5日，“12月10日”是 2026年12月10日，“12月24日”是 2026年12月24日。不对的，请写上年份重新导入',
    ])

    const wrong = await sheet('代表名册.csv', ['代表代码,姓名,层级,所属联络站,值班日期', 'DP0001,张伟,市,"东风路联络站、人民路联络站",东风路联络站：2月30日'])
    const refused = sheetsToDirectoryFile([stations, wrong], empty, undefined, { today: '2026-12-01' })
    expect(sheetProblemDetails([stations, wrong], refused, []).map((p) => `${p.path}：${p.message}`)).to.deep.equal([
      '代表名册.csv 第 2 行「值班日期」：日期“2月30日”不对：2 月没有 30 日，请核对',
    ])
  })

  it('writes each template for Excel: UTF-8 with a byte-order mark, the headings and an example row', async () => {
    const { fileName, csv } = await sheetTemplate('deputies')
    expect(fileName).to.equal('代表名册模板.csv')
    expect(csv.startsWith('\uFEFF代表代码,姓名,层级,所属联络站,关注领域,电话,值班日期\r\n')).to.equal(true)
    // The example says it is one, and its code is no office's.
    expect(templateRows('deputies')[1]).to.deep.equal([
      'SL0001',
      '张伟（示例）',
      '市人大代表',
      '东风路联络站（示例）',
      '环境保护、交通出行',
      '13800000001',
      '2026-12-01、2026-12-15',
    ])
  })

  it('refuses the templates’ example rows left in, and the example activation code in any row', async () => {
    // The clerk fills in their own rows under the example, as one does with a paper form.
    const own: Record<string, string> = {
      regions: 'HP,和平区,区县,',
      stations: 'ST101,建设街道联络站,社区,建设路1号,和平区,周三',
      deputies: 'DP0101,刘敏,市人大代表,建设街道联络站,,,',
      staff: 'wanghong,王红,联络站工作人员,建设街道联络站,,K7P2-Q9XM-4TVB,',
    }
    const sheets = await Promise.all(
      (['regions', 'stations', 'deputies', 'staff'] as const).map(async (kind) => {
        const read = await readSheetRows({ name: `${kind}.csv`, csv: (await sheetTemplate(kind)).csv + own[kind] + '\r\n' })
        return read.sheet!
      }),
    )
    expect(judge(sheets).problems).to.deep.equal([
      'regions.csv 第 2 行：第 2 行是模板里的示例，请删去这一行，或改成自己的内容',
      'stations.csv 第 2 行：第 2 行是模板里的示例，请删去这一行，或改成自己的内容',
      'deputies.csv 第 2 行：第 2 行是模板里的示例，请删去这一行，或改成自己的内容',
      'staff.csv 第 2 行：第 2 行是模板里的示例，请删去这一行，或改成自己的内容',
      'staff.csv 第 3 行「激活码」：激活码不能用模板里的示例，请另设一个',
    ])
    // A row changed from the example in one cell is the clerk's own, and judged as such.
    const changed = await sheet('工作人员名册.csv', [
      '账号,姓名,角色,所属联络站,负责地区,激活码,初始密码',
      'shili.lina,李娜（示例）,联络站工作人员,东风路联络站（示例）,,R3N8-W6YC-2HDF,',
    ])
    expect(judge([changed]).problems).to.deep.equal(['工作人员名册.csv 第 2 行「所属联络站」：没有叫“东风路联络站（示例）”的联络站'])
  })

  it('keeps what is stored for a column a sheet leaves out, and clears it for a column left blank', async () => {
    const existing: ExistingDirectory = {
      ...empty,
      regions: [
        { id: 'd01', name: '湛河区', kind: 'district', parentId: null },
        { id: 'd01-s1', name: '轻工街道', kind: 'street', parentId: 'd01' },
      ],
      stations: [{ id: 'st001', code: 'ST001', name: '东风路联络站', kind: 'community', address: '东风路12号', regionIds: ['d01-s1'], receptionDays: ['wed'] }],
      deputies: [{ id: 'dp0001', code: 'DP0001' }],
      staff: [
        { id: 'sunli', username: 'sunli' },
        { id: 'zhou', username: 'zhoumin' },
      ],
    }
    const stored: StoredDirectory = {
      deputies: [
        { id: 'dp0001', code: 'DP0001', name: '张伟', level: 'city', stationIds: ['st001'], topics: ['教育'], dutyByStation: { st001: ['2026-12-01'] } },
      ],
      staff: [
        { id: 'sunli', name: '孙丽', role: 'organizer', stationIds: [], regionIds: ['d01'], username: 'sunli', active: true },
        { id: 'zhou', name: '周敏', role: 'station_staff', stationIds: ['st001'], regionIds: [], unitIds: [], username: 'zhoumin', active: false },
      ],
      phoneOf: (id) => (id === 'dp0001' ? '13800000001' : null),
    }
    const stations = await sheet('联络站.csv', ['联络站代码,联络站名称,类型', 'ST001,东风路联络站,社区'])
    const deputies = await sheet('代表.csv', ['代表代码,姓名,层级,所属联络站', 'DP0001,张伟,省,ST001'])
    const staff = await sheet('人员.csv', ['账号,姓名,角色', 'sunli,孙丽,人大办工作人员', 'zhoumin,周敏,联络站工作人员'])
    const { problems, file } = judge([stations, deputies, staff], existing, stored)
    expect(problems).to.deep.equal([])
    expect(file!.stations[0]).to.deep.include({ address: '东风路12号', regionIds: ['d01-s1'], receptionDays: ['wed'] })
    expect(file!.deputies[0]).to.deep.include({ level: 'provincial', topics: ['教育'], phone: '13800000001', dutyByStation: { st001: ['2026-12-01'] } })
    expect(file!.staff.map((s) => [s.username, s.regionIds, s.stationIds, s.active])).to.deep.equal([
      ['sunli', ['d01'], [], true],
      ['zhoumin', [], ['st001'], false],
    ])

    // A column that is there but left blank does clear it.
    const blank = await sheet('联络站.csv', ['联络站代码,联络站名称,类型,地址,覆盖地区,接待日', 'ST001,东风路联络站,社区,,,'])
    expect(judge([blank], existing, stored).file!.stations[0]).to.deep.include({ address: '', regionIds: [], receptionDays: [] })

    // Except a deputy's 关注领域, 电话 and 值班日期: a blank cell keeps what the system has (the days the station keeps in
    // the console, his phone, his topics); 无 takes them away.
    const dutyBlank = await sheet('代表.csv', ['代表代码,姓名,层级,所属联络站,关注领域,电话,值班日期', 'DP0001,张伟,省,ST001,,,'])
    expect(judge([dutyBlank], existing, stored).file!.deputies[0]).to.deep.include({
      topics: ['教育'],
      phone: '13800000001',
      dutyByStation: { st001: ['2026-12-01'] },
    })
    const noDuty = await sheet('代表.csv', ['代表代码,姓名,层级,所属联络站,值班日期', 'DP0001,张伟,省,ST001,无', 'DP0002,李雷,省,ST001,'])
    const { problems: none, file: offDuty } = judge([noDuty], existing, stored)
    expect(none).to.deep.equal([])
    expect(offDuty!.deputies.map((d) => [d.code, d.dutyByStation])).to.deep.equal([
      ['DP0001', {}],
      ['DP0002', {}],
    ])
  })

  it('reads a deputy’s blank 电话 and 关注领域 as 值班日期: kept for one the system has, 无 clears them, a new one has none', async () => {
    const existing: ExistingDirectory = {
      ...empty,
      regions: [{ id: 'd01', name: '湛河区', kind: 'district', parentId: null }],
      stations: [{ id: 'st001', code: 'ST001', name: '东风路联络站', kind: 'community', address: '', regionIds: ['d01'], receptionDays: [] }],
      deputies: [
        { id: 'dp0001', code: 'DP0001' },
        { id: 'dp0002', code: 'DP0002' },
      ],
    }
    const stored: StoredDirectory = {
      deputies: [
        { id: 'dp0001', code: 'DP0001', name: '张伟', level: 'city', stationIds: ['st001'], topics: ['环境保护'], dutyByStation: {} },
        { id: 'dp0002', code: 'DP0002', name: '王芳', level: 'city', stationIds: ['st001'], topics: ['教育'], dutyByStation: {} },
      ],
      staff: [],
      phoneOf: (id) => ({ dp0001: '13800000001', dp0002: '13800000002' })[id] ?? null,
    }
    const deputies = await sheet('代表名册.csv', [
      '代表代码,姓名,层级,所属联络站,关注领域,电话,值班日期',
      'DP0001,张伟,市人大代表,东风路联络站,,,',
      'DP0002,王芳,市人大代表,东风路联络站,无, 无 ,',
      'DP0003,李强,市人大代表,东风路联络站,,,',
      'DP0004,赵敏,市人大代表,东风路联络站,无,无,',
    ])
    const { problems, file } = judge([deputies], existing, stored)
    expect(problems).to.deep.equal([])
    expect(file!.deputies.map((d) => [d.code, d.topics, d.phone])).to.deep.equal([
      ['DP0001', ['环境保护'], '13800000001'],
      ['DP0002', [], null],
      ['DP0003', [], null],
      ['DP0004', [], null],
    ])
    expect(keptUnlessWritten('', true)).to.deep.equal({ keep: true })
    expect(keptUnlessWritten(undefined, true), 'a column left out').to.deep.equal({ keep: true })
    expect(keptUnlessWritten('无', true)).to.deep.equal({ text: '' })
    expect(keptUnlessWritten('', false)).to.deep.equal({ text: '' })
    expect(keptUnlessWritten('13900000001', true)).to.deep.equal({ text: '13900000001' })

    // The page's instructions say so for all three alike.
    const meaning = (heading: string) => specOf('deputies').columns.find((c) => c.heading === heading)!.meaning
    expect(meaning('电话')).to.include('不填表示不改动系统里已有的电话，要删去这位代表的电话，填“无”')
    expect(meaning('关注领域')).to.include('不填表示不改动系统里已有的关注领域，要删去这位代表的关注领域，填“无”')
    expect(meaning('值班日期')).to.include('不填表示不改动系统里已有的值班日期，要取消这位代表的全部值班，填“无”')
  })

  it('takes an organizer’s blank 负责地区 for a mistake, not for the whole city: 全市 must be written', async () => {
    const existing: ExistingDirectory = { ...empty, regions: [{ id: 'd01', name: '湛河区', kind: 'district', parentId: null }] }
    const staff = await sheet('人员.csv', [
      '账号,姓名,角色,所属联络站,负责地区,激活码',
      'sunli,孙丽,人大办工作人员,,,R3N8-W6YC-2HDF',
      'wangqi,王琪,人大办工作人员,,全市,R3N8-W6YC-2HDG',
      'liuyang,刘洋,人大办工作人员,,湛河区,R3N8-W6YC-2HDH',
      'chenhui,陈辉,人大办工作人员,,"全市、湛河区",R3N8-W6YC-2HDJ',
    ])
    const { problems, check } = judge([staff], existing)
    expect(problems).to.deep.equal([
      '人员.csv 第 2 行「负责地区」：人大办工作人员请填写负责的地区；负责全市的，请填“全市”',
      '人员.csv 第 5 行「负责地区」：“全市”已包含所有地区，请只填“全市”，或只填具体的地区',
    ])
    const file = sheetsToDirectoryFile([staff], existing).file
    expect(file.staff.map((s) => s.regionIds)).to.deep.equal([[], [], ['d01'], []])
    expect(check.ok).to.equal(true, 'the refusals are the sheet’s own')
    // A new organizer from a sheet without the column at all is refused the same way.
    const without = await sheet('人员.csv', ['账号,姓名,角色', 'sunli,孙丽,人大办工作人员'])
    expect(judge([without], existing).problems).to.deep.equal(['人员.csv 第 2 行「负责地区」：人大办工作人员请填写负责的地区；负责全市的，请填“全市”'])
  })

  it('converts a roster of 20,000 stations and 20,000 deputies, each deputy finding their own station', async () => {
    const stations: string[][] = [['联络站代码', '联络站名称', '类型']]
    const deputies: string[][] = [['代表代码', '姓名', '层级', '所属联络站']]
    for (let i = 0; i < 20_000; i++) {
      stations.push([`ST${i}`, `站${i}`, '社区'])
      deputies.push([`DP${i}`, `代表${i}`, '市', `站${i}`])
    }
    const conversion = sheetsToDirectoryFile(
      [
        { name: '联络站.csv', rows: stations },
        { name: '代表.csv', rows: deputies },
      ],
      empty,
    )
    expect(conversion.problems).to.deep.equal([])
    expect(conversion.file.deputies[19_999]).to.deep.include({ code: 'DP19999', stationIds: ['st19999'] })
  })

  it('refuses a sheet of more rows than one file may have, naming the file', async () => {
    const rows = (n: number) => '代表代码,姓名,层级,所属联络站\r\n' + 'DP1,张伟,市,ST1\r\n'.repeat(n)
    expect((await readSheetRows({ name: '全省代表.csv', csv: rows(SHEET_ROW_LIMIT) })).sheet?.rows).to.have.length(SHEET_ROW_LIMIT + 1)
    expect((await readSheetRows({ name: '全省代表.csv', csv: rows(SHEET_ROW_LIMIT + 1) })).problem).to.deep.equal({
      path: '全省代表.csv',
      message: '这个文件超过了 50000 行，一个文件最多 50000 行。请按区县分成几个文件再导入',
    })
  })

  it('refuses text that was not saved as UTF-8, saying how to save it', async () => {
    const read = await readSheetRows({ name: '代表.csv', csv: '\uFFFD\uFFFD,\uFFFD' })
    expect(read.problem?.message).to.match(/^文件里有认不出的文字（乱码）/)
  })
})
