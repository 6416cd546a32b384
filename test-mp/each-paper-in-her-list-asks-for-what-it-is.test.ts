import { expect } from 'chai'
import { asDeputy } from '../test/helpers/app.js'
import { ballotBody, consultationBody, surveyBody } from '../test/helpers/surveys.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { created, office } from './office.js'

/**
 * 问卷 / 立法征求意见 / 票决 in her list of what is open to her: each asks for what it takes. A draft
 * regulation asks for her opinions (去提意见, 请在…前提意见), never to 填写 it as a form; a ballot asks
 * 张伟 to vote (去投票); only the questionnaire is filled in.
 */
describe('mini-program: each paper in her list asks for what it is', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  it('a consultation asks 提意见, a questionnaire 填写, a ballot 投票', async () => {
    const organizer = await office(app)
    const consultation = await created(organizer.post('/api/admin/surveys', consultationBody()))
    const survey = await created(organizer.post('/api/admin/surveys', surveyBody()))
    const ballot = await created(
      organizer.post('/api/admin/surveys', ballotBody({ ballot: { passRule: 'roll_majority', maxChosen: 2, roll: { deputyIds: ['dp0001', 'dp0002'] } } })),
    )

    holdPhone(app, 'o-wang-ayi-consults')
    const hers = await openPage('pages/survey/index')
    const draft = hers.textOf(`#survey-${consultation.id}`)
    expect(draft).to.include('立法征求意见').and.include('请在11月30日（星期一）晚上6:00前提意见').and.include('去提意见')
    expect(draft, 'a draft regulation is not a form to fill in').not.to.include('填写')
    expect(hers.textOf(`#survey-${survey.id}`))
      .to.include('请在11月30日（星期一）晚上6:00前填写')
      .and.include('去填写')

    const page = await openPage(`pages/survey/answer?surveyId=${consultation.id}`)
    expect(page.textOf('.meta'), 'and its page says the same').to.include('请在11月30日（星期一）晚上6:00前提意见').and.not.include('填写')

    await asDeputy(app, 'dp0001')
    holdPhone(app, 'o-deputy-dp0001')
    const his = await openPage('pages/survey/index')
    expect(his.textOf(`#survey-${ballot.id}`))
      .to.include('请在11月30日（星期一）晚上6:00前投票')
      .and.include('去投票')
      .and.not.include('填写')
  })
})
