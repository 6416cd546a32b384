import { expect } from 'chai'
import type { FakeWeChat } from '../fakes/wechat-api.js'
import { asAdmin, asResident, type TestApp } from '../helpers/app.js'
import { asStaff } from '../helpers/meetings.js'
import { loginAs, startWithWeChat, subscribe } from '../helpers/wechat.js'

type App = TestApp & { fake: FakeWeChat }

/**
 * 王芳 reads her notices in the mini-program. A message routed to her is merged (合并), moved to 李强 (改派) or handed
 * up to the district office (上报) by 李娜 of the station. When that happens before her 分派 notice went out, the notice
 * is never sent (untrue now), and she must not then read "留言 … 已并入…，无需单独受理" or "…您无需再处理" about a
 * number she never heard of. Once her 分派 notice reached her, she is told it left her, as before; and so she is once
 * she opened it in the mini-program (from her list) before its notice went out: she knows it, and must not lose it unsaid.
 */
describe('a deputy is told a message left her only if she had heard of it', () => {
  let app: App
  beforeEach(async () => {
    app = await startWithWeChat()
  })
  afterEach(() => app.close())

  async function wangFangReadsHerNotices() {
    const { body } = await (await asAdmin(app)).post('/api/admin/deputies/dp0002/binding-code')
    const wang = await loginAs(app, 'o-wangfang')
    await wang.post('/api/mp/bind', { bindCode: body.code })
    await subscribe(wang, 'accept', 20)
    return wang
  }
  const deliver = () => app.liaison.services.dispatcher.drain()
  async function send(deputyCode: string, text: string) {
    const sent = await (await asResident(app)).post('/api/mp/cases', { text, regionId: 'c010101', deputyCode })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    return sent.body as { id: string; ticket: string }
  }
  /** What reached 王芳 about the message: each notice WeChat delivered to her, by its words. */
  const reachedWangFang = async (ticket: string) =>
    (await app.liaison.store.outbox.search({ limit: 100, recipientId: 'dp0002', status: 'sent' })).items
      .filter((m) => m.payload.ticket === ticket)
      .map((m) => String(m.payload.text))

  const moves = {
    合并: async (c: { id: string }) => {
      const kept = await send('DP0001', '建设路社区东门的路灯坏了，晚上很黑')
      return (await asStaff(app, 'lina')).post(`/api/admin/cases/${c.id}/merge`, { intoCaseId: kept.id })
    },
    改派: async (c: { id: string }) => (await asStaff(app, 'lina')).post(`/api/admin/cases/${c.id}/assign`, { deputyId: 'dp0003' }),
    上报: async (c: { id: string }) => (await asStaff(app, 'lina')).post(`/api/admin/cases/${c.id}/hand-up`, { reason: '需要区里协调' }),
  }
  const leftHer = (ticket: string) => ({
    合并: `留言 ${ticket} 已并入留言 20261123-0002 合并办理，无需单独受理。`,
    改派: `留言 ${ticket} 已改由李强代表办理，您无需再处理。谢谢您！`,
    上报: `留言 ${ticket} 已由轻工街道代表联络站上报湛河区人大办，改由湛河区人大办安排办理，您无需再处理。谢谢您！`,
  })

  for (const move of ['合并', '改派', '上报'] as const) {
    it(`${move} before her 分派 notice went out: she hears nothing of a message she never knew`, async () => {
      await wangFangReadsHerNotices()
      const c = await send('DP0002', '建设路社区东门路灯坏了，晚上很黑看不见')
      const done = await moves[move](c)
      expect(done.status, JSON.stringify(done.body)).to.equal(200)
      await deliver()
      expect(await reachedWangFang(c.ticket)).to.deep.equal([])
      expect(
        app.fake.sent().filter((m) => m.touser === 'o-wangfang'),
        'no card reached her phone',
      ).to.deep.equal([])
    })

    it(`${move} after her 分派 notice reached her: she is told it left her`, async () => {
      await wangFangReadsHerNotices()
      const c = await send('DP0002', '建设路社区东门路灯坏了，晚上很黑看不见')
      await deliver()
      const done = await moves[move](c)
      expect(done.status, JSON.stringify(done.body)).to.equal(200)
      await deliver()
      const told = await reachedWangFang(c.ticket)
      const given = `王芳代表，您有一条新留言 ${c.ticket}`
      expect(
        told.filter((t) => t.startsWith(given)),
        'her 分派 notice',
      ).to.have.length(1)
      expect(
        told.filter((t) => !t.startsWith(given)),
        'and where it went',
      ).to.deep.equal([leftHer(c.ticket)[move]])
    })

    it(`${move} after she opened it in the mini-program, before its notice went out: she is told it left her`, async () => {
      const wang = await wangFangReadsHerNotices()
      const c = await send('DP0002', '建设路社区东门路灯坏了，晚上很黑看不见')
      const opened = await wang.get(`/api/mp/deputy/cases/${c.id}`)
      expect(opened.body.text, 'she read it').to.equal('建设路社区东门路灯坏了，晚上很黑看不见')
      const done = await moves[move](c)
      expect(done.status, JSON.stringify(done.body)).to.equal(200)
      await deliver()
      expect(await reachedWangFang(c.ticket)).to.deep.equal([leftHer(c.ticket)[move]])
    })
  }
})
