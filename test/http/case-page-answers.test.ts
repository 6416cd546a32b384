import { expect } from 'chai'
import { asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'

const HOUR = 3_600_000

/**
 * The console's case page shows what each of its writes answers in place of what it had, so every
 * write answers with the very detail GET /api/admin/cases/:id gives. 湛河区's 孙丽 urges 张伟 about a
 * message left past its deadline; 李娜 of the station had merged a neighbour's duplicate into it and
 * now corrects its topic: the answer still carries the deadline badge (未按时受理), the line saying it was
 * urged today and by whom, and the duplicate, as the page had them before.
 */
describe('every write on the case page answers with the case as the page reads it', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
  })
  afterEach(() => app.close())

  const staff = (username: string) => new Client(app.baseUrl).login(username, STAFF_PASSWORD)
  const send = async (text: string, deputyCode: string) => {
    const sent = await (await asResident(app)).post('/api/mp/cases', { text, regionId: 'c010101', deputyCode })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    return sent.body as { id: string; ticket: string }
  }

  it('更正主题 answers with the deadline, the urge and the merged duplicates the page was showing', async () => {
    const lamp = await send('建设路社区东门的路灯坏了，晚上很黑，老人出门不方便', 'DP0001')
    const duplicate = await send('建设路社区东门路灯坏了，晚上很黑看不见', 'DP0002')
    const lina = await staff('lina')
    const merged = await lina.post(`/api/admin/cases/${duplicate.id}/merge`, { intoCaseId: lamp.id })
    expect(merged.status, JSON.stringify(merged.body)).to.equal(200)
    expect(merged.body, '合并 answers as the page reads the duplicate').to.deep.equal((await lina.get(`/api/admin/cases/${duplicate.id}`)).body)

    app.clock.advance(26 * HOUR) // Tuesday 12:00: the day to acknowledge it has passed
    const sunli = await staff('sunli')
    const urged = await sunli.post(`/api/admin/cases/${lamp.id}/urge`, { note: '群众反映多次，请今天联系' })
    expect(urged.status, JSON.stringify(urged.body)).to.equal(200)
    expect(urged.body, '催办 answers as the page reads it').to.deep.equal((await sunli.get(`/api/admin/cases/${lamp.id}`)).body)

    const linaToday = await staff('lina') // a new day's sign-in
    const page = (await linaToday.get(`/api/admin/cases/${lamp.id}`)).body
    // Late to be acknowledged, its reply not yet due: 未按时受理, not 已超期 (the reply deadline's word).
    expect(page.sla, 'the deadline badge the page shows').to.deep.include({ tone: 'ack_late', step: 'acknowledge', text: '未按时受理' })

    const wanted = page.topic === '城乡建设' ? '社区治理' : '城乡建设'
    const corrected = await linaToday.put(`/api/admin/cases/${lamp.id}/topic`, { topic: wanted })
    expect(corrected.status, JSON.stringify(corrected.body)).to.equal(200)
    expect(corrected.body.topic).to.equal(wanted)
    expect(corrected.body.sla, 'the deadline badge stays on the page').to.deep.equal(page.sla)
    expect(corrected.body.urge.text).to.match(/^今天 12:00 已由孙丽催办，明天可再次催办$/)
    expect(corrected.body.urge.allowed, 'no 催办 button again today').to.equal(false)
    expect(corrected.body.duplicates).to.deep.include({ count: 1, label: '合并到本条的重复留言（1 条）' })
    expect(corrected.body.duplicates.items.map((m: { ticket: string }) => m.ticket)).to.deep.equal([duplicate.ticket])
    expect(corrected.body, 'nothing else missing either: the same detail as reading the page again').to.deep.equal(
      (await linaToday.get(`/api/admin/cases/${lamp.id}`)).body,
    )
  })

  it('分派 and 不予受理 answer with the deadline badge as the page reads it, and none once the message is refused', async () => {
    const hole = await send('建设路社区西门的井盖松了，踩上去会响', 'DP0001')
    const lina = await staff('lina')
    const assigned = await lina.post(`/api/admin/cases/${hole.id}/assign`, { deputyId: 'dp0002', note: '请尽快联系' })
    expect(assigned.status, JSON.stringify(assigned.body)).to.equal(200)
    expect(assigned.body.sla.text, 'a fresh deadline, said in words').to.match(/到期|还有/)
    expect(assigned.body).to.deep.equal((await lina.get(`/api/admin/cases/${hole.id}`)).body)

    const rejected = await lina.post(`/api/admin/cases/${hole.id}/reject`, { reason: '已由物业当场处理，无需代表办理' })
    expect(rejected.status, JSON.stringify(rejected.body)).to.equal(200)
    expect(rejected.body.statusLabel).to.equal('不予受理')
    expect(rejected.body.sla, 'no deadline on a refused message').to.equal(null)
    expect(rejected.body).to.deep.equal((await lina.get(`/api/admin/cases/${hole.id}`)).body)
  })
})
