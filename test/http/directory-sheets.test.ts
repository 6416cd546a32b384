import { expect } from 'chai'
import { Client, importingAdmin } from '../helpers/app.js'
import { SHEET_ROW_LIMIT } from '../../src/services/directory/directory-sheets.js'
import { deputySheet, excel, regionSheet, staffSheet, stationSheet } from '../helpers/sheets.js'

const regions = regionSheet('XH,新华区,区县,', 'XH-JS,建设路街道,街道乡镇,新华区', 'XH-JS-MZ,马庄社区,社区,建设路街道')
const stations = stationSheet('ST001,东风路联络站,社区,东风路12号,建设路街道,周三')
const deputies = deputySheet('DP0001,张伟,市人大代表,东风路联络站,"环境保护、交通出行",13800000001,2026/12/1', 'DP0002,王芳,县区人大代表,东风路联络站,,,')
const staff = staffSheet('lina,李娜,联络站工作人员,东风路联络站,,R3N8-W6YC-2HDF,')

describe('directory import of roster sheets (CSV from Excel) over HTTP', () => {
  const story = importingAdmin()

  it('hands out each template as a CSV that Excel opens in Chinese, and says what its columns mean', async () => {
    const template = await story.admin.get('/api/admin/directory/templates/deputies')
    expect(template.status).to.equal(200)
    expect(template.headers.get('content-type')).to.equal('text/csv; charset=utf-8')
    expect(template.headers.get('content-disposition')).to.include(`filename*=UTF-8''${encodeURIComponent('代表名册模板.csv')}`)
    const bytes = template.body as Buffer
    expect([...bytes.subarray(0, 3)], 'UTF-8 byte-order mark').to.deep.equal([0xef, 0xbb, 0xbf])
    expect(bytes.toString('utf8').split('\r\n').slice(0, 2)).to.deep.equal([
      '\uFEFF代表代码,姓名,层级,所属联络站,关注领域,电话,值班日期',
      'SL0001,张伟（示例）,市人大代表,东风路联络站（示例）,环境保护、交通出行,13800000001,2026-12-01、2026-12-15',
    ])
    const specs = (await story.admin.get('/api/admin/directory/templates')).body.items
    expect(specs.map((s: { title: string }) => s.title)).to.deep.equal(['地区名册', '联络站名册', '代表名册', '工作人员名册'])
    expect(specs[2].columns[3]).to.include({ heading: '所属联络站', required: true })
  })

  it('keeps the duty days stations keep in the console when the office imports its list again with 值班日期 blank; 无 takes a deputy off duty', async () => {
    expect((await story.admin.post('/api/admin/directory/import', { sheets: [regions, stations, deputies] })).status).to.equal(200)
    // The station's staff keep 王芳's reception days on the console's roster.
    expect((await story.admin.patch('/api/admin/deputies/dp0002', { dutyDates: ['2026-12-08', '2026-12-22'], seenDutyDates: [] })).status).to.equal(200)
    const dutyOf = async (id: string) => (await story.admin.get(`/api/admin/deputies/${id}`)).body.dutyByStation

    // The office sends its list again for a new phone number, the 值班日期 column left blank as it keeps no duty days.
    const again = deputySheet('DP0001,张伟,市人大代表,东风路联络站,"环境保护、交通出行",13900000001,', 'DP0002,王芳,县区人大代表,东风路联络站,,,')
    const kept = await story.admin.post('/api/admin/directory/import', { sheets: [again] })
    expect(kept.status, JSON.stringify(kept.body)).to.equal(200)
    expect(kept.body.updated.deputies, 'the phone changed').to.equal(1)
    expect(kept.body.unchanged.deputies, '王芳: nothing written, nothing changed').to.equal(1)
    expect(await dutyOf('dp0001')).to.deep.equal({ st001: ['2026-12-01'] })
    expect(await dutyOf('dp0002')).to.deep.equal({ st001: ['2026-12-08', '2026-12-22'] })

    // 无 written in the cell is how a sheet takes a deputy off duty.
    const offDuty = excel('代表名册.csv', ['代表代码,姓名,层级,所属联络站,值班日期', 'DP0002,王芳,县区人大代表,东风路联络站,无'])
    expect((await story.admin.post('/api/admin/directory/import', { sheets: [offDuty] })).status).to.equal(200)
    expect(await dutyOf('dp0002')).to.deep.equal({})
    expect(await dutyOf('dp0001'), 'a deputy not in the sheet keeps his days').to.deep.equal({ st001: ['2026-12-01'] })

    // The page's instructions say so.
    const specs = (await story.admin.get('/api/admin/directory/templates')).body.items
    const duty = specs[2].columns.find((c: { heading: string }) => c.heading === '值班日期')
    expect(duty.meaning).to.include('不填表示不改动系统里已有的值班日期，要取消这位代表的全部值班，填“无”')
  })

  it('changes only the station a 值班日期 cell names: the days at his other station stay; 东风路联络站：无 takes him off duty there only', async () => {
    // Before the days it arranges: a day gone by stays as recorded, whatever a sheet says.
    story.app.clock.set(new Date('2026-11-23T02:00:00Z'))
    const twoStations = stationSheet('ST001,东风路联络站,社区,东风路12号,建设路街道,周三', 'ST002,人民路联络站,社区,人民路8号,马庄社区,周六')
    const liQiang = (duty: string) =>
      excel('代表名册.csv', ['代表代码,姓名,层级,所属联络站,值班日期', `DP0003,李强,市人大代表,"东风路联络站、人民路联络站",${duty}`])
    const first = await story.admin.post('/api/admin/directory/import', {
      sheets: [regions, twoStations, liQiang('"东风路联络站：2026-12-01；人民路联络站：2026-12-08、2026-12-22"')],
    })
    expect(first.status, JSON.stringify(first.body)).to.equal(200)
    const dutyOf = async () => (await story.admin.get('/api/admin/deputies/dp0003')).body.dutyByStation

    // The clerk of 东风路 moves his day there; 人民路's roster is not hers to touch.
    const moved = await story.admin.post('/api/admin/directory/import', { sheets: [liQiang('东风路联络站：2026-12-03')] })
    expect(moved.status, JSON.stringify(moved.body)).to.equal(200)
    expect(await dutyOf()).to.deep.equal({ st001: ['2026-12-03'], st002: ['2026-12-08', '2026-12-22'] })

    // 无 after a station's name: off duty at that station, still on duty at the other.
    expect((await story.admin.post('/api/admin/directory/import', { sheets: [liQiang('东风路联络站：无')] })).status).to.equal(200)
    expect(await dutyOf()).to.deep.equal({ st002: ['2026-12-08', '2026-12-22'] })

    // A station's name with nothing after it does not say keep or clear: it is asked, and nothing changes.
    const unsaid = await story.admin.post('/api/admin/directory/import', { sheets: [liQiang('人民路联络站：')] })
    expect(unsaid.status).to.equal(422)
    expect(unsaid.body.error.details).to.deep.equal([
      {
        path: '代表名册.csv 第 2 行「值班日期」',
        message: '“人民路联络站：”后面没有写日期。要取消在这个联络站的值班，请写“人民路联络站：无”；不改动的，请删去这一段',
      },
    ])
    expect(await dutyOf()).to.deep.equal({ st002: ['2026-12-08', '2026-12-22'] })

    // A bare 无 still takes him off duty everywhere.
    expect((await story.admin.post('/api/admin/directory/import', { sheets: [liQiang('无')] })).status).to.equal(200)
    expect(await dutyOf()).to.deep.equal({})

    const specs = (await story.admin.get('/api/admin/directory/templates')).body.items
    const duty = specs[2].columns.find((c: { heading: string }) => c.heading === '值班日期')
    expect(duty.meaning).to.include('只改动写到的联络站，没写到的联络站不变')
    expect(duty.meaning).to.include('只取消在一个联络站的值班，填“东风路联络站：无”')
  })

  it('reads 值班日期 without a year as the nearest such day (a few days past is this year’s), with or without the station named, and refuses 2月30日', async () => {
    story.app.clock.set(new Date('2026-12-05T02:00:00Z')) // Saturday 5 December, 10:00 in Asia/Shanghai
    const twoStations = stationSheet('ST001,东风路联络站,社区,东风路12号,建设路街道,周三', 'ST002,人民路联络站,社区,人民路8号,马庄社区,周六')
    const roster = (zhang: string, liQiang: string) =>
      excel('代表名册.csv', [
        '代表代码,姓名,层级,所属联络站,值班日期',
        `DP0001,张伟,市人大代表,东风路联络站,${zhang}`,
        `DP0003,李强,市人大代表,"东风路联络站、人民路联络站",${liQiang}`,
      ])
    const answer = await story.admin.post('/api/admin/directory/import', {
      sheets: [regions, twoStations, roster('"12月9日、1月6日"', '"东风路联络站：12月3日；人民路联络站：12月12日"')],
    })
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200)
    expect((await story.admin.get('/api/admin/deputies/dp0001')).body.dutyByStation).to.deep.equal({ st001: ['2026-12-09', '2027-01-06'] })
    // 12月3日 passed two days ago: this month's roster imported mid-month, so this year's, not a year ahead.
    expect((await story.admin.get('/api/admin/deputies/dp0003')).body.dutyByStation).to.deep.equal({ st001: ['2026-12-03'], st002: ['2026-12-12'] })
    expect(answer.body.warnings).to.include(
      '值班日期没写年份的，按导入当天前后最近的那一天算（最多往前算两个月）：“12月9日”是 2026年12月9日，“1月6日”是 2027年1月6日，“12月3日”是 2026年12月3日，“12月12日”是 2026年12月12日。不对的，请写上年份重新导入',
    )

    const wrong = await story.admin.post('/api/admin/directory/import', { sheets: [roster('2月30日', '东风路联络站：2月30日')] })
    expect(wrong.status).to.equal(422)
    expect(wrong.body.error.details).to.deep.equal([
      { path: '代表名册.csv 第 2 行「值班日期」', message: '日期“2月30日”不对：2 月没有 30 日，请核对' },
      { path: '代表名册.csv 第 3 行「值班日期」', message: '日期“2月30日”不对：2 月没有 30 日，请核对' },
    ])
    expect((await story.admin.get('/api/admin/deputies/dp0001')).body.dutyByStation, 'nothing changed').to.deep.equal({ st001: ['2026-12-09', '2027-01-06'] })
  })

  it('takes a 值班日期 cell of only invisible characters for blank, and names invisible characters in a refusal', async () => {
    expect((await story.admin.post('/api/admin/directory/import', { sheets: [regions, stations, deputies] })).status).to.equal(200)
    // Copied from a web page: a zero-width space, nothing else. Blank keeps the days.
    const invisible = excel('代表名册.csv', ['代表代码,姓名,层级,所属联络站,值班日期', 'DP0001,张伟,市人大代表,东风路联络站,\u200B'])
    const kept = await story.admin.post('/api/admin/directory/import', { sheets: [invisible] })
    expect(kept.status, JSON.stringify(kept.body)).to.equal(200)
    expect((await story.admin.get('/api/admin/deputies/dp0001')).body.dutyByStation).to.deep.equal({ st001: ['2026-12-01'] })

    // One inside a date: the refusal shows where it is instead of quoting what looks like a good date.
    const inside = excel('代表名册.csv', ['代表代码,姓名,层级,所属联络站,值班日期', 'DP0001,张伟,市人大代表,东风路联络站,2026-12-0\u200B5'])
    const refused = await story.admin.post('/api/admin/directory/import', { sheets: [inside] })
    expect(refused.status).to.equal(422)
    expect(refused.body.error.details).to.deep.equal([
      { path: '代表名册.csv 第 2 行「值班日期」', message: '日期“2026-12-0〔看不见的字符〕5”看不懂，请写成 2026-12-01 这样' },
    ])
  })

  it('leaves out a workbook’s page that is no roster (说明) and says so, but refuses when no sheet is a roster', async () => {
    const guide = {
      name: '名册.xlsx（说明）',
      sheet: '说明',
      csv: '填写说明\r\n1. 第一行的列名不要改\r\n2. 值班日期写成 2026-12-01 这样\r\n',
    }
    const roster = { ...deputies, name: '名册.xlsx（代表名册）', sheet: '代表名册' }
    await story.admin.post('/api/admin/directory/import', { sheets: [regions, stations] })
    const answer = await story.admin.post('/api/admin/directory/import', { sheets: [guide, roster] })
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200)
    expect(answer.body.created.deputies).to.equal(2)
    expect(answer.body.warnings[0]).to.equal('“说明”页不是名单，已跳过')

    const onlyGuide = await story.admin.post('/api/admin/directory/import', { sheets: [guide] })
    expect(onlyGuide.status).to.equal(422)
    expect(onlyGuide.body.error.details).to.have.length(1)
    expect(onlyGuide.body.error.details[0].path).to.equal('名册.xlsx（说明） 第 1 行')
    expect(onlyGuide.body.error.details[0].message).to.match(/^看不出这是哪一种名册/)
  })

  it('imports the sheets, and the deputies read back with their stations, phones and duty days', async () => {
    const answer = await story.admin.post('/api/admin/directory/import', { sheets: [deputies, stations, regions, staff] })
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200)
    expect(answer.body.created).to.deep.equal({ regions: 3, stations: 1, units: 0, deputies: 2, staff: 1 })

    const found = (await story.admin.get('/api/admin/deputies?q=张伟')).body.items
    expect(found).to.have.length(1)
    expect(found[0]).to.deep.include({
      code: 'DP0001',
      name: '张伟',
      level: 'city',
      stationIds: ['st001'],
      topics: ['环境保护', '交通出行'],
      phoneMasked: '138****0001',
    })
    expect((await story.admin.get(`/api/admin/deputies/${found[0].id}`)).body.dutyByStation).to.deep.equal({ st001: ['2026-12-01'] })
    expect((await story.admin.get('/api/admin/stations/st001')).body).to.deep.include({ name: '东风路联络站', regionIds: ['XH-JS'], receptionDays: ['wed'] })

    // The activation code of the sheet works as a file's does: she sets her own password with it.
    const lina = new Client(story.app.baseUrl)
    const activated = await lina.post('/api/admin/activate', { username: 'lina', activationCode: 'R3N8-W6YC-2HDF', newPassword: 'lina-own-password-1' })
    expect(activated.status, JSON.stringify(activated.body)).to.equal(200)
  })

  it('updates in place when the sheet comes again, and names the deputies a new sheet leaves out', async () => {
    await story.admin.post('/api/admin/directory/import', { sheets: [regions, stations, deputies] })
    const again = await story.admin.post('/api/admin/directory/import', { sheets: [regions, stations, deputies] })
    expect(again.body.unchanged).to.deep.include({ regions: 3, stations: 1, deputies: 2 })
    const onlyZhang = excel('代表名册.csv', ['代表代码,姓名,层级,所属联络站', 'DP0001,张伟,省人大代表,ST001'])
    const answer = await story.admin.post('/api/admin/directory/import', { sheets: [onlyZhang] })
    expect(answer.body.updated).to.deep.include({ deputies: 1 })
    expect(answer.body.notInFile.deputies).to.deep.equal({ count: 1, items: [{ id: 'dp0002', code: 'DP0002', name: '王芳' }] })
    expect((await story.admin.get('/api/admin/deputies/dp0001')).body.level).to.equal('provincial')
  })

  it('refuses a sheet with a mistake as a whole, naming the row as Excel numbers it and the column', async () => {
    const mistaken = deputySheet('DP0001,张伟,市人大代表,东风路联络站,,,', ',,,,,,', 'DP0003,赵敏,市人大代表,东方红联络站,,,')
    const answer = await story.admin.post('/api/admin/directory/import', { sheets: [regions, stations, mistaken] })
    expect(answer.status).to.equal(422)
    expect(answer.body.error).to.deep.include({ code: 'import_rejected', message: '导入文件有 1 处问题，未导入任何数据' })
    expect(answer.body.error.details).to.deep.equal([{ path: '代表名册.csv 第 4 行「所属联络站」', message: '没有叫“东方红联络站”的联络站' }])
    expect((await story.admin.get('/api/admin/directory/summary')).body).to.include({ regions: 0, stations: 0, deputies: 0 })
  })

  it('lets only an story.admin import sheets or take the templates', async () => {
    await story.admin.post('/api/admin/directory/import', { sheets: [regions, stations, staff] })
    const lina = new Client(story.app.baseUrl)
    await lina.post('/api/admin/activate', { username: 'lina', activationCode: 'R3N8-W6YC-2HDF', newPassword: 'lina-own-password-1' })
    expect((await lina.post('/api/admin/directory/import', { sheets: [deputies] })).status).to.equal(403)
    expect((await lina.get('/api/admin/directory/templates/deputies')).status).to.equal(403)
  })

  it('refuses the templates filled in below their example rows, so the example account never exists', async () => {
    const template = async (kind: string) => ((await story.admin.get(`/api/admin/directory/templates/${kind}`)).body as Buffer).toString('utf8')
    const filled = [
      { name: '地区名册.csv', csv: (await template('regions')) + 'HP,和平区,区县,\r\n' },
      { name: '联络站名册.csv', csv: (await template('stations')) + 'ST101,建设街道联络站,社区,建设路1号,和平区,周三\r\n' },
      { name: '工作人员名册.csv', csv: (await template('staff')) + 'wanghong,王红,联络站工作人员,建设街道联络站,,K7P2-Q9XM-4TVB,\r\n' },
    ]
    const answer = await story.admin.post('/api/admin/directory/import', { sheets: filled })
    expect(answer.status).to.equal(422)
    expect(answer.body.error.details).to.deep.equal([
      { path: '地区名册.csv 第 2 行', message: '第 2 行是模板里的示例，请删去这一行，或改成自己的内容' },
      { path: '联络站名册.csv 第 2 行', message: '第 2 行是模板里的示例，请删去这一行，或改成自己的内容' },
      { path: '工作人员名册.csv 第 2 行', message: '第 2 行是模板里的示例，请删去这一行，或改成自己的内容' },
      { path: '工作人员名册.csv 第 3 行「激活码」', message: '激活码不能用模板里的示例，请另设一个' },
    ])
    // Whoever has seen the template cannot make a console session with its account and code.
    const stranger = new Client(story.app.baseUrl)
    for (const username of ['shili.lina', 'wanghong']) {
      const activated = await stranger.post('/api/admin/activate', { username, activationCode: 'K7P2-Q9XM-4TVB', newPassword: 'stranger-pass-2026' })
      expect(activated.status, username).to.not.equal(200)
    }
    expect((await story.admin.get('/api/admin/directory/summary')).body).to.include({ regions: 0, stations: 0 })
  })

  it('keeps what is stored for the columns a sheet leaves out: phones, topics, duty days, covered places, an organizer’s regions', async () => {
    const organizer = excel('工作人员名册.csv', ['账号,姓名,角色,所属联络站,负责地区,激活码', 'sunli,孙丽,人大办工作人员,,建设路街道,R3N8-W6YC-2HDG'])
    expect((await story.admin.post('/api/admin/directory/import', { sheets: [regions, stations, deputies, organizer] })).status).to.equal(200)

    // Sheets from another system, or with columns the clerk deleted.
    const answer = await story.admin.post('/api/admin/directory/import', {
      sheets: [
        excel('联络站.csv', ['联络站代码,联络站名称,类型', 'ST001,东风路联络站,社区']),
        excel('代表.csv', ['代表代码,姓名,层级,所属联络站', 'DP0001,张伟,省人大代表,ST001', 'DP0002,王芳,县区人大代表,ST001']),
        excel('人员.csv', ['账号,姓名,角色', 'sunli,孙丽,人大办工作人员']),
      ],
    })
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200)
    const zhang = (await story.admin.get('/api/admin/deputies/dp0001')).body
    expect(zhang).to.deep.include({
      level: 'provincial',
      phoneMasked: '138****0001',
      topics: ['环境保护', '交通出行'],
      dutyByStation: { st001: ['2026-12-01'] },
    })
    expect((await story.admin.get('/api/admin/stations/st001')).body).to.deep.include({ address: '东风路12号', regionIds: ['XH-JS'], receptionDays: ['wed'] })
    const sunli = (await story.app.liaison.store.directory.snapshot()).staff.find((s) => s.username === 'sunli')
    expect(sunli?.regionIds, 'still the organizer of her street, not of the whole city').to.deep.equal(['XH-JS'])

    // A new organizer whose 负责地区 is blank is refused: the whole city must be written out.
    const blank = excel('人员.csv', ['账号,姓名,角色,所属联络站,负责地区', 'wangqi,王琪,人大办工作人员,,'])
    const refused = await story.admin.post('/api/admin/directory/import', { sheets: [blank] })
    expect(refused.status).to.equal(422)
    expect(refused.body.error.details).to.deep.equal([
      { path: '人员.csv 第 2 行「负责地区」', message: '人大办工作人员请填写负责的地区；负责全市的，请填“全市”' },
    ])
  })

  it('lists the first 200 problems of a sheet full of mistakes, saying how many there are', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => `DP${1000 + i},代表${i},市人大代表,没有这个站,,,`)
    const answer = await story.admin.post('/api/admin/directory/import', {
      sheets: [deputySheet(...rows)],
    })
    expect(answer.status).to.equal(422)
    expect(answer.body.error).to.deep.include({ code: 'import_rejected', message: '导入文件有问题，未导入任何数据：共 300 处问题，下面列出前 200 处' })
    expect(answer.body.error.details).to.have.length(201)
    expect(answer.body.error.details[0]).to.deep.equal({ path: '代表名册.csv 第 2 行「所属联络站」', message: '没有叫“没有这个站”的联络站' })
    // The 100 not listed, in one line for their column.
    expect(answer.body.error.details[200]).to.deep.equal({
      path: '代表名册.csv「所属联络站」',
      message: '第 202 行到第 301 行，这一列还有 100 处问题没有一一列出，请检查这些行的这一列，一并改正',
    })
  })

  it('refuses a sheet longer than one file may be, naming the file', async () => {
    const long = excel('全省代表名册.csv', ['代表代码,姓名,层级,所属联络站', ...Array<string>(SHEET_ROW_LIMIT + 1).fill('DP1,张伟,市,ST1')])
    const answer = await story.admin.post('/api/admin/directory/import', { sheets: [long] })
    expect(answer.status).to.equal(422)
    expect(answer.body.error.details).to.deep.equal([
      { path: '全省代表名册.csv', message: '这个文件超过了 50000 行，一个文件最多 50000 行。请按区县分成几个文件再导入' },
    ])
  })
})
