import { expect } from 'chai'
import { asDeputy, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'

/** 10:00 in Shanghai on a day of 2026 (month 1–12). */
const at = (month: number, day: number, hour = 10) => new Date(Date.UTC(2026, month - 1, day, hour - 8))

/**
 * Smaller things on 周主任's screens (review 38 § 13): a reversed date range answered 共 0 条 as if there were no
 * messages; 履职档案 could only be read by 编号, without 按时答复 or 述职评议 beside the points.
 */
describe('the director’s lists: dates in order, 履职档案 ranked with 按时答复 and 述职评议', () => {
  let app: TestApp
  const login = (username: string) => new Client(app.baseUrl).login(username, STAFF_PASSWORD)
  before(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(at(11, 2))
    // 张伟 answers his message on time; 王芳 never answers hers.
    const sent = async (deputyCode: string) =>
      (await (await asResident(app)).post('/api/mp/cases', { text: '建设路社区路灯坏了', regionId: 'c010101', deputyCode })).body.id
    const his = await sent('DP0001')
    await sent('DP0002')
    expect((await (await asDeputy(app, 'dp0001')).post(`/api/mp/deputy/cases/${his}/reply`, { text: '已报修。' })).status).to.equal(200)
    const opened = await (
      await login('sunli')
    ).post('/api/admin/records/dp0001/appraisals', {
      year: 2026,
      opensAt: '2026-12-01T09:00:00+08:00',
      closesAt: '2026-12-15T18:00:00+08:00',
    })
    expect(opened.status, JSON.stringify(opened.body)).to.equal(201)
    app.clock.set(at(12, 7))
  })
  after(() => app.close())

  it('refuses a date range that ends before it starts, in words, in the list and its download', async () => {
    const sunli = await login('sunli')
    const range = `from=${encodeURIComponent('2026-12-01T00:00:00+08:00')}&to=${encodeURIComponent('2026-11-01T00:00:00+08:00')}`
    for (const path of [`/api/admin/cases?${range}`, `/api/admin/cases.csv?${range}`]) {
      const answer = await sunli.get(path)
      expect(answer.status, path).to.equal(400)
      expect(answer.body.error.code).to.equal('validation_failed')
      expect(answer.body.error.details).to.deep.equal([{ path: 'query.from', message: '开始日期不能晚于结束日期' }])
    }
  })

  it('ranks 履职档案 by 按时答复, lowest first, with the year’s 述职评议 for the office', async () => {
    const sunli = await login('sunli')
    const list = (await sunli.get('/api/admin/records?year=2026&sort=repliedInTime&limit=3')).body
    expect(
      list.items.slice(0, 2).map((r: { deputy: { name: string }; repliedInTimeShare: number | null }) => [r.deputy.name, r.repliedInTimeShare]),
    ).to.deep.equal([
      ['王芳', 0],
      ['张伟', 1],
    ])
    const zhang = list.items.find((r: { deputy: { name: string } }) => r.deputy.name === '张伟')
    expect(zhang.appraisalText).to.equal('评议中，已有 0 人参加')
    expect(list.items[0].appraisalText).to.equal('未开启')
    const byPoints = (await sunli.get('/api/admin/records?year=2026&sort=points&limit=1')).body
    expect(byPoints.items[0].deputy.name).to.equal('张伟')
    expect((await sunli.get('/api/admin/records?sort=best')).status).to.equal(400)
  })

  it('gives a station’s clerk no 述职评议 column', async () => {
    const lina = (await (await login('lina')).get('/api/admin/records?year=2026')).body
    expect(lina.items[0]).not.to.have.property('appraisalText')
  })
})
