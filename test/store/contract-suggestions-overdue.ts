import { expect } from 'chai'
import type { SuggestionRecord } from '../../src/domain/suggestion.js'
import { ValidationError } from '../../src/errors.js'
import { decodeCursor } from '../../src/store/cursor.js'
import type { Store } from '../../src/store/ports.js'
import { suggestionRecord } from './contract-suggestions.js'

const TODAY = '2026-12-10'
const lead = { id: 'u01', name: '市住房和城乡建设局' }

/** Given to the units (交办) with a deadline, 重点督办 or not. */
const given = (id: string, status: SuggestionRecord['status'], deadline: string, keySupervision = false, over: Partial<SuggestionRecord> = {}) =>
  suggestionRecord({
    id,
    status,
    number: `2026-${id}`,
    assignment: { leadUnit: lead, coUnits: [], deadline, keySupervision, supervisionLeader: null, assignedAt: new Date('2026-11-01T02:00:00Z') },
    ...over,
  })

/** 已答复，正在办理: the lead unit's latest answer, a promise by `plannedBy` (or another answer when null). */
const promised = (id: string, plannedBy: string | null, keySupervision = false) =>
  given(id, 'following', '2026-11-30', keySupervision, {
    answers: [
      {
        unit: lead,
        role: 'lead',
        category: plannedBy ? 'in_progress' : 'resolved',
        text: '已列入计划',
        at: new Date('2026-11-20T02:00:00Z'),
        round: 1,
        plannedBy,
      },
    ],
  })

/**
 * 只看已超期 and the 工作概览's counts, asked of the store (SuggestionRepo.overdue, countByStatus, countOverdue) rather
 * than read whole by the office: overdue by the domain's one rule (dueBy: the deadline while the units owe the answer,
 * the promised day while a promise waits for its report), the longest overdue first, paged by "<day>|<id>".
 */
export function suggestionsOverdueContract(store: () => Store) {
  describe('suggestions overdue and counted by the store', () => {
    beforeEach(async () => {
      const repo = store().suggestions
      for (const s of [
        given('sg-o1', 'assigned', '2026-12-05', true),
        given('sg-o2', 'rehandling', '2026-12-01'),
        promised('sg-o3', '2026-12-03'),
        promised('sg-o4', '2026-12-03', true),
        // Not overdue: due today, a promise still ahead, an answer that promised nothing, answered or closed past the deadline.
        given('sg-o5', 'assigned', TODAY),
        promised('sg-o6', '2026-12-20'),
        promised('sg-o7', null),
        given('sg-o8', 'answered', '2026-12-01'),
        given('sg-o9', 'closed', '2026-12-01', true),
        // Another district's, overdue.
        given('sg-o10', 'assigned', '2026-12-02', true, { districtId: 'd02' }),
        suggestionRecord({ id: 'sg-o11', status: 'submitted', number: '2026-o11' }),
        suggestionRecord({ id: 'sg-o12', status: 'accepted', number: '2026-o12' }),
        suggestionRecord({ id: 'sg-o13', status: 'accepted', number: '2026-o13' }),
      ])
        await repo.create(s, [])
    })
    const ids = (list: SuggestionRecord[]) => list.map((s) => s.id)

    it('pages the overdue of a district from the earliest missed day, then by id, and nothing else', async () => {
      const repo = store().suggestions
      const first = await repo.overdue({ districtIds: ['d01'], limit: 2 }, TODAY)
      expect(ids(first.items)).to.deep.equal(['sg-o2', 'sg-o3'])
      expect(decodeCursor(first.nextCursor), 'the cursor the console has paged by').to.equal('2026-12-03|sg-o3')
      const second = await repo.overdue({ districtIds: ['d01'], limit: 2, cursor: first.nextCursor }, TODAY)
      expect(ids(second.items)).to.deep.equal(['sg-o4', 'sg-o1'])
      expect(second.nextCursor).to.equal(null)
      expect(ids((await repo.overdue({ limit: 10 }, TODAY)).items)).to.deep.equal(['sg-o2', 'sg-o10', 'sg-o3', 'sg-o4', 'sg-o1'])
      expect(ids((await repo.overdue({ districtIds: ['d01'], statuses: ['following'], limit: 10 }, TODAY)).items)).to.deep.equal(['sg-o3', 'sg-o4'])
      expect(ids((await repo.overdue({ districtIds: ['d01'], keySupervision: true, limit: 10 }, TODAY)).items)).to.deep.equal(['sg-o4', 'sg-o1'])
      expect((await repo.overdue({ districtIds: ['d01'], statuses: ['submitted', 'closed'], limit: 10 }, TODAY)).items).to.deep.equal([])
      // A day later, what was due today is overdue too.
      expect(ids((await repo.overdue({ districtIds: ['d01'], limit: 10 }, '2026-12-11')).items)).to.deep.equal(['sg-o2', 'sg-o3', 'sg-o4', 'sg-o1', 'sg-o5'])
      let refused: unknown
      await repo.overdue({ limit: 2, cursor: 'bm90LW91cnM' }, TODAY).catch((err) => (refused = err))
      expect(refused).to.be.instanceOf(ValidationError)
    })

    it('follows a record as it changes: a longer deadline or the promised report takes it off the list', async () => {
      const repo = store().suggestions
      const o1 = (await repo.get('sg-o1'))!
      await repo.update({ ...o1, assignment: { ...o1.assignment!, deadline: '2026-12-31' } }, [])
      const o3 = (await repo.get('sg-o3'))!
      await repo.update({ ...o3, status: 'answered' }, [])
      const o7 = (await repo.get('sg-o7'))!
      // Sent back to the units (重新办理): its deadline (30 Nov) counts again, not the answer's.
      await repo.update({ ...o7, status: 'rehandling' }, [])
      expect(ids((await repo.overdue({ districtIds: ['d01'], limit: 10 }, TODAY)).items)).to.deep.equal(['sg-o7', 'sg-o2', 'sg-o4'])
    })

    it('counts a district per status, and its overdue per status with those 重点督办', async () => {
      const repo = store().suggestions
      expect(await repo.countByStatus({ districtIds: ['d01'] })).to.deep.equal({
        submitted: 1,
        accepted: 2,
        assigned: 2,
        rehandling: 1,
        following: 4,
        answered: 1,
        closed: 1,
      })
      expect(await repo.countByStatus({ districtIds: ['d01'], statuses: ['submitted', 'accepted'] })).to.deep.equal({ submitted: 1, accepted: 2 })
      expect(await repo.countByStatus({ districtIds: ['d09'] })).to.deep.equal({})
      expect(await repo.countOverdue({ districtIds: ['d01'] }, TODAY)).to.deep.equal({
        assigned: { all: 1, key: 1 },
        rehandling: { all: 1, key: 0 },
        following: { all: 2, key: 1 },
      })
      expect(await repo.countOverdue({}, TODAY)).to.deep.equal({ assigned: { all: 2, key: 2 }, rehandling: { all: 1, key: 0 }, following: { all: 2, key: 1 } })
      expect(await repo.countOverdue({ districtIds: ['d01'], statuses: ['following'] }, '2026-12-21')).to.deep.equal({ following: { all: 3, key: 1 } })
    })
  })
}
