import { expect } from 'chai'
import { asDeputy, asResident, type Client, type TestApp } from '../helpers/app.js'
import { ballotBody, consultationBody, surveyBody, surveyOffice } from '../helpers/surveys.js'

/**
 * An office corrects what it published: a typo in the title, a deadline moved, a survey
 * closed early, each recorded in the audit log. What answers were given against (the
 * questions, a ballot's projects, a draft's articles) stays as it was once anyone
 * answered, and the 409 says why in plain Chinese.
 */
describe('correcting surveys, consultations and ballots after creation', () => {
  let app: TestApp
  let office: Client
  beforeEach(async () => {
    ;({ app, office } = await surveyOffice())
  })
  afterEach(() => app.close())

  const created = async (body: Record<string, unknown>) => {
    const answer = await office.post('/api/admin/surveys', body)
    expect(answer.status, JSON.stringify(answer.body)).to.equal(201)
    return answer.body as { id: string; questions: Array<Record<string, unknown>> }
  }
  // Publishing it is recorded too; these stories are about what was corrected after.
  const audit = async (id: string) => (await app.liaison.store.audit.list({ limit: 20, targetId: id })).items.filter((e) => e.action !== 'survey.published')

  it('corrects title, description and the closing time at any time before the end, each change audited', async () => {
    const s = await created(surveyBody())
    expect((await (await asResident(app)).post(`/api/mp/surveys/${s.id}/responses`, { answers: { q1: 'o2', q3: 4 } })).status).to.equal(201)

    const fixed = await office.patch(`/api/admin/surveys/${s.id}`, {
      title: '社区绿化满意度调查（更正）',
      description: '请如实填写',
      closesAt: '2026-12-07T18:00:00+08:00',
    })
    expect(fixed.status, JSON.stringify(fixed.body)).to.equal(200)
    expect(fixed.body).to.include({ title: '社区绿化满意度调查（更正）', description: '请如实填写', closesAt: '2026-12-07T10:00:00.000Z', responseCount: 1 })
    expect((await (await asResident(app)).get(`/api/mp/surveys/${s.id}`)).body.title, 'respondents see the correction').to.equal('社区绿化满意度调查（更正）')

    const [entry] = await audit(s.id)
    expect(entry).to.deep.include({ action: 'survey.corrected', actorKind: 'staff', targetKind: 'survey', targetId: s.id })
    expect(entry!.details.fields).to.deep.equal(['title', 'description', 'closesAt'])
    expect((entry!.details.before as { title: string }).title).to.equal('社区绿化满意度调查')

    const closed = await office.post(`/api/admin/surveys/${s.id}/close`)
    expect(closed.body).to.include({ phase: 'closed' })
    expect((await audit(s.id)).map((e) => e.action)).to.deep.equal(['survey.closed', 'survey.corrected'])
    const reopen = await office.patch(`/api/admin/surveys/${s.id}`, { closesAt: '2026-12-31T18:00:00+08:00' })
    expect(reopen.status, 'an ended survey is not reopened').to.equal(409)
    expect(reopen.body.error).to.include({ code: 'survey_frozen', message: '已经结束，不能重新开放' })
  })

  it('changes questions freely until the first answer, then refuses with 409 and keeps them', async () => {
    const s = await created(surveyBody())
    const questions = s.questions.map((q) => (q.id === 'q4' ? { ...q, title: '您还有什么建议？' } : q))
    const early = await office.patch(`/api/admin/surveys/${s.id}`, { questions })
    expect(early.status, JSON.stringify(early.body)).to.equal(200)
    expect(early.body.questions[3].title).to.equal('您还有什么建议？')

    expect((await (await asResident(app)).post(`/api/mp/surveys/${s.id}/responses`, { answers: { q1: 'o2', q3: 4 } })).status).to.equal(201)
    const late = await office.patch(`/api/admin/surveys/${s.id}`, { questions: questions.slice(0, 3) })
    expect(late.status).to.equal(409)
    expect(late.body.error).to.deep.include({
      code: 'survey_frozen',
      message: '已有人作答，题目不能再改，否则已收到的答卷将失去意义',
      details: [{ path: 'body.questions', message: '已有人作答，题目不能再改，否则已收到的答卷将失去意义' }],
    })
    expect((await office.get(`/api/admin/surveys/${s.id}`)).body.questions).to.have.length(5)
    expect((await office.patch(`/api/admin/surveys/${s.id}`, { questions, title: '绿化调查' })).status, 'the same questions with a new title is fine').to.equal(
      200,
    )
  })

  it("keeps a ballot's projects once a deputy voted, and a consultation's articles once someone commented", async () => {
    const ballot = await created(ballotBody())
    expect((await (await asDeputy(app, 'dp0001')).post(`/api/mp/surveys/${ballot.id}/responses`, { answers: { projects: ['p1'] } })).status).to.equal(201)
    const projects = ballot.questions.map((q) => ({ ...q, options: [...(q.options as unknown[]), { id: 'p4', label: '新增停车位' }] }))
    const refused = await office.patch(`/api/admin/surveys/${ballot.id}`, { questions: projects })
    expect(refused.status).to.equal(409)
    expect(refused.body.error.message).to.equal('已有代表投票，候选项目不能再改，否则已投的票将失去意义')
    expect((await app.liaison.store.surveys.get(ballot.id))!.questions[0]!.options).to.have.length(3)

    const consultation = await created(consultationBody())
    expect(
      (await (await asResident(app)).post(`/api/mp/surveys/${consultation.id}/responses`, { comments: [{ articleId: 'a1', text: '赞成' }] })).status,
    ).to.equal(201)
    const articles = await office.patch(`/api/admin/surveys/${consultation.id}`, { articles: [{ id: 'a1', number: '第一条', text: '改过的条文' }] })
    expect(articles.status).to.equal(409)
    expect(articles.body.error.message).to.equal('已有人提出意见，条文不能再改，否则意见将对不上条文')
  })

  it('refuses a correction that changes nothing or does not make sense', async () => {
    const s = await created(surveyBody())
    const empty = await office.patch(`/api/admin/surveys/${s.id}`, {})
    expect(empty.status).to.equal(400)
    const moved = await office.patch(`/api/admin/surveys/${s.id}`, { opensAt: '2026-11-23T08:00:00+08:00' })
    expect(moved.status, 'an open survey keeps its opening time').to.equal(409)
    expect(moved.body.error.message).to.equal('已经开始，开始时间不能再改')
    const later = await created(surveyBody({ opensAt: '2026-11-25T09:00:00+08:00' }))
    const backwards = await office.patch(`/api/admin/surveys/${later.id}`, { opensAt: '2026-12-01T09:00:00+08:00' })
    expect(backwards.status, 'opening after the close makes no sense').to.equal(422)
    expect(backwards.body.error.details).to.deep.equal([{ path: 'body.closesAt', message: '结束时间应晚于开始时间' }])
    const sneaky = await office.patch(`/api/admin/surveys/${s.id}`, { responseCount: 0 })
    expect(sneaky.status).to.equal(400)
    expect(sneaky.body.error.details).to.deep.include({ path: 'body.responseCount', message: '不允许的字段' })
    expect(await audit(s.id)).to.deep.equal([])
    expect(await audit(later.id)).to.deep.equal([])
  })
})
