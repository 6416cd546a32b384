import { expect } from 'chai'
import { holdersAsListed } from '../helpers/bulk-assign.js'
import { asResident, Client, type TestApp } from '../helpers/app.js'
import { STAFF_PASSWORD } from '../fixtures.js'
import { linaOnMonday } from '../helpers/lina-on-monday.js'

/**
 * 李娜's list shows two messages held by 张伟 (dp0001); she ticks both for 批量分派 to 李强. Meanwhile 孙丽, of the
 * district office, gives one of them to 王芳. As the single 分派 refuses to take it from 王芳 (holder_changed), so does
 * 批量分派: that one stays with 王芳, nobody is told anything of it, and the answer says why in words; the other goes.
 */
describe('批量分派 never takes a message from a deputy the clerk did not see holding it', () => {
  let app: TestApp
  let lina: Client
  beforeEach(async () => {
    ;({ app, lina } = await linaOnMonday())
  })
  afterEach(() => app.close())

  const write = async (text: string) => {
    const sent = await (await asResident(app)).post('/api/mp/cases', { text, regionId: 'c010101', deputyCode: 'DP0001' })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    return sent.body as { id: string; ticket: string }
  }
  /** Every notice queued about the message, and every step of its timeline. */
  const traces = async (id: string) => ({
    told: (await app.liaison.store.outbox.search({ limit: 500 })).items.filter((m) => m.payload.caseId === id).length,
    steps: (await app.liaison.store.cases.events(id)).length,
  })

  it('leaves the one a colleague just gave to 王芳 with her, tells nobody, and says why; the other goes', async () => {
    const lamp = await write('建设路社区东门的路灯坏了，晚上很黑')
    const crossing = await write('建设路小学门口没有斑马线，孩子过马路危险')
    const listed = await holdersAsListed(app, [lamp.id, crossing.id])
    expect(listed).to.deep.equal({ [lamp.id]: 'dp0001', [crossing.id]: 'dp0001' })

    const sunli = await new Client(app.baseUrl).login('sunli', STAFF_PASSWORD)
    const moved = await sunli.post(`/api/admin/cases/${lamp.id}/assign`, { deputyId: 'dp0002', fromDeputyId: 'dp0001' })
    expect(moved.status, JSON.stringify(moved.body)).to.equal(200)
    const before = await traces(lamp.id)

    const answer = await lina.post('/api/admin/cases-together/assign', { ids: [lamp.id, crossing.id], fromDeputyIds: listed, deputyId: 'dp0003' })
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200)
    expect(answer.body).to.deep.include({ assigned: 1, text: '已分派 1 条。' })
    expect(answer.body.failed).to.deep.equal([{ id: lamp.id, message: '这条留言刚刚已改由王芳代表办理（您选的时候是张伟代表），这次没有分派' }])

    expect((await lina.get(`/api/admin/cases/${lamp.id}`)).body.handledBy.deputy, 'still 王芳’s').to.equal('王芳')
    expect(await traces(lamp.id), 'nobody told, no step written').to.deep.equal(before)
    expect((await lina.get(`/api/admin/cases/${crossing.id}`)).body.handledBy.deputy).to.equal('李强')
  })

  it('asks for the holder her list showed of every message: without it nothing moves (400)', async () => {
    const lamp = await write('建设路社区东门的路灯坏了，晚上很黑')
    const crossing = await write('建设路小学门口没有斑马线，孩子过马路危险')
    const none = await lina.post('/api/admin/cases-together/assign', { ids: [lamp.id], deputyId: 'dp0003' })
    expect(none.status, JSON.stringify(none.body)).to.equal(400)
    expect(none.body.error.details.map((d: { path: string }) => d.path)).to.deep.equal(['body.fromDeputyIds'])

    const partly = await lina.post('/api/admin/cases-together/assign', {
      ids: [lamp.id, crossing.id],
      fromDeputyIds: { [lamp.id]: 'dp0001' },
      deputyId: 'dp0003',
    })
    expect(partly.status, JSON.stringify(partly.body)).to.equal(400)
    expect(partly.body.error.details).to.deep.equal([
      { path: 'body.fromDeputyIds', message: `请写明每条留言列表上显示的办理代表（没有代表的写 null）：${crossing.id}` },
    ])
    for (const c of [lamp, crossing]) expect((await lina.get(`/api/admin/cases/${c.id}`)).body.handledBy.deputy, 'still 张伟’s').to.equal('张伟')
  })
})
