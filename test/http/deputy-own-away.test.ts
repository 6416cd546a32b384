import { expect } from 'chai'
import { asAdmin, asResident, Client } from '../helpers/app.js'
import { useZhangWeiStation } from '../helpers/zhang-wei-station.js'

/**
 * 张伟 pauses his own new messages from the mini-program (PUT /api/mp/deputy/away). It is his and nobody else's:
 * no path or field names another deputy, a resident may not, and bad dates are refused in words. Each refusal
 * changes nothing and tells nobody. A resident who writes to him meanwhile is told he is away.
 */
describe('a deputy’s own 暂停接收留言 (PUT /api/mp/deputy/away)', () => {
  const s = useZhangWeiStation()
  const LEAVE = { from: '2026-11-23', until: '2026-11-27', reason: 'leave' }

  /** 王芳's card, and what waits in the outbox about pauses: nothing, after a refusal. */
  const untouched = async () => {
    expect((await new Client(s.app.baseUrl).get('/api/mp/deputies/DP0002')).body.awayNotice, '王芳 not paused').to.equal(null)
    expect((await new Client(s.app.baseUrl).get('/api/mp/deputies/DP0001')).body.awayNotice, '张伟 not paused').to.equal(null)
    const outbox = await (await asAdmin(s.app)).get('/api/admin/outbox?kind=deputy.away')
    expect(outbox.body.items, 'nobody told').to.deep.equal([])
  }

  it('writes only his own: another deputy by path or field is 404 or 400, an admin address is not his, a resident is 403', async () => {
    const byPath = await s.zhang.put('/api/mp/deputies/DP0002/away', LEAVE)
    expect(byPath.status).to.equal(404)
    const byField = await s.zhang.put('/api/mp/deputy/away', { ...LEAVE, deputyId: 'dp0002' })
    expect(byField.status).to.equal(400)
    expect(byField.body.error.code).to.equal('validation_failed')
    const byCode = await s.zhang.put('/api/mp/deputy/away', { ...LEAVE, deputyCode: 'DP0002' })
    expect(byCode.status).to.equal(400)
    const adminAddress = await s.zhang.put('/api/admin/deputies/dp0002/away', LEAVE)
    expect(adminAddress.status, 'his mini-program session opens no console address').to.equal(401)
    const ended = await s.zhang.request('DELETE', '/api/mp/deputies/DP0002/away')
    expect(ended.status).to.equal(404)

    const resident = await asResident(s.app)
    const notDeputy = await resident.put('/api/mp/deputy/away', LEAVE)
    expect(notDeputy.status).to.equal(403)
    expect(notDeputy.body.error.message).to.equal('此功能仅限已绑定的人大代表使用')
    await untouched()
  })

  it('refuses dates that make no sense in words, and an end with nothing to end, changing nothing', async () => {
    const backwards = await s.zhang.put('/api/mp/deputy/away', { ...LEAVE, from: '2026-11-27', until: '2026-11-23' })
    expect(backwards.status).to.equal(400)
    expect(backwards.body.error.details).to.deep.include({ path: 'body.until', message: '结束日期不能早于开始日期' })
    const past = await s.zhang.put('/api/mp/deputy/away', { ...LEAVE, from: '2026-11-16', until: '2026-11-20' })
    expect(past.body.error.message).to.equal('结束日期已经过去了')
    // Days already gone are not paused after the fact: his stations would be told an untrue first day.
    const begunLastWeek = await s.zhang.put('/api/mp/deputy/away', { ...LEAVE, from: '2026-11-16' })
    expect(begunLastWeek.status).to.equal(400)
    expect(begunLastWeek.body.error.details).to.deep.include({ path: 'body.from', message: '开始日期不能早于今天' })
    const noReason = await s.zhang.put('/api/mp/deputy/away', { from: LEAVE.from, until: LEAVE.until })
    expect(noReason.status).to.equal(400)
    const nothing = await s.zhang.request('DELETE', '/api/mp/deputy/away')
    expect(nothing.status).to.equal(409)
    expect(nothing.body.error.message).to.equal('您现在没有暂停接收留言')
    await untouched()
  })

  it('set by him: routing passes him over as when staff set it, and the console says he set it', async () => {
    const set = await s.zhang.put('/api/mp/deputy/away', { ...LEAVE, note: '住院' })
    expect(set.status, JSON.stringify(set.body)).to.equal(200)
    expect(set.body.away).to.deep.include({
      from: LEAVE.from,
      until: LEAVE.until,
      now: true,
      bySelf: true,
      text: '您已暂停接收新留言（11月23日至11月27日），您手上的留言仍由您办理',
    })
    expect((await s.zhang.get('/api/mp/deputy/away')).body.away.text).to.equal(set.body.away.text)

    const resident = await asResident(s.app)
    const sent = await resident.post('/api/mp/cases', { text: '小区路灯坏了一个月', regionId: 'c010101', deputyCode: 'DP0001' })
    expect(sent.body.routing.summary).to.equal('张伟代表这几天不在（暂停接收留言至11月27日），您的留言已交轻工街道代表联络站，由工作人员尽快安排其他代表办理')
    expect((await s.lina.get('/api/admin/deputies/dp0001')).body.awayText).to.equal('请假 11月23日至11月27日（住院；代表本人设置）')
    // The station marks it again for him: then it is the station's, and his workbench says so.
    await s.lina.put('/api/admin/deputies/dp0001/away', { ...LEAVE, until: '2026-11-28' })
    expect((await s.zhang.get('/api/mp/tasks')).body.away.text).to.equal('联络站已为您暂停接收新留言（11月23日至11月28日），您手上的留言仍由您办理')
  })
})
