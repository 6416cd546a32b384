import { expect } from 'chai'
import { asAdmin, asResident, startApp, type TestApp } from '../helpers/app.js'
import { caseCity } from '../fixtures.js'
import { asStaff } from '../helpers/meetings.js'

/**
 * 王五, clerk of 新华街道代表联络站 (no deputy yet), hands a message up to 新华区's office (上报). It
 * leaves his list; when the resident rings and he searches its number, he is told it was handed up,
 * to whom and where it stands now, not that no such message exists (which would make him doubt her).
 * Nothing of its content or of who handles it; and another station's clerk searching the same number
 * is told nothing about it.
 */
describe('searching the number of a message the station handed up (上报)', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
  })
  afterEach(() => app.close())

  it('says where it went and where it stands, to the station that handed it up only', async () => {
    const resident = await asResident(app)
    const sent = await resident.post('/api/mp/cases', { text: '新华社区的公交站台太窄，下雨天没处躲', regionId: 'c020101' })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    const { id, ticket } = sent.body as { id: string; ticket: string }
    const number = ticket.slice(-4)
    const wangwu = await asStaff(app, 'wangwu')
    expect((await wangwu.post(`/api/admin/cases/${id}/hand-up`, { reason: '本站暂无代表' })).status).to.equal(200)

    for (const q of [number, ticket]) {
      const found = await wangwu.get(`/api/admin/cases?q=${encodeURIComponent(q)}`)
      expect(found.status, JSON.stringify(found.body)).to.equal(200)
      expect(found.body.items, 'no longer in his list').to.deep.equal([])
      expect(found.body.handedUp, q).to.deep.equal([
        {
          ticket,
          kind: 'handedUp',
          text:
            `编号 ${ticket} 的留言已于11月23日由本站上报新华区人大办，由新华区人大办负责办理。现在：还在等新华区人大办分派代表。` +
            '本站已不能查看它的内容；群众问起时，可以请群众在“我的留言”里查看进展，或联系新华区人大常委会办公室。',
        },
      ])
    }
    expect((await wangwu.get(`/api/admin/cases?q=${encodeURIComponent('公交站台')}`)).body.handedUp, 'words find nothing of it').to.deep.equal([])

    const lina = await asStaff(app, 'lina') // 轻工街道: not her station's
    for (const q of [number, ticket]) {
      const other = await lina.get(`/api/admin/cases?q=${encodeURIComponent(q)}`)
      expect([other.body.items, other.body.handedUp], "another station's message: nothing").to.deep.equal([[], []])
    }

    // The office gives it to a deputy: he learns it is in a deputy's hands, never whose.
    expect((await (await asAdmin(app)).post(`/api/admin/cases/${id}/assign`, { deputyId: 'dp0001' })).status).to.equal(200)
    const later = (await wangwu.get(`/api/admin/cases?q=${number}`)).body.handedUp as Array<{ text: string }>
    expect(later).to.have.length(1)
    expect(later[0].text).to.include('现在：已交给代表，在等代表受理。').and.not.include('张伟')
  })

  /** A message of 李娜's station (轻工街道) that 孙丽 of the district office gives to 赵敏, who serves 马庄街道 only. */
  async function movedToMazhuang(text: string) {
    const resident = await asResident(app)
    const sent = await resident.post('/api/mp/cases', { text, regionId: 'c010101' })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    const sunli = await asStaff(app, 'sunli')
    const moved = await sunli.post(`/api/admin/cases/${sent.body.id}/assign`, { deputyId: 'dp0004' })
    expect(moved.status, JSON.stringify(moved.body)).to.equal(200)
    expect(moved.body.handledBy.station).to.equal('马庄街道代表联络站')
    return sent.body as { id: string; ticket: string }
  }

  it('says a message of her station moved to another station went there and when, and nothing more', async () => {
    const { ticket } = await movedToMazhuang('建设路上的井盖松了，车一过就响')
    const lina = await asStaff(app, 'lina')
    for (const q of [ticket.slice(-4), ticket]) {
      const found = await lina.get(`/api/admin/cases?q=${encodeURIComponent(q)}`)
      expect(found.status, JSON.stringify(found.body)).to.equal(200)
      expect(found.body.items, 'no longer in her list').to.deep.equal([])
      expect(found.body.handedUp, q).to.deep.equal([
        {
          ticket,
          kind: 'movedAway',
          text:
            `编号 ${ticket} 的留言已于11月23日转给马庄街道代表联络站办理。` +
            '本站已不能查看它的内容；群众问起时，可以请群众在“我的留言”里查看进展，或联系马庄街道代表联络站。',
        },
      ])
    }
    // The station that has it now finds it in its list, with no such note.
    const zhoujie = await asStaff(app, 'zhoujie')
    const theirs = await zhoujie.get(`/api/admin/cases?q=${ticket}`)
    expect([theirs.body.items.map((r: { ticket: string }) => r.ticket), theirs.body.handedUp]).to.deep.equal([[ticket], []])
  })

  it("reads a gone message's timeline for the first page of a number search, or a later page that asks, never for words", async () => {
    const gone = await movedToMazhuang('建设路上的井盖松了，车一过就响')
    // Two messages of hers with the same number on the next two days: the search has a second page.
    for (const day of ['2026-11-24T02:00:00Z', '2026-11-25T02:00:00Z']) {
      app.clock.set(new Date(day))
      const sent = await (await asResident(app)).post('/api/mp/cases', { text: '建设路社区的垃圾桶满了没人清', regionId: 'c010101' })
      expect(sent.body.ticket.slice(-4)).to.equal(gone.ticket.slice(-4))
    }
    const cases = app.liaison.store.cases
    const read = cases.events.bind(cases)
    let readsOfGone = 0
    cases.events = (id: string) => ((readsOfGone += id === gone.id ? 1 : 0), read(id))

    const lina = await asStaff(app, 'lina')
    const first = await lina.get(`/api/admin/cases?q=${gone.ticket.slice(-4)}&limit=1`)
    expect(first.body.handedUp.map((h: { ticket: string }) => h.ticket)).to.deep.equal([gone.ticket])
    expect(first.body.nextCursor, 'a second page').to.be.a('string')
    expect(readsOfGone, 'the first page reads it').to.equal(1)

    readsOfGone = 0
    const second = await lina.get(`/api/admin/cases?q=${gone.ticket.slice(-4)}&limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`)
    expect(second.status, JSON.stringify(second.body)).to.equal(200)
    expect(second.body.items).to.have.length(1)
    expect(second.body.handedUp, 'the note came with the first page').to.deep.equal([])
    expect((await lina.get(`/api/admin/cases?q=${encodeURIComponent('井盖')}`)).body.handedUp).to.deep.equal([])
    expect(readsOfGone, 'a later page and a search by words read nothing of it').to.equal(0)

    // The console comes back to page 2 (from a message, or on reload) without the note: it asks, and is told.
    const asked = await lina.get(`/api/admin/cases?q=${gone.ticket.slice(-4)}&limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}&whereabouts=true`)
    expect(asked.status, JSON.stringify(asked.body)).to.equal(200)
    expect(asked.body.items.map((r: { ticket: string }) => r.ticket)).to.deep.equal(second.body.items.map((r: { ticket: string }) => r.ticket))
    expect(asked.body.handedUp.map((h: { ticket: string; text: string }) => [h.ticket, h.text.includes('转给马庄')])).to.deep.equal([[gone.ticket, true]])
    expect(readsOfGone, 'read once more, for the page that asked').to.equal(1)
  })
})
