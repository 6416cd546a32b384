import { expect } from 'chai'
import { Client, importingAdmin } from '../helpers/app.js'
import { smallCity, STAFF_PASSWORD } from '../fixtures.js'

describe('directory import over HTTP', () => {
  const story = importingAdmin()

  const summary = async () => (await story.admin.get('/api/admin/directory/summary')).body

  it('imports a directory file and reports what it created', async () => {
    const answer = await story.admin.post('/api/admin/directory/import', smallCity())
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200)
    expect(answer.body.created).to.deep.equal({ regions: 8, stations: 3, units: 2, deputies: 5, staff: 5 })
    // 新华区 has no communities, and 马庄社区 and 建设路社区 are covered: nothing to warn about.
    expect(answer.body.warnings).to.deep.equal([])
    expect(await summary()).to.deep.equal({ regions: 8, stations: 3, units: 2, deputies: 5, staff: 6 })
    await new Client(story.app.baseUrl).login('lina', STAFF_PASSWORD)
  })

  it('updates in place on re-import, so a nightly sync works, and leaves unchanged records alone', async () => {
    await story.admin.post('/api/admin/directory/import', smallCity())
    const city = smallCity()
    city.deputies[0].name = '张伟（已更新）'
    city.deputies[0].stationIds = ['st002']
    city.deputies[0].dutyByStation = { st002: ['2026-11-25'] } // his days go with him
    city.stations[1].receptionDays = ['tue', 'sat']
    const answer = await story.admin.post('/api/admin/directory/import', city)
    expect(answer.body.created).to.deep.equal({ regions: 0, stations: 0, units: 0, deputies: 0, staff: 0 })
    expect(answer.body.updated).to.deep.equal({ regions: 0, stations: 1, units: 0, deputies: 1, staff: 0 })
    expect(answer.body.unchanged).to.deep.equal({ regions: 8, stations: 2, units: 2, deputies: 4, staff: 5 })
    const deputy = (await story.admin.get('/api/admin/deputies/dp0001')).body
    expect(deputy).to.deep.include({ name: '张伟（已更新）', stationIds: ['st002'], phoneMasked: '138****0001' })
  })

  it('never lets a re-import overwrite a password the person has since been given', async () => {
    await story.admin.post('/api/admin/directory/import', smallCity())
    const reset = await story.admin.post('/api/admin/staff/sf01/password-reset')
    const city = smallCity()
    city.staff[0].password = 'imported-again-123'
    await story.admin.post('/api/admin/directory/import', city)
    await new Client(story.app.baseUrl).login('lina', reset.body.password)
  })

  it('rejects a file with problems as a whole, listing every problem with its place', async () => {
    const city = smallCity()
    city.deputies[3].stationIds = ['st999']
    city.deputies[4].id = 'dp0001'
    city.stations[2].code = 'st001'
    city.deputies[1].phone = '12345'
    city.deputies[0].topics = ['外星人']
    city.regions.push({ id: 'x1', name: '甲', kind: 'street', parentId: 'x2' }, { id: 'x2', name: '乙', kind: 'street', parentId: 'x1' })
    city.staff[1].stationIds = ['st404']
    const answer = await story.admin.post('/api/admin/directory/import', city)
    expect(answer.status).to.equal(422)
    expect(answer.body.error.code).to.equal('import_rejected')
    const problems = answer.body.error.details.map((d: any) => `${d.path}: ${d.message}`)
    expect(problems).to.include.members([
      'deputies[3].stationIds[0]: 没有叫“st999”的联络站',
      'deputies[4].id: 编号重复 "dp0001"（与 deputies[0] 相同）',
      'stations[2].code: 代码重复 "ST001"（与 stations[0] 相同）',
      'staff[1].stationIds[0]: 没有叫“st404”的联络站',
    ])
    expect(problems.find((p: string) => p.startsWith('deputies[1].phone'))).to.equal(
      'deputies[1].phone: 电话号码“12345”不对，请填 11 位手机号，或带区号的座机号（如 0375-2345678）',
    )
    expect(problems.find((p: string) => p.startsWith('deputies[0].topics[0]'))).to.include('没有“外星人”这个关注领域')
    expect(problems.find((p: string) => p.startsWith('regions[8].parentId'))).to.include('区域树有环')
    expect(await summary()).to.deep.equal({ regions: 0, stations: 0, units: 0, deputies: 0, staff: 1 })
  })

  it('reports a shape problem at its place: a wrong kind, a missing field, an unknown field', async () => {
    const city = smallCity() as any
    city.regions[1].kind = 'province'
    delete city.deputies[2].level
    city.staff[0].isAdmin = true
    const answer = await story.admin.post('/api/admin/directory/import', city)
    expect(answer.status).to.equal(422)
    const paths = answer.body.error.details.map((d: any) => d.path)
    expect(paths).to.include.members(['regions[1].kind', 'deputies[2].level', 'staff[0].isAdmin'])
    expect(await summary()).to.include({ regions: 0 })
  })

  it('refuses a code that another record in the store already uses', async () => {
    await story.admin.post('/api/admin/directory/import', smallCity())
    const answer = await story.admin.post('/api/admin/directory/import', {
      deputies: [{ id: 'dp0100', code: 'DP0001', name: '新代表', level: 'city', stationIds: ['st001'], topics: [], dutyDates: [] }],
    })
    expect(answer.status).to.equal(422)
    expect(answer.body.error.details).to.deep.equal([{ path: 'deputies[0].code', message: '"DP0001" 已被代表“张伟”使用' }])
  })

  it('takes duty dates per station: plain dates for a deputy of one station, dutyByStation for several, plain dates for several at each with a warning', async () => {
    // Before the days it arranges: a day gone by stays as recorded, whatever a file says.
    story.app.clock.set(new Date('2026-11-23T02:00:00Z'))
    await story.admin.post('/api/admin/directory/import', smallCity())
    const liQiang = { id: 'dp0003', code: 'DP0003', name: '李强', level: 'national', stationIds: ['st002', 'st001'] }
    const zhaoMin = { id: 'dp0004', code: 'DP0004', name: '赵敏', level: 'township', stationIds: ['st002'] }
    // A file from before duty was per station still imports (a nightly sync goes on): each of his
    // stations keeps the days, and the answer asks for dutyByStation.
    const shared = await story.admin.post('/api/admin/directory/import', { deputies: [{ ...liQiang, dutyDates: ['2026-12-01'] }] })
    expect(shared.status, JSON.stringify(shared.body)).to.equal(200)
    expect(shared.body.warnings).to.include(
      '1 位代表属于多个联络站，值班日期只给了一份（dutyDates），已记为每个所属联络站都值班：李强(DP0003)。请改用 dutyByStation 按联络站填写，例如 {"st001": ["2026-12-01"]}',
    )
    expect((await story.admin.get('/api/admin/deputies/dp0003')).body.dutyByStation).to.deep.equal({ st002: ['2026-12-01'], st001: ['2026-12-01'] })
    const both = await story.admin.post('/api/admin/directory/import', {
      deputies: [{ ...liQiang, dutyDates: ['2026-12-01'], dutyByStation: { st002: ['2026-12-01'] } }],
    })
    expect(both.status).to.equal(422)
    const notHis = await story.admin.post('/api/admin/directory/import', { deputies: [{ ...liQiang, dutyByStation: { st003: ['2026-12-01'] } }] })
    expect(notHis.body.error.details).to.deep.equal([
      { path: 'deputies[0].dutyByStation.st003', message: '联络站 "st003" 不在该代表的所属联络站（stationIds）中' },
    ])

    const ok = await story.admin.post('/api/admin/directory/import', {
      deputies: [
        { ...liQiang, dutyByStation: { st002: ['2026-12-01'], st001: ['2026-12-02'] } },
        { ...zhaoMin, dutyDates: ['2026-12-08'] },
      ],
    })
    expect(ok.status, JSON.stringify(ok.body)).to.equal(200)
    expect((await story.admin.get('/api/admin/deputies/dp0003')).body.dutyByStation).to.deep.equal({ st002: ['2026-12-01'], st001: ['2026-12-02'] })
    expect((await story.admin.get('/api/admin/deputies/dp0004')).body.dutyByStation).to.deep.equal({ st002: ['2026-12-08'] })
  })

  it('never lets a roster row named "admin" take over the built-in story.admin, who keeps working and starting', async () => {
    await story.admin.post('/api/admin/directory/import', smallCity())
    const answer = await story.admin.post('/api/admin/directory/import', {
      staff: [{ id: 'admin', name: '张三', role: 'station_staff', stationIds: ['st001'], username: 'zhangsan', password: 'newpassword123' }],
    })
    expect(answer.status).to.equal(422)
    expect(answer.body.error.details).to.deep.equal([{ path: 'staff[0].id', message: '编号 "admin" 是系统内置管理员，不能由名册导入，请换一个编号' }])
    const builtIn = await story.app.liaison.store.staff.get('admin')
    expect(builtIn).to.include({ username: 'admin', role: 'admin', active: true })
    expect((await story.admin.get('/api/admin/staff?limit=5')).status, 'the story.admin who tried still is one').to.equal(200)
  })

  it('accepts a partial file that refers to stations already in the store', async () => {
    await story.admin.post('/api/admin/directory/import', smallCity())
    const answer = await story.admin.post('/api/admin/directory/import', {
      deputies: [
        {
          id: 'dp0100',
          code: 'DP0100',
          name: '新代表',
          level: 'county',
          stationIds: ['st002'],
          topics: ['法治'],
          phone: '０３７５－１２３４５６７',
          dutyDates: [],
        },
      ],
    })
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200)
    expect((await story.admin.get('/api/admin/deputies/dp0100')).body.phoneMasked).to.equal('037****4567')
  })

  it('refuses a 50 MB file with 413 and changes nothing', async () => {
    const padding = 'x'.repeat(50 * 1024 * 1024)
    const answer = await story.admin.request('POST', '/api/admin/directory/import', `{"regions":[],"padding":"${padding}"}`)
    expect(answer.status).to.equal(413)
    expect(answer.body.error.code).to.equal('payload_too_large')
    expect(await summary()).to.include({ regions: 0, deputies: 0 })
  })

  it('refuses malformed JSON and a non-object body', async () => {
    expect((await story.admin.request('POST', '/api/admin/directory/import', '{"regions": [')).status).to.equal(400)
    const list = await story.admin.post('/api/admin/directory/import', [1, 2])
    expect(list.status).to.equal(422)
  })
})
