import { expect } from 'chai'
import { groupBoard, peopleBoard } from '../../src/domain/quiz-board.js'
import {
  attemptDeadline,
  decodeChoices,
  drawQuestions,
  isLate,
  questionProblems,
  scoreAnswers,
  type AttemptRecord,
  type QuizQuestion,
} from '../../src/domain/quiz.js'
import { mulberry32, shuffled } from '../../src/domain/seeded-random.js'

const T0 = new Date('2026-11-23T02:00:00Z')
const q = (n: number, over: Partial<QuizQuestion> = {}): QuizQuestion => ({
  id: `q${n}`,
  quizId: 'qz',
  type: 'single',
  stem: `第${n}题`,
  options: ['甲', '乙', '丙', '丁'],
  answer: [0],
  explanation: `解析${n}`,
  points: 10,
  tags: [],
  position: n,
  ...over,
})
const pool = Array.from({ length: 20 }, (_, i) =>
  q(i + 1, i % 3 === 1 ? { type: 'multiple', answer: [0, 2] } : i % 3 === 2 ? { type: 'true_false', options: ['正确', '错误'], answer: [1] } : {}),
)

function attempt(personId: string, score: number, seconds: number, over: Partial<AttemptRecord> = {}): AttemptRecord {
  return {
    id: `a-${personId}-${score}-${seconds}`,
    quizId: 'qz',
    personKind: 'deputy',
    personId,
    stationId: 'st001',
    districtId: 'd01',
    number: 1,
    seed: 1,
    questionIds: [],
    optionOrders: [],
    startedAt: T0,
    deadline: new Date(T0.getTime() + 600_000),
    status: 'submitted',
    finishedAt: new Date(T0.getTime() + seconds * 1000),
    answers: [],
    score,
    maxScore: 100,
    ...over,
  }
}

describe('quiz rules', () => {
  it('draws the same questions and option orders from the same seed, and others from another seed', () => {
    const a = drawQuestions(pool, 10, 42)
    expect(drawQuestions([...pool].reverse(), 10, 42), 'the pool order as stored does not matter').to.deep.equal(a)
    expect(a.questionIds).to.have.length(10)
    expect(new Set(a.questionIds).size, 'no question twice').to.equal(10)
    expect(drawQuestions(pool, 10, 43)).to.not.deep.equal(a)
    a.optionOrders.forEach((order, i) => expect([...order].sort(), a.questionIds[i]).to.deep.equal(pool[0]!.options.map((_, j) => j).slice(0, order.length)))
    const trueFalse = a.questionIds.map((id, i) => ({ id, order: a.optionOrders[i] })).filter((x) => pool.find((p) => p.id === x.id)!.type === 'true_false')
    trueFalse.forEach((x) => expect(x.order, '正确 stays before 错误').to.deep.equal([0, 1]))
    const shuffledSome = a.optionOrders.some((o) => o.length === 4 && o.join() !== '0,1,2,3')
    expect(shuffledSome, 'options are shuffled').to.equal(true)
    expect(drawQuestions(pool.slice(0, 3), 10, 1).questionIds, 'a small pool gives all it has').to.have.length(3)
  })

  it('uses the shared seeded generator: same seed, same sequence', () => {
    // Stored attempts keep only their seed: the draw must come from mulberry32, whose
    // sequence is pinned here so that no change to it goes unnoticed.
    const a = mulberry32(7)
    expect([a(), a(), a()].map((x) => x.toFixed(8))).to.deep.equal(['0.01170475', '0.06195826', '0.97690763'])
    const rand = mulberry32(42)
    const sorted = [...pool].sort((x, y) => x.position - y.position)
    const expectedIds = shuffled(rand, sorted)
      .slice(0, 10)
      .map((x) => x.id)
    const draw = drawQuestions([...pool].reverse(), 10, 42)
    expect(draw.questionIds, 'the questions come from mulberry32(seed)').to.deep.equal(expectedIds)
    const expectedOrders = expectedIds.map((id) => {
      const question = pool.find((x) => x.id === id)!
      const indexes = question.options.map((_, i) => i)
      return question.type === 'true_false' ? indexes : shuffled(rand, indexes)
    })
    expect(draw.optionOrders, 'and the option orders from the same sequence').to.deep.equal(expectedOrders)
  })

  it('scores all-or-nothing: a multiple-choice question needs exactly the right set', () => {
    const qs = [q(1), q(2, { type: 'multiple', answer: [0, 2] }), q(3, { type: 'multiple', answer: [1, 3], points: 5 })]
    const result = scoreAnswers(qs, [[0], [2, 0], [1]])
    expect(result.results.map((r) => r.correct)).to.deep.equal([true, true, false])
    expect(result).to.include({ score: 20, maxScore: 25 })
    expect(scoreAnswers(qs, [[0], [0, 1, 2], [1, 3]]).score, 'one too many is wrong').to.equal(15)
    expect(scoreAnswers(qs, []).score, 'unanswered scores nothing').to.equal(0)
  })

  it('decodes the keys shown into original options and names options that do not exist', () => {
    const qs = [q(1), q(2, { type: 'multiple', answer: [0, 2] })]
    const orders = [
      [2, 0, 3, 1],
      [1, 2, 0, 3],
    ]
    const ok = decodeChoices(
      qs,
      orders,
      new Map([
        ['q1', ['B']],
        ['q2', ['B', 'C']],
      ]),
    )
    expect(ok).to.deep.equal({ answers: [[0], [2, 0]], problems: [] })
    const bad = decodeChoices(
      qs,
      orders,
      new Map([
        ['q1', ['A', 'B']],
        ['q2', ['F']],
        ['q9', ['A']],
      ]),
    )
    expect(bad.problems.map((p) => p.message)).to.have.members(['本次答题没有这道题', '这道题只能选一个答案', '选项 F 不存在'])
  })

  it('ends an attempt at its time limit or at the quiz close, whichever is first, with a short grace', () => {
    const closesAt = new Date(T0.getTime() + 300_000)
    expect(attemptDeadline(T0, { timeLimitSeconds: 600, closesAt })).to.deep.equal(closesAt)
    expect(attemptDeadline(T0, { timeLimitSeconds: 60, closesAt })).to.deep.equal(new Date(T0.getTime() + 60_000))
    const a = { deadline: new Date(T0.getTime() + 60_000) }
    expect(isLate(a, { closesAt }, new Date(T0.getTime() + 64_000))).to.equal(false)
    expect(isLate(a, { closesAt }, new Date(T0.getTime() + 66_000))).to.equal(true)
    // Ended early by the organizer after the attempt started: the new close counts.
    const endedEarly = new Date(T0.getTime() + 30_000)
    expect(isLate(a, { closesAt: endedEarly }, new Date(T0.getTime() + 36_000))).to.equal(true)
  })

  it('checks questions as written', () => {
    expect(questionProblems(q(1), 'q')).to.deep.equal([])
    expect(questionProblems(q(1, { answer: [0, 1] }), 'q').map((p) => p.message)).to.deep.equal(['单选题和判断题只能有一个正确答案'])
    expect(questionProblems(q(1, { answer: [7] }), 'q').map((p) => p.message)).to.deep.equal(['答案不在选项之中'])
    expect(questionProblems(q(1, { type: 'true_false', options: ['对', '错'] }), 'q')[0]!.message).to.equal('判断题的选项应为“正确|错误”')
  })

  it('ranks people by their best attempt: score first, then time, ties sharing a rank', () => {
    const board = peopleBoard([
      attempt('a', 80, 100),
      attempt('a', 90, 300, { number: 2 }),
      attempt('b', 90, 200),
      attempt('c', 90, 200),
      attempt('d', 70, 50),
      attempt('e', 100, 10, { status: 'open' }),
    ])
    expect(board.map((p) => [p.personId, p.rank, p.score, p.attempts])).to.deep.equal([
      ['b', 1, 90, 1],
      ['c', 1, 90, 1],
      ['a', 3, 90, 2],
      ['d', 4, 70, 1],
    ])
  })

  it('ranks stations by average score, with participation against the audience there', () => {
    const people = peopleBoard([
      attempt('a', 80, 100),
      attempt('b', 60, 100),
      attempt('c', 90, 100, { stationId: 'st002' }),
      attempt('r', 100, 10, { stationId: null, districtId: null }),
    ])
    const board = groupBoard(
      people,
      'station',
      new Map([
        ['st001', 4],
        ['st002', 1],
        ['st003', 2],
      ]),
    )
    expect(board).to.deep.equal([
      { rank: 1, groupId: 'st002', participants: 1, audienceSize: 1, participationRate: 1, averageScore: 90, averagePercent: 90 },
      { rank: 2, groupId: 'st001', participants: 2, audienceSize: 4, participationRate: 0.5, averageScore: 70, averagePercent: 70 },
      { rank: 3, groupId: 'st003', participants: 0, audienceSize: 2, participationRate: 0, averageScore: 0, averagePercent: 0 },
    ])
    expect(groupBoard(people, 'district', null)[0]).to.include({ groupId: 'd01', participants: 3, audienceSize: null, participationRate: null })
  })

  it("ranks by the share of the paper's points when draws differ in total: 40 of 40 above 45 of 50", () => {
    const people = peopleBoard([
      attempt('full', 40, 300, { maxScore: 40 }),
      attempt('most', 45, 100, { maxScore: 50 }),
      attempt('same', 36, 200, { maxScore: 40 }),
      attempt('tie', 45, 200, { maxScore: 50 }),
    ])
    expect(people.map((p) => [p.personId, p.rank, p.score, p.maxScore, p.percent])).to.deep.equal([
      ['full', 1, 40, 40, 100],
      ['most', 2, 45, 50, 90],
      ['same', 3, 36, 40, 90],
      ['tie', 3, 45, 50, 90],
    ])
    const stations = groupBoard(
      peopleBoard([
        attempt('a', 40, 100, { maxScore: 40 }), // st001: 100 %
        attempt('b', 45, 100, { maxScore: 50, stationId: 'st002' }), // st002: 90 %, though more points
      ]),
      'station',
      null,
    )
    expect(stations.map((g) => [g.groupId, g.rank, g.averageScore, g.averagePercent])).to.deep.equal([
      ['st001', 1, 40, 100],
      ['st002', 2, 45, 90],
    ])
  })
})
