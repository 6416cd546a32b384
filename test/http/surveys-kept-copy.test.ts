import { expect } from 'chai'
import type { SurveyRecord } from '../../src/domain/survey.js'
import { asDeputy, asResident, type Client, type TestApp } from '../helpers/app.js'
import { ballotBody, surveyBody, surveyOffice } from '../helpers/surveys.js'

/**
 * The answer path keeps a survey in memory between answers. A change made where this
 * instance does not see it (another instance, written straight to the store here) still
 * holds at the very next answer: closing early, opening early, a longer roll, a 述职评议
 * taking the survey over. The clock stands still, so nothing can tell a change by its time.
 */
describe('answering a survey kept in memory, changed elsewhere', () => {
  let app: TestApp
  let office: Client
  let create: (body: Record<string, unknown>) => Promise<{ id: string }>
  beforeEach(async () => {
    ;({ app, office, create } = await surveyOffice())
  })
  afterEach(() => app.close())

  const answer = { answers: { q1: 'o2', q3: 4 } }
  /** What another instance would write: the store's update, unseen by this instance's services. */
  const changeElsewhere = async (id: string, change: (s: SurveyRecord) => Partial<SurveyRecord>) => {
    const stored = (await app.liaison.store.surveys.get(id))!
    await app.liaison.store.surveys.update({ ...stored, ...change(stored) })
  }
  const stored = async (id: string) => (await app.liaison.store.surveys.responses(id)).length

  it('refuses the next answer once the survey was closed early elsewhere, and keeps nothing of it', async () => {
    const s = await create(surveyBody())
    expect((await (await asResident(app)).post(`/api/mp/surveys/${s.id}/responses`, answer)).status).to.equal(201)
    await changeElsewhere(s.id, () => ({ closesAt: new Date('2026-11-23T01:30:00Z') }))

    const late = await (await asResident(app)).post(`/api/mp/surveys/${s.id}/responses`, answer)
    expect(late.status).to.equal(409)
    expect(late.body.error).to.include({ code: 'survey_closed', message: '问卷已经结束，不能再填写' })
    expect(await stored(s.id)).to.equal(1)
    expect((await app.liaison.store.surveys.get(s.id))!.responseCount).to.equal(1)
  })

  it('takes the next answer once the survey was opened early elsewhere', async () => {
    const s = await create(surveyBody({ opensAt: '2026-11-24T09:00:00+08:00' }))
    const resident = await asResident(app)
    const early = await resident.post(`/api/mp/surveys/${s.id}/responses`, answer)
    expect(early.body.error).to.include({ code: 'survey_not_open' })
    await changeElsewhere(s.id, () => ({ opensAt: new Date('2026-11-23T01:00:00Z') }))

    expect((await resident.post(`/api/mp/surveys/${s.id}/responses`, answer)).status).to.equal(201)
    expect(await stored(s.id)).to.equal(1)
  })

  it('takes the vote of a deputy added to the roll elsewhere', async () => {
    const s = await create(ballotBody({ ballot: { passRule: 'roll_majority', maxChosen: 2, roll: { deputyIds: ['dp0001', 'dp0002'] } } }))
    const deputy = await asDeputy(app, 'dp0006')
    const vote = { answers: { projects: ['p1'] } }
    expect((await deputy.post(`/api/mp/surveys/${s.id}/responses`, vote)).body.error).to.include({ code: 'not_on_roll' })
    await changeElsewhere(s.id, (b) => ({ ballot: { ...b.ballot!, rollDeputyIds: [...b.ballot!.rollDeputyIds, 'dp0006'] } }))

    expect((await deputy.post(`/api/mp/surveys/${s.id}/responses`, vote)).status).to.equal(201)
  })

  it('sends residents to the appraisal page once a 述职评议 took the survey over elsewhere', async () => {
    const s = await create(surveyBody())
    expect((await (await asResident(app)).post(`/api/mp/surveys/${s.id}/responses`, answer)).status).to.equal(201)
    await app.liaison.store.appraisals.create({
      surveyId: s.id,
      deputyId: 'dp0001',
      year: 2026,
      regionIds: [],
      districtId: null,
      openedBy: 'someone',
      openedAt: new Date('2026-11-23T02:00:00Z'),
    })

    const direct = await (await asResident(app)).post(`/api/mp/surveys/${s.id}/responses`, answer)
    expect(direct.status).to.equal(403)
    expect(direct.body.error.code).to.equal('appraisal_area_required')
    expect(await stored(s.id)).to.equal(1)
  })
})
