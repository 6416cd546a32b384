import { expect } from 'chai'
import { asAdmin, asDeputy, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'

/**
 * 王阿姨 is unhappy with 张伟's answer and asks for it to be handled again, leaving her mobile number in her
 * reason. Whoever is told, 张伟 himself, or the station's queue (its bound WeChat room reads it) because he is
 * paused or has left office, reads her words with the number masked, as the console shows them; the whole
 * number stays behind the audited 查看完整原文 (review 35, M1).
 */
describe('a reopen quotes her reason with her numbers masked, to the deputy and to the station alike', () => {
  let app: TestApp
  const REASON = '灯还是不亮，请打我电话13812345678'
  const MASKED = '灯还是不亮，请打我电话（已隐去）'

  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Shanghai
  })
  afterEach(() => app.close())

  /** Her message to 张伟, answered, rated 1. */
  const answeredAndUnhappy = async () => {
    const resident = await asResident(app)
    const sent = await resident.post('/api/mp/cases', { text: '楼道灯坏了一个月，晚上摔了一跤', regionId: 'c010101', deputyCode: 'DP0001' })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    const id = sent.body.id as string
    const zhang = await asDeputy(app, 'dp0001')
    expect((await zhang.post(`/api/mp/deputy/cases/${id}/reply`, { text: '已请物业换了楼道灯。' })).status).to.equal(200)
    expect((await resident.post(`/api/mp/cases/${id}/rate`, { rating: 1 })).status).to.equal(200)
    return { resident, id, ticket: sent.body.ticket as string }
  }
  const reopens = async (resident: Client, id: string) => {
    const done = await resident.post(`/api/mp/cases/${id}/reopen`, { reason: REASON })
    expect(done.status, JSON.stringify(done.body)).to.equal(200)
  }
  const sent = async (caseId: string, kind: string) =>
    (await app.liaison.store.outbox.search({ limit: 200, kind })).items.filter((m) => m.payload.caseId === caseId)

  it('to the station, when her deputy has paused new messages', async () => {
    const { resident, id, ticket } = await answeredAndUnhappy()
    const lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    const away = await lina.put('/api/admin/deputies/dp0001/away', { from: '2026-11-23', until: '2026-11-27', reason: 'leave', note: '住院' })
    expect(away.status, JSON.stringify(away.body)).to.equal(200)

    await reopens(resident, id)
    const queued = await sent(id, 'case.queued')
    expect(queued.map((m) => `${m.recipientKind}:${m.recipientId}`)).to.deep.equal(['station:st001'])
    expect(queued[0].payload.text).to.equal(`留言 ${ticket} 群众不满意（1 分），申请重新办理，原办理代表暂停接收留言至11月27日，请登录工作台分派：${MASKED}`)
    expect(queued[0].payload.text).not.to.include('13812345678')
  })

  it('to the station, when her deputy has left office', async () => {
    const { resident, id, ticket } = await answeredAndUnhappy()
    expect((await (await asAdmin(app)).patch('/api/admin/deputies/dp0001', { active: false })).status).to.equal(200)

    await reopens(resident, id)
    const queued = await sent(id, 'case.queued')
    expect(queued.map((m) => `${m.recipientKind}:${m.recipientId}`)).to.deep.equal(['station:st001'])
    expect(queued[0].payload.text).to.equal(`留言 ${ticket} 群众不满意（1 分），申请重新办理，原办理代表已离任，请登录工作台分派：${MASKED}`)
  })

  it('to the deputy who takes it again', async () => {
    const { resident, id } = await answeredAndUnhappy()
    await reopens(resident, id)
    const told = await sent(id, 'case.reopened')
    expect(told.map((m) => `${m.recipientKind}:${m.recipientId}`)).to.deep.equal(['deputy:dp0001'])
    expect(told[0].payload.text).to.include(`已重新交您办理：${MASKED}。`)
    expect(await sent(id, 'case.queued'), 'the station is not asked to place it').to.deep.equal([])
  })
})
