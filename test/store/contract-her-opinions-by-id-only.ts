import { expect } from 'chai'
import type { Opinion } from '../../src/domain/survey.js'
import { tallyIncrements } from '../../src/domain/survey-tally.js'
import type { Store } from '../../src/store/ports.js'
import { responseRecord, surveyRecord } from './contract-surveys.js'

const T0 = new Date('2026-11-22T02:00:00Z')

/**
 * The contract of "her opinions" (SurveyRepo.opinions with `mpUserId`): the filter is the id given, whatever it is. An
 * id that is empty finds nobody's opinions; it never falls back to every writer's, as a test of truth would.
 */
export function herOpinionsByIdOnlyContract(store: () => Store) {
  describe('a consultation’s opinions by one person’s id', () => {
    it('an empty id finds none, never everyone’s', async () => {
      const s = await store().surveys.create(surveyRecord({ articles: [{ id: 'a1', number: '第一条', text: '为了……制定本条例。' }] }))
      for (const [n, mpUserId] of [
        [1, 'u-zhao'],
        [2, 'u-qian'],
      ] as const) {
        const response = responseRecord(s, { id: `sr-hid-${n}`, respondentKey: `k-hid-${n}`, mpUserId, createdAt: T0 })
        const opinion: Opinion = {
          id: `op-hid-${n}`,
          surveyId: s.id,
          responseId: response.id,
          articleId: 'a1',
          text: `第${n}位的意见`,
          mpUserId,
          via: null,
          stationId: 'st001',
          outcome: 'pending',
          reason: null,
          decidedBy: null,
          decidedAt: null,
          createdAt: T0,
        }
        await store().surveys.respond({ response, increments: tallyIncrements(s, response), texts: [], opinions: [opinion] })
      }
      expect(await store().surveys.opinions(s.id, { mpUserId: '' })).to.deep.equal([])
      expect((await store().surveys.opinions(s.id, { mpUserId: 'u-qian' })).map((o) => o.text)).to.deep.equal(['第2位的意见'])
      expect(await store().surveys.opinions(s.id, {}), 'no id asked: all of them').to.have.length(2)
    })
  })
}
