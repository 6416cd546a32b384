import { expect } from 'chai'
import type { SuggestionRecord } from '../../src/domain/suggestion.js'
import { ConflictError, NotFoundError } from '../../src/errors.js'
import type { Store } from '../../src/store/ports.js'
import { outboxMessage } from './records.js'

const at = (iso: string) => new Date(iso)

export function suggestionRecord(over: Partial<SuggestionRecord> = {}): SuggestionRecord {
  return {
    id: 'sg-1',
    number: null,
    year: 2026,
    title: '建设路加装路灯',
    body: '建设路晚上太黑，老人出行不便。',
    attachments: [{ id: 'up-1', name: '现场.jpg' }],
    deputy: { id: 'dp0001', name: '张伟' },
    districtId: 'd01',
    coSigners: [],
    invitees: [],
    cosignUntil: null,
    cases: [{ id: 'cs-1', ticket: '20261201-0001', title: '路灯坏了' }],
    status: 'draft',
    review: null,
    mergedInto: null,
    convertedCaseId: null,
    assignment: null,
    answers: [],
    ratings: [],
    round: 1,
    requests: [],
    published: false,
    timeline: [{ at: at('2026-12-01T02:00:00.000Z'), actor: { role: 'deputy', id: 'dp0001', name: '张伟' }, action: 'created', text: '张伟起草了建议' }],
    createdAt: at('2026-12-01T02:00:00.000Z'),
    updatedAt: at('2026-12-01T02:00:00.000Z'),
    version: 1,
    ...over,
  }
}

const assigned = (over: Partial<SuggestionRecord> = {}) =>
  suggestionRecord({
    status: 'assigned',
    number: '2026-0001',
    assignment: {
      leadUnit: { id: 'u01', name: '市住房和城乡建设局' },
      coUnits: [{ id: 'u02', name: '湛河区人民政府' }],
      deadline: '2027-03-01',
      keySupervision: true,
      supervisionLeader: '王主任',
      assignedAt: at('2026-12-02T02:00:00.000Z'),
    },
    ...over,
  })

/** The contract of 代表建议: one record, conditional updates with their messages, the lists each role reads. */
export function suggestionsContract(store: () => Store) {
  describe('suggestions', () => {
    it('keeps the whole record, times and all, and answers null for an unknown id', async () => {
      const s = assigned({
        coSigners: [{ deputyId: 'dp0002', name: '王芳', at: at('2026-12-01T03:00:00.000Z') }],
        cosignUntil: at('2026-12-08T03:00:00.000Z'),
        review: { decision: 'accept', reason: null, by: '孙丽', at: at('2026-12-02T01:00:00.000Z') },
        answers: [
          { unit: { id: 'u01', name: '市住房和城乡建设局' }, role: 'lead', category: 'resolved', text: '已修好', at: at('2026-12-20T01:00:00.000Z'), round: 1 },
        ],
        ratings: [{ score: 'satisfied', comment: '', at: at('2026-12-21T01:00:00.000Z'), round: 1 }],
        requests: [
          {
            id: 'rq-1',
            kind: 'extension',
            unit: { id: 'u01', name: '市住房和城乡建设局' },
            reason: '需要预算',
            days: 30,
            proposedUnit: null,
            status: 'approved',
            at: at('2026-12-10T01:00:00.000Z'),
            decidedAt: at('2026-12-11T01:00:00.000Z'),
            note: null,
          },
        ],
      })
      await store().suggestions.create(s, [outboxMessage('suggestion:sg-1:linked')])
      expect(await store().suggestions.get('sg-1')).to.deep.equal(s)
      expect(await store().suggestions.get('sg-404')).to.equal(null)
      expect((await store().outbox.byDedupeKeys(['suggestion:sg-1:linked'])).length).to.equal(1)
    })

    it('keeps whom the lead asked to co-sign and their answers, and a promised day through 已答复，正在办理 (following)', async () => {
      const repo = store().suggestions
      const asked = suggestionRecord({
        status: 'cosigning',
        cosignUntil: at('2026-12-08T02:00:00.000Z'),
        invitees: [
          { deputyId: 'dp0002', name: '王芳', at: at('2026-12-01T02:00:00.000Z'), declinedAt: null },
          { deputyId: 'dp0003', name: '李强', at: at('2026-12-01T02:00:00.000Z'), declinedAt: at('2026-12-02T01:00:00.000Z') },
        ],
      })
      await repo.create(asked, [])
      expect(await repo.get('sg-1')).to.deep.equal(asked)

      const promised = assigned({
        id: 'sg-2',
        status: 'following',
        answers: [
          {
            unit: { id: 'u01', name: '市住房和城乡建设局' },
            role: 'lead',
            category: 'in_progress',
            text: '已列入明年计划',
            at: at('2026-12-20T01:00:00.000Z'),
            round: 1,
            plannedBy: '2027-06-30',
          },
        ],
        ratings: [{ score: 'basically_satisfied', comment: '', at: at('2026-12-21T01:00:00.000Z'), round: 1 }],
      })
      await repo.create(promised, [])
      expect(await repo.get('sg-2')).to.deep.equal(promised)
      expect((await repo.all({ statuses: ['following'] })).map((s) => s.id)).to.deep.equal(['sg-2'])
      expect((await repo.all({ deputyId: 'dp0001', statuses: ['following'] })).map((s) => s.id)).to.deep.equal(['sg-2'])
    })

    it('updates only the version it read, with its messages; a stale write changes nothing', async () => {
      const repo = store().suggestions
      await repo.create(suggestionRecord(), [])
      const read = (await repo.get('sg-1'))!
      const saved = await repo.update({ ...read, status: 'submitted', number: '2026-0001' }, [outboxMessage('suggestion:sg-1:submitted')])
      expect(saved.version).to.equal(2)
      expect(await repo.get('sg-1')).to.deep.include({ status: 'submitted', version: 2 })
      let stale: unknown
      try {
        await repo.update({ ...read, title: '旧的' }, [outboxMessage('suggestion:sg-1:stale')])
      } catch (err) {
        stale = err
      }
      expect(stale).to.be.instanceOf(ConflictError)
      expect((await repo.get('sg-1'))!.title).to.equal('建设路加装路灯')
      expect(await store().outbox.byDedupeKeys(['suggestion:sg-1:stale'])).to.deep.equal([])
      let missing: unknown
      try {
        await repo.update(suggestionRecord({ id: 'sg-404' }), [])
      } catch (err) {
        missing = err
      }
      expect(missing).to.be.instanceOf(NotFoundError)
    })

    it('numbers each year from 1 and never gives a number twice', async () => {
      const repo = store().suggestions
      const numbers = await Promise.all([repo.nextNumber(2026), repo.nextNumber(2026), repo.nextNumber(2026)])
      expect(numbers.sort()).to.deep.equal([1, 2, 3])
      expect(await repo.nextNumber(2027)).to.equal(1)
    })

    it('lists for the deputy, the office, the units and the public, newest first and paged', async () => {
      const repo = store().suggestions
      const t = (n: number) => at(`2026-12-0${n}T02:00:00.000Z`)
      await repo.create(suggestionRecord({ id: 'sg-1', createdAt: t(1) }), [])
      await repo.create(
        suggestionRecord({
          id: 'sg-2',
          createdAt: t(2),
          status: 'cosigning',
          cosignUntil: t(8),
          deputy: { id: 'dp0003', name: '李强' },
          coSigners: [{ deputyId: 'dp0001', name: '张伟', at: t(3) }],
        }),
        [],
      )
      await repo.create(assigned({ id: 'sg-3', createdAt: t(3), districtId: 'd02', deputy: { id: 'dp0009', name: '外区' } }), [])
      await repo.create(assigned({ id: 'sg-4', number: '2026-0002', createdAt: t(4), published: true, title: '修缮老旧小区', status: 'closed' }), [])
      const ids = (list: SuggestionRecord[]) => list.map((s) => s.id)
      expect(ids(await repo.all({ deputyId: 'dp0001' }))).to.deep.equal(['sg-4', 'sg-2', 'sg-1'])
      expect(ids(await repo.all({ cosignOpenAt: t(5), notDeputyId: 'dp0001' }))).to.deep.equal(['sg-2'])
      expect(ids(await repo.all({ cosignOpenAt: t(9) }))).to.deep.equal([])
      expect(ids(await repo.all({ districtIds: ['d01'] }))).to.deep.equal(['sg-4', 'sg-2', 'sg-1'])
      expect(ids(await repo.all({ unitIds: ['u02'] }))).to.deep.equal(['sg-4', 'sg-3'])
      expect(ids(await repo.all({ unitIds: [] }))).to.deep.equal([])
      expect(ids(await repo.all({ statuses: ['assigned'], keySupervision: true }))).to.deep.equal(['sg-3'])
      expect(ids(await repo.all({ published: true }))).to.deep.equal(['sg-4'])
      expect(ids(await repo.all({ q: '老旧' }))).to.deep.equal(['sg-4'])
      expect(ids(await repo.all({ q: '2026-0001', year: 2026, districtIds: ['d02'] }))).to.deep.equal(['sg-3'])
      const first = await repo.search({ limit: 3 })
      expect(ids(first.items)).to.deep.equal(['sg-4', 'sg-3', 'sg-2'])
      const second = await repo.search({ limit: 3, cursor: first.nextCursor })
      expect(ids(second.items)).to.deep.equal(['sg-1'])
      expect(second.nextCursor).to.equal(null)
    })
  })
}
