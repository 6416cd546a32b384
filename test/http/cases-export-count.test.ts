import { expect } from 'chai'
import { asAdmin, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'
import type { StaffPrincipal } from '../../src/services/accounts/principal.js'

const ADMIN: StaffPrincipal = { kind: 'staff', id: 'admin', name: '管理员', username: 'admin', role: 'admin', stationIds: [], regionIds: [], unitIds: [] }

/**
 * 李娜 downloads 导出当前列表; the admin reading 操作记录 later sees not only that she started it
 * but how many messages the sheet held — or that it stopped midway, and after how many.
 */
describe('the case list export on record with its line count', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    const resident = await asResident(app)
    for (const text of ['路灯坏了', '垃圾没人清', '路面有坑']) await resident.post('/api/mp/cases', { text, regionId: 'c010101' })
  })
  afterEach(() => app.close())

  const finished = async () =>
    (await (await asAdmin(app)).get('/api/admin/audit?action=cases.export_finished')).body.items.map(
      (e: { actionWords: string; detailWords: string }) => `${e.actionWords} | ${e.detailWords}`,
    )

  it('says how many lines the downloaded sheet held, with its filters', async () => {
    const lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    const csv = await lina.get('/api/admin/cases.csv?stationId=st001')
    expect(csv.status).to.equal(200)
    const lines = (csv.body as Buffer).toString('utf8').trim().split('\r\n')
    expect(lines).to.have.length(4) // the header and three messages
    expect(await finished()).to.deep.equal(['留言列表导出完成 | 共 3 条，筛选：联络站 轻工街道代表联络站'])
  })

  it('says a download closed midway stopped, and after how many lines', async () => {
    const { caseInbox } = app.liaison.services
    for await (const _row of await caseInbox.export(ADMIN, {})) break
    expect(await finished()).to.deep.equal(['留言列表导出中途停止 | 已导出 1 条，全部留言'])
  })
})
