import { expect } from 'chai'
import type { SurveyResponse } from '../../src/domain/survey.js'
import { tallyIncrements } from '../../src/domain/survey-tally.js'
import type { ConflictError } from '../../src/errors.js'
import type { Store } from '../../src/store/ports.js'
import { outboxMessage } from './records.js'
import { surveyRecord } from './contract-surveys.js'

const T0 = new Date('2026-11-23T00:00:00Z')

/**
 * The races a single writer hides: sqlite runs these one after another, a replica set
 * with several backend instances runs them at once. Each fires simultaneous calls and
 * expects exactly one to win. (One open quiz attempt per person: contract-quizzes.ts.)
 */
export function raceContract(store: () => Store) {
  describe('simultaneous writers', () => {
    it('keeps one ballot per deputy when the same deputy votes five times at once', async () => {
      const s = await store().surveys.create(surveyRecord({ kind: 'ballot' }))
      const vote = (i: number) => {
        const response: SurveyResponse = {
          id: `ballot-${i}`,
          surveyId: s.id,
          respondentKey: 'deputy:dp0001',
          mpUserId: null,
          deputyId: 'dp0001',
          stationId: 'st001',
          districtId: 'd01',
          via: null,
          answers: { q1: i % 2 ? 'yes' : 'no' },
          comments: [],
          createdAt: T0,
        }
        return store().surveys.respond({ response, increments: tallyIncrements(s, response), texts: [], opinions: [] })
      }
      const results = await Promise.allSettled([1, 2, 3, 4, 5].map(vote))
      expect(results.filter((r) => r.status === 'fulfilled')).to.have.length(1)
      const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => (r.reason as ConflictError).code)
      expect(refused).to.deep.equal(['already_responded', 'already_responded', 'already_responded', 'already_responded'])
      expect((await store().surveys.responses(s.id)).map((r) => r.deputyId)).to.deep.equal(['dp0001'])
      expect((await store().surveys.get(s.id))!.responseCount).to.equal(1)
      expect((await store().surveys.tallies(s.id, '')).find((t) => t.questionId === '_responses')!.count).to.equal(1)
    })

    it('records one digest per deputy per day when five instances make it at once', async () => {
      const made = await Promise.all(
        [1, 2, 3, 4, 5].map((i) => store().digests.record('2026-11-23', [{ deputyId: 'dp0001', message: outboxMessage(`digest:dp0001:2026-11-23:${i}`) }], T0)),
      )
      expect(made.reduce((a, b) => a + b, 0)).to.equal(1)
      expect(await store().digests.sentOn('2026-11-23')).to.deep.equal(['dp0001'])
      expect((await store().outbox.search({ limit: 10 })).items).to.have.length(1)
    })

    it('queues one message per dedupe key when five callers queue it at once', async () => {
      await Promise.all([1, 2, 3, 4, 5].map(() => store().outbox.enqueue([outboxMessage('case:c1:assigned')])))
      const queued = (await store().outbox.search({ limit: 10 })).items
      expect(queued.map((m) => m.dedupeKey)).to.deep.equal(['case:c1:assigned'])
      expect(await store().outbox.countsByStatus()).to.include({ pending: 1 })
    })
  })
}
