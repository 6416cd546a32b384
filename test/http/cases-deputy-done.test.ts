import { expect } from 'chai'
import { asDeputy, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'

/**
 * 我办过的留言: besides the messages still waiting on him, 张伟 can list those he answered and
 * those that are closed (`status=done`), newest first, each with when he answered, the
 * resident's rating, and whether it was closed by a merge rather than an answer.
 */
describe("a deputy's answered and closed messages (GET /api/mp/deputy/cases?status=done)", () => {
  let app: TestApp
  let zhang: Awaited<ReturnType<typeof asDeputy>>
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00
    zhang = await asDeputy(app, 'dp0001')
  })
  afterEach(() => app.close())

  async function written(text: string, deputyCode = 'DP0001') {
    app.clock.advance(3600_000) // an hour apart: newest first is a real order
    const resident = await asResident(app)
    const c = await resident.post('/api/mp/cases', { text, regionId: 'c010101', deputyCode })
    expect(c.status, JSON.stringify(c.body)).to.equal(201)
    return { resident, id: c.body.id as string, ticket: c.body.ticket as string }
  }
  async function answered(by: Client, id: string) {
    const r = await by.post(`/api/mp/deputy/cases/${id}/reply`, { text: '已联系有关部门，本周内处理。' })
    expect(r.status, JSON.stringify(r.body)).to.equal(200)
  }

  it('lists the answered and the rated ones newest first, with rating and answer time; the open one stays in the inbox', async () => {
    const rated = await written('小区门口的垃圾好几天没人清运')
    const open = await written('公园的长椅坏了两张')
    const waiting = await written('楼下路灯不亮了')
    const merged = await written('楼下的路灯一直不亮')
    const lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    expect((await lina.post(`/api/admin/cases/${merged.id}/merge`, { intoCaseId: waiting.id })).status).to.equal(200)
    await answered(zhang, rated.id)
    await answered(zhang, waiting.id)
    const answeredAt = app.clock.now().toISOString()
    expect((await rated.resident.post(`/api/mp/cases/${rated.id}/rate`, { rating: 4 })).status).to.equal(200)
    const wang = await asDeputy(app, 'dp0002')
    const elsewhere = await written('学校门口的斑马线看不清了', 'DP0002')
    await answered(wang, elsewhere.id)

    const done = await zhang.get('/api/mp/deputy/cases?status=done')
    expect(done.status, JSON.stringify(done.body)).to.equal(200)
    const rows = done.body.items.map((c: Record<string, unknown>) => [c.ticket, c.status, c.statusLabel, c.rating, c.merged])
    expect(rows).to.deep.equal([
      // In the deputy's words: what became of it, and who it waits on now.
      [merged.ticket, 'closed', '已合并办理', null, true],
      [waiting.ticket, 'replied', '已答复，等群众评价', null, false],
      [rated.ticket, 'closed', '已办结', 4, false],
    ])
    expect(done.body.items[1].repliedAt).to.equal(answeredAt)
    expect(done.body.items[0].repliedAt).to.equal(null)
    expect(done.body.items[2]).to.include({ excerpt: '小区门口的垃圾好几天没人清运', acknowledgeByText: null, replyByText: null })

    const inbox = await zhang.get('/api/mp/deputy/cases')
    expect(
      inbox.body.items.map((c: { id: string }) => c.id),
      'still nearest deadline first, only what waits on him',
    ).to.deep.equal([open.id])
  })

  it('pages with the cursor, newest first, and nothing twice', async () => {
    const ids: string[] = []
    for (const text of ['第一条：井盖松了', '第二条：路灯不亮', '第三条：垃圾没人清运']) {
      const c = await written(text)
      await answered(zhang, c.id)
      ids.push(c.id)
    }
    const first = await zhang.get('/api/mp/deputy/cases?status=done&limit=2')
    expect(first.body.items.map((c: { id: string }) => c.id)).to.deep.equal([ids[2], ids[1]])
    expect(first.body.nextCursor).to.be.a('string')
    const second = await zhang.get(`/api/mp/deputy/cases?status=done&limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`)
    expect(second.body).to.deep.include({ nextCursor: null })
    expect(second.body.items.map((c: { id: string }) => c.id)).to.deep.equal([ids[0]])
  })
})
