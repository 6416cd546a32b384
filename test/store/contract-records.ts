import { expect } from 'chai'
import type { ActivityRecord } from '../../src/domain/record-activity.js'
import type { OutboxMessage, Store } from '../../src/store/ports.js'
import { DEFAULT_POINT_RULES } from '../../src/domain/record-points.js'
import { rejects } from '../helpers/rejects.js'

const T0 = new Date('2026-11-23T02:00:00Z')
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000)
const activity = (id: string, over: Partial<ActivityRecord> = {}): ActivityRecord => ({
  id,
  deputyId: 'dp0001',
  stationId: 'st001',
  kind: 'research',
  date: '2026-11-20',
  place: '建设路社区',
  text: '调研老旧小区加装电梯',
  photos: ['/api/mp/uploads/abcdefghijklmnopqrstuv.jpg'],
  status: 'pending',
  reviewNote: null,
  reviewedBy: null,
  reviewedAt: null,
  createdAt: T0,
  updatedAt: T0,
  ...over,
})
const message = (dedupeKey: string): OutboxMessage => ({
  id: `ob-rec-${dedupeKey}`,
  channel: 'auto',
  recipientKind: 'deputy',
  recipientId: 'dp0001',
  kind: 'record.activity_reviewed',
  payload: { text: '已通过' },
  dedupeKey,
  status: 'pending',
  attempts: 0,
  nextAttemptAt: T0,
  lastError: null,
  createdAt: T0,
})

/** The contract of 履职档案's own records (activities, point rules, 述职评议 links), for every adapter. */
export function recordsContract(store: () => Store) {
  describe('deputy records', () => {
    it('keeps a reported activity as it was given, lists newest first by page and by station, status and deputy', async () => {
      const repo = store().recordActivities
      await repo.create(activity('ra1', { createdAt: at(1) }))
      await repo.create(activity('ra2', { createdAt: at(2), stationId: 'st002', kind: 'inspection' }))
      await repo.create(activity('ra3', { createdAt: at(3), deputyId: 'dp0002', status: 'approved' }))
      expect(await repo.get('ra1')).to.deep.equal(activity('ra1', { createdAt: at(1) }))
      expect(await repo.get('nope')).to.equal(null)
      const first = await repo.search({ limit: 2 })
      expect(first.items.map((a) => a.id)).to.deep.equal(['ra3', 'ra2'])
      const second = await repo.search({ limit: 2, cursor: first.nextCursor })
      expect(second.items.map((a) => a.id)).to.deep.equal(['ra1'])
      expect(second.nextCursor).to.equal(null)
      expect((await repo.search({ limit: 10, stationIds: ['st001'], statuses: ['pending'] })).items.map((a) => a.id)).to.deep.equal(['ra1'])
      expect((await repo.search({ limit: 10, stationIds: [] })).items).to.deep.equal([])
      expect((await repo.search({ limit: 10, deputyId: 'dp0002' })).items.map((a) => a.id)).to.deep.equal(['ra3'])
      await rejects(repo.create(activity('ra1')))
    })

    it("gives a deputy's activities of a span of dates, earliest first", async () => {
      const repo = store().recordActivities
      await repo.create(activity('rb1', { date: '2026-03-01' }))
      await repo.create(activity('rb2', { date: '2025-12-31' }))
      await repo.create(activity('rb3', { date: '2026-01-01', createdAt: at(5) }))
      await repo.create(activity('rb4', { date: '2026-12-31', deputyId: 'dp0002' }))
      expect((await repo.ofDeputy('dp0001', '2026-01-01', '2026-12-31')).map((a) => a.id)).to.deep.equal(['rb3', 'rb1'])
    })

    it('writes a review only over the status it was read in, with its message, and refuses a second reviewer', async () => {
      const repo = store().recordActivities
      await repo.create(activity('rc1'))
      const approved = { ...activity('rc1'), status: 'approved' as const, reviewedBy: 'sf01', reviewedAt: at(10), updatedAt: at(10) }
      await repo.update(approved, 'pending', [message('rc1:reviewed')])
      expect(await repo.get('rc1')).to.deep.equal(approved)
      const late = await rejects(repo.update({ ...approved, status: 'returned', reviewNote: '照片不清楚' }, 'pending', [message('rc1:again')]))
      expect(late).to.have.property('code', 'stale_activity')
      expect((await repo.get('rc1'))?.status).to.equal('approved')
      const sent = await store().outbox.search({ kind: 'record.activity_reviewed', limit: 10 })
      expect(sent.items.map((m) => m.dedupeKey)).to.deep.equal(['rc1:reviewed'])
    })

    it("keeps each office's point rules, replacing on save, and seeds only an office that has none", async () => {
      const rules = store().pointRules
      expect(await rules.get('city')).to.equal(null)
      expect(await rules.seedIfAbsent({ office: 'city', rules: DEFAULT_POINT_RULES, updatedBy: 'system', updatedAt: T0 })).to.equal(true)
      expect(await rules.seedIfAbsent({ office: 'city', rules: [], updatedBy: 'system', updatedAt: at(1) })).to.equal(false)
      expect(await rules.get('city')).to.deep.equal({ office: 'city', rules: DEFAULT_POINT_RULES, updatedBy: 'system', updatedAt: T0 })
      const mine = [{ item: 'meeting_attended' as const, points: 2.5, cap: 20 }]
      await rules.save({ office: 'd01', rules: mine, updatedBy: 'sf02', updatedAt: at(2) })
      await rules.save({ office: 'd01', rules: [{ ...mine[0]!, cap: null }], updatedBy: 'sf02', updatedAt: at(3) })
      expect(await rules.get('d01')).to.deep.equal({
        office: 'd01',
        rules: [{ item: 'meeting_attended', points: 2.5, cap: null }],
        updatedBy: 'sf02',
        updatedAt: at(3),
      })
    })

    it('links one 述职评议 per deputy and year to its questionnaire', async () => {
      const repo = store().appraisals
      const a = { surveyId: 'sv-a1', deputyId: 'dp0001', year: 2026, regionIds: ['s0101'], districtId: 'd01', openedBy: 'sf02', openedAt: T0 }
      await repo.create(a)
      await repo.create({ ...a, surveyId: 'sv-a0', year: 2025 })
      const twice = await rejects(repo.create({ ...a, surveyId: 'sv-a2' }))
      expect(twice).to.have.property('code', 'already_appraised')
      expect(await repo.bySurvey('sv-a1')).to.deep.equal({ ...a, reopenedAt: null, reopenedBy: null })
      expect(await repo.bySurvey('sv-a2')).to.equal(null)
      expect((await repo.ofDeputy('dp0001')).map((x) => x.year)).to.deep.equal([2026, 2025])
      expect(await repo.ofDeputy('dp0002')).to.deep.equal([])
    })
  })
}
