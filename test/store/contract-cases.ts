import { expect } from 'chai'
import type { CaseEvent, CaseRecord } from '../../src/domain/case.js'
import { ConflictError } from '../../src/errors.js'
import type { AuditEntry, OutboxMessage, Store } from '../../src/store/ports.js'
import { rejects } from '../helpers/rejects.js'
import { caseEvent, caseRecord, mpUserRecord, outboxMessage } from './records.js'

const T0 = new Date('2026-11-22T02:00:00Z')
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000)

/** The contract of cases, the outbox, people and idempotency keys, for every adapter. */
export function caseContract(store: () => Store) {
  const submit = (over: Partial<CaseRecord> = {}, extra: { events?: CaseEvent[]; outbox?: OutboxMessage[]; date?: string } = {}) => {
    const record = caseRecord(over)
    return store().cases.submit({
      record,
      ticketDate: extra.date ?? '2026-11-22',
      events: extra.events ?? [caseEvent(record.id, 'submitted')],
      outbox: extra.outbox ?? [],
    })
  }

  describe('cases', () => {
    it('numbers tickets per day, from 0001, and finds a case by ticket', async () => {
      const a = await submit()
      const b = await submit()
      const c = await submit({}, { date: '2026-11-23' })
      expect([a.ticket, b.ticket, c.ticket]).to.deep.equal(['20261122-0001', '20261122-0002', '20261123-0001'])
      expect((await store().cases.getByTicket('20261122-0002'))!.id).to.equal(b.id)
      const { ticket: _t, ...rest } = (await store().cases.get(a.id))!
      expect(rest).to.deep.equal(caseRecord({ id: a.id }))
    })

    it("finds a resident's cases by the number after the date, on every day and only hers, newest first", async () => {
      const a = await submit({ createdAt: at(1) }) // 20261122-0001
      const b = await submit({ createdAt: at(2) }) // 20261122-0002
      const others = await submit({ createdAt: at(3), residentId: 'mu2' }) // 20261122-0003
      const d = await submit({ createdAt: at(24 * 60) }, { date: '2026-11-23' }) // 20261123-0001
      await submit({ createdAt: at(24 * 60 + 1), residentId: 'mu2' }, { date: '2026-11-23' }) // 20261123-0002
      const tickets = async (numbers: string[], limit = 10) => (await store().cases.residentNumbered('mu1', numbers, limit)).map((c) => c.ticket)

      expect(await tickets(['0001'])).to.deep.equal([d.ticket, a.ticket])
      expect(await tickets(['0002']), "not the other resident's 0002 of the next day").to.deep.equal([b.ticket])
      expect(await tickets([others.ticket.slice(-4)]), "another resident's number").to.deep.equal([])
      expect(await tickets(['0001', '0002'])).to.deep.equal([d.ticket, b.ticket, a.ticket])
      expect(await tickets(['0001'], 1)).to.deep.equal([d.ticket])
      expect(await tickets(['001', '1', '22-0001']), 'the whole number only, never a part of it').to.deep.equal([])
      expect(await tickets([])).to.deep.equal([])
      expect((await store().cases.residentNumbered('mu1', ['0002'], 10))[0]).to.deep.equal(await store().cases.get(b.id))
    })

    it('finds, of some tickets, the cases once placed with a deputy by their timelines, his now or not, and no others', async () => {
      const placing = (caseId: string, deputyId: string, type: CaseEvent['type'] = 'assigned') => caseEvent(caseId, type, { data: { deputyId } })
      const story = (id: string, deputyId: string | null, events: CaseEvent[]) => submit({ id, deputyId }, { events: [caseEvent(id, 'submitted'), ...events] })
      const movedOn = await story('held-moved', 'dp2', [placing('held-moved', 'dp1'), placing('held-moved', 'dp2', 'transferred')])
      const stillHis = await story('held-kept', 'dp1', [placing('held-kept', 'dp1')])
      const handedBack = await story('held-back', null, [placing('held-back', 'dp1'), caseEvent('held-back', 'transferred', { data: { fromDeputyId: 'dp1' } })])
      const neverHis = await story('held-never', 'dp2', [placing('held-never', 'dp2'), caseEvent('held-never', 'urged', { data: { fromDeputyId: 'dp1' } })])
      const alike = await story('held-alike', 'dp10', [placing('held-alike', 'dp10')])
      const notAsked = await story('held-unasked', null, [placing('held-unasked', 'dp1')])
      const held = async (deputyId: string, tickets: string[]) => (await store().cases.heldOnceBy(deputyId, tickets)).map((c) => c.ticket).sort()
      const asked = [movedOn, stillHis, handedBack, neverHis, alike].map((c) => c.ticket)

      expect(await held('dp1', [...asked, '20261121-0001'])).to.deep.equal([movedOn.ticket, stillHis.ticket, handedBack.ticket].sort())
      expect(await held('dp2', asked)).to.deep.equal([movedOn.ticket, neverHis.ticket].sort())
      expect(await held('dp1', [notAsked.ticket])).to.deep.equal([notAsked.ticket])
      expect(await held('dp3', asked)).to.deep.equal([])
      expect(await held('dp1', [])).to.deep.equal([])
      expect((await store().cases.heldOnceBy('dp1', [movedOn.ticket]))[0], 'the whole case').to.deep.equal(await store().cases.get(movedOn.id))
    })

    it("finds each case's last 催办 since it last came into a deputy's hands or its last 重新办理, in one read for many cases", async () => {
      const urge = (caseId: string, minutes: number, note: string) =>
        caseEvent(caseId, 'urged', { at: at(minutes), actorRole: 'station_staff', actorId: 'sf1', note, data: { deputyId: 'dp1', staffName: '李娜' } })
      const story = (id: string, events: CaseEvent[]) => submit({ id, deputyId: 'dp1' }, { events: [caseEvent(id, 'submitted'), ...events] })
      await story('urged-twice', [urge('urged-twice', 1, '第一次'), urge('urged-twice', 60, '群众又打电话来问了')])
      await story('urged-before-reopen', [urge('urged-before-reopen', 1, '上一轮'), caseEvent('urged-before-reopen', 'reopened', { at: at(90) })])
      await story('urged-again-after-reopen', [
        urge('urged-again-after-reopen', 1, '上一轮'),
        caseEvent('urged-again-after-reopen', 'reopened', { at: at(90) }),
        urge('urged-again-after-reopen', 120, '这一轮'),
      ])
      await story('never-urged', [caseEvent('never-urged', 'assigned', { data: { deputyId: 'dp1' } })])
      await story('not-asked', [urge('not-asked', 1, '没有问到')])
      // Urged, then handed on and back (转交): he got it after the urge, which pressed him while he held it before.
      await story('urged-then-handed-back', [
        urge('urged-then-handed-back', 1, '转交以前'),
        caseEvent('urged-then-handed-back', 'transferred', { at: at(30), data: { fromDeputyId: 'dp1', deputyId: 'dp2' } }),
        caseEvent('urged-then-handed-back', 'transferred', { at: at(60), data: { fromDeputyId: 'dp2', deputyId: 'dp1' } }),
      ])
      await story('urged-since-assigned', [
        urge('urged-since-assigned', 1, '分派以前'),
        caseEvent('urged-since-assigned', 'assigned', { at: at(30), data: { deputyId: 'dp1' } }),
        urge('urged-since-assigned', 60, '分派以后'),
      ])
      const asked = [
        'urged-twice',
        'urged-before-reopen',
        'urged-again-after-reopen',
        'never-urged',
        'no-such-case',
        'urged-then-handed-back',
        'urged-since-assigned',
      ]

      const found = await store().cases.latestUrges(asked)
      expect(found.map((e) => [e.caseId, e.note]).sort()).to.deep.equal([
        ['urged-again-after-reopen', '这一轮'],
        ['urged-since-assigned', '分派以后'],
        ['urged-twice', '群众又打电话来问了'],
      ])
      expect(
        found.find((e) => e.caseId === 'urged-twice'),
        'the whole event',
      ).to.deep.include({
        type: 'urged',
        at: at(60),
        actorRole: 'station_staff',
        actorId: 'sf1',
        data: { deputyId: 'dp1', staffName: '李娜' },
      })
      expect(await store().cases.latestUrges([])).to.deep.equal([])
    })

    it('writes the case, its events and its messages together', async () => {
      const record = await submit({}, { outbox: [outboxMessage('case:x:assigned')] })
      expect((await store().cases.events(record.id)).map((e) => e.type)).to.deep.equal(['submitted'])
      expect((await store().outbox.search({ limit: 10 })).items.map((m) => m.dedupeKey)).to.deep.equal(['case:x:assigned'])
      expect((await store().outbox.countsByStatus()).pending).to.equal(1)
    })

    it('never makes two messages for the same event (dedupe key)', async () => {
      const record = await submit({}, { outbox: [outboxMessage('once')] })
      await store().cases.appendEvents(record.id, [caseEvent(record.id, 'reminded')], [outboxMessage('once'), outboxMessage('twice')])
      expect((await store().outbox.search({ limit: 10 })).items.map((m) => m.dedupeKey)).to.have.members(['once', 'twice'])
    })

    it('refuses a second case with the same idempotency key of the same resident, and writes nothing of it', async () => {
      await submit({ idempotencyKey: 'k1' })
      expect(await rejects(submit({ idempotencyKey: 'k1' }, { outbox: [outboxMessage('lost')] }))).to.be.instanceOf(ConflictError)
      await submit({ idempotencyKey: 'k1', residentId: 'mu2' })
      expect((await store().cases.findByIdempotencyKey('mu1', 'k1'))!.residentId).to.equal('mu1')
      expect((await store().outbox.search({ limit: 10 })).items).to.deep.equal([])
    })

    it('writes nothing of a case whose timeline cannot be written, not even its ticket, while the case sent beside it is kept', async () => {
      const bad = caseRecord()
      const twice = caseEvent(bad.id, 'submitted')
      const [good, refused] = await Promise.allSettled([
        submit({}, { outbox: [outboxMessage('kept')] }),
        submit({ id: bad.id }, { events: [twice, { ...twice, type: 'assigned' }], outbox: [outboxMessage('lost')] }),
      ])
      expect(good.status).to.equal('fulfilled')
      expect(refused.status === 'rejected' && refused.reason).to.be.instanceOf(ConflictError)
      expect(await store().cases.get(bad.id)).to.equal(null)
      expect(await store().cases.events(bad.id)).to.deep.equal([])
      expect((await store().outbox.search({ limit: 10 })).items.map((m) => m.dedupeKey)).to.deep.equal(['kept'])
      expect((await submit()).ticket).to.equal('20261122-0002')
    })

    it('updates only from the version that was read, keeping events in order', async () => {
      const record = await submit()
      const acked = await store().cases.update(
        { ...record, status: 'acknowledged', acknowledgedAt: at(5) },
        [caseEvent(record.id, 'acknowledged', { fromStatus: 'assigned', toStatus: 'acknowledged', at: at(5) })],
        [outboxMessage('ack')],
      )
      expect(acked.version).to.equal(2)
      expect((await store().cases.get(record.id))!).to.deep.include({ status: 'acknowledged', version: 2 })
      const stale = await rejects(store().cases.update({ ...record, status: 'rejected' }, [caseEvent(record.id, 'rejected')], [outboxMessage('stale')]))
      expect(stale).to.be.instanceOf(ConflictError)
      expect((await store().cases.get(record.id))!.status).to.equal('acknowledged')
      expect((await store().cases.events(record.id)).map((e) => e.type)).to.deep.equal(['submitted', 'acknowledged'])
      expect((await store().outbox.search({ limit: 10 })).items.map((m) => m.dedupeKey)).to.deep.equal(['ack'])
    })

    it("writes a staff move's audit entry with the move, and none for a move refused as stale", async () => {
      const record = await submit()
      const entry = (note: string): AuditEntry => ({
        at: at(5),
        actorKind: 'staff',
        actorId: 'staff-1',
        action: 'case.assigned',
        targetKind: 'case',
        targetId: record.id,
        details: { ticket: record.ticket, note },
      })
      await store().cases.update({ ...record, status: 'assigned', deputyId: 'dep-1' }, [caseEvent(record.id, 'assigned')], [], { audit: [entry('交王芳代表')] })
      await rejects(store().cases.update({ ...record, status: 'rejected' }, [caseEvent(record.id, 'rejected')], [], { audit: [entry('不予受理')] }))
      const trail = (await store().audit.list({ limit: 10 })).items
      expect(trail.map((e) => [e.action, e.targetId, e.details.note])).to.deep.equal([['case.assigned', record.id, '交王芳代表']])
    })

    it('searches by resident, deputy, stations, districts, status, topic, place and dates, newest first and paged', async () => {
      const ids: string[] = []
      for (let i = 0; i < 5; i++) ids.push((await submit({ createdAt: at(i), deputyId: i % 2 ? 'dp0002' : 'dp0001', topic: i < 2 ? '教育' : '城乡建设' })).id)
      const page1 = await store().cases.search({ limit: 2 })
      const page2 = await store().cases.search({ limit: 2, cursor: page1.nextCursor })
      const page3 = await store().cases.search({ limit: 2, cursor: page2.nextCursor })
      expect([...page1.items, ...page2.items, ...page3.items].map((c) => c.id)).to.deep.equal([...ids].reverse())
      expect(page3.nextCursor).to.equal(null)
      const find = async (q: object) => (await store().cases.search({ limit: 10, ...q })).items.map((c) => c.id).sort()
      expect(await find({ deputyId: 'dp0002' })).to.deep.equal([ids[1], ids[3]].sort())
      expect(await find({ topic: '教育' })).to.deep.equal([ids[0], ids[1]].sort())
      expect(await find({ stationIds: ['st009'] })).to.deep.equal([])
      expect(await find({ stationIds: [] })).to.deep.equal([])
      expect(await find({ districtIds: ['d01'], statuses: ['assigned'] })).to.have.length(5)
      expect(await find({ regionIds: ['c010101'] })).to.have.length(5)
      expect(await find({ createdFrom: at(1), createdTo: at(3) })).to.deep.equal([ids[1], ids[2]].sort())
      expect(await find({ residentId: 'someone-else' })).to.deep.equal([])
    })

    it("finds cases by the resident's latest rating, in lists and statistics alike", async () => {
      const pleased = await submit({ status: 'closed', rating: 5 })
      await submit({ status: 'closed', rating: 2 })
      await submit()
      expect((await store().cases.search({ limit: 10, rating: 5 })).items.map((c) => c.id)).to.deep.equal([pleased.id])
      expect((await store().cases.listForStats({ rating: 5 })).map((c) => c.id)).to.deep.equal([pleased.id])
    })

    it('finds cases waiting at an office: a district office, or the city office', async () => {
      const district = await submit({ stationId: null, deputyId: null, officeRegionId: 'd02', status: 'submitted' })
      const city = await submit({ stationId: null, deputyId: null, officeRegionId: null, status: 'submitted' })
      await submit()
      const find = async (ids: Array<string | null>) => (await store().cases.search({ limit: 10, officeRegionIds: ids })).items.map((c) => c.id)
      expect(await find(['d02'])).to.deep.equal([district.id])
      expect(await find([null])).to.deep.equal([city.id])
    })

    it('orders by the deadline that matters now, and finds the overdue (past the reply deadline) and the 未按时受理 apart', async () => {
      const late = await submit({ ackDueAt: at(10) })
      const acked = await submit({ status: 'acknowledged', acknowledgedAt: at(1), replyDueAt: at(5) })
      const done = await submit({ status: 'replied', repliedAt: at(2), ackDueAt: at(1) })
      const byDue = await store().cases.search({ limit: 10, order: 'due' })
      expect(byDue.items.map((c) => c.id)).to.deep.equal([acked.id, late.id, done.id])
      const page1 = await store().cases.search({ limit: 1, order: 'due' })
      const page2 = await store().cases.search({ limit: 5, order: 'due', cursor: page1.nextCursor })
      expect(page2.items.map((c) => c.id)).to.deep.equal([late.id, done.id])
      const overdue = await store().cases.search({ limit: 10, overdueAt: at(7) })
      expect(overdue.items.map((c) => c.id)).to.deep.equal([acked.id])
      // Past its acknowledgement's deadline, its reply not yet due: 未按时受理, never 超期.
      expect((await store().cases.search({ limit: 10, overdueAt: at(11) })).items.map((c) => c.id)).to.deep.equal([acked.id])
      expect((await store().cases.search({ limit: 10, ackLateAt: at(11) })).items.map((c) => c.id)).to.deep.equal([late.id])
      expect(await store().cases.countUpTo({ ackLateAt: at(11) }, 100)).to.equal(1)
      expect(await store().cases.countUpTo({ overdueAt: at(11) }, 100)).to.equal(1)
    })

    it('lists the overdue (past the reply deadline) newest first, page by page, for the whole province and within a district alike', async () => {
      const late: CaseRecord[] = []
      for (let i = 0; i < 6; i++) {
        const mine = await submit({
          createdAt: at(i),
          // The first was asked to answer early (要求答复日期) and given a day to acknowledge after that: overdue all the same.
          ackDueAt: at(i === 0 ? 100 : 10),
          replyDueAt: at(i % 3 === 1 ? 500 : 20),
          districtId: i < 3 ? 'd01' : 'd02',
          handlingDistrictId: i < 3 ? 'd01' : 'd02',
        })
        if (i % 3 !== 1) late.push(mine)
      }
      // Late too, but answered or closed: no deadline is waiting.
      await submit({ createdAt: at(7), status: 'replied', repliedAt: at(8), ackDueAt: at(1), replyDueAt: at(2) })
      const pages = async (q: object) => {
        const ids: string[] = []
        let cursor: string | undefined
        do {
          const page = await store().cases.search({ limit: 2, overdueAt: at(50), cursor, ...q })
          ids.push(...page.items.map((c) => c.id))
          cursor = page.nextCursor ?? undefined
        } while (cursor)
        return ids
      }
      expect(await pages({})).to.deep.equal(late.map((c) => c.id).reverse())
      expect(await pages({ districtIds: ['d02'] })).to.deep.equal([late[3].id, late[2].id])
      expect(await pages({ order: 'due' })).to.have.members(late.map((c) => c.id))
    })

    it("counts the open cases in each deputy's hands", async () => {
      await submit({ deputyId: 'dp0001' })
      await submit({ deputyId: 'dp0001', status: 'acknowledged' })
      await submit({ deputyId: 'dp0001', status: 'replied' })
      await submit({ deputyId: 'dp0002', status: 'forwarded' })
      expect(await store().cases.deputyLoads(['dp0001', 'dp0002', 'dp0003'])).to.deep.equal({ dp0001: 2, dp0002: 1 })
      expect(await store().cases.deputyLoads([])).to.deep.equal({})
    })

    it("moves a case's weight as it is acknowledged, handed to another deputy and answered", async () => {
      const record = await submit({ deputyId: 'dp0001' })
      await submit({ deputyId: 'dp0001' })
      const acked = await store().cases.update({ ...record, status: 'acknowledged' }, [caseEvent(record.id, 'acknowledged')], [])
      expect(await store().cases.deputyLoads(['dp0001', 'dp0002'])).to.deep.equal({ dp0001: 2 })
      const moved = await store().cases.update({ ...acked, deputyId: 'dp0002', status: 'assigned' }, [caseEvent(record.id, 'transferred')], [])
      expect(await store().cases.deputyLoads(['dp0001', 'dp0002'])).to.deep.equal({ dp0001: 1, dp0002: 1 })
      await store().cases.update({ ...moved, status: 'replied' }, [caseEvent(record.id, 'replied')], [])
      expect(await store().cases.deputyLoads(['dp0001', 'dp0002'])).to.deep.equal({ dp0001: 1 })
    })

    it('lists open cases for the SLA job, and recent open ones of a community', async () => {
      const open = await submit()
      await submit({ status: 'closed' })
      const replied = await submit({ status: 'replied' })
      expect((await store().cases.listOpen()).map((c) => c.id).sort()).to.deep.equal([open.id, replied.id].sort())
      const old = await submit({ createdAt: new Date('2026-10-01T00:00:00Z') })
      const recent = await store().cases.recentInCommunity('c010101', new Date('2026-11-01T00:00:00Z'))
      expect(recent.map((c) => c.id))
        .to.include(open.id)
        .and.not.include(old.id)
      expect(await store().cases.listForStats({ statuses: ['closed'] })).to.have.length(1)
    })
  })

  describe('cases: place, ratings and merged duplicates', () => {
    it('keeps the handling district and every rating, and finds a case by either district', async () => {
      const moved = await submit({
        districtId: 'd02',
        handlingDistrictId: 'd01',
        ratings: [
          { rating: 2, comment: '还是臭', at: at(1) },
          { rating: 4, comment: null, at: at(9) },
        ],
      })
      const stored = (await store().cases.get(moved.id))!
      expect(stored).to.deep.include({ districtId: 'd02', handlingDistrictId: 'd01' })
      expect(stored.ratings).to.deep.equal([
        { rating: 2, comment: '还是臭', at: at(1) },
        { rating: 4, comment: null, at: at(9) },
      ])
      const home = await submit({ districtId: 'd03', handlingDistrictId: 'd03' })
      const find = async (districtIds: string[]) => (await store().cases.listForStats({ districtIds })).map((c) => c.id).sort()
      expect(await find(['d02'])).to.deep.equal([moved.id])
      expect(await find(['d01'])).to.deep.equal([moved.id])
      expect(await find(['d03'])).to.deep.equal([home.id])
      expect(await find([])).to.deep.equal([])
    })

    it("lists a district's cases, the place's and those it handles, each once, page by page in both orders", async () => {
      const moved = await submit({ districtId: 'd02', handlingDistrictId: 'd01', createdAt: at(1), ackDueAt: at(3000) })
      const home = await submit({ districtId: 'd01', handlingDistrictId: 'd01', createdAt: at(2), ackDueAt: at(2000) })
      const away = await submit({ districtId: 'd01', handlingDistrictId: 'd03', createdAt: at(3), ackDueAt: at(1000) })
      await submit({ districtId: 'd03', handlingDistrictId: 'd03', createdAt: at(4) })
      for (const [order, expected] of [
        ['newest', [away.id, home.id, moved.id]],
        ['due', [away.id, home.id, moved.id]],
      ] as const) {
        for (const limit of [2, 10]) {
          const seen: string[] = []
          let cursor: string | undefined
          do {
            const page = await store().cases.search({ districtIds: ['d01'], order, limit, cursor })
            seen.push(...page.items.map((c) => c.id))
            cursor = page.nextCursor ?? undefined
          } while (cursor)
          expect(seen, `${order}, ${limit} a page`).to.deep.equal(expected)
        }
      }
    })

    it("lists a district's cases or a street's stations' (an organizer of both), each once, page by page in both orders, with other filters", async () => {
      const moved = await submit({ districtId: 'd02', handlingDistrictId: 'd01', stationId: 'st009', createdAt: at(1), ackDueAt: at(3000) })
      const street = await submit({ districtId: 'd03', handlingDistrictId: 'd03', stationId: 'st031', createdAt: at(2), ackDueAt: at(2000) })
      const both = await submit({ districtId: 'd01', handlingDistrictId: 'd01', stationId: 'st031', createdAt: at(3), ackDueAt: at(1000), topic: '教育' })
      await submit({ districtId: 'd03', handlingDistrictId: 'd03', stationId: 'st032', createdAt: at(4) })
      const either = { districtsOrStations: { districtIds: ['d01'], stationIds: ['st031'] } }
      for (const [order, expected] of [
        ['newest', [both.id, street.id, moved.id]],
        ['due', [both.id, street.id, moved.id]],
      ] as const) {
        for (const limit of [1, 2, 10]) {
          const seen: string[] = []
          let cursor: string | undefined
          do {
            const page = await store().cases.search({ ...either, order, limit, cursor })
            seen.push(...page.items.map((c) => c.id))
            cursor = page.nextCursor ?? undefined
          } while (cursor)
          expect(seen, `${order}, ${limit} a page`).to.deep.equal(expected)
        }
      }
      const ids = (cases: CaseRecord[]) => cases.map((c) => c.id)
      expect(ids((await store().cases.search({ ...either, topic: '教育', limit: 10 })).items)).to.deep.equal([both.id])
      expect(ids((await store().cases.search({ ...either, stationIds: ['st009'], limit: 10 })).items)).to.deep.equal([moved.id])
      expect(ids(await store().cases.listForStats(either))).to.deep.equal([moved.id, street.id, both.id])
      expect(ids(await store().cases.listForStats({ districtsOrStations: { districtIds: [], stationIds: ['st031'] } }))).to.deep.equal([street.id, both.id])
      expect(await store().cases.listForStats({ districtsOrStations: { districtIds: [], stationIds: [] } }), 'empty lists match nothing').to.deep.equal([])
      expect((await store().cases.search({ districtsOrStations: { districtIds: [], stationIds: [] }, limit: 10 })).items).to.deep.equal([])
    })

    it('finds the cases merged into one, oldest first', async () => {
      const into = await submit()
      const a = await submit({ mergedInto: into.id, status: 'closed', createdAt: at(2) })
      const b = await submit({ mergedInto: into.id, status: 'closed', createdAt: at(1) })
      await submit()
      expect((await store().cases.mergedInto(into.id)).map((c) => c.id)).to.deep.equal([b.id, a.id])
      expect(await store().cases.mergedInto(a.id)).to.deep.equal([])
    })

    it('finds the withdrawn and rejected cases that a closed case is still merged into, and only those', async () => {
      const withdrawn = await submit({ status: 'withdrawn', createdAt: at(2) })
      const rejected = await submit({ status: 'rejected', createdAt: at(1) })
      const open = await submit()
      const freedFrom = await submit({ status: 'withdrawn' })
      await submit({ mergedInto: withdrawn.id, status: 'closed' })
      await submit({ mergedInto: withdrawn.id, status: 'closed' })
      await submit({ mergedInto: rejected.id, status: 'closed' })
      await submit({ mergedInto: open.id, status: 'closed' })
      // Freed already, its old link kept by nothing but an open status: not to free again.
      await submit({ mergedInto: freedFrom.id, status: 'submitted' })
      expect((await store().cases.endedCarriers()).map((c) => c.id)).to.deep.equal([rejected.id, withdrawn.id])
    })

    it("writes an event to the timeline of the case it names, and withdraws only this case's waiting messages of the kinds given", async () => {
      const into = await submit()
      const dup = await submit({}, { outbox: [outboxMessage('dup:assigned', { payload: { caseId: 'x' } })] })
      await store().outbox.enqueue([
        outboxMessage('dup:ask', { kind: 'case.assigned', payload: { caseId: dup.id } }),
        outboxMessage('dup:told', { kind: 'case.acknowledged', recipientKind: 'mp_user', payload: { caseId: dup.id } }),
        outboxMessage('into:ask', { kind: 'case.assigned', payload: { caseId: into.id } }),
      ])
      await store().cases.update(
        { ...dup, status: 'closed', mergedInto: into.id },
        [caseEvent(dup.id, 'merged')],
        [outboxMessage('dup:merged', { kind: 'case.merged', payload: { caseId: dup.id } })],
        { withdraw: ['case.assigned'] },
      )
      const keys = (await store().outbox.search({ limit: 20 })).items.map((m) => m.dedupeKey).sort()
      expect(keys).to.deep.equal(['dup:assigned', 'dup:merged', 'dup:told', 'into:ask'])

      const fresh = (await store().cases.get(into.id))!
      await store().cases.update({ ...fresh, status: 'replied' }, [caseEvent(into.id, 'replied'), caseEvent(dup.id, 'replied', { note: 'via' })], [])
      expect((await store().cases.events(into.id)).map((e) => e.type)).to.deep.equal(['submitted', 'replied'])
      const dupEvents = await store().cases.events(dup.id)
      expect(dupEvents.map((e) => [e.type, e.caseId, e.note])).to.deep.equal([
        ['submitted', dup.id, null],
        ['merged', dup.id, null],
        ['replied', dup.id, 'via'],
      ])
    })
  })

  describe('people of the mini-program', () => {
    const user = mpUserRecord('mu1', { openid: 'o-1', createdAt: T0 })

    it('creates, finds by openid and deputy, and updates', async () => {
      await store().mpUsers.create(user)
      expect(await store().mpUsers.getByOpenid('o-1')).to.deep.equal(user)
      expect(await store().mpUsers.get('mu1')).to.deep.equal(user)
      expect(await store().mpUsers.get('mu9')).to.equal(null)
      await store().mpUsers.update('mu1', { deputyId: 'dp0001', consentVersion: 'v1', consentAt: at(1) })
      expect((await store().mpUsers.listByDeputyId('dp0001')).map((u) => u.id)).to.deep.equal(['mu1'])
      expect((await store().mpUsers.get('mu1'))!).to.deep.include({ id: 'mu1', consentVersion: 'v1' })
      expect(await rejects(store().mpUsers.create({ ...user, id: 'mu2' }))).to.be.instanceOf(ConflictError)
    })

    it("lists a deputy's mini-program account and bot contact together, oldest first", async () => {
      await store().mpUsers.create({ ...user, deputyId: 'dp0001' })
      await store().mpUsers.create({ ...user, id: 'mu0', openid: null, botContactId: 'wx-zhang', createdAt: at(5), deputyId: 'dp0001' })
      await store().mpUsers.create({ ...user, id: 'mu3', openid: 'o-3', deputyId: 'dp0002' })
      expect((await store().mpUsers.listByDeputyId('dp0001')).map((u) => u.id)).to.deep.equal(['mu1', 'mu0'])
      expect(await store().mpUsers.listByDeputyId('dp9999')).to.deep.equal([])
    })
  })

  describe('idempotency keys', () => {
    it('claims a key once, replays what was stored, and releases an unfinished claim', async () => {
      const ids = store().idempotency
      expect(await ids.claim('mu1:POST /api/mp/cases', 'k', 'h1', T0)).to.equal('claimed')
      const pending = await ids.claim('mu1:POST /api/mp/cases', 'k', 'h1', T0)
      expect(pending).to.deep.include({ status: null, requestHash: 'h1' })
      await ids.complete('mu1:POST /api/mp/cases', 'k', 201, { ticket: 'x' })
      expect(await ids.claim('mu1:POST /api/mp/cases', 'k', 'h2', T0)).to.deep.include({ status: 201, body: { ticket: 'x' }, requestHash: 'h1' })
      expect(await ids.claim('mu2:POST /api/mp/cases', 'k', 'h1', T0), 'keys are per caller').to.equal('claimed')
      await ids.release('mu2:POST /api/mp/cases', 'k')
      expect(await ids.claim('mu2:POST /api/mp/cases', 'k', 'h1', T0)).to.equal('claimed')
      expect(await ids.purgeBefore(at(1))).to.equal(2)
    })
  })
}
