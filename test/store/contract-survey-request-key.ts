import { expect } from 'chai'
import type { SurveyRecord } from '../../src/domain/survey.js'
import { tallyIncrements } from '../../src/domain/survey-tally.js'
import { ConflictError } from '../../src/errors.js'
import type { Store } from '../../src/store/ports.js'
import { rejects } from '../helpers/rejects.js'
import { responseRecord, surveyRecord } from './contract-surveys.js'

/**
 * A vote resent after its answer was lost carries the same Idempotency-Key: the store keeps the key (a
 * keyed hash) with the response itself, and gives it back with the response of that respondent key, so
 * the service can tell the resend from a second vote. A second response by the same key writes nothing
 * and leaves the first one's request key as it was.
 */
export function surveyRequestKeyContract(store: () => Store) {
  describe('survey responses: the request key kept with the response', () => {
    const vote = (s: SurveyRecord, respondentKey: string, answers: Record<string, string>, requestKey?: string) => {
      const response = responseRecord(s, { id: `sr-${respondentKey}-${Object.values(answers).join('')}`, respondentKey, mpUserId: null, answers })
      return { response, increments: tallyIncrements(s, response), texts: [], opinions: [], ...(requestKey ? { requestKey } : {}) }
    }

    it('gives back a respondent’s response with the key it was sent with, none without one, and nothing for someone who did not answer', async () => {
      const s = await store().surveys.create(surveyRecord({ anonymous: true }))
      await store().surveys.respond(vote(s, 'h:wang', { q1: 'yes' }, 'h:key-1'))
      await store().surveys.respond(vote(s, 'h:zhang', { q1: 'no' }))

      const wang = await store().surveys.answerOf(s.id, 'h:wang')
      expect(wang?.requestKey).to.equal('h:key-1')
      expect(wang?.response).to.deep.include({ id: 'sr-h:wang-yes', surveyId: s.id, respondentKey: 'h:wang', answers: { q1: 'yes' }, comments: [] })
      expect((await store().surveys.answerOf(s.id, 'h:zhang'))?.requestKey, 'sent without a key').to.equal(null)
      expect(await store().surveys.answerOf(s.id, 'h:liu'), 'did not answer').to.equal(null)

      const second = await rejects(store().surveys.respond(vote(s, 'h:wang', { q1: 'no' }, 'h:key-2')))
      expect(second).to.be.instanceOf(ConflictError).with.property('code', 'already_responded')
      const still = await store().surveys.answerOf(s.id, 'h:wang')
      expect([still?.requestKey, still?.response.answers], 'the first stands').to.deep.equal(['h:key-1', { q1: 'yes' }])
    })
  })
}
