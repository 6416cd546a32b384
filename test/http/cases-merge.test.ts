import { expect } from 'chai'
import { asDeputy, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'

describe('a duplicate merged into the case that carries the work', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
  })
  afterEach(() => app.close())

  it('withdraws the duplicate\'s waiting "please acknowledge", links its timeline, and gives its resident the answer', async () => {
    const first = await asResident(app)
    const neighbour = await asResident(app)
    const a = (await first.post('/api/mp/cases', { text: '建设路社区东门的路灯坏了，晚上很黑', regionId: 'c010101', deputyCode: 'DP0001' })).body
    const b = (await neighbour.post('/api/mp/cases', { text: '建设路社区东门路灯坏了，晚上很黑看不见', regionId: 'c010101', deputyCode: 'DP0002' })).body
    const waiting = async (caseId: string) =>
      (await app.liaison.store.outbox.search({ limit: 50, status: 'pending' })).items
        .filter((m) => m.payload.caseId === caseId)
        .map((m) => `${m.kind}→${m.recipientId}`)
    expect(await waiting(b.id)).to.deep.equal(['case.assigned→dp0002'])

    const lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    expect((await lina.post(`/api/admin/cases/${b.id}/merge`, { intoCaseId: a.id })).status).to.equal(200)
    // Nor "已并入…，无需单独受理" to 王芳, whose notice of it never went out (a-deputy-is-told-a-message-left-him-…).
    expect(await waiting(b.id), 'no "请在 24 小时内受理" for a case that is gone').to.deep.equal([`case.merged→${neighbour.userId}`])
    const merged = (await neighbour.get(`/api/mp/cases/${b.id}`)).body.timeline.at(-1)
    expect(merged).to.deep.include({ label: `和相同问题的留言 ${a.ticket} 一起办理`, relatedCase: { id: a.id, ticket: a.ticket } })

    await (await asDeputy(app, 'dp0001')).post(`/api/mp/deputy/cases/${a.id}/reply`, { text: '已联系供电所，路灯本周修好。' })
    const told = (await app.liaison.store.outbox.search({ limit: 50, recipientId: neighbour.userId, kind: 'case.replied' })).items
    expect(told.map((m) => m.payload.text)).to.deep.equal([
      `您${+b.ticket.slice(4, 6)}月${+b.ticket.slice(6, 8)}日反映的“建设路社区东门路灯坏了…”（编号 ${b.ticket}）与留言 ${a.ticket} 合并办理，张伟代表已答复：已联系供电所，路灯本周修好。`,
    ])
    expect(told[0].payload.caseId).to.equal(b.id)
    const answered = (await neighbour.get(`/api/mp/cases/${b.id}`)).body
    expect(answered.timeline.at(-1)).to.deep.include({
      label: '张伟代表已答复',
      note: '已联系供电所，路灯本周修好。',
      relatedCase: { id: a.id, ticket: a.ticket },
      actor: { role: 'deputy', roleLabel: '代表', name: '张伟' },
    })
    expect(answered.status, 'the duplicate stays closed').to.equal('closed')
  })

  it('lists on the message the duplicates merged into it, each staff member only those they may read; none for a message with none', async () => {
    const [first, second, third] = [await asResident(app), await asResident(app), await asResident(app)]
    const kept = (await first.post('/api/mp/cases', { text: '建设路社区门口的下水道堵了，污水漫到路上', regionId: 'c010101' })).body
    app.clock.advance(3_600_000)
    const sameStreet = (await second.post('/api/mp/cases', { text: '建设路社区门口下水道堵了好几天，路上全是污水', regionId: 'c010101' })).body
    app.clock.advance(3_600_000)
    const otherStreet = (await third.post('/api/mp/cases', { text: '马庄社区下水道也堵了，污水从建设路那边流过来', regionId: 'c010201' })).body
    const stationOf = async (id: string) => (await app.liaison.store.cases.get(id))!.stationId
    expect([await stationOf(kept.id), await stationOf(sameStreet.id), await stationOf(otherStreet.id)]).to.deep.equal(['st001', 'st001', 'st002'])

    const lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    const none = await lina.get(`/api/admin/cases/${kept.id}`)
    expect(none.status).to.equal(200)
    expect(none.body.duplicates, 'nothing merged into it yet').to.deep.equal({ count: 0, label: null, items: [] })

    // The district's organizer sees both streets and merges both into the first message.
    const sunli = await new Client(app.baseUrl).login('sunli', STAFF_PASSWORD)
    expect((await sunli.post(`/api/admin/cases/${sameStreet.id}/merge`, { intoCaseId: kept.id })).status).to.equal(200)
    expect((await sunli.post(`/api/admin/cases/${otherStreet.id}/merge`, { intoCaseId: kept.id })).status).to.equal(200)

    const line = (c: { id: string; ticket: string }, excerpt: string, createdAt: string) => ({ id: c.id, ticket: c.ticket, excerpt, createdAt })
    const both = (await sunli.get(`/api/admin/cases/${kept.id}`)).body.duplicates
    expect(both, 'oldest first, with a short excerpt and when each was received').to.deep.equal({
      count: 2,
      label: '合并到本条的重复留言（2 条）',
      items: [
        line(sameStreet, '建设路社区门口下水道堵了好几天，路上全是污水', '2026-11-23T03:00:00.000Z'),
        line(otherStreet, '马庄社区下水道也堵了，污水从建设路那边流过来', '2026-11-23T04:00:00.000Z'),
      ],
    })

    const ownStation = (await lina.get(`/api/admin/cases/${kept.id}`)).body.duplicates
    expect(ownStation, "李娜 of 轻工街道's station sees the one from her station, not 马庄街道's").to.deep.equal({
      count: 1,
      label: '合并到本条的重复留言（1 条）',
      items: [line(sameStreet, '建设路社区门口下水道堵了好几天，路上全是污水', '2026-11-23T03:00:00.000Z')],
    })
    expect((await lina.get(`/api/admin/cases/${otherStreet.id}`)).status, 'as she cannot open it').to.equal(404)

    const duplicate = (await sunli.get(`/api/admin/cases/${sameStreet.id}`)).body
    expect(duplicate.mergedInto, 'the duplicate names the message it joined').to.equal(kept.id)
    expect(duplicate.duplicates.items, 'and has none of its own').to.deep.equal([])
  })

  it('answers a duplicate of a duplicate too', async () => {
    const residents = [await asResident(app), await asResident(app), await asResident(app)]
    const [a, b, c] = await Promise.all(
      residents.map(async (r) => (await r.post('/api/mp/cases', { text: '路灯坏了', regionId: 'c010101', deputyCode: 'DP0001' })).body),
    )
    const lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    await lina.post(`/api/admin/cases/${c.id}/merge`, { intoCaseId: b.id })
    await lina.post(`/api/admin/cases/${b.id}/merge`, { intoCaseId: a.id })
    await (await asDeputy(app, 'dp0001')).post(`/api/mp/deputy/cases/${a.id}/reply`, { text: '已修好。' })
    for (const [i, r] of residents.entries()) {
      const told = (await app.liaison.store.outbox.search({ limit: 50, recipientId: r.userId, kind: 'case.replied' })).items
      expect(told, `resident ${i}`).to.have.length(1)
    }
  })
})
