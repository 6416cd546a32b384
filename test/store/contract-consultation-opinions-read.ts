import { expect } from 'chai'
import type { Opinion, OpinionOutcome, SurveyRecord } from '../../src/domain/survey.js'
import { tallyIncrements } from '../../src/domain/survey-tally.js'
import type { Store } from '../../src/store/ports.js'
import { responseRecord, surveyRecord } from './contract-surveys.js'

const T0 = new Date('2026-11-22T02:00:00Z')
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000)

/**
 * The contract of reading only what a consultation's readers need, on every adapter: a resident's own
 * opinions (by her, of that consultation only), and the counts and reasons of its public 采纳情况, counted
 * by the store (no opinion read out).
 */
export function consultationOpinionsReadContract(store: () => Store) {
  let n = 0
  /** One answer by `mpUserId` (null: anonymous) with an opinion on each article given. */
  const comment = async (s: SurveyRecord, minute: number, mpUserId: string | null, articles: string[]) => {
    const response = responseRecord(s, {
      id: `sr-or-${++n}`,
      respondentKey: `k-or-${n}`,
      mpUserId,
      stationId: 'st001',
      districtId: 'd01',
      createdAt: at(minute),
    })
    const opinions: Opinion[] = articles.map((articleId, i) => ({
      id: `op-or-${n}-${i}`,
      surveyId: s.id,
      responseId: response.id,
      articleId,
      text: `第${n}位的意见（${articleId}）`,
      mpUserId,
      via: null,
      stationId: 'st001',
      outcome: 'pending',
      reason: null,
      decidedBy: null,
      decidedAt: null,
      createdAt: at(minute),
    }))
    await store().surveys.respond({ response, increments: tallyIncrements(s, response), texts: [], opinions })
    return opinions
  }
  const decide = (o: Opinion, outcome: OpinionOutcome, reason: string | null, minute: number) =>
    store().surveys.decideOpinion({ ...o, outcome, reason, decidedBy: 'sf02', decidedAt: at(minute) }, [])
  const articles = [
    { id: 'a1', number: '第一条', text: '为了……制定本条例。' },
    { id: 'a2', number: '第二条', text: '本条例适用于本市。' },
  ]

  describe('a consultation’s opinions, read only as far as needed', () => {
    it('gives a person her own opinions on that consultation, oldest first, and no one else’s', async () => {
      const s = await store().surveys.create(surveyRecord({ articles }))
      const other = await store().surveys.create(surveyRecord({ articles }))
      await comment(s, 1, 'u-zhao', ['a1', 'a2'])
      await comment(s, 2, 'u-qian', ['a1'])
      await comment(other, 3, 'u-zhao', ['a1'])
      await comment(s, 4, null, ['a2'])
      await comment(s, 5, 'u-zhao', ['a2'])
      const hers = await store().surveys.opinions(s.id, { mpUserId: 'u-zhao' })
      expect(hers.map((o) => [o.articleId, o.createdAt.toISOString()])).to.deep.equal([
        ['a1', at(1).toISOString()],
        ['a2', at(1).toISOString()],
        ['a2', at(5).toISOString()],
      ])
      expect(hers.every((o) => o.mpUserId === 'u-zhao' && o.surveyId === s.id)).to.equal(true)
      expect(await store().surveys.opinions(s.id, { mpUserId: 'u-nobody' })).to.deep.equal([])
      expect(await store().surveys.opinions(s.id, { mpUserId: 'u-zhao', articleId: 'a1' }), 'with the article too').to.have.length(1)
    })

    it('counts each article’s opinions by outcome, and gives each adopting reason once, in the order first given', async () => {
      const s = await store().surveys.create(surveyRecord({ articles }))
      const other = await store().surveys.create(surveyRecord({ articles }))
      const [first] = await comment(s, 1, 'u-1', ['a1'])
      const [second] = await comment(s, 2, 'u-2', ['a1'])
      const [third, thirdOnA2] = await comment(s, 3, 'u-3', ['a1', 'a2'])
      const [fourth] = await comment(s, 4, 'u-4', ['a1'])
      await comment(s, 5, null, ['a2'])
      const [elsewhere] = await comment(other, 0, 'u-9', ['a1'])
      await decide(second!, 'partly_adopted', '已吸收第二款', 10)
      await decide(first!, 'adopted', '已修改为“应当”', 11)
      await decide(third!, 'adopted', '已修改为“应当”', 12)
      await decide(fourth!, 'not_adopted', '与上位法不一致', 13)
      await decide(thirdOnA2!, 'adopted', '', 14)
      await decide(elsewhere!, 'adopted', '别的征求意见的理由', 15)

      const tally = await store().surveys.opinionTally(s.id)
      const counts = Object.fromEntries(tally.counts.map((c) => [`${c.articleId} ${c.outcome}`, c.count]))
      expect(counts).to.deep.equal({ 'a1 adopted': 2, 'a1 partly_adopted': 1, 'a1 not_adopted': 1, 'a2 adopted': 1, 'a2 pending': 1 })
      expect(tally.reasons, 'not a refusal’s reason, not an empty one, not another consultation’s; a repeated one once').to.deep.equal([
        { articleId: 'a1', outcome: 'adopted', reason: '已修改为“应当”' },
        { articleId: 'a1', outcome: 'partly_adopted', reason: '已吸收第二款' },
      ])
      expect(await store().surveys.opinionTally((await store().surveys.create(surveyRecord({ articles }))).id), 'none yet').to.deep.equal({
        counts: [],
        reasons: [],
      })
    })
  })
}
