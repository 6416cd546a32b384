import { expect } from 'chai'
import { surveyQuestion, type Opinion, type SurveyRecord, type SurveyResponse } from '../../src/domain/survey.js'
import { tallyIncrements } from '../../src/domain/survey-tally.js'
import { ConflictError, NotFoundError } from '../../src/errors.js'
import type { Store } from '../../src/store/ports.js'
import { outboxMessage } from './records.js'
import { rejects } from '../helpers/rejects.js'

const T0 = new Date('2026-11-22T02:00:00Z')
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000)
let n = 0

/** One person's answer to `survey`, with no station or district unless given. */
export function responseRecord(survey: SurveyRecord, over: Partial<SurveyResponse> = {}): SurveyResponse {
  return {
    id: `sr-${survey.id}-${++n}`,
    surveyId: survey.id,
    respondentKey: 'mp:mu-1',
    mpUserId: 'mu-1',
    deputyId: null,
    stationId: null,
    districtId: null,
    via: null,
    answers: { q1: 'yes' },
    comments: [],
    createdAt: survey.opensAt,
    ...over,
  }
}

export function surveyRecord(over: Partial<SurveyRecord> = {}): SurveyRecord {
  const seq = ++n
  return {
    id: `sv-${seq}`,
    shortCode: `SV${String(seq).padStart(6, '0')}`,
    kind: 'consultation',
    title: '青澜市城市绿化条例（草案）征求意见',
    description: '',
    questions: [
      surveyQuestion({
        id: 'q1',
        type: 'single',
        title: '是否支持',
        required: true,
        options: [
          { id: 'yes', label: '是' },
          { id: 'no', label: '否' },
        ],
      }),
      surveyQuestion({ id: 'q2', type: 'text', title: '其他建议', maxLength: 500 }),
    ],
    articles: [{ id: 'a1', number: '第一条', text: '为了……制定本条例。' }],
    ballot: null,
    anonymous: false,
    opensAt: T0,
    closesAt: at(10_000),
    responseCap: null,
    responseCount: 0,
    districtIds: ['d01'],
    createdBy: 'sf02',
    createdAt: T0,
    updatedAt: T0,
    draft: false,
    audienceDeputyIds: null,
    ...over,
  }
}

/** The contract of surveys, responses, running tallies, text answers and opinions, for every adapter. */
export function surveyContract(store: () => Store) {
  let r = 0
  const submission = (s: SurveyRecord, key: string, answers: SurveyResponse['answers'] = { q1: 'yes' }, comments: SurveyResponse['comments'] = []) => {
    const response = responseRecord(s, {
      id: `sr-${++r}`,
      respondentKey: key,
      mpUserId: `u-${key}`,
      stationId: 'st001',
      districtId: 'd01',
      via: 'ST001',
      answers,
      comments,
      createdAt: at(r),
    })
    const texts =
      typeof answers.q2 === 'string'
        ? [{ responseId: response.id, questionId: 'q2', text: answers.q2, stationId: 'st001', districtId: 'd01', createdAt: response.createdAt }]
        : []
    const opinions: Opinion[] = comments.map((c, i) => ({
      id: `op-${response.id}-${i}`,
      surveyId: s.id,
      responseId: response.id,
      articleId: c.articleId,
      text: c.text,
      mpUserId: response.mpUserId,
      via: 'ST001',
      stationId: 'st001',
      outcome: 'pending',
      reason: null,
      decidedBy: null,
      decidedAt: null,
      createdAt: response.createdAt,
    }))
    return { response, increments: tallyIncrements(s, response), texts, opinions }
  }

  describe('surveys', () => {
    it('keeps a survey as written, found by id and short code; a taken code is a conflict', async () => {
      const s = surveyRecord()
      await store().surveys.create(s)
      expect(await store().surveys.get(s.id)).to.deep.equal(s)
      const asked = surveyRecord({ audienceDeputyIds: ['dp0001', 'dp0002'] })
      await store().surveys.create(asked)
      expect((await store().surveys.get(asked.id))!.audienceDeputyIds, 'the deputies it is asked of').to.deep.equal(['dp0001', 'dp0002'])
      expect((await store().surveys.getByShortCode(s.shortCode))!.id).to.equal(s.id)
      expect(await rejects(store().surveys.create({ ...surveyRecord(), shortCode: s.shortCode }))).to.be.instanceOf(ConflictError)
      const closed = await store().surveys.update({ ...s, closesAt: at(5), updatedAt: at(5) })
      expect(closed.closesAt).to.deep.equal(at(5))
      const draft = await store().surveys.create(surveyRecord({ draft: true }))
      expect(await store().surveys.get(draft.id)).to.deep.equal(draft)
      expect(await store().surveys.update({ ...draft, draft: false, title: '已发布' })).to.deep.include({ draft: false, title: '已发布' })
      expect((await store().surveys.get(draft.id))!.draft).to.equal(false)
    })

    it('changes what answers refer to only while unanswered, checked in the write itself', async () => {
      const s = await store().surveys.create(surveyRecord())
      const renamed = await store().surveys.update({ ...s, title: '改题目前' }, { unanswered: true })
      expect(renamed.title).to.equal('改题目前')
      await store().surveys.respond(submission(s, 'k1', { q1: 'yes' }))
      const late = await rejects(store().surveys.update({ ...renamed, questions: renamed.questions.slice(0, 1) }, { unanswered: true }))
      expect(late).to.be.instanceOf(ConflictError).with.property('code', 'survey_frozen')
      expect((await store().surveys.get(s.id))!.questions, 'unchanged').to.have.length(2)
      expect((await store().surveys.update({ ...renamed, title: '改标题' })).title, 'without the condition, a title still changes').to.equal('改标题')
      expect(await rejects(store().surveys.update({ ...renamed, id: 'sv-none' }, { unanswered: true }))).to.be.instanceOf(NotFoundError)
    })

    it('creates a ballot with its notices in one write, and neither when the code is taken', async () => {
      const s = await store().surveys.create(surveyRecord(), [outboxMessage('ballot:a:published:deputy:dp0001')])
      expect((await store().outbox.search({ limit: 10 })).items.map((m) => m.dedupeKey)).to.deep.equal(['ballot:a:published:deputy:dp0001'])
      expect(
        await rejects(store().surveys.create(surveyRecord({ shortCode: s.shortCode }), [outboxMessage('ballot:b:published:deputy:dp0001')])),
      ).to.be.instanceOf(ConflictError)
      expect((await store().outbox.search({ limit: 10 })).items, 'no notice for a ballot not made').to.have.length(1)
    })

    it('lists the surveys taking answers at a moment, closing soonest first', async () => {
      const later = await store().surveys.create(surveyRecord({ opensAt: at(-60), closesAt: at(600) }))
      const sooner = await store().surveys.create(surveyRecord({ opensAt: at(-60), closesAt: at(300) }))
      await store().surveys.create(surveyRecord({ opensAt: at(60), closesAt: at(900) }))
      await store().surveys.create(surveyRecord({ opensAt: at(-600), closesAt: at(0) }))
      expect(
        (await store().surveys.openAt(at(0))).map((s) => s.id),
        'nothing scheduled or closed',
      ).to.deep.equal([sooner.id, later.id])
    })

    it("leaves a 述职评议 out of the surveys taking answers: only its area's residents answer it, by its poster", async () => {
      const plain = await store().surveys.create(surveyRecord({ opensAt: at(-60), closesAt: at(600) }))
      const appraisal = await store().surveys.create(surveyRecord({ opensAt: at(-60), closesAt: at(300) }))
      await store().appraisals.create({
        surveyId: appraisal.id,
        deputyId: 'dp0001',
        year: 2026,
        regionIds: ['c0101'],
        districtId: 'd01',
        openedBy: 'sf02',
        openedAt: T0,
      })
      expect((await store().surveys.openAt(at(0))).map((s) => s.id)).to.deep.equal([plain.id])
    })

    it('stores a response with its tallies, texts and opinions in one write; a second by the same key writes nothing', async () => {
      const s = await store().surveys.create(surveyRecord())
      await store().surveys.respond(submission(s, 'k1', { q1: 'yes', q2: '多种乡土树种' }, [{ articleId: 'a1', text: '建议明确绿地率' }]))
      await store().surveys.respond(submission(s, 'k2', { q1: 'no' }))
      const again = await rejects(store().surveys.respond(submission(s, 'k1', { q1: 'no', q2: '改主意' })))
      expect(again).to.be.instanceOf(ConflictError).with.property('code', 'already_responded')
      const counts = Object.fromEntries((await store().surveys.tallies(s.id, '')).map((t) => [`${t.questionId}/${t.bucket}`, t.count]))
      expect(counts).to.include({ '_responses/': 2, 'q1/yes': 1, 'q1/no': 1, 'q2/_answered': 1, '_articles/a1': 1 })
      expect((await store().surveys.tallies(s.id, 's:st001')).find((t) => t.questionId === '_responses')!.count).to.equal(2)
      expect((await store().surveys.get(s.id))!.responseCount).to.equal(2)
      expect(await store().surveys.hasResponded(s.id, 'k1')).to.equal(true)
      expect(await store().surveys.hasResponded(s.id, 'k3')).to.equal(false)
      expect((await store().surveys.responses(s.id)).map((x) => x.respondentKey)).to.deep.equal(['k1', 'k2'])
      expect((await store().surveys.textAnswers(s.id, { questionId: 'q2', limit: 10 })).items.map((t) => t.text)).to.deep.equal(['多种乡土树种'])
    })

    it('opens a survey for a respondent by id or poster code, with whether a 述职评议 owns it', async () => {
      const s = await store().surveys.create(surveyRecord())
      expect(await store().surveys.forRespondent({ id: s.id })).to.deep.include({ survey: s, appraisal: false })
      expect(await store().surveys.forRespondent({ shortCode: s.shortCode })).to.deep.include({ survey: s, appraisal: false })
      expect(await store().surveys.forRespondent({ id: 'sv-none' })).to.equal(null)
      expect(await store().surveys.forRespondent({ shortCode: 'NONE0000' })).to.equal(null)
      await store().appraisals.create({
        surveyId: s.id,
        deputyId: 'dp0001',
        year: 2026,
        regionIds: ['c0101'],
        districtId: 'd01',
        openedBy: 'sf02',
        openedAt: T0,
      })
      expect((await store().surveys.forRespondent({ id: s.id }))!.appraisal, 'now answered only through its own page').to.equal(true)
      expect((await store().surveys.forRespondent({ shortCode: s.shortCode }))!.appraisal).to.equal(true)
    })

    it("moves a survey's revision with each update and when a 述职评议 takes it over; an answer judged on an older one is refused and writes nothing", async () => {
      const s = await store().surveys.create(surveyRecord())
      const first = (await store().surveys.forRespondent({ id: s.id }))!.revision
      await store().surveys.respond({ ...submission(s, 'v1'), revision: first })
      expect((await store().surveys.forRespondent({ id: s.id }))!.revision, 'answers leave it as it is').to.equal(first)
      await store().surveys.update({ ...s, closesAt: at(20_000) })
      const second = (await store().surveys.forRespondent({ id: s.id }))!.revision
      expect(second).not.to.equal(first)
      const stale = await rejects(store().surveys.respond({ ...submission(s, 'v2'), revision: first }))
      expect(stale).to.be.instanceOf(ConflictError).with.property('code', 'stale_survey')
      expect(await store().surveys.hasResponded(s.id, 'v2'), 'nothing written').to.equal(false)
      expect((await store().surveys.get(s.id))!.responseCount).to.equal(1)
      expect((await store().surveys.tallies(s.id, '')).find((t) => t.questionId === '_responses')!.count).to.equal(1)
      await store().appraisals.create({ surveyId: s.id, deputyId: 'dp0002', year: 2026, regionIds: [], districtId: null, openedBy: 'sf02', openedAt: T0 })
      const third = (await store().surveys.forRespondent({ id: s.id }))!.revision
      expect(third, 'a 述职评议 took it over').not.to.equal(second)
      expect(await rejects(store().surveys.respond({ ...submission(s, 'v3'), revision: second }))).to.have.property('code', 'stale_survey')
      await store().surveys.respond({ ...submission(s, 'v3'), revision: third })
      expect((await store().surveys.get(s.id))!.responseCount).to.equal(2)
    })

    it('tells a second answer on a full survey that it was already given, and an answer to no survey that it is not there', async () => {
      const s = await store().surveys.create(surveyRecord({ responseCap: 1 }))
      await store().surveys.respond(submission(s, 'f1'))
      const again = await rejects(store().surveys.respond(submission(s, 'f1', { q1: 'no' })))
      expect(again, 'the person already answered: that, not the cap').to.be.instanceOf(ConflictError).with.property('code', 'already_responded')
      expect(await rejects(store().surveys.respond(submission(s, 'f2'))))
        .to.be.instanceOf(ConflictError)
        .with.property('code', 'response_cap_reached')
      expect(await rejects(store().surveys.respond(submission({ ...s, id: 'sv-none' }, 'f3')))).to.be.instanceOf(NotFoundError)
      expect((await store().surveys.get(s.id))!.responseCount, 'nothing counted for the refused ones').to.equal(1)
      expect((await store().surveys.tallies(s.id, '')).find((t) => t.questionId === '_responses')!.count).to.equal(1)
      expect(await store().surveys.responses(s.id)).to.have.length(1)
    })

    it('holds the cap under concurrent responses: exactly the cap is stored and counted', async () => {
      const s = await store().surveys.create(surveyRecord({ responseCap: 3 }))
      const results = await Promise.allSettled(['a', 'b', 'c', 'd', 'e'].map((k) => store().surveys.respond(submission(s, k))))
      expect(results.filter((x) => x.status === 'fulfilled')).to.have.length(3)
      const refused = results.filter((x): x is PromiseRejectedResult => x.status === 'rejected')
      expect(refused.map((x) => (x.reason as ConflictError).code)).to.deep.equal(['response_cap_reached', 'response_cap_reached'])
      expect((await store().surveys.tallies(s.id, '')).find((t) => t.questionId === '_responses')!.count).to.equal(3)
      expect((await store().surveys.get(s.id))!.responseCount).to.equal(3)
    })

    it('pages and searches text answers, newest first', async () => {
      const s = await store().surveys.create(surveyRecord())
      for (const [i, text] of ['增加绿道', '保护古树', '增加口袋公园'].entries()) await store().surveys.respond(submission(s, `t${i}`, { q1: 'yes', q2: text }))
      const first = await store().surveys.textAnswers(s.id, { questionId: 'q2', limit: 2 })
      const second = await store().surveys.textAnswers(s.id, { questionId: 'q2', limit: 2, cursor: first.nextCursor })
      expect([...first.items, ...second.items].map((t) => t.text)).to.deep.equal(['增加口袋公园', '保护古树', '增加绿道'])
      expect(second.nextCursor).to.equal(null)
      expect((await store().surveys.textAnswers(s.id, { questionId: 'q2', limit: 10, q: '增加' })).items).to.have.length(2)
    })

    it("finds text answers given at any of some stations (a street's), and none for no station", async () => {
      const s = await store().surveys.create(surveyRecord())
      const at = (station: string, key: string, text: string) => {
        const sub = submission(s, key, { q1: 'yes', q2: text })
        return { ...sub, response: { ...sub.response, stationId: station }, texts: sub.texts.map((t) => ({ ...t, stationId: station })) }
      }
      for (const sub of [at('st001', 'a', '轻工街道多种树'), at('st002', 'b', '马庄街道修步道'), at('st003', 'c', '光明社区加座椅')])
        await store().surveys.respond(sub)
      const texts = async (stationIds: string[]) =>
        (await store().surveys.textAnswers(s.id, { questionId: 'q2', limit: 10, stationIds })).items.map((t) => t.text)
      expect(await texts(['st001', 'st003'])).to.deep.equal(['光明社区加座椅', '轻工街道多种树'])
      expect(await texts([])).to.deep.equal([])
    })

    it("finds text answers given in any of some districts (an organizer's several), and none for no district", async () => {
      const s = await store().surveys.create(surveyRecord())
      const at = (district: string, key: string, text: string) => {
        const sub = submission(s, key, { q1: 'yes', q2: text })
        return { ...sub, response: { ...sub.response, districtId: district }, texts: sub.texts.map((t) => ({ ...t, districtId: district })) }
      }
      for (const sub of [at('d01', 'a', '湛河区多种树'), at('d02', 'b', '新华区修步道'), at('d03', 'c', '卫东区加座椅')]) await store().surveys.respond(sub)
      const texts = async (districtIds: string[]) =>
        (await store().surveys.textAnswers(s.id, { questionId: 'q2', limit: 10, districtIds })).items.map((t) => t.text)
      expect(await texts(['d01', 'd03'])).to.deep.equal(['卫东区加座椅', '湛河区多种树'])
      expect(await texts([])).to.deep.equal([])
    })

    it("records an opinion's outcome with its feedback message, and the message once per dedupe key", async () => {
      const s = await store().surveys.create(surveyRecord())
      await store().surveys.respond(submission(s, 'o1', { q1: 'yes' }, [{ articleId: 'a1', text: '建议增加' }]))
      const [opinion] = await store().surveys.opinions(s.id, { articleId: 'a1' })
      expect(opinion).to.include({ outcome: 'pending', mpUserId: 'u-o1', via: 'ST001' })
      const decided = { ...opinion, outcome: 'adopted' as const, reason: '已在第二稿中吸收', decidedBy: 'sf02', decidedAt: at(100) }
      await store().surveys.decideOpinion(decided, [outboxMessage('survey:x:opinion:1:feedback')])
      await store().surveys.decideOpinion({ ...decided, outcome: 'partly_adopted' }, [outboxMessage('survey:x:opinion:1:feedback')])
      expect(await store().surveys.getOpinion(opinion.id)).to.deep.include({ outcome: 'partly_adopted', reason: '已在第二稿中吸收', decidedAt: at(100) })
      expect(await store().surveys.opinions(s.id, { outcome: 'pending' })).to.deep.equal([])
      expect((await store().outbox.search({ limit: 10 })).items).to.have.length(1)
    })

    it('lists surveys newest first, scoped to a district organizer', async () => {
      await store().surveys.create(surveyRecord({ createdAt: at(1), districtIds: ['d01'] }))
      await store().surveys.create(surveyRecord({ createdAt: at(2), districtIds: ['d02'], createdBy: 'other' }))
      expect((await store().surveys.search({ limit: 10 })).items).to.have.length(2)
      expect((await store().surveys.search({ limit: 10, visibleTo: { districtIds: ['d01'] } })).items.map((x) => x.districtIds)).to.deep.equal([['d01']])
      await store().surveys.create(surveyRecord({ createdAt: at(3), districtIds: [], createdBy: 'city' }))
      const withCity = await store().surveys.search({ limit: 10, visibleTo: { districtIds: ['d01'], cityWide: true } })
      expect(
        withCity.items.map((x) => x.districtIds),
        'and the city-level ones',
      ).to.deep.equal([[], ['d01']])
    })

    it('makes named ballots secret: hashed keys, no person, place, source or time, counters in total only', async () => {
      const ballot = surveyRecord({ kind: 'ballot', articles: [], ballot: { passRule: 'roll_majority', maxChosen: null, rollDeputyIds: ['dp0001', 'dp0002'] } })
      const poll = surveyRecord()
      await store().surveys.create(ballot)
      await store().surveys.create(poll)
      const before = (await store().surveys.forRespondent({ id: ballot.id }))!.revision
      await store().surveys.respond(submission(ballot, 'deputy:dp0001'))
      await store().surveys.respond(submission(ballot, 'deputy:dp0002', { q1: 'no' }))
      await store().surveys.respond(submission(poll, 'mp:mu-9'))

      expect(await store().surveys.sealBallots((id, key) => `h:${id}/${key}`)).to.equal(2)
      const sealed = await store().surveys.forRespondent({ id: ballot.id })
      expect(sealed!.survey.anonymous).to.equal(true)
      expect(sealed!.revision, 'a copy judged on the named ballot takes no more votes').to.be.greaterThan(before)
      expect(
        (await store().surveys.responses(ballot.id)).map((x) => [x.respondentKey, x.mpUserId, x.deputyId, x.stationId, x.districtId, x.via, x.createdAt]),
      ).to.have.deep.members([
        [`h:${ballot.id}/deputy:dp0001`, null, null, null, null, null, ballot.opensAt],
        [`h:${ballot.id}/deputy:dp0002`, null, null, null, null, null, ballot.opensAt],
      ])
      expect(await store().surveys.hasResponded(ballot.id, `h:${ballot.id}/deputy:dp0002`)).to.equal(true)
      expect(await store().surveys.tallies(ballot.id, 's:st001')).to.deep.equal([])
      expect((await store().surveys.tallies(ballot.id, '')).find((t) => t.questionId === '_responses')!.count).to.equal(2)
      expect((await store().surveys.responses(poll.id))[0], 'a survey is not a ballot').to.include({ respondentKey: 'mp:mu-9', stationId: 'st001' })
      expect(await store().surveys.tallies(poll.id, 's:st001')).not.to.deep.equal([])
      expect(await store().surveys.sealBallots(() => 'h:again'), 'once sealed, left as it is').to.equal(0)
    })

    it('counts every answer of answers written together, and a ballot sealed with them keeps counts in total only', async () => {
      const ballot = surveyRecord({ kind: 'ballot', articles: [], ballot: { passRule: 'roll_majority', maxChosen: null, rollDeputyIds: ['dp0001', 'dp0002'] } })
      const poll = surveyRecord()
      await store().surveys.create(ballot)
      await store().surveys.create(poll)
      // Asked at once, as fifty people answering in the same moment are: the SQLite store writes them in one group.
      await Promise.all([
        ...Array.from({ length: 20 }, (_, i) => store().surveys.respond(submission(poll, `mp:mu-${i}`, { q1: i % 4 ? 'yes' : 'no' }))),
        store().surveys.respond(submission(ballot, 'deputy:dp0001')),
        store().surveys.respond(submission(ballot, 'deputy:dp0002', { q1: 'no' })),
        store().surveys.sealBallots((id, key) => `h:${id}/${key}`),
      ])
      const count = async (surveyId: string, scope: string, questionId: string, bucket: string) =>
        (await store().surveys.tallies(surveyId, scope)).find((t) => t.questionId === questionId && t.bucket === bucket)?.count ?? 0
      expect(await count(poll.id, '', '_responses', '')).to.equal(20)
      expect(await count(poll.id, '', 'q1', 'yes')).to.equal(15)
      expect(await count(poll.id, 's:st001', 'q1', 'no')).to.equal(5)
      expect(await count(ballot.id, '', '_responses', '')).to.equal(2)
      expect(await count(ballot.id, '', 'q1', 'no')).to.equal(1)
      expect(await store().surveys.tallies(ballot.id, 's:st001'), 'no count by place for a secret ballot').to.deep.equal([])
      expect(await store().surveys.tallies(ballot.id, 'd:d01')).to.deep.equal([])
    })

    it("strips every ballot's votes of place, source, time and id, keeping each one's key, answers and counts", async () => {
      // Anonymous from the start, as an older version kept its votes: each with its station, source, minute and an id in order of time.
      const ballot = surveyRecord({
        kind: 'ballot',
        anonymous: true,
        ballot: { passRule: 'roll_majority', maxChosen: null, rollDeputyIds: ['dp0001', 'dp0002'] },
      })
      const poll = surveyRecord()
      await store().surveys.create(ballot)
      await store().surveys.create(poll)
      await store().surveys.respond(submission(ballot, 'h:one'))
      // Never made by a ballot now, but kept by the store: its text answer and opinion follow their vote.
      await store().surveys.respond(submission(ballot, 'h:two', { q1: 'no', q2: '多修路' }, [{ articleId: 'a1', text: '同意' }]))
      await store().surveys.respond(submission(poll, 'mp:mu-9'))
      const old = (await store().surveys.responses(ballot.id)).map((x) => x.id)
      const counters = await store().surveys.tallies(ballot.id, '')
      const fresh = ['sr-fresh-2', 'sr-fresh-1']

      expect(await store().surveys.scrubBallotVotes(() => fresh.pop()!)).to.equal(2)
      const votes = await store().surveys.responses(ballot.id)
      expect(votes.map((x) => x.id))
        .to.have.members(['sr-fresh-1', 'sr-fresh-2'])
        .and.not.include.members(old)
      expect(votes.map((x) => [x.respondentKey, x.mpUserId, x.deputyId, x.stationId, x.districtId, x.via, x.createdAt, x.answers])).to.have.deep.members([
        ['h:one', null, null, null, null, null, ballot.opensAt, { q1: 'yes' }],
        ['h:two', null, null, null, null, null, ballot.opensAt, { q1: 'no', q2: '多修路' }],
      ])
      const two = votes.find((x) => x.respondentKey === 'h:two')!
      expect((await store().surveys.textAnswers(ballot.id, { questionId: 'q2', limit: 10 })).items).to.deep.equal([
        { responseId: two.id, questionId: 'q2', text: '多修路', stationId: null, districtId: null, createdAt: ballot.opensAt },
      ])
      expect((await store().surveys.opinions(ballot.id, {})).map((o) => [o.responseId, o.mpUserId, o.via, o.stationId, o.createdAt])).to.deep.equal([
        [two.id, null, null, null, ballot.opensAt],
      ])
      expect(await store().surveys.hasResponded(ballot.id, 'h:two'), 'once only still holds').to.equal(true)
      expect(await store().surveys.tallies(ballot.id, '')).to.have.deep.members(counters)
      expect((await store().surveys.get(ballot.id))!.responseCount).to.equal(2)
      expect((await store().surveys.responses(poll.id))[0], 'a survey is not a ballot').to.include({
        respondentKey: 'mp:mu-9',
        stationId: 'st001',
        via: 'ST001',
      })
    })

    it("fixes a closed ballot's count once, which no later fix or correction changes", async () => {
      const rules = { passRule: 'roll_majority' as const, maxChosen: null, rollDeputyIds: ['dp0001', 'dp0002', 'dp0003'] }
      const ballot = surveyRecord({ kind: 'ballot', anonymous: true, articles: [], ballot: rules, closesAt: at(60) })
      await store().surveys.create(ballot)
      await store().surveys.create(surveyRecord({ kind: 'ballot', anonymous: true, articles: [], ballot: rules, closesAt: at(600) }))
      await store().surveys.create(surveyRecord({ kind: 'ballot', anonymous: true, articles: [], ballot: rules, closesAt: at(30), draft: true }))
      await store().surveys.create(surveyRecord({ closesAt: at(30) }))
      expect(
        (await store().surveys.ballotsToCount(at(61))).map((x) => x.id),
        'closed, published, a ballot',
      ).to.deep.equal([ballot.id])
      expect((await store().surveys.get(ballot.id))!.ballot).to.deep.equal(rules)

      const fixed = await store().surveys.fixBallotCount(ballot.id, ['dp0003'])
      expect(fixed.ballot).to.deep.equal({ ...rules, uncountedAtClose: ['dp0003'] })
      expect((await store().surveys.fixBallotCount(ballot.id, [])).ballot!.uncountedAtClose, 'the first fix stands').to.deep.equal(['dp0003'])
      // A correction written from a copy read before the fix neither drops it nor writes its own.
      await store().surveys.update({ ...ballot, title: '票决（更正）' })
      await store().surveys.update({ ...ballot, ballot: { ...rules, uncountedAtClose: [] } })
      expect((await store().surveys.get(ballot.id))!.ballot).to.deep.equal({ ...rules, uncountedAtClose: ['dp0003'] })
      expect((await store().surveys.forRespondent({ id: ballot.id }))!.survey.ballot!.uncountedAtClose).to.deep.equal(['dp0003'])
      expect(await store().surveys.ballotsToCount(at(61))).to.deep.equal([])
      expect(await rejects(store().surveys.fixBallotCount('sv-none', []))).to.be.instanceOf(NotFoundError)
    })
  })
}
