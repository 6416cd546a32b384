import { expect } from 'chai'
import type { Store } from '../../src/store/ports.js'
import { surveyRecord } from './contract-surveys.js'
import { outboxMessage } from './records.js'

const T0 = new Date('2026-11-23T00:00:00Z')

/**
 * A ballot's result, told to those who voted when its count is fixed at the close, goes in that same write
 * and only with the fix that stands: a second fix (another instance, a read at the close) sends nothing.
 */
export function ballotResultAtCloseContract(store: () => Store) {
  describe('surveys: a ballot’s result messages go with its count, once', () => {
    it('writes the result messages with the first fix of the count and none with a later one', async () => {
      const rules = { passRule: 'roll_majority' as const, maxChosen: null, rollDeputyIds: ['dp0001', 'dp0002'] }
      const ballot = await store().surveys.create(surveyRecord({ kind: 'ballot', anonymous: true, articles: [], ballot: rules, closesAt: T0 }))
      const result = (deputyId: string, text: string) =>
        outboxMessage(`ballot.result:${ballot.id}:${deputyId}`, {
          recipientId: deputyId,
          kind: 'ballot.result',
          payload: { text, surveyId: ballot.id },
        })

      const fixed = await store().surveys.fixBallotCount(ballot.id, [], [result('dp0001', '票决结果：已结束。应投票代表 2 人，实际投票 1 人。')])
      expect(fixed.ballot!.uncountedAtClose).to.deep.equal([])
      // Judged on the directory a moment later, by another instance: its count and its messages are not written.
      await store().surveys.fixBallotCount(ballot.id, ['dp0002'], [result('dp0002', '票决结果：已结束。应投票代表 1 人，实际投票 1 人。')])

      const told = (await store().outbox.search({ kind: 'ballot.result', limit: 10 })).items
      expect(told.map((m) => [m.recipientId, m.payload.text])).to.deep.equal([['dp0001', '票决结果：已结束。应投票代表 2 人，实际投票 1 人。']])
      expect((await store().surveys.get(ballot.id))!.ballot!.uncountedAtClose, 'the first fix stands').to.deep.equal([])
    })
  })
}
