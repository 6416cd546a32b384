import { expect } from 'chai'
import { SLA_JOB } from '../../src/jobs/sla-job.js'
import { asDeputy, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'

const HOUR = 3_600_000

/**
 * 李娜 keeps 轻工街道代表联络站 (st001) for a week, as review 35's clerk did: a resident unhappy twice over, deputies
 * on leave, a number read out on the phone that belongs to another station, and a late message reported up.
 * Each answer says what is true: the dashboard counts what the 群众不满意 filter lists, a paused deputy is marked
 * on his duty days and is not handed a reopen, a number of another station's message is said to be another's,
 * and each 超期督办 says whom it went to.
 */
describe("a station clerk's week: unhappy residents, deputies on leave, numbers and reports", () => {
  let app: TestApp
  let lina: Client
  let zhang: Awaited<ReturnType<typeof asDeputy>>
  const LEAVE = { from: '2026-11-23', until: '2026-11-27', reason: 'leave', note: '住院' }

  beforeEach(async () => {
    const city = caseCity()
    const duty = (id: string, dutyByStation: Record<string, string[]>) => (city.deputies.find((d) => d.id === id)!.dutyByStation = dutyByStation)
    duty('dp0001', { st001: ['2026-11-24', '2026-12-01'] }) // 张伟: tomorrow, and next Tuesday after his leave
    duty('dp0002', { st001: ['2026-11-24'] }) // 王芳: tomorrow too
    app = await startApp({ directory: city })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Shanghai
    zhang = await asDeputy(app, 'dp0001')
    lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
  })
  afterEach(() => app.close())

  const toZhangWei = async (text: string) => {
    const resident = await asResident(app)
    const sent = await resident.post('/api/mp/cases', { text, regionId: 'c010101', deputyCode: 'DP0001' })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    return { resident, id: sent.body.id as string, ticket: sent.body.ticket as string }
  }
  const answered = async (id: string, text: string) => expect((await zhang.post(`/api/mp/deputy/cases/${id}/reply`, { text })).status, 'answered').to.equal(200)
  const listed = async (filters: Record<string, string>) =>
    (await lina.get(`/api/admin/cases?${new URLSearchParams(filters)}`)).body.items.map((c: { id: string }) => c.id)
  const outbox = async (caseId: string, kind: string) =>
    (await app.liaison.store.outbox.search({ limit: 200, kind })).items.filter((m) => m.payload.caseId === caseId)

  it('counts 群众不满意 as the inbox filter lists it, links to that list, and says the reopened scores the chart cannot show', async () => {
    const { resident, id } = await toZhangWei('电梯三天两头坏，老人上不了楼')
    await answered(id, '已联系物业，维保公司今天来修电梯。')
    expect((await resident.post(`/api/mp/cases/${id}/rate`, { rating: 2 })).status).to.equal(200)
    expect((await resident.post(`/api/mp/cases/${id}/reopen`, { reason: '修了一天又坏了' })).status).to.equal(200)
    await zhang.post(`/api/mp/deputy/cases/${id}/acknowledge`, {})
    await answered(id, '维保公司换了主板，物业承诺每周检查一次。') // answered again, she has not rated it yet

    const board = (await lina.get('/api/admin/dashboard/cases')).body
    expect(board.today.unhappy, 'the card: the filter 只看群众不满意, counted').to.deep.equal({ count: 1, filters: { unhappy: 'true' } })
    expect(await listed(board.today.unhappy.filters), 'and the list it opens holds that very message').to.deep.equal([id])
    // The chart counts the score of the answer now (none yet); the line under it names the one reopened after a score,
    // which 统计分析 counts by her last score (2): the two pages agree.
    expect(board.satisfaction.filter((s: { count: number }) => s.count)).to.deep.equal([])
    expect(board.reopenedAfterRating).to.deep.equal({ count: 1, filters: { unhappy: 'true' } })
    const stats = (await lina.get('/api/admin/cases/stats')).body
    expect(stats.overall.averageSatisfaction).to.equal(2)

    // She rates the new answer 1: counted once, now under 很不满意, and no longer as reopened.
    expect((await resident.post(`/api/mp/cases/${id}/rate`, { rating: 1 })).status).to.equal(200)
    const later = (await lina.get('/api/admin/dashboard/cases')).body
    expect(later.today.unhappy.count).to.equal(1)
    expect(later.reopenedAfterRating.count).to.equal(0)
    expect(later.satisfaction.find((s: { rating: number }) => s.rating === 1).count).to.equal(1)
  })

  it('marks a paused deputy 请假 on his duty days, and gives the reopen of his answer to the station, saying why', async () => {
    const { resident, id, ticket } = await toZhangWei('楼道灯坏了一个月，晚上摔了一跤')
    await answered(id, '已请物业换了楼道灯。')
    expect((await resident.post(`/api/mp/cases/${id}/rate`, { rating: 1 })).status).to.equal(200)
    expect((await lina.put('/api/admin/deputies/dp0001/away', LEAVE)).status).to.equal(200)

    // 近期接待值班: tomorrow he is on the roster but on leave; next Tuesday, after it, he comes.
    const duty = (await lina.get('/api/admin/dashboard/cases')).body.duty
    expect(duty[0]).to.deep.equal({
      date: '2026-11-24',
      label: '明天',
      stationName: '轻工街道代表联络站',
      deputies: ['张伟', '王芳'],
      away: ['请假', null],
    })
    expect(duty[1], 'a day his leave does not cover carries no mark').to.deep.equal({
      date: '2026-12-01',
      label: '12月1日（星期二）',
      stationName: '轻工街道代表联络站',
      deputies: ['张伟'],
    })

    // She asks for it to be handled again while he is away: the station's queue, told why, and nothing to him.
    const reopened = await resident.post(`/api/mp/cases/${id}/reopen`, { reason: '灯又不亮了' })
    expect(reopened.status, JSON.stringify(reopened.body)).to.equal(200)
    const page = (await lina.get(`/api/admin/cases/${id}`)).body
    expect(page.statusLabel).to.equal('待分派')
    expect(page.handledBy.deputy).to.equal(null)
    const queued = await outbox(id, 'case.queued')
    expect(queued.map((m) => `${m.recipientKind}:${m.recipientId}`)).to.deep.equal(['station:st001'])
    expect(queued[0].payload.text).to.equal(`留言 ${ticket} 群众不满意（1 分），申请重新办理，原办理代表暂停接收留言至11月27日，请登录工作台分派：灯又不亮了`)
    expect(await outbox(id, 'case.reopened'), 'nothing asks 张伟 to act while he is away').to.deep.equal([])
    const hers = (await resident.get(`/api/mp/cases/${id}`)).body.statusLabel
    expect(hers, 'she is not told 张伟 has it again, nor that a deputy has it').to.equal('联络站正在安排代表')
  })

  it("says a number names another station's message, never its words, where it said 没有这个编号", async () => {
    // 马庄 (st002, the same district) receives the day's first message; 轻工 has none numbered 0001.
    const other = await asResident(app)
    const sent = await other.post('/api/mp/cases', { text: '马庄社区菜市场门口垃圾堆放没人清运', regionId: 'c010201' })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    const ticket = sent.body.ticket as string
    expect(ticket.endsWith('-0001')).to.equal(true)

    for (const q of ['0001', ticket]) {
      const found = (await lina.get(`/api/admin/cases?${new URLSearchParams({ q })}`)).body
      expect(found.items, q).to.deep.equal([])
      expect(found.elsewhere, q).to.be.a('string').and.include('在其他联络站或人大办的列表里，不归本站办理')
      expect(found.elsewhere, 'never its content').not.to.include('菜市场')
    }
    expect((await lina.get('/api/admin/cases?q=0001')).body.elsewhere).to.include('最近 90 天里编号为 0001 的留言')
    // A number nobody has: nothing claimed; and 马庄's clerk, whose message it is, finds it.
    expect((await lina.get('/api/admin/cases?q=0099')).body.elsewhere).to.equal(null)
    const zhoujie = await new Client(app.baseUrl).login('zhoujie', STAFF_PASSWORD)
    const his = (await zhoujie.get('/api/admin/cases?q=0001')).body
    expect(his.items.map((c: { id: string }) => c.id)).to.deep.equal([sent.body.id])
    expect(his.elsewhere).to.equal(null)
  })

  it('says on each 超期督办 step whether it went to the station or to the office', async () => {
    const { id } = await toZhangWei('小区垃圾没人清运')
    const sla = () => app.liaison.jobs.find((j) => j.name === SLA_JOB)!.run()
    app.clock.advance(25 * HOUR) // past the day to acknowledge: reported to the station
    await sla()
    app.clock.advance(73 * HOUR) // three days more: to the district's office
    await sla()
    const clerk = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD) // days later: a new login
    const labels = (await clerk.get(`/api/admin/cases/${id}`)).body.timeline
      .filter((e: { type: string }) => e.type === 'escalated')
      .map((e: { label: string }) => e.label)
    // Neither has a group that receives notices: each step says whom it was meant for and that it did not arrive (review 37 § 5).
    expect(labels[0]).to.match(/^超期督办：应通知轻工街道代表联络站，但未能送达/)
    expect(labels[1]).to.match(/^超期督办：应通知湛河区.*，但未能送达/)
  })
})
