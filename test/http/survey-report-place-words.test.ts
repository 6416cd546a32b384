import { expect } from 'chai'
import { type Client, type TestApp } from '../helpers/app.js'
import { ballotBody, consultationBody, surveyBody, surveyOffice } from '../helpers/surveys.js'

/**
 * An organizer asks the results of an anonymous one by district: she is told why not in the words
 * of what it is (征求意见, 票决, 问卷), never 问卷 for a consultation; nothing else changes.
 */
describe('surveys: an anonymous one is not counted by place, said in its own words', () => {
  let app: TestApp
  let office: Client
  let create: (body: Record<string, unknown>) => Promise<{ id: string }>
  beforeEach(async () => ({ app, office, create } = await surveyOffice()))
  afterEach(() => app.close())

  const refused = async (path: string) => {
    const answer = await office.get(path)
    expect(answer.status, JSON.stringify(answer.body)).to.equal(422)
    expect(answer.body.error.code).to.equal('filter_not_available')
    return answer.body.error.message as string
  }

  it('a consultation says 征求意见, a ballot 票决, a questionnaire 问卷', async () => {
    const consultation = await create(consultationBody({ anonymous: true }))
    expect(await refused(`/api/admin/surveys/${consultation.id}/results?districtId=d01`)).to.equal('这次征求意见是匿名的，不按区县、联络站统计')
    const survey = await create(surveyBody({ anonymous: true }))
    expect(await refused(`/api/admin/surveys/${survey.id}/results?districtId=d01`)).to.equal('匿名问卷不按区县、联络站统计')
    expect(await refused(`/api/admin/surveys/${survey.id}/texts?questionId=q4&districtId=d01`)).to.equal('匿名问卷不按区县、联络站统计')
    const ballot = await create(ballotBody())
    expect(await refused(`/api/admin/surveys/${ballot.id}/texts?questionId=projects&districtId=d01`)).to.equal('票决为无记名投票，不按区县、联络站统计')

    // Without the filter, the whole consultation's results are read as before.
    const whole = await office.get(`/api/admin/surveys/${consultation.id}/results`)
    expect(whole.status, JSON.stringify(whole.body)).to.equal(200)
    expect(whole.body.articles.map((a: { number: string }) => a.number)).to.deep.equal(['第一条', '第十二条'])
  })
})
