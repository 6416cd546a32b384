import { expect } from 'chai'
import { asAdmin, Client, startApp, type TestApp } from '../helpers/app.js'
import { smallCity, STAFF_PASSWORD } from '../fixtures.js'

const asStaff = (app: TestApp, username: string) => new Client(app.baseUrl).login(username, STAFF_PASSWORD)

describe('handling units (承办单位) and their staff', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: smallCity() })
  })
  afterEach(() => app.close())

  it('lets a unit’s staff log in and see their own unit, and nothing of the residents’ messages', async () => {
    const unit = await asStaff(app, 'chengang')
    const me = await unit.get('/api/admin/me')
    expect(me.body.staff).to.include({ username: 'chengang', role: 'unit_staff' })
    expect(me.body.staff.unitIds).to.deep.equal(['u01'])
    const units = await unit.get('/api/admin/units')
    expect(units.body.items.map((u: { name: string }) => u.name)).to.deep.equal(['市住房和城乡建设局'])
    expect(units.body.items[0]).to.include({ kindLabel: '政府职能部门', contact: '0375-1234567' })
    expect((await unit.get('/api/admin/units/u02')).status, 'another unit').to.equal(404)
    for (const path of [
      '/api/admin/cases',
      '/api/admin/stations',
      '/api/admin/deputies',
      '/api/admin/cases/dashboard',
      '/api/admin/analysis/hot-issues',
      '/api/admin/meetings',
      '/api/admin/surveys',
    ]) {
      const answer = await unit.get(path)
      expect(answer.status, path).to.equal(403)
      expect(answer.body.error.code, path).to.equal('forbidden')
    }
  })

  it('lets the office keep the list of units; others may only read it', async () => {
    const admin = await asAdmin(app)
    const created = await admin.post('/api/admin/units', { code: 'jtj', name: '市交通运输局', kind: 'department', contact: '12328' })
    expect(created.status).to.equal(201)
    expect(created.body).to.include({ code: 'JTJ', name: '市交通运输局', kindLabel: '政府职能部门', regionId: null, active: true })
    const renamed = await admin.patch(`/api/admin/units/${created.body.id}`, { name: '市交通运输局（港航）', regionId: 'd01' })
    expect(renamed.body).to.include({ name: '市交通运输局（港航）', regionId: 'd01' })

    const taken = await admin.post('/api/admin/units', { code: 'ZJJ', name: '又一个住建局', kind: 'department' })
    expect(taken.status).to.equal(409)
    const bad = await admin.post('/api/admin/units', { code: '住建', name: '', kind: 'ministry', regionId: 'nowhere' })
    expect(bad.status).to.equal(400)
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).to.include.members(['body.code', 'body.name', 'body.kind'])
    const unknownRegion = await admin.post('/api/admin/units', { code: 'X1', name: '某局', kind: 'department', regionId: 'd99' })
    expect(unknownRegion.status).to.equal(400)
    expect(unknownRegion.body.error.details).to.deep.equal([{ path: 'body.regionId', message: '这个地区已不存在，请重新选择' }])

    const organizer = await asStaff(app, 'sunli')
    expect((await organizer.get('/api/admin/units')).body.items).to.have.length(3)
    expect((await organizer.post('/api/admin/units', { code: 'X2', name: '某局', kind: 'department' })).status).to.equal(403)
    expect((await organizer.patch('/api/admin/units/u01', { name: '改名' })).status).to.equal(403)
    expect((await admin.get('/api/admin/units')).body.items.map((u: { code: string }) => u.code)).to.deep.equal(['JTJ', 'ZHQZF', 'ZJJ'])
  })

  it('gives a unit a login from the staff page, and refuses a unit login without a unit', async () => {
    const admin = await asAdmin(app)
    const noUnit = await admin.post('/api/admin/staff', { name: '郑凯', username: 'zhengkai', role: 'unit_staff' })
    expect(noUnit.status).to.equal(400)
    expect(noUnit.body.error.details).to.deep.equal([{ path: 'body.unitIds', message: '承办单位工作人员至少属于一个承办单位' }])
    const unknown = await admin.post('/api/admin/staff', { name: '郑凯', username: 'zhengkai', role: 'unit_staff', unitIds: ['u99'] })
    expect(unknown.body.error.details).to.deep.equal([{ path: 'body.unitIds[0]', message: '这个承办单位已不存在或已停用，请重新选择' }])
    const created = await admin.post('/api/admin/staff', { name: '郑凯', username: 'zhengkai', role: 'unit_staff', unitIds: ['u02'] })
    expect(created.status).to.equal(201)
    expect(created.body.staff.unitIds).to.deep.equal(['u02'])
    const zheng = await new Client(app.baseUrl).loginFirstTime('zhengkai', created.body.initialPassword)
    expect((await zheng.get('/api/admin/units')).body.items.map((u: { id: string }) => u.id)).to.deep.equal(['u02'])
    expect((await admin.get('/api/admin/staff?unitId=u02')).body.items.map((s: { username: string }) => s.username)).to.have.members(['wujing', 'zhengkai'])
  })

  it('imports units and their staff with the directory, naming every problem', async () => {
    const admin = await asAdmin(app)
    const file = {
      units: [{ id: 'u03', code: 'JYJ', name: '市教育局', kind: 'department' }],
      staff: [{ id: 'sf30', name: '冯敏', role: 'unit_staff', username: 'fengmin', unitIds: ['u03'], password: STAFF_PASSWORD }],
    }
    const report = await admin.post('/api/admin/directory/import', file)
    expect(report.status).to.equal(200)
    expect(report.body.created).to.include({ units: 1, staff: 1 })
    const feng = await new Client(app.baseUrl).loginFirstTime('fengmin', STAFF_PASSWORD)
    expect((await feng.get('/api/admin/units')).body.items.map((u: { name: string }) => u.name)).to.deep.equal(['市教育局'])

    const broken = await admin.post('/api/admin/directory/import', {
      units: [{ id: 'u04', code: 'ZJJ', name: '重复代码', kind: 'department', regionId: 'd99' }],
      staff: [
        { id: 'sf31', name: '甲', role: 'unit_staff', username: 'jia', stationIds: [] },
        { id: 'sf32', name: '乙', role: 'station_staff', username: 'yi', stationIds: ['st001'], unitIds: ['u01'] },
      ],
    })
    expect(broken.status).to.equal(422)
    expect(broken.body.error.details.map((d: { path: string }) => d.path)).to.have.members([
      'units[0].code',
      'units[0].regionId',
      'staff[0].unitIds',
      'staff[1].unitIds',
    ])
    expect((await admin.get('/api/admin/units')).body.items).to.have.length(3)
  })
})
