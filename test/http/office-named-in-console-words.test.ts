import { expect } from 'chai'
import { asAdmin, asDeputy, asResident, startApp, type Client, type TestApp } from '../helpers/app.js'
import { asStaff } from '../helpers/meetings.js'
import { caseCity } from '../fixtures.js'

/**
 * The office is named by its own name wherever the console speaks of it (review 36, finding 16), never a fixed
 * 区人大办 or a bare 人大常委会办公室: 孙丽 of 湛河区 reads 湛河区人大办 on the dashboard's card of messages waiting
 * at her office and under 统计分析's stations; 李娜's 上报 of a message a deputy holds tells him the office it went
 * to by name; and 孙丽's 催办 stands in the timeline as 湛河区人大常委会办公室's.
 */
describe('the office named in the console’s words: dashboard, 统计分析, 上报, timeline', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
  })
  afterEach(() => app.close())

  const heldByZhangWei = async () => {
    const sent = await (await asResident(app)).post('/api/mp/cases', { text: '小区门口的路灯坏了一个月了', regionId: 'c010101', deputyCode: 'DP0001' })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    return sent.body.id as string
  }
  const officeCard = async (who: Client) => (await who.get('/api/admin/dashboard/cases')).body.today.atOffice?.office
  const statsOffice = async (who: Client) => {
    const stats = await who.get('/api/admin/cases/stats?groupBy=station')
    expect(stats.status, JSON.stringify(stats.body)).to.equal(200)
    return stats.body.atOfficeName
  }

  it('names 湛河区人大办 on the dashboard’s card and under 统计分析, the whole city’s offices for the admin', async () => {
    expect(await officeCard(await asStaff(app, 'sunli'))).to.equal('湛河区人大办')
    expect(await officeCard(await asStaff(app, 'qianqi'))).to.equal('新华区人大办')
    expect(await officeCard(await asAdmin(app))).to.equal('各区人大办和市人大办')
    expect(await officeCard(await asStaff(app, 'lina')), 'a clerk has no such card').to.equal(undefined)

    expect(await statsOffice(await asStaff(app, 'sunli'))).to.equal('湛河区人大办')
    expect(await statsOffice(await asAdmin(app))).to.equal('各区人大办和市人大办')
    expect(await statsOffice(await asStaff(app, 'lina'))).to.equal(null)
  })

  it('tells 张伟 that 李娜 handed his message up to 湛河区人大办, by name', async () => {
    const id = await heldByZhangWei()
    // He knows of it (受理): only a deputy who heard of a message is told it left him.
    expect((await (await asDeputy(app, 'dp0001')).post(`/api/mp/deputy/cases/${id}/acknowledge`, {})).status).to.equal(200)
    const handed = await (await asStaff(app, 'lina')).post(`/api/admin/cases/${id}/hand-up`, { reason: '涉及全区规划' })
    expect(handed.status, JSON.stringify(handed.body)).to.equal(200)
    const told = (await app.liaison.store.outbox.search({ limit: 10, kind: 'case.reassigned', recipientId: 'dp0001' })).items
    const text = told.map((m) => (m.payload as { text: string }).text).join('\n')
    expect(text).to.include('上报湛河区人大办').and.not.include('区里')
  })

  it('shows 孙丽’s 催办 as 湛河区人大常委会办公室’s in the timeline', async () => {
    const id = await heldByZhangWei()
    const sunli = await asStaff(app, 'sunli')
    const urged = await sunli.post(`/api/admin/cases/${id}/urge`, { note: '群众反映多次，请尽快联系' })
    expect(urged.status, JSON.stringify(urged.body)).to.equal(200)
    const step = (urged.body.timeline as Array<{ type: string; actor: { name: string; roleLabel: string } }>).find((e) => e.type === 'urged')
    expect(step?.actor).to.include({ name: '孙丽', roleLabel: '湛河区人大常委会办公室' })
    // The clerk of the station reads the same.
    const seen = (await (await asStaff(app, 'lina')).get(`/api/admin/cases/${id}`)).body.timeline.find((e: { type: string }) => e.type === 'urged')
    expect(seen.actor.roleLabel).to.equal('湛河区人大常委会办公室')
  })
})
