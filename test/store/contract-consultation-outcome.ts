import { expect } from 'chai'
import type { Opinion, SurveyRecord } from '../../src/domain/survey.js'
import { tallyIncrements } from '../../src/domain/survey-tally.js'
import { NotFoundError } from '../../src/errors.js'
import type { Store } from '../../src/store/ports.js'
import { rejects } from '../helpers/rejects.js'
import { responseRecord, surveyRecord } from './contract-surveys.js'

const T0 = new Date('2026-11-22T02:00:00Z')
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000)

/**
 * The contract of a consultation's 采纳情况 on every adapter: whether it is published is the
 * consultation's own field, seen by whoever reads it; its opinions are read a page at a time,
 * with how many there are in all.
 */
export function consultationOutcomeContract(store: () => Store) {
  let n = 0
  /** One resident's answer with an opinion on each article given, at a station (and its district) or at none. */
  const comment = async (s: SurveyRecord, minute: number, place: { stationId: string | null; districtId: string | null }, articles: string[]) => {
    const response = responseRecord(s, { id: `sr-oc-${++n}`, respondentKey: `k-oc-${n}`, mpUserId: `u-oc-${n}`, ...place, createdAt: at(minute) })
    const opinions: Opinion[] = articles.map((articleId, i) => ({
      id: `op-oc-${n}-${i}`,
      surveyId: s.id,
      responseId: response.id,
      articleId,
      text: `第${n}位的意见（${articleId}）`,
      mpUserId: response.mpUserId,
      via: null,
      stationId: place.stationId,
      outcome: 'pending',
      reason: null,
      decidedBy: null,
      decidedAt: null,
      createdAt: at(minute),
    }))
    await store().surveys.respond({ response, increments: tallyIncrements(s, response), texts: [], opinions })
    return opinions
  }
  const texts = (page: { items: Opinion[] }) => page.items.map((o) => o.text)

  describe('a consultation’s 采纳情况', () => {
    it('is published once, on the consultation itself: every read sees it, the first time stands, and no correction erases it', async () => {
      const s = await store().surveys.create(surveyRecord())
      expect(await store().surveys.get(s.id), 'not yet published').not.to.have.property('outcomePublishedAt')
      const published = await store().surveys.publishOutcome(s.id, at(100))
      expect(published.outcomePublishedAt).to.deep.equal(at(100))
      expect((await store().surveys.get(s.id))!.outcomePublishedAt).to.deep.equal(at(100))
      expect((await store().surveys.forRespondent({ id: s.id }))!.survey.outcomePublishedAt, 'as a resident opens it').to.deep.equal(at(100))
      expect((await store().surveys.getByShortCode(s.shortCode))!.outcomePublishedAt).to.deep.equal(at(100))
      expect((await store().surveys.search({ kind: 'consultation', limit: 10 })).items.find((x) => x.id === s.id)!.outcomePublishedAt).to.deep.equal(at(100))

      // A second organizer publishing a moment later: the first time stands.
      expect((await store().surveys.publishOutcome(s.id, at(101))).outcomePublishedAt).to.deep.equal(at(100))
      // A correction of the consultation, written from a copy read before the publishing, keeps it.
      const { outcomePublishedAt: _, ...before } = published
      await store().surveys.update({ ...before, title: '青澜市城市绿化条例（草案）征求意见（更正）', updatedAt: at(102) })
      expect(await store().surveys.get(s.id)).to.deep.include({ title: '青澜市城市绿化条例（草案）征求意见（更正）', outcomePublishedAt: at(100) })
    })

    it('is published only for a consultation that exists; nothing else is changed', async () => {
      const survey = await store().surveys.create(surveyRecord({ kind: 'survey', articles: [] }))
      expect(await rejects(store().surveys.publishOutcome(survey.id, at(100)))).to.be.instanceOf(NotFoundError)
      expect(await store().surveys.get(survey.id)).not.to.have.property('outcomePublishedAt')
      expect(await rejects(store().surveys.publishOutcome('sv-none', at(100)))).to.be.instanceOf(NotFoundError)
    })
  })

  describe('a consultation’s opinions, page by page', () => {
    it('gives one page, oldest first, with how many match in all, by article and by outcome', async () => {
      const s = await store().surveys.create(
        surveyRecord({
          articles: [
            { id: 'a1', number: '第一条', text: '为了……制定本条例。' },
            { id: 'a2', number: '第二条', text: '本条例适用于本市。' },
          ],
        }),
      )
      const other = await store().surveys.create(surveyRecord())
      await comment(other, 0, { stationId: 'st001', districtId: 'd01' }, ['a1'])
      const first = await comment(s, 1, { stationId: 'st001', districtId: 'd01' }, ['a1', 'a2'])
      await comment(s, 2, { stationId: null, districtId: null }, ['a1'])
      await comment(s, 3, { stationId: 'st002', districtId: null }, ['a2'])
      await comment(s, 4, { stationId: 'st001', districtId: 'd01' }, ['a1'])
      const [n1, n2, n3, n4] = [n - 3, n - 2, n - 1, n]

      const page1 = await store().surveys.opinionPage(s.id, { offset: 0, limit: 2 })
      expect(page1.total, 'five opinions on this consultation, none of the other').to.equal(5)
      expect(texts(page1)).to.deep.equal([`第${n1}位的意见（a1）`, `第${n1}位的意见（a2）`])
      const page2 = await store().surveys.opinionPage(s.id, { offset: 2, limit: 2 })
      expect(page2.total).to.equal(5)
      expect(texts(page2)).to.deep.equal([`第${n2}位的意见（a1）`, `第${n3}位的意见（a2）`])
      expect(texts(await store().surveys.opinionPage(s.id, { offset: 4, limit: 2 }))).to.deep.equal([`第${n4}位的意见（a1）`])
      expect(await store().surveys.opinionPage(s.id, { offset: 6, limit: 2 }), 'past the end').to.deep.equal({ items: [], total: 5 })

      const onA2 = await store().surveys.opinionPage(s.id, { articleId: 'a2', offset: 0, limit: 20 })
      expect(onA2.total).to.equal(2)
      expect(texts(onA2)).to.deep.equal([`第${n1}位的意见（a2）`, `第${n3}位的意见（a2）`])

      await store().surveys.decideOpinion({ ...first[0]!, outcome: 'adopted', reason: '已吸收', decidedBy: 'sf02', decidedAt: at(10) }, [])
      const pending = await store().surveys.opinionPage(s.id, { outcome: 'pending', offset: 0, limit: 1 })
      expect(pending.total).to.equal(4)
      expect(texts(pending)).to.deep.equal([`第${n1}位的意见（a2）`])
      const adopted = await store().surveys.opinionPage(s.id, { outcome: 'adopted', articleId: 'a1', offset: 0, limit: 20 })
      expect(adopted.items.map((o) => [o.text, o.outcome, o.reason])).to.deep.equal([[`第${n1}位的意见（a1）`, 'adopted', '已吸收']])
    })

    it('goes article by article in the draft’s order when asked, each oldest first, one of no listed article last', async () => {
      const s = await store().surveys.create(
        surveyRecord({
          articles: [
            { id: 'a1', number: '第一条', text: '为了……制定本条例。' },
            { id: 'a8', number: '第八条', text: '助餐服务。' },
            { id: 'a15', number: '第十五条', text: '八十周岁以上。' },
          ],
        }),
      )
      await comment(s, 1, { stationId: 'st001', districtId: 'd01' }, ['a15'])
      await comment(s, 2, { stationId: 'st001', districtId: 'd01' }, ['a8'])
      await comment(s, 3, { stationId: 'st001', districtId: 'd01' }, ['gone'])
      await comment(s, 4, { stationId: 'st001', districtId: 'd01' }, ['a15'])
      await comment(s, 5, { stationId: 'st001', districtId: 'd01' }, ['a1'])
      const [n1, n2, n3, n4, n5] = [n - 4, n - 3, n - 2, n - 1, n]
      const articleOrder = ['a1', 'a8', 'a15']

      const all = await store().surveys.opinionPage(s.id, { articleOrder, offset: 0, limit: 20 })
      expect(texts(all)).to.deep.equal([
        `第${n5}位的意见（a1）`,
        `第${n2}位的意见（a8）`,
        `第${n1}位的意见（a15）`,
        `第${n4}位的意见（a15）`,
        `第${n3}位的意见（gone）`,
      ])
      const second = await store().surveys.opinionPage(s.id, { articleOrder, offset: 2, limit: 2 })
      expect([second.total, texts(second)]).to.deep.equal([5, [`第${n1}位的意见（a15）`, `第${n4}位的意见（a15）`]])
      expect(texts(await store().surveys.opinionPage(s.id, { offset: 0, limit: 2 })), 'not asked: oldest first').to.deep.equal([
        `第${n1}位的意见（a15）`,
        `第${n2}位的意见（a8）`,
      ])
    })

    it('gives a follower of a city-level one the opinions of their stations, and of their districts where no station was given', async () => {
      const s = await store().surveys.create(surveyRecord({ districtIds: [] }))
      await comment(s, 1, { stationId: 'st001', districtId: 'd01' }, ['a1'])
      await comment(s, 2, { stationId: 'st002', districtId: 'd02' }, ['a1'])
      await comment(s, 3, { stationId: null, districtId: 'd01' }, ['a1'])
      await comment(s, 4, { stationId: null, districtId: null }, ['a1'])
      const [n1, , n3] = [n - 3, n - 2, n - 1]

      const mine = await store().surveys.opinionPage(s.id, { within: { stationIds: ['st001'], districtIds: ['d01'] }, offset: 0, limit: 20 })
      expect(mine.total).to.equal(2)
      expect(texts(mine)).to.deep.equal([`第${n1}位的意见（a1）`, `第${n3}位的意见（a1）`])
      const stationsOnly = await store().surveys.opinionPage(s.id, { within: { stationIds: ['st001'], districtIds: [] }, offset: 0, limit: 20 })
      expect(texts(stationsOnly)).to.deep.equal([`第${n1}位的意见（a1）`])
      expect(await store().surveys.opinionPage(s.id, { within: { stationIds: [], districtIds: [] }, offset: 0, limit: 20 }), 'no place: none').to.deep.equal({
        items: [],
        total: 0,
      })
    })
  })
}
