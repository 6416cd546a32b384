import { expect } from 'chai'
import { asAdmin, asResident } from '../helpers/app.js'
import { useZhangWeiStation } from '../helpers/zhang-wei-station.js'

/**
 * 张伟's own 暂停接收留言 beside one his station set. 李娜 set hers because he is in hospital, and was told it stands:
 * his own dates may not undo it, he is told whom to ask, and her note stays hers. A change of hers that comes between
 * his page's read and his tap is never undone unseen. The same pause saved twice tells the station once.
 */
describe('a deputy’s own 暂停接收留言 beside the station’s', () => {
  const s = useZhangWeiStation()
  const HOSPITAL = { from: '2026-11-23', until: '2026-11-27', reason: 'leave', note: '住院' }
  const ASK_STATION = '联络站已为您暂停接收新留言（11月23日至11月27日）。日期要改或提前恢复，请联系轻工街道代表联络站。'

  /** What the station's group and he were told of pauses, and what 操作记录 has of them. */
  const notices = async () => {
    const admin = await asAdmin(s.app)
    const items = [
      ...(await admin.get('/api/admin/outbox?kind=deputy.away')).body.items,
      ...(await admin.get('/api/admin/outbox?kind=deputy.away_ended')).body.items,
    ]
    return items.map((m: { recipientKind: string; text: string }) => `${m.recipientKind}: ${m.text}`)
  }
  const auditCount = async (action: string) => (await (await asAdmin(s.app)).get(`/api/admin/audit?action=${action}`)).body.items.length

  it('refuses to replace or end the station’s pause, in words naming whom to ask; the station’s stands, and nobody is told', async () => {
    expect((await s.lina.put('/api/admin/deputies/dp0001/away', HOSPITAL)).status).to.equal(200)
    const toldBefore = await notices()

    const mine = await s.zhang.put('/api/mp/deputy/away', { from: '2026-11-30', until: '2026-12-02', reason: 'other' })
    expect(mine.status).to.equal(409)
    expect(mine.body.error).to.include({ code: 'set_by_station', message: ASK_STATION })
    const ended = await s.zhang.request('DELETE', '/api/mp/deputy/away')
    expect(ended.status).to.equal(409)
    expect(ended.body.error.message).to.equal(ASK_STATION)

    expect((await s.lina.get('/api/admin/deputies/dp0001')).body.awayText, 'hers stands').to.equal('请假 11月23日至11月27日（住院）')
    const sent = await (await asResident(s.app)).post('/api/mp/cases', { text: '小区路灯坏了一个月', regionId: 'c010101', deputyCode: 'DP0001' })
    expect(sent.body.routing.summary).to.equal('张伟代表这几天不在（暂停接收留言至11月27日），您的留言已交轻工街道代表联络站，由工作人员尽快安排其他代表办理')
    expect(await notices(), 'nobody told of a change that was not made').to.deep.equal(toldBefore)
    expect(await auditCount('deputy.away.ended')).to.equal(0)

    const page = (await s.zhang.get('/api/mp/deputy/away')).body.away
    // Shown under the mark's own line (text), so only whom to ask: the dates are not said twice (review 37, finding 19).
    expect(page).to.include({
      bySelf: false,
      askStation: '日期要改或提前恢复，请联系轻工街道代表联络站。',
      text: '联络站已为您暂停接收新留言（11月23日至11月27日），您手上的留言仍由您办理',
    })
  })

  it('never shows him the note staff wrote on their pause; his own note he reads back', async () => {
    await s.lina.put('/api/admin/deputies/dp0001/away', { ...HOSPITAL, reason: 'other', note: '家属来电，情况待核实' })
    const theirs = await s.zhang.get('/api/mp/deputy/away')
    expect(theirs.body.away.note).to.equal(null)
    expect(JSON.stringify(theirs.body)).not.to.include('家属来电')

    await s.lina.request('DELETE', '/api/admin/deputies/dp0001/away')
    const own = await s.zhang.put('/api/mp/deputy/away', { ...HOSPITAL, note: '住院复查' })
    expect(own.body.away).to.include({ note: '住院复查', bySelf: true, askStation: null })
    expect((await s.zhang.get('/api/mp/deputy/away')).body.away.note).to.equal('住院复查')
  })

  /**
   * The station's write lands between his page's read of the mark and his write: his read of the deputy is held,
   * once, until 李娜's PUT is answered (the two requests otherwise race, and either may win).
   */
  const stationWritesAfterHisRead = (mark: Record<string, unknown>) => {
    const deputies = s.app.liaison.store.deputies
    const read = deputies.get
    deputies.get = async (id: string) => {
      deputies.get = read
      const before = await read.call(deputies, id)
      expect((await s.lina.put('/api/admin/deputies/dp0001/away', mark)).status, 'the station is answered').to.equal(200)
      return before
    }
  }

  it('his 提前结束 read before the station’s new dates does not erase them: he is asked to look again', async () => {
    expect((await s.zhang.put('/api/mp/deputy/away', HOSPITAL)).status).to.equal(200)
    stationWritesAfterHisRead({ from: '2026-11-24', until: '2026-12-04', reason: 'study' })
    const ended = await s.zhang.request('DELETE', '/api/mp/deputy/away')
    expect(ended.status).to.equal(409)
    expect(ended.body.error).to.include({ code: 'stale_away', message: '暂停接收留言的设置刚被改过，请看看现在的设置再操作' })

    expect((await s.lina.get('/api/admin/deputies/dp0001')).body.awayText, 'the station’s stands').to.equal('将外出学习 11月24日至12月4日')
    expect((await s.zhang.get('/api/mp/deputy/away')).body.away.text).to.equal('联络站将为您暂停接收新留言（11月24日至12月4日），您手上的留言仍由您办理')
    expect(
      (await notices()).filter((n) => n.includes('自己取消了')),
      'the station is not told he ended it',
    ).to.deep.equal([])
    expect(await auditCount('deputy.away.ended')).to.equal(0)
  })

  it('his own pause read before the station set one does not replace it either', async () => {
    stationWritesAfterHisRead(HOSPITAL)
    const mine = await s.zhang.put('/api/mp/deputy/away', { from: '2026-11-30', until: '2026-12-02', reason: 'other' })
    expect(mine.status).to.equal(409)
    expect(mine.body.error.message).to.equal('暂停接收留言的设置刚被改过，请看看现在的设置再操作')
    expect((await s.lina.get('/api/admin/deputies/dp0001')).body.awayText).to.equal('请假 11月23日至11月27日（住院）')
  })

  it('the same pause saved twice tells the station once and is recorded once', async () => {
    const first = await s.zhang.put('/api/mp/deputy/away', { ...HOSPITAL, note: ' 住院 ' })
    s.app.clock.advance(5_000)
    const again = await s.zhang.put('/api/mp/deputy/away', HOSPITAL)
    expect(again.status).to.equal(200)
    expect(again.body).to.deep.equal(first.body)
    expect(await notices()).to.deep.equal([
      'station: 张伟代表在小程序里自己设置了暂停接收新留言：11月23日至11月27日（请假）。这几天群众写给他的新留言会交到联络站，请安排其他代表办理；他手上的留言仍由他办理。',
    ])
    expect(await auditCount('deputy.away.set')).to.equal(1)
  })
})
