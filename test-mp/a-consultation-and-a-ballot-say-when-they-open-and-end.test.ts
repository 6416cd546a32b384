import { expect } from 'chai'
import { asDeputy } from '../test/helpers/app.js'
import { ballotBody, consultationBody, surveyBody } from '../test/helpers/surveys.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { created, office } from './office.js'

/**
 * 王阿姨 opens a 征求意见 before it starts and after it ends, and 张伟 a 票决: each page says when
 * it opens and that it has ended in the words of what it is (提意见, 投票), never a 问卷's 填写 or 提交.
 */
describe('mini-program: a consultation and a ballot say when they open and that they have ended, in their own words', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  it('before the start and after the end, each kind in its words', async () => {
    app.clock.set(new Date('2026-11-23T00:00:00Z')) // Monday 08:00 in Asia/Shanghai: they open at 09:00
    const organizer = await office(app)
    const consultation = await created(organizer.post('/api/admin/surveys', consultationBody()))
    const ballot = await created(
      organizer.post('/api/admin/surveys', ballotBody({ ballot: { passRule: 'roll_majority', maxChosen: 2, roll: { deputyIds: ['dp0001', 'dp0002'] } } })),
    )
    const survey = await created(organizer.post('/api/admin/surveys', surveyBody()))
    const stateOf = async (id: string) => (await openPage(`pages/survey/answer?surveyId=${id}`)).textOf('.state')

    holdPhone(app, 'o-wang-ayi')
    const early = await stateOf(consultation.id)
    expect(early).to.match(/^还没有开始，.+ 起可以提意见$/)
    expect(await stateOf(survey.id), 'a questionnaire is filled in').to.match(/^还没有开始，.+ 起可以填写$/)
    await asDeputy(app, 'dp0001')
    holdPhone(app, 'o-deputy-dp0001')
    expect(await stateOf(ballot.id)).to.match(/^还没有开始，.+ 起可以投票$/)

    app.clock.set(new Date('2026-12-01T02:00:00Z')) // the day after they closed
    expect(await stateOf(ballot.id)).to.equal('票决已经结束，不能再投票')
    holdPhone(app, 'o-wang-ayi')
    expect(await stateOf(consultation.id)).to.equal('征求意见已经结束，不再接受意见')
    expect(await stateOf(survey.id)).to.equal('问卷已经结束，不能再填写')
  })
})
