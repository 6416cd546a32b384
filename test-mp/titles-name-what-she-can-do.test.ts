import { expect } from 'chai'
import { ballotBody, consultationBody, surveyBody } from '../test/helpers/surveys.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { created, office, phoneOfZhang } from './office.js'

/**
 * Review 36, finding 16: 王阿姨's list of questionnaires was titled 问卷和投票, though a resident never votes, and
 * the draft regulation she was asked about opened under the title 问卷. The bar at the top names what she can do
 * there, and what the page is: 问卷 for her list (as her home page's entry says), 问卷和投票 for a deputy's;
 * 征求意见, 问卷 or 代表票决 for the one she opens.
 */
describe('mini-program: the title bar names what she can do and what it is', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  it('a resident: 问卷 over her list, 征求意见 over a consultation, 问卷 over a questionnaire', async () => {
    const organizer = await office(app)
    const consultation = await created(organizer.post('/api/admin/surveys', consultationBody()))
    const survey = await created(organizer.post('/api/admin/surveys', surveyBody()))
    holdPhone(app, 'o-wang-titles')

    const list = await openPage('pages/survey/index')
    expect(list.text()).to.include('青澜市城市绿化条例（草案）征求意见')
    expect(list.title(), 'nothing she cannot do').to.equal('问卷')
    expect((await openPage(`pages/survey/answer?surveyId=${consultation.id}`)).title()).to.equal('征求意见')
    expect((await openPage(`pages/survey/answer?surveyId=${survey.id}`)).title()).to.equal('问卷')
  })

  it('a deputy: 问卷和投票 over his list, 代表票决 over the ballot he votes in', async () => {
    const ballot = await created(
      (await office(app)).post(
        '/api/admin/surveys',
        ballotBody({ ballot: { passRule: 'roll_majority', maxChosen: 2, roll: { deputyIds: ['dp0001', 'dp0002'] } } }),
      ),
    )
    await phoneOfZhang(app)
    expect((await openPage('pages/survey/index')).title()).to.equal('问卷和投票')
    expect((await openPage(`pages/survey/answer?surveyId=${ballot.id}`)).title()).to.equal('代表票决')
  })
})
