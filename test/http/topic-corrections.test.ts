import { expect } from 'chai'
import { asAdmin, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'
import { toPrincipal } from '../../src/services/accounts/auth.js'

/** 湛河区 (d01) is 李娜's station's and 孙丽's district; 新华区 (d02) is 钱七's. */
describe("staff corrections teach their office's topic model", () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
  })
  afterEach(() => app.close())

  const staff = (username: string) => new Client(app.baseUrl).login(username, STAFF_PASSWORD)
  /** The topic the console shows for a new message from this place, and the reason routing gave. */
  const topicOfNewMessage = async (text: string, regionId: string) => {
    const resident = await asResident(app)
    const { body: c } = await resident.post('/api/mp/cases', { text, regionId })
    const view = (await (await asAdmin(app)).get(`/api/admin/cases/${c.id}`)).body
    return { topic: view.topic as string, reason: view.routingReasons.find((r: { rule: string }) => r.rule === 'topic')?.message as string }
  }

  it('a correction, once the office retrains, changes how the same kind of message is classified there and only there', async () => {
    const resident = await asResident(app)
    const { body: first } = await resident.post('/api/mp/cases', { text: '我们小区的地下室被人占了，谁同意的？', regionId: 'c010101' })
    const lina = await staff('lina')
    expect((await lina.get(`/api/admin/cases/${first.id}`)).body.topic, 'the corpus alone calls it community affairs').to.equal('社区治理')

    app.clock.set(new Date('2026-11-23T03:00:00Z'))
    const corrected = await lina.put(`/api/admin/cases/${first.id}/topic`, { topic: '物业管理' })
    expect(corrected.status).to.equal(200)
    expect(corrected.body.topic).to.equal('物业管理')
    const step = corrected.body.timeline.find((e: { type: string }) => e.type === 'recategorized')
    expect(step).to.deep.include({ label: '更正主题', note: '主题由「社区治理」改为「物业管理」', topic: { from: '社区治理', to: '物业管理' } })
    expect(step.actor).to.deep.equal({ role: 'station_staff', roleLabel: '联络站工作人员', name: '李娜' })
    const audit = (await (await asAdmin(app)).get('/api/admin/audit?action=case.topic_corrected')).body.items
    expect(audit).to.have.length(1)
    expect(audit[0]).to.deep.include({ actorId: 'sf01', targetId: first.id })

    const later = '地下室被占了，不合理'
    expect((await topicOfNewMessage(later, 'c010102')).topic, 'a correction waits for the retraining').to.equal('社区治理')

    const sunli = await staff('sunli')
    const retrained = await sunli.post('/api/admin/topics/retrain', {})
    expect(retrained.status).to.equal(200)
    expect(retrained.body.trainings).to.deep.equal([
      { districtId: 'd01', trainedAt: '2026-11-23T03:00:00.000Z', upTo: '2026-11-23T03:00:00.000Z', corrections: 1, trainedBy: 'sf03' },
    ])

    const here = await topicOfNewMessage(later, 'c010102')
    expect(here.topic, 'the same kind of message in 湛河区 now').to.equal('物业管理')
    // The words that decided it, with no percentage of 把握 that a clerk cannot read.
    expect(here.reason).to.match(/^留言主题：物业管理（依据：[^；）]*地下室[^；）]*）$/)
    expect((await topicOfNewMessage(later, 'c020101')).topic, 'another district keeps its own model').to.equal('社区治理')
  })

  it("refuses a topic outside the list, a case outside the caller's scope and a correction to the same topic, changing nothing", async () => {
    const resident = await asResident(app)
    const { body: c } = await resident.post('/api/mp/cases', { text: '我们小区的地下室被人占了', regionId: 'c010101' })
    const lina = await staff('lina')

    const unknown = await lina.put(`/api/admin/cases/${c.id}/topic`, { topic: '外星人' })
    expect(unknown.status).to.equal(400)
    expect(unknown.body.error.code).to.equal('validation_failed')
    expect(unknown.body.error.details[0]).to.deep.include({ path: 'body.topic' })
    expect(unknown.body.error.details[0].message).to.include('物业管理')
    expect((await lina.put(`/api/admin/cases/${c.id}/topic`, {})).status, 'no topic').to.equal(400)
    expect((await lina.put(`/api/admin/cases/${c.id}/topic`, { topic: '物业管理', extra: 1 })).status, 'an unknown field').to.equal(400)
    expect((await lina.put('/api/admin/cases/not-a-case/topic', { topic: '物业管理' })).status).to.equal(400)

    const wangwu = await staff('wangwu')
    expect((await wangwu.put(`/api/admin/cases/${c.id}/topic`, { topic: '物业管理' })).status, "another station's case is not found").to.equal(404)
    const qianqi = await staff('qianqi')
    expect((await qianqi.put(`/api/admin/cases/${c.id}/topic`, { topic: '物业管理' })).status, "another district's case is not found").to.equal(404)

    const same = await lina.put(`/api/admin/cases/${c.id}/topic`, { topic: '社区治理' })
    expect(same.status).to.equal(409)
    expect(same.body.error.code).to.equal('topic_unchanged')

    const view = (await lina.get(`/api/admin/cases/${c.id}`)).body
    expect(view.topic).to.equal('社区治理')
    expect(view.timeline.map((e: { type: string }) => e.type)).to.not.include('recategorized')
    expect((await (await asAdmin(app)).get('/api/admin/audit?action=case.topic_corrected')).body.items).to.deep.equal([])
  })

  it('does not overwrite unseen a topic someone else corrected while the page was open', async () => {
    const resident = await asResident(app)
    const { body: c } = await resident.post('/api/mp/cases', { text: '我们小区的地下室被人占了', regionId: 'c010101' })
    const lina = await staff('lina')
    // Two people with the page open: the one who chose last, on what the page showed then, overwrites nothing unseen.
    const sunli = await staff('sunli')
    expect((await sunli.put(`/api/admin/cases/${c.id}/topic`, { topic: '物业管理', from: '社区治理' })).status).to.equal(200)
    const late = await lina.put(`/api/admin/cases/${c.id}/topic`, { topic: '交通出行', from: '社区治理' })
    expect(late.status).to.equal(409)
    expect(late.body.error).to.include({
      code: 'topic_changed',
      message: '这条留言的主题刚被改为「物业管理」，没有再更正。请看一下现在的主题是否还需要更正',
    })
    expect((await lina.get(`/api/admin/cases/${c.id}`)).body.topic).to.equal('物业管理')
    expect((await lina.put(`/api/admin/cases/${c.id}/topic`, { topic: '社区治理', from: '物业管理' })).status, 'on what is there now').to.equal(200)

    expect((await lina.get(`/api/admin/cases/${c.id}`)).body.timeline.filter((e: { type: string }) => e.type === 'recategorized')).to.have.length(2)
  })

  it('lets organizers retrain their own districts only, and station staff not at all', async () => {
    const lina = await staff('lina')
    expect((await lina.post('/api/admin/topics/retrain', {})).status).to.equal(403)
    // Behind the route's own refusal, the service names the office that does retrain her messages' model.
    const clerk = toPrincipal((await app.liaison.store.staff.getByUsername('lina'))!)
    const refused = await app.liaison.services.topicCorrections.retrain(clerk).catch((err: Error) => err)
    expect((refused as Error).message).to.equal('只有湛河区人大常委会办公室可以改进主题分类')
    const qianqi = await staff('qianqi')
    const other = await qianqi.post('/api/admin/topics/retrain', { districtId: 'd01' })
    expect(other.status).to.equal(403)
    // In the office's words: 训练 and 模型 are a programmer's.
    expect(other.body.error).to.include({ code: 'outside_scope', message: '只能改进本辖区的主题分类' })
    expect((await qianqi.post('/api/admin/topics/retrain', { districtId: 'city' })).status, "the city office is not a district organizer's").to.equal(403)
    const own = await qianqi.post('/api/admin/topics/retrain', { districtId: 'd02' })
    expect(own.status).to.equal(200)
    expect(own.body.trainings).to.deep.equal([
      { districtId: 'd02', trainedAt: '2026-11-23T02:00:00.000Z', upTo: '2026-11-23T02:00:00.000Z', corrections: 0, trainedBy: 'sf05' },
    ])
    expect((await qianqi.post('/api/admin/topics/retrain', { districtId: '' })).status, 'a malformed id').to.equal(400)
    const listed = await lina.get('/api/admin/topics')
    expect(listed.body.topics).to.include.members(['劳动就业', '物业管理'])
    expect(listed.body.trainings.map((t: { districtId: string }) => t.districtId)).to.deep.equal(['d02'])

    // The city's model retrained where the city's office has its name: 操作记录 says it by that name.
    await app.close()
    app = await startApp({ directory: caseCity(), overrides: { business: { officeName: '平顶山市人大常委会办公室' } } })
    const admin = await asAdmin(app)
    expect((await admin.post('/api/admin/topics/retrain', { districtId: 'city' })).status).to.equal(200)
    const [entry] = (await admin.get('/api/admin/audit?action=topics.retrained')).body.items
    expect(entry.detailWords).to.equal('平顶山市人大常委会')
    expect(entry.actionWords, '操作记录 in the office’s words').to.equal('改进主题分类')
  })
})
