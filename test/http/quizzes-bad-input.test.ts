import { expect } from 'chai'
import { asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'
import { at, DAY, MINUTE, quizWithBank, rightAnswers } from '../helpers/quizzes.js'

/** Quiz input that must be refused, each with a clear 4xx and nothing counted. */
describe('quiz bad input', () => {
  let app: TestApp
  let organizer: Client
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
    organizer = await new Client(app.baseUrl).login('sunli', STAFF_PASSWORD)
  })
  afterEach(() => app.close())

  const start = (client: Client, quizId: string) => client.post(`/api/mp/quizzes/${quizId}/attempts`)

  it('refuses answers naming options that do not exist (422) and scores nothing', async () => {
    const quiz = await quizWithBank(app, organizer)
    const resident = await asResident(app)
    const paper = (await start(resident, quiz.id)).body
    const answers = rightAnswers(paper)
    answers[0]!.choices = ['H']
    const refused = await resident.post(`/api/mp/quiz-attempts/${paper.id}/submit`, { answers })
    expect(refused.status).to.equal(422)
    expect(refused.body.error).to.deep.include({
      code: 'invalid_answer',
      details: [{ path: `body.answers.${paper.questions[0].id}`, message: '选项 H 不存在' }],
    })
    const foreign = await resident.post(`/api/mp/quiz-attempts/${paper.id}/submit`, { answers: [{ questionId: 'qq-not-drawn', choices: ['A'] }] })
    expect(foreign.status).to.equal(422)
    expect((await resident.get(`/api/mp/quiz-attempts/${paper.id}`)).body.status, 'still open to fix and submit').to.equal('open')
  })

  it('does not count a submit after the deadline: 409 deadline_passed, and the attempt closes with 0', async () => {
    const quiz = await quizWithBank(app, organizer, { timeLimitSeconds: 60 })
    const resident = await asResident(app)
    const paper = (await start(resident, quiz.id)).body
    app.clock.advance(66_000) // the limit and a 5 s grace have passed
    const late = await resident.post(`/api/mp/quiz-attempts/${paper.id}/submit`, { answers: rightAnswers(paper) })
    expect(late.status).to.equal(409)
    expect(late.body.error.code).to.equal('deadline_passed')
    const after = (await resident.get(`/api/mp/quiz-attempts/${paper.id}`)).body
    expect(after).to.include({ status: 'expired', score: 0, counted: false })
    expect(
      after.questions.every((q: { chosen: string[] }) => q.chosen.length === 0),
      'no answer recorded',
    ).to.equal(true)
  })

  it("answers 404 for someone else's attempt, to read or to submit", async () => {
    const quiz = await quizWithBank(app, organizer)
    const owner = await asResident(app)
    const paper = (await start(owner, quiz.id)).body
    const other = await asResident(app)
    expect((await other.get(`/api/mp/quiz-attempts/${paper.id}`)).status).to.equal(404)
    const submit = await other.post(`/api/mp/quiz-attempts/${paper.id}/submit`, { answers: rightAnswers(paper) })
    expect(submit.status).to.equal(404)
    expect(submit.body.error.code).to.equal('not_found')
    expect((await owner.get(`/api/mp/quiz-attempts/${paper.id}`)).body.status).to.equal('open')
  })

  it('allows one open attempt even when started twice at once, and no attempts beyond the allowed number (409)', async () => {
    const quiz = await quizWithBank(app, organizer, { attemptsAllowed: 2 })
    const resident = await asResident(app)
    const both = await Promise.all([start(resident, quiz.id), start(resident, quiz.id)])
    expect(both.map((a) => a.status).sort()).to.deep.equal([201, 409])
    const first = both.find((a) => a.status === 201)!.body
    expect(both.find((a) => a.status === 409)!.body.error.details).to.deep.equal([{ path: 'attemptId', message: first.id }])
    await resident.post(`/api/mp/quiz-attempts/${first.id}/submit`, { answers: rightAnswers(first) })
    const second = await start(resident, quiz.id)
    expect(second.status).to.equal(201)
    expect(second.body.number).to.equal(2)
    app.clock.advance(700_000) // abandoned: it expires when the next start looks
    const third = await start(resident, quiz.id)
    expect(third.status).to.equal(409)
    expect(third.body.error).to.include({ code: 'attempts_used_up', message: '每人最多答题 2 次，您的次数已用完' })
  })

  it('refuses to start a quiz not open yet or closed (409), and one with too few questions', async () => {
    const early = await quizWithBank(app, organizer, { opensAt: at(app, DAY), closesAt: at(app, 2 * DAY) })
    const resident = await asResident(app)
    const notYet = await start(resident, early.id)
    expect(notYet.status).to.equal(409)
    expect(notYet.body.error.code).to.equal('quiz_not_open')
    const closed = await quizWithBank(app, organizer, { opensAt: at(app, -2 * DAY), closesAt: at(app, 2 * MINUTE) })
    const open = await quizWithBank(app, organizer)
    app.clock.advance(3 * MINUTE)
    expect((await start(resident, closed.id)).body.error.code).to.equal('quiz_closed')
    const big = await quizWithBank(app, organizer, { drawCount: 20, draft: true })
    const refused = await organizer.post(`/api/admin/quizzes/${big.id}/publish`)
    expect([refused.status, refused.body.error.code]).to.deep.equal([409, 'quiz_not_ready'])
    expect((await start(resident, big.id)).status, 'a draft is not there for participants').to.equal(404)
    expect(
      (await resident.get('/api/mp/quizzes')).body.items.map((q: { id: string }) => q.id),
      'only open quizzes are listed',
    ).to.deep.equal([open.id])
  })

  it('refuses a CSV with bad rows whole, naming each line, and a question whose answer is not an option', async () => {
    const quiz = await quizWithBank(app, organizer)
    const csv =
      'type,stem,options,answer,explanation,points,tags\nsingle,好题,甲|乙,A,,5,\n填空,坏题型,甲|乙,A,,1,\nsingle,坏答案,甲|乙,C,,1,\nmultiple,,甲|乙,AB,,1,'
    const refused = await organizer.post(`/api/admin/quizzes/${quiz.id}/questions/import`, { csv })
    expect(refused.status).to.equal(422)
    expect(refused.body.error.details.map((d: { path: string }) => d.path)).to.deep.equal(['body.csv[第 3 行].type', 'body.csv[第 5 行].stem'])
    // Said as an organizer speaks, not as the code reads ("题型 \"填空\" 无效（single/multiple/true_false …）").
    expect(refused.body.error.details[0].message).to.equal('没有“填空”这种题型，请填单选、多选或判断')
    const wordsOf = async (csv: string) =>
      (await organizer.post(`/api/admin/quizzes/${quiz.id}/questions/import`, { csv })).body.error.details.map((d: { message: string }) => d.message)
    expect(await wordsOf('type,stem,options,answer\n,没填题型,甲|乙,A\nsingle,字母以外,甲|乙,甲\n判断,对错以外,,也许')).to.deep.equal([
      '没有填题型，请填单选、多选或判断',
      '答案“甲”不对，请填选项前的字母，如 A，多选如 AC',
      '答案“也许”不对，判断题请填“对”或“错”',
    ])
    expect(await wordsOf('type,stem,options\nsingle,少了答案,甲|乙')).to.deep.equal([
      '第一行表头少了 answer（答案）这一列，请照样例把第一行写成 type,stem,options,answer,explanation,points,tags',
    ])
    expect(await wordsOf('type,options\nsingle,甲|乙')).to.deep.equal([
      '第一行表头少了 stem（题干）、answer（答案）这 2 列，请照样例把第一行写成 type,stem,options,answer,explanation,points,tags',
    ])
    const badAnswer = await organizer.post(`/api/admin/quizzes/${quiz.id}/questions/import`, { csv: 'type,stem,options,answer\nsingle,坏答案,甲|乙,C' })
    expect(badAnswer.body.error.details).to.deep.equal([{ path: 'body.csv[第 2 行].answer', message: '答案不在选项之中' }])
    expect((await organizer.get(`/api/admin/quizzes/${quiz.id}`)).body.questions, 'nothing half imported').to.have.length(10)
    const byHand = await organizer.post(`/api/admin/quizzes/${quiz.id}/questions`, {
      questions: [{ type: 'single', stem: '两个答案', options: ['甲', '乙'], answer: ['A', 'B'] }],
    })
    expect(byHand.status).to.equal(422)
    expect(byHand.body.error.details[0]).to.deep.equal({ path: 'body.questions[0].answer', message: '单选题和判断题只能有一个正确答案' })
    const window = await organizer.patch(`/api/admin/quizzes/${quiz.id}`, { closesAt: at(app, -DAY) })
    expect(window.status, 'well-formed times breaking a rule: 422, as a survey’s').to.equal(422)
    expect(window.body.error.details).to.deep.equal([{ path: 'body.closesAt', message: '结束时间应晚于开始时间' }])
    const resident = await asResident(app)
    expect((await resident.post('/api/admin/quizzes', {})).status, 'participants cannot create').to.equal(401)
  })
})
