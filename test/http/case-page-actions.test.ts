import { expect } from 'chai'
import { asDeputy, asResident, startApp, type TestApp } from '../helpers/app.js'
import { caseCity } from '../fixtures.js'
import { asStaff } from '../helpers/meetings.js'

/**
 * The case page offers only the moves the server will make (its `actions`), for this person and
 * the message's state now: 上报 only to the station's own staff, while it waits in their queue
 * (待分派) or with a deputy who has not answered (review 37), 不予受理 and 合并 not once a deputy handles
 * it again after 重新办理, nothing once it is answered. Every move left out is one the server refuses; every move offered is one it makes.
 */
describe('the case page offers the moves the server takes (actions)', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
  })
  afterEach(() => app.close())

  const actionsOf = async (username: string, id: string) => {
    const read = await (await asStaff(app, username)).get(`/api/admin/cases/${id}`)
    expect(read.status, JSON.stringify(read.body)).to.equal(200)
    return read.body.actions as string[]
  }
  async function write(text: string, regionId: string) {
    const resident = await asResident(app)
    const sent = await resident.post('/api/mp/cases', { text, regionId })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    return { ...(sent.body as { id: string; ticket: string; status: string }), resident }
  }

  it("offers 上报 only to the station's staff, in its queue or with a deputy who has not answered", async () => {
    const queued = await write('新华社区的公交站台太窄，下雨天没处躲', 'c020101') // 新华街道: no deputy, its staff 王五 places it
    expect(queued.status).to.equal('submitted')
    expect(await actionsOf('wangwu', queued.id)).to.deep.equal(['assign', 'reject', 'merge', 'handUp'])
    expect(await actionsOf('qianqi', queued.id), 'the district office has nobody above it to hand to').to.deep.equal(['assign', 'reject', 'merge'])

    const held = await write('建设路小区垃圾好几天没人清运', 'c010101') // 张伟 of 轻工街道 has it
    expect(held.status).to.equal('assigned')
    expect(await actionsOf('lina', held.id), 'a deputy holds it: 上报 takes it from him').to.deep.equal(['assign', 'reject', 'merge', 'handUp', 'urge'])
    expect(await actionsOf('sunli', held.id), 'the district office has nobody above it').to.deep.equal(['assign', 'reject', 'merge', 'urge'])
    const lina = await asStaff(app, 'lina')
    expect((await lina.post(`/api/admin/cases/${held.id}/hand-up`, { reason: '需要区里协调' })).status, 'offered, and made').to.equal(200)

    const wangwu = await asStaff(app, 'wangwu')
    expect((await wangwu.post(`/api/admin/cases/${queued.id}/hand-up`, { reason: '本站暂无代表' })).status, 'offered, and made').to.equal(200)
  })

  it('offers neither 不予受理 nor 合并 on a message handled again (重新办理), and nothing once answered', async () => {
    const c = await write('建设路的路灯坏了一个月，晚上很黑', 'c010101')
    const zhang = await asDeputy(app, 'dp0001')
    expect((await zhang.post(`/api/mp/deputy/cases/${c.id}/reply`, { text: '已联系供电所，本周五前修好路灯，请您留意。' })).status).to.equal(200)
    expect(await actionsOf('lina', c.id), 'answered, waiting for her rating').to.deep.equal([])
    expect((await c.resident.post(`/api/mp/cases/${c.id}/rate`, { rating: 2 })).status).to.equal(200)
    expect((await c.resident.post(`/api/mp/cases/${c.id}/reopen`, { reason: '路灯还是不亮' })).status).to.equal(200)

    expect(await actionsOf('lina', c.id)).to.deep.equal(['assign', 'urge'])
    expect(await actionsOf('sunli', c.id), 'the district office alike').to.deep.equal(['assign', 'urge'])
    const lina = await asStaff(app, 'lina')
    const other = await write('建设路小区的路灯不亮', 'c010101')
    for (const [path, body] of [
      ['reject', { reason: '不属于代表职责' }],
      ['merge', { intoCaseId: other.id }],
      ['hand-up', { reason: '需要区里协调' }],
    ] as const) {
      const refused = await lina.post(`/api/admin/cases/${c.id}/${path}`, body)
      expect([refused.status, refused.body.error?.code], `${path}: not offered, and refused`).to.deep.equal([409, 'illegal_transition'])
    }
    expect((await lina.post(`/api/admin/cases/${c.id}/urge`, {})).body.actions, 'urged today: no second 催办').to.deep.equal(['assign'])
  })

  it('offers nothing on a message merged into another', async () => {
    const first = await write('建设路小区门口的下水道堵了，污水横流', 'c010101')
    const second = await write('建设路小区门口下水道堵了好几天', 'c010101')
    const lina = await asStaff(app, 'lina')
    const merged = await lina.post(`/api/admin/cases/${second.id}/merge`, { intoCaseId: first.id })
    expect(merged.status, JSON.stringify(merged.body)).to.equal(200)
    expect(merged.body.actions).to.deep.equal([])
  })
})
