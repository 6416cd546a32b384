import { expect } from 'chai'
import { asAdmin, asDeputy, asResident, type Client, type TestApp } from '../helpers/app.js'
import { CLOSES, ballotBody, surveyBody, surveyOffice } from '../helpers/surveys.js'

const AFTER_CLOSE = new Date(CLOSES).getTime() + 60_000

/**
 * 周女士 votes; her phone loses the server's answer; the ballot closes; she changes a tick and taps 投票
 * again (another request, another key). Her first vote was counted: she is told so (409
 * already_responded, 您已经投过票了), never 票决已经结束, which reads as if it had been lost. One who never
 * voted is still told it is over. A questionnaire answered, closed and sent again with other answers: the same.
 */
describe('surveys: an answer counted before the close is not refused as closed', () => {
  let app: TestApp
  let create: (body: Record<string, unknown>) => Promise<{ id: string }>
  beforeEach(async () => ({ app, create } = await surveyOffice()))
  afterEach(() => app.close())

  const vote = (who: Client, id: string, projects: string[], key: string) =>
    who.post(`/api/mp/surveys/${id}/responses`, { answers: { projects } }, { 'Idempotency-Key': key })

  it('a deputy who voted and taps again with other ticks after the close is told she voted; her first vote stands', async () => {
    const ballot = await create(ballotBody())
    const zhou = await asDeputy(app, 'dp0001')
    expect((await vote(zhou, ballot.id, ['p1', 'p3'], 'mp-zhou-1')).status).to.equal(201)
    // Closed at its time, as she tapped: the copy of the ballot the server kept from her first vote says so too.
    app.clock.set(new Date(AFTER_CLOSE))

    const changed = await vote(zhou, ballot.id, ['p2'], 'mp-zhou-2')
    expect(changed.status, JSON.stringify(changed.body)).to.equal(409)
    expect(changed.body.error).to.include({ code: 'already_responded', message: '您已经投过票了，每位代表投一次，投后不能更改' })

    const late = await vote(await asDeputy(app, 'dp0002'), ballot.id, ['p1'], 'mp-late-1')
    expect(late.body.error, 'one who never voted: it is over').to.include({ code: 'survey_closed', message: '票决已经结束，不能再投票' })

    // The office signs in again: a week has passed since the ballot was made.
    const { ballot: counted } = (await (await asAdmin(app)).get(`/api/admin/surveys/${ballot.id}/results`)).body
    expect(counted.ballotsCast).to.equal(1)
    expect(counted.projects.map((p: { label: string; votes: number }) => `${p.label} ${p.votes}`)).to.deep.equal([
      '老旧小区加装电梯 1',
      '口袋公园 1',
      '社区食堂 0',
    ])
  })

  it('a questionnaire answered and sent again with other answers after the close says it was received', async () => {
    const survey = await create(surveyBody())
    const wang = await asResident(app)
    const answer = (q3: number, key: string) => wang.post(`/api/mp/surveys/${survey.id}/responses`, { answers: { q1: 'o2', q3 } }, { 'Idempotency-Key': key })
    expect((await answer(4, 'mp-wang-1')).status).to.equal(201)
    app.clock.set(new Date(AFTER_CLOSE))

    const again = await answer(2, 'mp-wang-2')
    expect(again.status).to.equal(409)
    expect(again.body.error).to.include({ code: 'already_responded', message: '您已经送出过了，每人限一次' })
    const other = await (await asResident(app, 'o-li')).post(`/api/mp/surveys/${survey.id}/responses`, { answers: { q1: 'o2', q3: 3 } })
    expect(other.body.error).to.include({ code: 'survey_closed', message: '问卷已经结束，不能再填写' })
    expect(await app.liaison.store.surveys.responses(survey.id)).to.have.length(1)
  })
})
