import { expect } from 'chai'
import type { AuditEntry, Store } from '../../src/store/ports.js'
import { caseEvent, caseRecord } from './records.js'

const T0 = new Date('2026-12-07T01:00:00Z')
const entry = (n: number, over: Partial<AuditEntry>): AuditEntry => ({
  at: new Date(T0.getTime() + n * 1000),
  actorKind: 'staff',
  actorId: 'admin',
  action: 'case.text.read',
  targetKind: null,
  targetId: null,
  details: {},
  ...over,
})

/**
 * An office's part of 操作记录 (AuditQuery.reach), for every adapter: the entries by or about its people and places, and
 * those about its residents' messages, found by the message's district (written or handled there) or station.
 */
export function auditReachContract(store: () => Store) {
  describe('audit log: an office reads its own part', () => {
    it('keeps the entries by or about its ids and about its cases, newest first, and pages through them', async () => {
      const submit = async (over: Parameters<typeof caseRecord>[0]) => {
        const record = caseRecord(over)
        return store().cases.submit({ record, ticketDate: '2026-12-07', events: [caseEvent(record.id, 'submitted')], outbox: [] })
      }
      const own = await submit({ districtId: 'd01', stationId: 'st001' })
      const handedIn = await submit({ districtId: 'd02', stationId: null, handlingDistrictId: 'd01' })
      const streets = await submit({ districtId: 'd02', stationId: 'st009', handlingDistrictId: 'd02' })
      const other = await submit({ districtId: 'd02', stationId: 'st004', handlingDistrictId: 'd02' })
      const entries = [
        entry(1, { targetKind: 'case', targetId: own.id }),
        entry(2, { targetKind: 'case', targetId: other.id }),
        entry(3, { actorId: 'sf01', action: 'login.succeeded' }),
        entry(4, { actorId: 'sf05', action: 'login.succeeded' }),
        entry(5, { action: 'station.update', targetKind: 'station', targetId: 'st001' }),
        entry(6, { targetKind: 'case', targetId: handedIn.id }),
        entry(7, { targetKind: 'case', targetId: streets.id }),
        entry(8, { action: 'station.update', targetKind: 'station', targetId: 'st004' }),
      ]
      for (const e of entries) await store().audit.append(e)
      const reach = { ids: ['sf01', 'st001'], districtIds: ['d01'], stationIds: ['st009'] }
      const first = await store().audit.list({ limit: 3, reach })
      const second = await store().audit.list({ limit: 3, reach, cursor: first.nextCursor })
      const said = (e: { actorId: string | null; targetId: string | null }) => e.targetId ?? e.actorId
      expect([...first.items, ...second.items].map(said)).to.deep.equal([streets.id, handedIn.id, 'st001', 'sf01', own.id])
      expect(second.nextCursor).to.equal(null)
      // With the other filters: of its own part, only that action.
      expect((await store().audit.list({ limit: 10, reach, action: 'login.succeeded' })).items.map(said)).to.deep.equal(['sf01'])
    })
  })
}
