import { expect } from 'chai'
import type { Store } from '../../src/store/ports.js'
import { caseRecord } from './records.js'

const T0 = new Date('2026-12-01T02:00:00Z')
const y2026 = {
  year: 2026,
  days: [
    { date: '2026-01-01', name: '元旦', isOffDay: true },
    { date: '2026-01-04', name: '元旦', isOffDay: false },
  ],
  importedAt: T0,
  importedBy: 'bundled',
}
const y2025 = { year: 2025, days: [{ date: '2025-01-01', name: '元旦', isOffDay: true }], importedAt: T0, importedBy: 'bundled' }

/** The contract of the business calendar's storage, and of the provisional mark on case deadlines. */
export function calendarContract(store: () => Store) {
  describe('the business calendar', () => {
    it('is seeded once, on a store that holds no year, and lists years oldest first', async () => {
      expect(await store().calendar.listYears()).to.deep.equal([])
      expect(await store().calendar.seedIfEmpty([y2026, y2025])).to.equal(true)
      expect(await store().calendar.seedIfEmpty([{ ...y2025, importedBy: 'again' }]), 'a second open seeds nothing').to.equal(false)
      expect(await store().calendar.listYears()).to.deep.equal([y2025, y2026])
    })

    it('replaces a year whole when it is imported again, and adds a new one', async () => {
      await store().calendar.seedIfEmpty([y2025, y2026])
      const later = new Date('2026-12-02T03:00:00Z')
      const revised = { year: 2026, days: [{ date: '2026-10-01', name: '国庆节', isOffDay: true }], importedAt: later, importedBy: 'sf01' }
      await store().calendar.replaceYear(revised)
      const y2027 = { year: 2027, days: [{ date: '2027-01-01', name: '元旦', isOffDay: true }], importedAt: later, importedBy: 'cli' }
      await store().calendar.replaceYear(y2027)
      expect(await store().calendar.listYears()).to.deep.equal([y2025, revised, y2027])
    })

    it("keeps whether a case's deadlines are provisional", async () => {
      const record = caseRecord({ id: 'case-provisional', deadlinesProvisional: true })
      const stored = await store().cases.submit({ record, ticketDate: '2026-12-24', events: [], outbox: () => [] })
      expect(stored.deadlinesProvisional).to.equal(true)
      expect((await store().cases.get('case-provisional'))!.deadlinesProvisional).to.equal(true)
      await store().cases.update({ ...stored, deadlinesProvisional: false }, [], [])
      expect((await store().cases.get('case-provisional'))!.deadlinesProvisional ?? false).to.equal(false)
      await store().cases.submit({ record: caseRecord({ id: 'case-plain' }), ticketDate: '2026-12-24', events: [], outbox: () => [] })
      expect((await store().cases.get('case-plain'))!.deadlinesProvisional ?? false, 'a case written without the field is not provisional').to.equal(false)
    })
  })
}
