import { expect } from 'chai'
import type { CaseRecord } from '../../src/domain/case.js'
import type { ConflictError } from '../../src/errors.js'
import type { Store } from '../../src/store/ports.js'
import { caseEvent, caseRecord, outboxMessage } from './records.js'

const T1 = new Date('2026-11-23T02:00:00Z')

/**
 * 合并 holds its target to the rule inside its own write (review 33, F4): staff read the target open, its deputy
 * answers it at that moment, and the merge then commits nothing; or the merge commits first, and the answer read
 * before it (copied to the duplicates it had then) is refused as stale, to be made again with this one among them.
 */
export function mergeTargetContract(store: () => Store) {
  describe('a merge and its target', () => {
    const submit = async (over: Partial<CaseRecord>) => {
      const record = caseRecord(over)
      return store().cases.submit({ record, ticketDate: '2026-11-22', events: [caseEvent(record.id, 'submitted')], outbox: [] })
    }
    /** The duplicate closed as merged into `into`, as CaseWorkflow.merge writes it, with its notice. */
    const merge = (c: CaseRecord, into: CaseRecord) =>
      store().cases.update(
        { ...c, status: 'closed', mergedInto: into.id, closedAt: T1, updatedAt: T1 },
        [caseEvent(c.id, 'merged', { data: { into: into.id } })],
        [outboxMessage(`case:${c.id}:merged`, { kind: 'case.merged', payload: { caseId: c.id, text: '合并办理' } })],
        { mergeInto: into.id },
      )
    /** 'written', or the code it was refused with. */
    const outcome = (done: Promise<unknown>) =>
      done.then(
        () => 'written',
        (err: ConflictError) => err.code,
      )
    const unchanged = async (c: CaseRecord) => {
      expect(await store().cases.get(c.id)).to.deep.equal(c)
      expect(
        (await store().cases.events(c.id)).map((e) => e.type),
        'no step written',
      ).to.deep.equal(['submitted'])
      expect((await store().outbox.byDedupeKeys([`case:${c.id}:merged`])).length, 'no notice written').to.equal(0)
    }

    it('is refused when the target was answered after staff read it, and writes nothing', async () => {
      const into = await submit({ id: 'merge-into-answered', status: 'acknowledged' })
      const c = await submit({ id: 'merge-dup-answered' })
      const read = (await store().cases.get(into.id))!
      await store().cases.update({ ...read, status: 'replied', reply: '已修好', repliedAt: T1, updatedAt: T1 }, [caseEvent(into.id, 'replied')], [])
      expect(await outcome(merge(c, read))).to.equal('merge_target_answered')
      await unchanged(c)
      expect((await store().cases.mergedInto(into.id)).map((m) => m.id)).to.deep.equal([])
    })

    it('held to the target as it is at the write, not as the caller read it: answered since, refused, and its answer and her waiting notice stand', async () => {
      // As CaseWorkflow.merge writes, from its read of the target before 张伟's answer landed (review 34, F6): only the
      // store's re-check inside the write can refuse it, the service having found the target open.
      const into = await submit({ id: 'merge-into-stale-read', status: 'acknowledged' })
      const record = caseRecord({ id: 'merge-dup-stale-read', status: 'assigned' })
      const assigned = outboxMessage(`case:${record.id}:assigned`, { kind: 'case.assigned', payload: { caseId: record.id, text: '请在 24 小时内受理' } })
      const c = await store().cases.submit({ record, ticketDate: '2026-11-22', events: [caseEvent(record.id, 'submitted')], outbox: [assigned] })
      const staffRead = (await store().cases.get(into.id))!
      await store().cases.update(
        { ...staffRead, status: 'replied', reply: '已联系物业，明天上午来修', repliedAt: T1, updatedAt: T1 },
        [caseEvent(into.id, 'replied')],
        [],
      )

      const merging = store().cases.update(
        { ...c, status: 'closed', mergedInto: staffRead.id, closedAt: T1, updatedAt: T1 },
        [caseEvent(c.id, 'merged', { data: { into: staffRead.id } })],
        [outboxMessage(`case:${c.id}:merged`, { kind: 'case.merged', payload: { caseId: c.id, text: '合并办理' } })],
        { mergeInto: staffRead.id, withdraw: ['case.assigned', 'case.reminder'] },
      )
      expect(await outcome(merging)).to.equal('merge_target_answered')
      expect(await store().cases.get(c.id)).to.deep.equal(c)
      expect((await store().outbox.byDedupeKeys([`case:${c.id}:assigned`])).length, 'her deputy is still asked to take it').to.equal(1)
      expect((await store().outbox.byDedupeKeys([`case:${c.id}:merged`])).length, 'she is not told it was merged').to.equal(0)
      const target = (await store().cases.get(into.id))!
      expect(target).to.include({ status: 'replied', reply: '已联系物业，明天上午来修' })
      expect(await store().cases.mergedInto(into.id)).to.deep.equal([])
      // Its version as the answer left it: the next step, from a read after the answer, is not stale.
      expect(await outcome(store().cases.update({ ...target, status: 'closed', rating: 5, closedAt: T1, updatedAt: T1 }, [], []))).to.equal('written')
    })

    it('is refused when the target was closed or merged itself meanwhile', async () => {
      const into = await submit({ id: 'merge-into-withdrawn' })
      const c = await submit({ id: 'merge-dup-withdrawn' })
      const read = (await store().cases.get(into.id))!
      await store().cases.update({ ...read, status: 'withdrawn', closedAt: T1, updatedAt: T1 }, [], [])
      expect(await outcome(merge(c, read))).to.equal('merge_target_closed')
      await unchanged(c)

      const root = await submit({ id: 'merge-root' })
      const middle = await submit({ id: 'merge-into-merged' })
      const d = await submit({ id: 'merge-dup-of-merged' })
      const seen = (await store().cases.get(middle.id))!
      await merge(seen, root)
      expect(await outcome(merge(d, seen))).to.equal('merge_target_closed')
      await unchanged(d)
    })

    it('commits into an open target and makes an answer read before it stale, so the answer is given again with it', async () => {
      const into = await submit({ id: 'merge-into-open', status: 'acknowledged' })
      const c = await submit({ id: 'merge-dup-open' })
      const readByDeputy = (await store().cases.get(into.id))!
      expect(await outcome(merge(c, readByDeputy))).to.equal('written')
      expect((await store().cases.get(c.id))!).to.include({ status: 'closed', mergedInto: into.id })
      expect((await store().cases.get(into.id))!.status, 'the target itself unchanged').to.equal('acknowledged')

      const answered = store().cases.update({ ...readByDeputy, status: 'replied', reply: '已修好', repliedAt: T1, updatedAt: T1 }, [], [])
      expect(await outcome(answered), 'the answer did not know of the duplicate').to.equal('stale_case')
      const now = (await store().cases.get(into.id))!
      await store().cases.update({ ...now, status: 'replied', reply: '已修好', repliedAt: T1, updatedAt: T1 }, [], [])
      expect((await store().cases.get(into.id))!.status).to.equal('replied')
    })

    it('lets exactly one of a merge and an answer made at once commit as it read the target', async () => {
      const into = await submit({ id: 'merge-into-race', status: 'acknowledged' })
      const c = await submit({ id: 'merge-dup-race' })
      const read = (await store().cases.get(into.id))!
      const [merged, answered] = await Promise.all([
        outcome(merge(c, read)),
        outcome(store().cases.update({ ...read, status: 'replied', reply: '已修好', repliedAt: T1, updatedAt: T1 }, [], [])),
      ])
      // Either the merge first (the answer, read before it, is stale) or the answer first (the merge finds it answered).
      expect([
        ['written', 'stale_case'],
        ['merge_target_answered', 'written'],
      ]).to.deep.include([merged, answered])
    })
  })
}
