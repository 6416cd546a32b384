import { expect } from 'chai'
import type { AttemptRecord, QuizQuestion, QuizRecord } from '../../src/domain/quiz.js'
import { ConflictError, NotFoundError } from '../../src/errors.js'
import type { Store } from '../../src/store/ports.js'
import { rejects } from '../helpers/rejects.js'
import { outboxMessage } from './records.js'

const T0 = new Date('2026-11-22T02:00:00Z')
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000)
let n = 0

export function quizRecord(over: Partial<QuizRecord> = {}): QuizRecord {
  const seq = ++n
  return {
    id: `qz-${seq}`,
    campaignId: null,
    title: '代表法知识竞赛',
    description: '',
    drawCount: 2,
    timeLimitSeconds: 600,
    attemptsAllowed: 2,
    opensAt: at(-60),
    closesAt: at(24 * 60),
    audience: 'public',
    scopeDistrictIds: ['d01'],
    draft: false,
    createdBy: 'sf02',
    createdAt: at(seq),
    updatedAt: at(seq),
    ...over,
  }
}
const question = (quizId: string, i: number): QuizQuestion => ({
  id: `${quizId}-q${i}`,
  quizId,
  type: 'multiple',
  stem: `第${i}题`,
  options: ['甲', '乙', '丙'],
  answer: [0, 2],
  explanation: '解析',
  points: 10,
  tags: ['代表法'],
  position: i,
})
/** An open attempt in store shape (the privacy contract starts them too). */
export const attemptRecord = (quizId: string, personId: string, over: Partial<AttemptRecord> = {}): AttemptRecord => ({
  id: `qa-${++n}`,
  quizId,
  personKind: 'mp_user',
  personId,
  stationId: null,
  districtId: null,
  number: 0,
  seed: 7,
  questionIds: [`${quizId}-q1`],
  optionOrders: [[2, 0, 1]],
  startedAt: T0,
  deadline: at(10),
  status: 'open',
  finishedAt: null,
  answers: null,
  score: null,
  maxScore: 10,
  ...over,
})

/** The contract of quizzes, their pools and attempts, for every adapter. */
export function quizContract(store: () => Store) {
  describe('quizzes', () => {
    it('corrects a question in place: content replaced, quiz and position kept; an unknown one is not found', async () => {
      const q = await store().quizzes.create(quizRecord())
      await store().quizzes.addQuestions([question(q.id, 1), question(q.id, 2)])
      const corrected: QuizQuestion = {
        ...question(q.id, 1),
        type: 'single',
        stem: '更正后的题干',
        options: ['甲', '乙'],
        answer: [1],
        explanation: '新解析',
        points: 5,
        tags: [],
      }
      expect(await store().quizzes.updateQuestion(corrected)).to.deep.equal(corrected)
      expect(await store().quizzes.questions(q.id)).to.deep.equal([corrected, question(q.id, 2)])
      expect(await rejects(store().quizzes.updateQuestion({ ...corrected, id: `${q.id}-q9` }))).to.be.instanceOf(NotFoundError)
      expect((await store().quizzes.updateQuestion({ ...corrected, points: 6 }, { unstarted: true })).points).to.equal(6)
      await store().quizzes.startAttempt(attemptRecord(q.id, 'mu-1'), T0, 2)
      const late = await rejects(store().quizzes.updateQuestion({ ...corrected, points: 7 }, { unstarted: true }))
      expect(late).to.be.instanceOf(ConflictError).with.property('code', 'quiz_started')
      expect((await store().quizzes.questions(q.id))[0]!.points, 'unchanged once started').to.equal(6)
      const settings = await rejects(store().quizzes.update({ ...q, drawCount: 1 }, { unstarted: true }))
      expect(settings).to.be.instanceOf(ConflictError).with.property('code', 'quiz_started')
      expect((await store().quizzes.get(q.id))!.drawCount).to.equal(q.drawCount)
      expect((await store().quizzes.update({ ...q, title: '改名' })).title, 'without the condition, a title still changes').to.equal('改名')
    })

    it('stores quizzes and questions as given, finds open ones and searches within districts', async () => {
      const q = await store().quizzes.create(quizRecord())
      const other = await store().quizzes.create(quizRecord({ scopeDistrictIds: ['d02'], opensAt: at(60) }))
      expect(await store().quizzes.get(q.id)).to.deep.equal(q)
      expect(await rejects(store().quizzes.create(q))).to.be.instanceOf(ConflictError)
      await store().quizzes.addQuestions([question(q.id, 2), question(q.id, 1)])
      expect((await store().quizzes.questions(q.id)).map((x) => x.id)).to.deep.equal([`${q.id}-q1`, `${q.id}-q2`])
      expect(await store().quizzes.getQuestions([`${q.id}-q1`])).to.deep.equal([question(q.id, 1)])
      expect(await rejects(store().quizzes.addQuestions([question(q.id, 3), question(q.id, 1)])), 'a taken id').to.be.instanceOf(ConflictError)
      expect(await store().quizzes.questions(q.id), 'all or nothing').to.have.length(2)
      expect((await store().quizzes.openAt(T0)).map((x) => x.id)).to.deep.equal([q.id])
      const draft = await store().quizzes.create(quizRecord({ draft: true }))
      expect(await store().quizzes.get(draft.id)).to.deep.equal(draft)
      expect(
        (await store().quizzes.openAt(T0)).map((x) => x.id),
        'a draft is not open',
      ).to.deep.equal([q.id])
      expect((await store().quizzes.search({ limit: 10, scopeDistrictIds: ['d02'] })).items.map((x) => x.id)).to.deep.equal([other.id])
      const city = await store().quizzes.create(quizRecord({ scopeDistrictIds: [] }))
      expect(
        (await store().quizzes.search({ limit: 10, scopeDistrictIds: ['d02'] })).items.map((x) => x.id),
        'city-level only when asked',
      ).to.deep.equal([other.id])
      expect((await store().quizzes.search({ limit: 10, scopeDistrictIds: ['d02'], cityWide: true })).items.map((x) => x.id)).to.deep.equal([city.id, other.id])
      const updated = await store().quizzes.update({ ...q, title: '新名称', drawCount: 1 })
      expect(await store().quizzes.get(q.id)).to.deep.equal(updated)
    })

    it('finds the quizzes closed in a window, the latest closed first, drafts left out', async () => {
      const ended = await store().quizzes.create(quizRecord({ opensAt: at(-3 * 24 * 60), closesAt: at(-2 * 24 * 60) }))
      const endedLater = await store().quizzes.create(quizRecord({ opensAt: at(-3 * 24 * 60), closesAt: at(-60) }))
      await store().quizzes.create(quizRecord({ opensAt: at(-3 * 24 * 60), closesAt: at(-60), draft: true }))
      await store().quizzes.create(quizRecord({ opensAt: at(-90 * 24 * 60), closesAt: at(-40 * 24 * 60) }))
      await store().quizzes.create(quizRecord())
      expect((await store().quizzes.closedBetween(at(-30 * 24 * 60), T0)).map((x) => x.id)).to.deep.equal([endedLater.id, ended.id])
    })

    it('deletes a draft with its questions, and never a published quiz', async () => {
      const draft = await store().quizzes.create(quizRecord({ draft: true }))
      const published = await store().quizzes.create(quizRecord())
      await store().quizzes.addQuestions([question(draft.id, 1), question(draft.id, 2), question(published.id, 1)])
      expect(await store().quizzes.deleteDraft(published.id), 'published: kept').to.equal(false)
      expect(await store().quizzes.deleteDraft(draft.id)).to.equal(true)
      expect(await store().quizzes.get(draft.id)).to.equal(null)
      expect(await store().quizzes.questions(draft.id)).to.deep.equal([])
      expect(await store().quizzes.deleteDraft(draft.id), 'gone: nothing to delete').to.equal(false)
      expect(await store().quizzes.get(published.id)).not.to.equal(null)
      expect(await store().quizzes.questions(published.id)).to.have.length(1)
    })

    it('creates a quiz with its notices in one write, and neither when the id is taken', async () => {
      const q = quizRecord()
      await store().quizzes.create(q, [outboxMessage(`quiz:${q.id}:published:deputy:dp0001`)])
      expect((await store().outbox.search({ limit: 10 })).items.map((m) => m.dedupeKey)).to.deep.equal([`quiz:${q.id}:published:deputy:dp0001`])
      expect(await rejects(store().quizzes.create(q, [outboxMessage('quiz:taken:published:deputy:dp0002')]))).to.be.instanceOf(ConflictError)
      expect((await store().outbox.search({ limit: 10 })).items, 'no notice for a quiz not made').to.have.length(1)
    })

    it('numbers attempts, keeps one open per person, expires overdue ones and caps the count', async () => {
      const q = await store().quizzes.create(quizRecord())
      const first = await store().quizzes.startAttempt(attemptRecord(q.id, 'mu-1'), T0, 2)
      expect(first.number).to.equal(1)
      expect(await store().quizzes.getAttempt(first.id)).to.deep.equal(first)
      const open = (await rejects(store().quizzes.startAttempt(attemptRecord(q.id, 'mu-1'), at(1), 2))) as ConflictError
      expect(open).to.include({ code: 'attempt_open' })
      expect(open.details).to.deep.equal([{ path: 'attemptId', message: first.id }])
      expect((await store().quizzes.startAttempt(attemptRecord(q.id, 'mu-2'), at(1), 2)).number, 'per person').to.equal(1)
      const second = await store().quizzes.startAttempt(attemptRecord(q.id, 'mu-1', { startedAt: at(11), deadline: at(21) }), at(11), 2)
      expect(second.number).to.equal(2)
      expect(await store().quizzes.getAttempt(first.id)).to.deep.include({ status: 'expired', score: 0, answers: [], finishedAt: at(10) })
      expect(await store().quizzes.finishAttempt(second.id, { status: 'submitted', finishedAt: at(12), answers: [[0, 2]], score: 10 })).to.equal(true)
      expect(await store().quizzes.finishAttempt(second.id, { status: 'submitted', finishedAt: at(13), answers: [[1]], score: 0 }), 'once').to.equal(false)
      expect(await store().quizzes.getAttempt(second.id)).to.deep.include({ status: 'submitted', score: 10, answers: [[0, 2]], finishedAt: at(12) })
      expect(await rejects(store().quizzes.startAttempt(attemptRecord(q.id, 'mu-1'), at(14), 2))).to.include({ code: 'attempts_used_up' })
      expect((await store().quizzes.attemptsOf(q.id, { kind: 'mp_user', id: 'mu-1' })).map((a) => a.number)).to.deep.equal([1, 2])
      expect(await store().quizzes.attempts(q.id)).to.have.length(3)
    })

    it("reads every deputy's attempts at several quizzes in one go, without the papers", async () => {
      const [a, b, other] = [await store().quizzes.create(quizRecord()), await store().quizzes.create(quizRecord()), await store().quizzes.create(quizRecord())]
      const deputy = (quizId: string, id: string) => attemptRecord(quizId, id, { personKind: 'deputy' })
      const first = await store().quizzes.startAttempt(deputy(a.id, 'dp0001'), T0, 2)
      await store().quizzes.finishAttempt(first.id, { status: 'submitted', finishedAt: at(5), answers: [[0, 2]], score: 10 })
      await store().quizzes.startAttempt(deputy(b.id, 'dp0002'), T0, 2)
      await store().quizzes.startAttempt(deputy(other.id, 'dp0003'), T0, 2)
      await store().quizzes.startAttempt(attemptRecord(a.id, 'mu-1'), T0, 2)
      const heads = await store().quizzes.attemptHeads([a.id, b.id], 'deputy')
      const key = (h: { quizId: string; personId: string }) => `${h.quizId}:${h.personId}`
      expect([...heads].sort((x, y) => key(x).localeCompare(key(y)))).to.deep.equal([
        { quizId: a.id, personKind: 'deputy', personId: 'dp0001', status: 'submitted', deadline: at(10) },
        { quizId: b.id, personKind: 'deputy', personId: 'dp0002', status: 'open', deadline: at(10) },
      ])
      expect(await store().quizzes.attemptHeads([], 'deputy')).to.deep.equal([])
    })

    it('lets one of many simultaneous starts by one person win', async () => {
      const q = await store().quizzes.create(quizRecord({ attemptsAllowed: 10 }))
      const results = await Promise.allSettled(Array.from({ length: 5 }, () => store().quizzes.startAttempt(attemptRecord(q.id, 'mu-9'), T0, 10)))
      expect(results.filter((r) => r.status === 'fulfilled')).to.have.length(1)
      expect(results.filter((r) => r.status === 'rejected').every((r) => (r as PromiseRejectedResult).reason instanceof ConflictError)).to.equal(true)
    })

    it('loses no submission when 2,000 people finish at once', async function () {
      this.timeout(60_000)
      const q = await store().quizzes.create(quizRecord())
      const people = Array.from({ length: 2000 }, (_, i) => `mu-${i}`)
      const started = await Promise.all(people.map((p) => store().quizzes.startAttempt(attemptRecord(q.id, p), T0, 1)))
      const done = await Promise.all(
        started.map((a, i) => store().quizzes.finishAttempt(a.id, { status: 'submitted', finishedAt: at(5), answers: [[i % 3]], score: i % 2 ? 10 : 0 })),
      )
      expect(done.every(Boolean)).to.equal(true)
      const stored = await store().quizzes.attempts(q.id)
      expect(stored.filter((a) => a.status === 'submitted')).to.have.length(2000)
      expect(stored.reduce((s, a) => s + (a.score ?? 0), 0)).to.equal(10_000)
    })
  })
}
