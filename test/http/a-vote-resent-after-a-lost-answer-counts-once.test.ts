import { expect } from 'chai'
import { asDeputy, asResident, type Client, type TestApp } from '../helpers/app.js'
import { ballotBody, surveyBody, surveyOffice } from '../helpers/surveys.js'

/**
 * 张伟 taps 投票; the vote is stored but his phone loses the answer, and he taps again. The resend carries
 * the same Idempotency-Key: it is answered as the first one was (201, the same receipt), and one vote is
 * counted. Another vote of his (another key) is still refused, and the same key with other choices
 * changes nothing. Nothing beside his account says when he voted: the key is kept with the vote.
 */
describe('surveys: a vote resent after a lost answer counts once', () => {
  let app: TestApp
  let office: Client
  let create: (body: Record<string, unknown>) => Promise<{ id: string }>
  beforeEach(async () => ({ app, office, create } = await surveyOffice()))
  afterEach(() => app.close())

  const vote = (who: Client, id: string, projects: string[], key?: string) =>
    who.post(`/api/mp/surveys/${id}/responses`, { answers: { projects } }, key ? { 'Idempotency-Key': key } : {})

  it('the resend gets the first answer; another vote and changed choices are refused; one vote counted', async () => {
    const ballot = await create(ballotBody())
    const zhang = await asDeputy(app, 'dp0001')
    const first = await vote(zhang, ballot.id, ['p1', 'p3'], 'mp-vote-1')
    expect(first.status).to.equal(201)

    const resent = await vote(zhang, ballot.id, ['p1', 'p3'], 'mp-vote-1')
    expect(resent.status, JSON.stringify(resent.body)).to.equal(201)
    expect(resent.body.id, 'the same vote').to.equal(first.body.id)
    expect(resent.headers.get('idempotent-replayed')).to.equal('true')

    const changed = await vote(zhang, ballot.id, ['p2'], 'mp-vote-1')
    expect(changed.status).to.equal(422)
    expect(changed.body.error).to.include({
      code: 'idempotency_key_reused',
      message: '刚才那次投票已经收到，每位代表投一次，投后不能更改；这次改过的选择没有再投',
    })
    const again = await vote(zhang, ballot.id, ['p1', 'p3'], 'mp-vote-2')
    expect(again.status, 'a second vote, not a resend').to.equal(409)
    expect(again.body.error).to.include({ code: 'already_responded' })
    expect((await vote(zhang, ballot.id, ['p1', 'p3'])).status, 'without a key').to.equal(409)

    // Resent once more after the close (the answer lost just before it): received in time, said so.
    expect((await office.post(`/api/admin/surveys/${ballot.id}/close`)).status).to.equal(200)
    expect((await vote(zhang, ballot.id, ['p1', 'p3'], 'mp-vote-1')).status).to.equal(201)
    expect((await vote(await asDeputy(app, 'dp0002'), ballot.id, ['p1'], 'mp-late')).status, 'a first vote after the close').to.equal(409)

    const results = (await office.get(`/api/admin/surveys/${ballot.id}/results`)).body
    expect(results.ballot).to.deep.include({ ballotsCast: 1 })
    expect(results.ballot.projects.map((p: { label: string; votes: number }) => `${p.label} ${p.votes}`)).to.deep.equal([
      '老旧小区加装电梯 1',
      '口袋公园 1',
      '社区食堂 0',
    ])
    const kept = (await app.liaison.store.surveys.responses(ballot.id)).map((r) => [r.mpUserId, r.deputyId])
    expect(kept, 'one vote, naming nobody').to.deep.equal([[null, null]])
  })

  it('a questionnaire resent with its key is kept once too', async () => {
    const survey = await create(surveyBody())
    const wang = await asResident(app)
    const answer = { answers: { q1: 'o2', q3: 4, q4: '多种树' } }
    const key = { 'Idempotency-Key': 'mp-survey-1' }
    const first = await wang.post(`/api/mp/surveys/${survey.id}/responses`, answer, key)
    const resent = await wang.post(`/api/mp/surveys/${survey.id}/responses`, answer, key)
    expect([first.status, resent.status]).to.deep.equal([201, 201])
    expect(resent.body).to.deep.equal(first.body)
    expect(await app.liaison.store.surveys.responses(survey.id)).to.have.length(1)
    const bad = await wang.post(`/api/mp/surveys/${survey.id}/responses`, answer, { 'Idempotency-Key': 'not a key' })
    expect(bad.status).to.equal(400)
  })
})
