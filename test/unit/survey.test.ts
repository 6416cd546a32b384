import { expect } from 'chai'
import { definitionProblems, draftName, surveyPhase, surveyQuestion, type Question, type SurveyRecord, type SurveyResponse } from '../../src/domain/survey.js'
import { answerProblems, cleanAnswers, shownQuestions } from '../../src/domain/survey-answers.js'
import { ballotOutcome, mergeIncrements, surveyResults, tallyIncrements, type TallyRow } from '../../src/domain/survey-tally.js'

// A question titled by its id unless a title is given: these tests read answers, not wording.
const q = (over: Partial<Question> & Pick<Question, 'id' | 'type'>): Question => surveyQuestion({ title: over.id, ...over })
const yesNo = [
  { id: 'yes', label: '是' },
  { id: 'no', label: '否' },
]
const QUESTIONS: Question[] = [
  q({ id: 'q1', type: 'single', required: true, options: yesNo }),
  q({
    id: 'q2',
    type: 'multiple',
    options: [
      { id: 'a', label: '绿道' },
      { id: 'b', label: '口袋公园' },
      { id: 'c', label: '行道树' },
    ],
    minChoices: 1,
    maxChoices: 2,
  }),
  q({ id: 'q3', type: 'text', maxLength: 10 }),
  q({ id: 'q4', type: 'rating', scale: 5, required: true }),
  q({ id: 'q5', type: 'number', min: 0, max: 120, required: true, showIf: { questionId: 'q1', optionIds: ['yes'] } }),
]
const survey = (over: Partial<SurveyRecord> = {}) => ({ kind: 'survey' as const, questions: QUESTIONS, articles: [], ...over })
const paths = (problems: Array<{ path: string }>) => problems.map((p) => p.path)

describe('survey answers', () => {
  it('takes a full, sensible response', () => {
    expect(answerProblems(survey(), { q1: 'yes', q2: ['a', 'b'], q3: '多种树', q4: 5, q5: 30 }, [])).to.deep.equal([])
  })

  it('refuses options that do not exist, too many choices and values out of range, each at its path', () => {
    const problems = answerProblems(survey(), { q1: 'maybe', q2: ['a', 'b', 'c'], q3: '一二三四五六七八九十十一', q4: 6, q5: 200 }, [])
    expect(problems).to.deep.equal([
      { path: 'answers.q1', message: '这个选项已不存在，请刷新后重新选择' },
      { path: 'answers.q2', message: '最多选择 2 项，实选 3 项' },
      { path: 'answers.q3', message: '最多 10 字' },
      { path: 'answers.q4', message: '评分应为 1–5 的整数' },
      { path: 'answers.q5', message: '此题按前面的回答不显示，不应作答' },
    ])
    expect(answerProblems(survey(), { q1: 'yes', q4: 1, q5: 200 }, [])).to.deep.equal([{ path: 'answers.q5', message: '数值应在 0–120 之间' }])
    expect(paths(answerProblems(survey(), { q1: 'no', q2: ['zz'], q4: 3 }, []))).to.deep.equal(['answers.q2'])
    expect(paths(answerProblems(survey(), { q1: 'no', q2: ['a', 'a'], q4: 3, q9: 'x' }, []))).to.deep.equal(['answers.q9', 'answers.q2'])
  })

  it('asks for required answers, but only of questions the answers show', () => {
    expect(answerProblems(survey(), {}, [])).to.deep.equal([
      { path: 'answers.q1', message: '「q1」为必答题' },
      { path: 'answers.q4', message: '「q4」为必答题' },
    ])
    expect(paths(answerProblems(survey(), { q1: 'yes', q4: 4 }, [])), 'Q5 shows when Q1 = 是').to.deep.equal(['answers.q5'])
    expect(shownQuestions(QUESTIONS, { q1: 'no' }).map((x) => x.id)).to.deep.equal(['q1', 'q2', 'q3', 'q4'])
  })

  it('refuses answers to hidden questions', () => {
    expect(answerProblems(survey(), { q1: 'no', q4: 2, q5: 40 }, [])).to.deep.equal([{ path: 'answers.q5', message: '此题按前面的回答不显示，不应作答' }])
  })

  it('checks comments against the articles, and only in consultations', () => {
    const consultation = survey({ kind: 'consultation', questions: [], articles: [{ id: 'a1', number: '第一条', text: '…' }] })
    expect(answerProblems(consultation, {}, [{ articleId: 'a1', text: '建议增加' }])).to.deep.equal([])
    expect(paths(answerProblems(consultation, {}, [{ articleId: 'a9', text: ' ' }]))).to.deep.equal(['comments[0].articleId', 'comments[0].text'])
    expect(paths(answerProblems(survey(), { q1: 'no', q4: 1 }, [{ articleId: 'a1', text: 'x' }]))).to.deep.equal(['comments'])
  })

  it('drops blank answers and trims text before storing', () => {
    expect(cleanAnswers({ q1: 'yes', q2: [], q3: '  好  ', q4: 3 })).to.deep.equal({ q1: 'yes', q3: '好', q4: 3 })
  })
})

describe('survey definitions and phases', () => {
  const times = { opensAt: new Date('2026-12-01T00:00:00Z'), closesAt: new Date('2026-12-10T00:00:00Z'), anonymous: false, ballot: null }
  it('refuses conditions on later or non-choice questions, bad choice limits and ballots without a roll', () => {
    const bad = [
      q({ id: 'x', type: 'text', showIf: { questionId: 'y', optionIds: ['yes'] } }),
      q({ id: 'y', type: 'multiple', options: yesNo, minChoices: 2, maxChoices: 3 }),
    ]
    expect(paths(definitionProblems({ kind: 'survey', questions: bad, articles: [], ...times }))).to.deep.equal([
      'questions[0].showIf.questionId',
      'questions[1].maxChoices',
    ])
    expect(
      paths(
        definitionProblems({
          kind: 'ballot',
          questions: [QUESTIONS[1]],
          articles: [],
          ...times,
          ballot: { passRule: 'roll_majority', maxChosen: null, rollDeputyIds: [] },
        }),
      ),
    ).to.deep.equal(['ballot.roll', 'anonymous'])
    expect(paths(definitionProblems({ kind: 'consultation', questions: [], articles: [], ...times, closesAt: times.opensAt }))).to.deep.equal([
      'closesAt',
      'articles',
    ])
  })

  it('is scheduled, open, then closed', () => {
    expect(surveyPhase(times, new Date('2026-11-30T23:59:59Z'))).to.equal('scheduled')
    expect(surveyPhase(times, new Date('2026-12-01T00:00:00Z'))).to.equal('open')
    expect(surveyPhase(times, new Date('2026-12-10T00:00:00Z'))).to.equal('closed')
  })

  it('is closed, never coming, once it ended before it began (closed early by an older version)', () => {
    expect(surveyPhase({ ...times, closesAt: times.opensAt }, new Date('2026-11-30T00:00:00Z'))).to.equal('closed')
  })

  it('puts only the draft in 书名号 when the title has none', () => {
    expect(draftName('青澜市城市绿化条例（草案）征求意见')).to.equal('《青澜市城市绿化条例（草案）》')
    expect(draftName('青澜市养犬管理条例（草案）公开征求意见稿')).to.equal('《青澜市养犬管理条例（草案）》')
    expect(draftName('《城市绿化条例（草案）》征求意见')).to.equal('《城市绿化条例（草案）》')
  })
})

describe('survey tallies', () => {
  const named = { questions: QUESTIONS, anonymous: false }
  const responses: Array<Pick<SurveyResponse, 'answers' | 'comments' | 'stationId' | 'districtId'>> = [
    { answers: { q1: 'yes', q2: ['a', 'b'], q4: 5, q5: 30 }, comments: [], stationId: 'st001', districtId: 'd01' },
    { answers: { q1: 'no', q2: ['a'], q4: 3 }, comments: [], stationId: 'st004', districtId: 'd02' },
    { answers: { q1: 'yes', q4: 4, q5: 50, q3: '好' }, comments: [], stationId: null, districtId: null },
  ]
  const rows = (scope: string): TallyRow[] => mergeIncrements(responses.flatMap((r) => tallyIncrements(named, r))).filter((i) => i.scope === scope)

  it('counts options with percentages of those who answered, and rating averages and distributions', () => {
    const results = surveyResults({ questions: QUESTIONS, articles: [] }, rows(''))
    expect(results.responses).to.equal(3)
    const [q1, q2, q3, q4, q5] = results.questions
    expect(q1.options).to.deep.equal([
      { id: 'yes', label: '是', count: 2, percent: 66.7 },
      { id: 'no', label: '否', count: 1, percent: 33.3 },
    ])
    expect(q2.answered).to.equal(2)
    expect(q2.options.map((o) => `${o.id}:${o.count}:${o.percent}`)).to.deep.equal(['a:2:100', 'b:1:50', 'c:0:0'])
    expect(q3.answered).to.equal(1)
    expect(q4.average).to.equal(4)
    expect(q4.distribution.map((d) => d.count)).to.deep.equal([0, 0, 1, 1, 1])
    expect(q5.average).to.equal(40)
  })

  it('counts named responses per district and station too, anonymous ones only in total', () => {
    expect(surveyResults({ questions: QUESTIONS, articles: [] }, rows('d:d02')).responses).to.equal(1)
    expect(surveyResults({ questions: QUESTIONS, articles: [] }, rows('s:st001')).questions[0].options[0].count).to.equal(1)
    const anon = tallyIncrements({ questions: QUESTIONS, anonymous: true }, responses[0])
    expect(new Set(anon.map((i) => i.scope))).to.deep.equal(new Set(['']))
  })

  it('chooses projects by votes with more than half of the roll, up to the number to choose', () => {
    const ballotQ = q({
      id: 'p',
      type: 'multiple',
      options: ['一', '二', '三', '四'].map((n, i) => ({ id: `p${i + 1}`, label: `项目${n}` })),
      minChoices: 1,
      maxChoices: 3,
    })
    const s = { questions: [ballotQ], ballot: { passRule: 'roll_majority' as const, maxChosen: 2, rollDeputyIds: ['a', 'b', 'c', 'd', 'e', 'f'] } }
    const votes = [['p1', 'p2', 'p3'], ['p1', 'p2', 'p3'], ['p1', 'p3'], ['p3', 'p2'], ['p4']]
    const tally = mergeIncrements(
      votes
        .map((v) => tallyIncrements({ questions: [ballotQ], anonymous: true }, { answers: { p: v }, comments: [], stationId: null, districtId: null }))
        .flat(),
    )
    const outcome = ballotOutcome(s, tally)
    expect(outcome).to.deep.include({ roll: 6, ballotsCast: 5, minVotes: 4 })
    expect(outcome.projects.map((p) => `${p.id}:${p.count}:${p.passes}:${p.chosen}`)).to.deep.equal([
      'p3:4:true:true',
      'p1:3:false:false',
      'p2:3:false:false',
      'p4:1:false:false',
    ])
    expect(outcome.chosen).to.deep.equal([{ id: 'p3', label: '项目三', votes: 4 }])
    const ofBallots = ballotOutcome({ ...s, ballot: { ...s.ballot, passRule: 'ballots_majority' } }, tally)
    // More than 2.5 of 5 ballots: p3 first; p1 and p2 tie with 3 for the last place, and the list order does not settle it.
    expect(ofBallots.chosen.map((p) => p.id)).to.deep.equal(['p3'])
    expect(ofBallots.tie).to.deep.equal({ votes: 3, places: 1, rank: 2, projectIds: ['p1', 'p2'] })
    expect(ofBallots.projects.filter((p) => p.tied).map((p) => p.id)).to.deep.equal(['p1', 'p2'])
    expect(ofBallots.minVotes, 'more than half of 5 is 3').to.equal(3)
    const fewerServing = ballotOutcome(s, tally, 5)
    expect(fewerServing, 'of a roll of 5 still counted, 3 votes pass').to.deep.include({ roll: 5, minVotes: 3 })
    expect(fewerServing.chosen.map((p) => p.id)).to.deep.equal(['p3'])
    expect(outcome.tie, 'p1 and p2 did not pass: no tie to decide').to.equal(null)
  })
})
