import { expect } from 'chai'
import { asAdmin, asDeputy, asResident, startApp, type TestApp } from '../helpers/app.js'
import { caseCity } from '../fixtures.js'

const DAY = 86_400_000

/**
 * 超期 means one thing wherever staff read it: a message waiting on someone past its reply deadline (one
 * only late to be acknowledged is 未按时受理: overdue-is-past-the-reply-deadline.test.ts). An answer waiting only for the resident's rating is not
 * overdue, however long ago its reply was due; a message the resident reopened is, once its new
 * deadline passes. The dashboard's 已经超期, each station's 超期, the statistics' 超期在办 and the
 * inbox's 只看已超期 (overdue=true) count the same messages.
 */
describe('超期: the dashboard, the statistics and the inbox count the same messages', () => {
  let app: TestApp
  before(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
  })
  after(() => app.close())

  it('agree on messages never acknowledged, acknowledged, forwarded, reopened, answered and closed', async () => {
    const resident = await asResident(app)
    const zhang = await asDeputy(app, 'dp0001')
    const write = async (what: string) =>
      (await resident.post('/api/mp/cases', { text: `光明社区${what}，请尽快处理`, deputyCode: 'DP0001', regionId: 'c010101' })).body as {
        id: string
        ticket: string
      }
    const never = await write('路灯不亮')
    const acked = await write('垃圾清运不及时')
    const forwarded = await write('下水道堵塞')
    const reopened = await write('电梯经常停运')
    const answered = await write('楼道堆放杂物')
    const closed = await write('小区门口占道经营')
    for (const c of [acked, forwarded, reopened, answered, closed])
      expect((await zhang.post(`/api/mp/deputy/cases/${c.id}/acknowledge`, {})).status).to.equal(200)
    expect((await zhang.post(`/api/mp/deputy/cases/${forwarded.id}/forward`, { department: '区城管局' })).status).to.equal(200)
    for (const c of [reopened, answered, closed])
      expect((await zhang.post(`/api/mp/deputy/cases/${c.id}/reply`, { text: '已联系物业处理' })).status).to.equal(200)
    expect((await resident.post(`/api/mp/cases/${reopened.id}/rate`, { rating: 1 })).status).to.equal(200)
    expect((await resident.post(`/api/mp/cases/${reopened.id}/reopen`, { reason: '问题没有解决' })).status).to.equal(200)
    expect((await resident.post(`/api/mp/cases/${closed.id}/rate`, { rating: 5 })).status).to.equal(200)
    // Every deadline, the reopened one's new ones included, is long past; the answered one waits for its rating.
    app.clock.advance(40 * DAY)

    const admin = await asAdmin(app)
    const listed = async (query: string) => {
      const page = await admin.get(`/api/admin/cases?${query}&limit=100`)
      expect(page.status).to.equal(200)
      return (page.body.items as Array<{ ticket: string }>).map((c) => c.ticket).sort()
    }
    const late = [never, acked, forwarded, reopened].map((c) => c.ticket).sort()
    expect(await listed('overdue=true'), '只看已超期').to.deep.equal(late)
    expect(await listed('overdue=true&stationId=st001')).to.deep.equal(late)

    const dashboard = (await admin.get('/api/admin/dashboard/cases')).body
    expect(dashboard.today.overdue).to.deep.equal({ count: late.length, filters: { overdue: 'true', order: 'due' } })
    const station = dashboard.responsiveness.station.find((b: { key: string }) => b.key === 'st001')
    expect(station, 'the station row').to.include({ open: 5, overdue: late.length })
    expect(dashboard.responsiveness.deputy.find((b: { key: string }) => b.key === 'dp0001')).to.include({ overdue: late.length })

    const stats = (await admin.get('/api/admin/cases/stats?groupBy=station')).body
    expect(stats.overall.overdueOpen, '超期在办').to.equal(late.length)
    expect(stats.groups.find((g: { key: string }) => g.key === 'st001').stats.overdueOpen).to.equal(late.length)
  })
})
