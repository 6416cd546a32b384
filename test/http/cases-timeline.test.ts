import { expect } from 'chai'
import { asAdmin, asDeputy, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'

describe('the timeline says who did what, and ratings are history', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
  })
  afterEach(() => app.close())

  it('names who acted and in what role, from whom to whom it moved, the department, and the score', async () => {
    const resident = await asResident(app)
    const { body: c } = await resident.post('/api/mp/cases', { text: '路面塌陷', regionId: 'c010101', deputyCode: 'DP0001' })
    const lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    await lina.post(`/api/admin/cases/${c.id}/assign`, { deputyId: 'dp0002', note: '王芳代表住得近' })
    const wang = await asDeputy(app, 'dp0002')
    await wang.post(`/api/mp/deputy/cases/${c.id}/acknowledge`, {})
    await wang.post(`/api/mp/deputy/cases/${c.id}/forward`, { department: '区住建局' })
    await wang.post(`/api/mp/deputy/cases/${c.id}/reply`, { text: '住建局已修复' })
    await resident.post(`/api/mp/cases/${c.id}/rate`, { rating: 4 })

    const timeline = (await lina.get(`/api/admin/cases/${c.id}`)).body.timeline
    const step = (label: string) => timeline.find((e: { label: string }) => e.label === label)
    expect(step('改派')).to.deep.include({
      actor: { role: 'station_staff', roleLabel: '联络站工作人员', name: '李娜' },
      from: { deputy: '张伟', station: '轻工街道代表联络站', office: null },
      to: { deputy: '王芳', station: '轻工街道代表联络站', office: null },
    })
    expect(step('代表受理').actor).to.deep.equal({ role: 'deputy', roleLabel: '代表', name: '王芳' })
    expect(step('转交部门')).to.deep.include({ department: '区住建局' })
    expect(step('群众评价')).to.deep.include({ rating: 4, actor: { role: 'resident', roleLabel: '群众', name: null } })
    const mine = (await resident.get(`/api/mp/cases/${c.id}`)).body.timeline
    // Her own page says the steps in her words (resident-timeline-words.test.ts); the same facts are there.
    expect(mine.find((e: { type: string }) => e.type === 'rated').rating, 'the resident sees the score too').to.equal(4)
    expect(mine.find((e: { type: string }) => e.type === 'assigned').to).to.deep.equal({ deputy: '张伟', station: '轻工街道代表联络站', office: null })
  })

  it("tells the clerk why routing chose the deputy in the office's words, not the resident's 您", async () => {
    const resident = await asResident(app)
    const { body: c } = await resident.post('/api/mp/cases', { text: '路面塌陷', regionId: 'c010101', deputyCode: 'DP0001' })
    const lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    const routed = (await lina.get(`/api/admin/cases/${c.id}`)).body.timeline.find((e: { type: string }) => e.type === 'assigned')
    expect(routed.note).to.match(/^群众扫了张伟代表的二维码留言/)
    expect(routed.note).to.not.include('您')
    // Her own page still tells her in her words.
    const mine = (await resident.get(`/api/mp/cases/${c.id}`)).body.timeline.find((e: { type: string }) => e.type === 'assigned')
    expect(mine.note).to.include('您通过张伟代表的二维码留言')
  })

  it('keeps a 2, the reopening and a 4, and reports first-round and final satisfaction and the reopen rate', async () => {
    const resident = await asResident(app)
    const zhang = await asDeputy(app, 'dp0001')
    const write = async (text: string) => (await resident.post('/api/mp/cases', { text, regionId: 'c010101', deputyCode: 'DP0001' })).body.id as string
    const unhappy = await write('垃圾站臭味扰民')
    const content = await write('楼下噪音')
    await zhang.post(`/api/mp/deputy/cases/${unhappy}/reply`, { text: '已请环卫所每天清运并消杀。' })
    await zhang.post(`/api/mp/deputy/cases/${content}/reply`, { text: '已联系物业，晚上十点后停止施工。' })
    await resident.post(`/api/mp/cases/${unhappy}/rate`, { rating: 2, comment: '还是臭' })
    await resident.post(`/api/mp/cases/${content}/rate`, { rating: 5 })
    app.clock.advance(86_400_000)
    await resident.post(`/api/mp/cases/${unhappy}/reopen`, { reason: '问题没有解决' })
    await zhang.post(`/api/mp/deputy/cases/${unhappy}/reply`, { text: '垃圾站已搬走。' })
    const rated = await resident.post(`/api/mp/cases/${unhappy}/rate`, { rating: 4 })
    expect(rated.body).to.include({ rating: 4 })
    expect(rated.body.ratings.map((r: { rating: number; comment: string | null }) => [r.rating, r.comment])).to.deep.equal([
      [2, '还是臭'],
      [4, null],
    ])

    const { overall } = (await (await asAdmin(app)).get('/api/admin/cases/stats')).body
    expect(overall).to.include({
      rated: 2,
      reopened: 1,
      reopenRate: 0.5,
      firstRoundSatisfaction: 3.5, // 2 and 5
      finalSatisfaction: 4.5, // 4 and 5
      averageSatisfaction: 4.5,
    })
  })
})
