import { expect } from 'chai'
import { asAdmin, asResident, Client } from '../helpers/app.js'
import { useZhangWeiStation } from '../helpers/zhang-wei-station.js'
import { STAFF_PASSWORD } from '../fixtures.js'

/**
 * 张伟 (轻工街道代表联络站) is on leave this week. 李娜, the station's clerk, marks him away in the
 * console; a resident who writes to him by his code is told he is not there and the station arranges
 * it; the message he already holds stays his, with the note beside it for 李娜; after the last day
 * a message by his code reaches him again, with nobody clearing anything.
 */
describe('a deputy marked away (暂停接收留言)', () => {
  const s = useZhangWeiStation()
  const LEAVE = { from: '2026-11-23', until: '2026-11-27', reason: 'leave', note: '住院' }

  it('sends new messages by his code to the station while he is away, tells the resident so, and ends by itself', async () => {
    const { id: held } = await s.written('楼下垃圾站臭味很大，请处理') // before the mark: his

    const marked = await s.lina.put('/api/admin/deputies/dp0001/away', LEAVE)
    expect(marked.status, JSON.stringify(marked.body)).to.equal(200)
    expect(marked.body.awayText).to.equal('请假 11月23日至11月27日（住院）')

    // The public card says until when, never why.
    const card = await new Client(s.app.baseUrl).get('/api/mp/deputies/DP0001')
    expect(card.body.awayNotice).to.equal('暂停接收留言至11月27日')
    expect(JSON.stringify(card.body)).not.to.include('住院')

    const resident = await asResident(s.app)
    const sent = await resident.post('/api/mp/cases', { text: '小区路灯坏了一个月', regionId: 'c010101', deputyCode: 'DP0001' })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    expect(sent.body.routing.summary).to.equal('张伟代表这几天不在（暂停接收留言至11月27日），您的留言已交轻工街道代表联络站，由工作人员尽快安排其他代表办理')
    const queued = await s.lina.get(`/api/admin/cases/${sent.body.id}`)
    expect(queued.body.statusLabel).to.equal('待分派')
    expect(queued.body.handledBy.deputy).to.equal(null)

    // The one he held stays his; the clerk reads why she may move it, on its page and in the inbox.
    const his = await s.lina.get(`/api/admin/cases/${held}`)
    expect(his.body.handledBy.deputy).to.equal('张伟')
    expect(his.body.deputyAway).to.equal('代表请假至11月27日')
    const inbox = await s.lina.get('/api/admin/cases?deputyId=dp0001')
    expect(inbox.body.items.find((r: { id: string }) => r.id === held).deputyAway).to.equal('代表请假至11月27日')

    // In 操作记录, in words, without the illness.
    const audit = await (await asAdmin(s.app)).get('/api/admin/audit?action=deputy.away.set')
    expect(audit.body.items[0].actionWords).to.equal('设置代表暂停接收留言')
    expect(audit.body.items[0].detailWords).to.equal('11月23日至11月27日，请假')

    // Saturday after the last day: his again, and the card says nothing more.
    s.app.clock.set(new Date('2026-11-28T02:00:00Z'))
    const later = await resident.post('/api/mp/cases', { text: '小区门口积水', regionId: 'c010101', deputyCode: 'DP0001' })
    expect(later.body.routing.summary).to.include('已交给轻工街道代表联络站的张伟代表')
    const lina = await new Client(s.app.baseUrl).login('lina', STAFF_PASSWORD) // a new day's login
    const heldLater = await lina.get(`/api/admin/cases/${held}`)
    expect(heldLater.body.deputyAway, JSON.stringify(heldLater.body).slice(0, 300)).to.equal(null)
    expect((await new Client(s.app.baseUrl).get('/api/mp/deputies/DP0001')).body.awayNotice).to.equal(null)
  })

  it('is set only by staff whose scope covers him: another station or district gets 404 and nothing changes', async () => {
    const zhoujie = await new Client(s.app.baseUrl).login('zhoujie', STAFF_PASSWORD) // 马庄街道代表联络站
    for (const put of [await zhoujie.put('/api/admin/deputies/dp0001/away', LEAVE), await zhoujie.request('DELETE', '/api/admin/deputies/dp0001/away')]) {
      expect(put.status).to.equal(404)
      expect(put.body.error.code).to.equal('not_found')
    }
    expect((await new Client(s.app.baseUrl).get('/api/mp/deputies/DP0001')).body.awayNotice).to.equal(null)
    // 孙丽 organizes 湛河区, where his station is.
    const sunli = await new Client(s.app.baseUrl).login('sunli', STAFF_PASSWORD)
    expect((await sunli.put('/api/admin/deputies/dp0001/away', LEAVE)).status).to.equal(200)
    // He is told who did it by her office's name, not a bare 人大办公室.
    const [told] = (await s.app.liaison.store.outbox.search({ recipientId: 'dp0001', kind: 'deputy.away', limit: 10 })).items
    expect(told!.payload.text).to.include('张伟代表，湛河区人大常委会办公室已为您暂停接收新留言')
  })

  it('refuses dates that make no sense, in words, and ends early only what is set', async () => {
    const backwards = await s.lina.put('/api/admin/deputies/dp0001/away', { ...LEAVE, from: '2026-11-27', until: '2026-11-23' })
    expect(backwards.status).to.equal(400)
    expect(backwards.body.error.details).to.deep.include({ path: 'body.until', message: '结束日期不能早于开始日期' })
    const noReason = await s.lina.put('/api/admin/deputies/dp0001/away', { from: '2026-11-23', until: '2026-11-27' })
    expect(noReason.status).to.equal(400)
    expect((await s.lina.request('DELETE', '/api/admin/deputies/dp0001/away')).body.error.message).to.equal('这位代表现在没有暂停接收留言')

    await s.lina.put('/api/admin/deputies/dp0001/away', LEAVE)
    const ended = await s.lina.request('DELETE', '/api/admin/deputies/dp0001/away')
    expect(ended.status).to.equal(200)
    expect(ended.body.awayText).to.equal(null)
    const resident = await asResident(s.app)
    const sent = await resident.post('/api/mp/cases', { text: '小区路灯坏了', regionId: 'c010101', deputyCode: 'DP0001' })
    expect(sent.body.routing.summary, 'ended early: his again today').to.include('张伟代表')
    expect(sent.body.routing.summary).not.to.include('不在')
  })
})
