import { expect } from 'chai'
import { asDeputy, asResident, type Client, type TestApp } from '../helpers/app.js'
import { ballotBody, consultationBody, surveyBody, surveyOffice } from '../helpers/surveys.js'

/** Surveys refuse what makes no sense, each with its status, code and the place of the problem; nothing is counted then. */
describe('surveys: bad input', () => {
  let app: TestApp
  let office: Client
  let create: (body: Record<string, unknown>) => Promise<{ id: string }>
  beforeEach(async () => {
    ;({ app, office, create } = await surveyOffice())
  })
  afterEach(() => app.close())

  // Read from the store: moving the clock a week on ends the console session.
  const responses = async (id: string) => (await app.liaison.store.surveys.get(id))!.responseCount
  const details = (answer: { body: { error: { details: Array<{ path: string; message: string }> } } }) => answer.body.error.details

  it('refuses options that do not exist and too many choices', async () => {
    const s = await create(surveyBody())
    const answer = await (await asResident(app)).post(`/api/mp/surveys/${s.id}/responses`, { answers: { q1: 'o9', q2: ['a', 'b', 'c'], q3: 4 } })
    expect(answer.status).to.equal(422)
    expect(answer.body.error.code).to.equal('invalid_answers')
    expect(details(answer)).to.deep.equal([
      { path: 'body.answers.q1', message: '这个选项已不存在，请刷新后重新选择' },
      { path: 'body.answers.q2', message: '最多选择 2 项，实选 3 项' },
    ])
    expect(await responses(s.id)).to.equal(0)
  })

  it('refuses missing required answers and answers to hidden questions', async () => {
    const s = await create(surveyBody())
    const resident = await asResident(app)
    const missing = await resident.post(`/api/mp/surveys/${s.id}/responses`, { answers: { q1: 'o1' } })
    expect(details(missing)).to.deep.equal([
      { path: 'body.answers.q3', message: '「对现有绿化的满意度」为必答题' },
      { path: 'body.answers.q5', message: '「每周去几次？」为必答题' },
    ])
    const hidden = await resident.post(`/api/mp/surveys/${s.id}/responses`, { answers: { q1: 'o2', q3: 3, q5: 2 } })
    expect(hidden.status).to.equal(422)
    expect(details(hidden)).to.deep.equal([{ path: 'body.answers.q5', message: '此题按前面的回答不显示，不应作答' }])
    const badArticle = await resident.post(`/api/mp/surveys/${(await create(consultationBody())).id}/responses`, {
      comments: [{ articleId: 'a9', text: '意见' }],
    })
    expect(details(badArticle)).to.deep.equal([{ path: 'body.comments[0].articleId', message: '这条条文已不在征求意见稿中，请刷新后重新填写' }])
  })

  it('refuses responses before opening and after closing', async () => {
    const s = await create(surveyBody({ opensAt: '2026-11-24T09:00:00+08:00' }))
    const resident = await asResident(app)
    const early = await resident.post(`/api/mp/surveys/${s.id}/responses`, { answers: { q1: 'o2', q3: 3 } })
    expect(early.status).to.equal(409)
    expect(early.body.error).to.include({ code: 'survey_not_open', message: '尚未开始，11月24日 9:00 起可以提交' })
    app.clock.set(new Date('2026-12-01T00:00:00Z'))
    const late = await resident.post(`/api/mp/surveys/${s.id}/responses`, { answers: { q1: 'o2', q3: 3 } })
    expect(late.status).to.equal(409)
    expect(late.body.error).to.include({ code: 'survey_closed', message: '问卷已经结束，不能再填写' })
    expect(await responses(s.id)).to.equal(0)
  })

  it('refuses a second response, also on an anonymous survey, and responses past the cap', async () => {
    const s = await create(surveyBody({ anonymous: true, responseCap: 2 }))
    const resident = await asResident(app)
    expect((await resident.post(`/api/mp/surveys/${s.id}/responses`, { answers: { q1: 'o2', q3: 3 } })).status).to.equal(201)
    const again = await resident.post(`/api/mp/surveys/${s.id}/responses`, { answers: { q1: 'o2', q3: 1 } })
    expect(again.status).to.equal(409)
    expect(again.body.error).to.include({ code: 'already_responded', message: '您已经送出过了，每人限一次' })
    const stored = await app.liaison.store.surveys.responses(s.id)
    expect(JSON.stringify(stored), 'never the identity').not.to.include(resident.userId)
    expect((await (await asResident(app)).post(`/api/mp/surveys/${s.id}/responses`, { answers: { q1: 'o2', q3: 3 } })).status).to.equal(201)
    const full = await (await asResident(app)).post(`/api/mp/surveys/${s.id}/responses`, { answers: { q1: 'o2', q3: 3 } })
    expect(full.status).to.equal(409)
    expect(full.body.error.code).to.equal('response_cap_reached')
    expect(await responses(s.id)).to.equal(2)
    const filtered = await office.get(`/api/admin/surveys/${s.id}/results?stationId=st001`)
    expect(filtered.status, 'anonymous surveys are counted in total only').to.equal(422)
  })

  it('refuses a ballot by a non-deputy, a deputy off the roll, a second ballot and too many projects', async () => {
    const s = await create(ballotBody({ ballot: { passRule: 'roll_majority', maxChosen: 2, roll: { deputyIds: ['dp0001', 'dp0002'] } } }))
    const resident = await asResident(app)
    const byResident = await resident.post(`/api/mp/surveys/${s.id}/responses`, { answers: { projects: ['p1'] } })
    expect(byResident.status).to.equal(403)
    expect(byResident.body.error).to.include({ code: 'not_a_deputy', message: '票决仅限已绑定的人大代表参加' })
    const offRoll = await (await asDeputy(app, 'dp0006')).post(`/api/mp/surveys/${s.id}/responses`, { answers: { projects: ['p1'] } })
    expect(offRoll.status).to.equal(403)
    expect(offRoll.body.error.code).to.equal('not_on_roll')
    const zhang = await asDeputy(app, 'dp0001')
    const tooMany = await zhang.post(`/api/mp/surveys/${s.id}/responses`, { answers: { projects: ['p1', 'p2', 'p3'] } })
    expect(details(tooMany)).to.deep.equal([{ path: 'body.answers.projects', message: '最多选择 2 项，实选 3 项' }])
    expect((await zhang.post(`/api/mp/surveys/${s.id}/responses`, { answers: { projects: ['p1'] } })).status).to.equal(201)
    const twice = await zhang.post(`/api/mp/surveys/${s.id}/responses`, { answers: { projects: ['p2'] } })
    expect(twice.status).to.equal(409)
    expect(twice.body.error.code).to.equal('already_responded')
    const csvEarly = await office.get(`/api/admin/surveys/${s.id}/responses.csv`)
    expect(csvEarly.status, 'no export of an open ballot either').to.equal(409)
  })

  it('refuses a survey definition that makes no sense, at its path', async () => {
    const answer = await office.post(
      '/api/admin/surveys',
      surveyBody({
        closesAt: '2026-11-22T09:00:00+08:00',
        questions: [{ id: 'q1', type: 'text', title: 'x', showIf: { questionId: 'q2', optionIds: ['a'] } }],
      }),
    )
    expect(answer.status).to.equal(422)
    expect(details(answer).map((d) => d.path)).to.deep.equal(['body.closesAt', 'body.questions[0].showIf.questionId'])
    const unknownRoll = await office.post(
      '/api/admin/surveys',
      ballotBody({ ballot: { passRule: 'roll_majority', maxChosen: null, roll: { deputyIds: ['dp9999'] } } }),
    )
    expect(unknownRoll.status).to.equal(422)
    expect(unknownRoll.body.error.code).to.equal('invalid_roll')
    // A ballot whose end is not after its start: well-formed, against a rule, 422 as a quiz's or a meeting's.
    const backwards = await office.post('/api/admin/surveys', ballotBody({ opensAt: '2026-11-30T09:00:00+08:00', closesAt: '2026-11-30T09:00:00+08:00' }))
    expect(backwards.status).to.equal(422)
    expect(details(backwards)).to.deep.equal([{ path: 'body.closesAt', message: '结束时间应晚于开始时间' }])
  })

  it('refuses an empty response to a consultation (and to a survey) and counts nothing', async () => {
    const consultation = await create(consultationBody())
    const resident = await asResident(app)
    for (const body of [{}, { answers: {}, comments: [] }, { answers: { q1: '' } }]) {
      const empty = await resident.post(`/api/mp/surveys/${consultation.id}/responses`, body)
      expect(empty.status, JSON.stringify(body)).to.equal(422)
      expect(empty.body.error.code).to.equal('invalid_answers')
      expect(details(empty)).to.deep.equal([{ path: 'body.answers', message: '请至少对一条条文提出意见，或回答一道题' }])
    }
    expect(await responses(consultation.id)).to.equal(0)
    expect((await resident.get(`/api/mp/surveys/${consultation.id}`)).body.responded, 'their one turn is still theirs').to.equal(false)
    const optional = await create(surveyBody({ questions: [{ id: 'q1', type: 'text', title: '您的建议' }] }))
    const blank = await resident.post(`/api/mp/surveys/${optional.id}/responses`, { answers: { q1: '   ' } })
    expect(details(blank)).to.deep.equal([{ path: 'body.answers', message: '请至少回答一道题' }])
    expect(
      (await resident.post(`/api/mp/surveys/${consultation.id}/responses`, { comments: [{ articleId: 'a1', text: '赞成' }] })).status,
      'one comment is a response',
    ).to.equal(201)
  })

  it('refuses answers keyed __proto__ or constructor instead of silently dropping them', async () => {
    const s = await create(surveyBody())
    const resident = await asResident(app)
    // Sent as raw JSON: an object literal would turn "__proto__" into its prototype.
    for (const key of ['__proto__', 'constructor']) {
      const answer = await resident.post(`/api/mp/surveys/${s.id}/responses`, `{"answers":{"q1":"o2","q3":3,"${key}":{"polluted":true}}}`)
      expect(answer.status, key).to.equal(400)
      expect(answer.body.error.code).to.equal('validation_failed')
      expect(details(answer)).to.deep.include({ path: `body.answers.${key}`, message: '没有这道题' })
    }
    expect(await responses(s.id), 'nothing counted').to.equal(0)
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined)
  })
})
