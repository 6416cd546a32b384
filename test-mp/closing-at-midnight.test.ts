import { expect } from 'chai'
import { asDeputy } from '../test/helpers/app.js'
import { quizWithBank } from '../test/helpers/quizzes.js'
import { ballotBody, consultationBody, surveyBody } from '../test/helpers/surveys.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { created, office } from './office.js'

// 00:00 on Sunday 20 December: the last day to answer is Saturday 19 December.
const MIDNIGHT = '2026-12-20T00:00:00+08:00'
const OPENS = '2026-12-18T09:00:00+08:00'

/**
 * 张伟 reads on Saturday 19 December what closes at 00:00 on the 20th. Every page says
 * "请在12月19日（星期六）前（含当日）…", as the daily digest does, and 我的待办 says it is due today:
 * "12月20日 周日 00:00 截止" and "明天到期" would have him miss it.
 */
describe('mini-program: a survey, ballot or quiz closing at 00:00', () => {
  let app: Backend

  beforeEach(async () => {
    app = await startBackend()
    app.clock.set(new Date('2026-12-18T02:00:00Z')) // Friday 10:00
  })
  afterEach(() => app.close())

  it('names the day before "(含当日)" on the survey, consultation, ballot and quiz pages and in 我的待办', async () => {
    const organizer = await office(app)
    const survey = await created(organizer.post('/api/admin/surveys', surveyBody({ opensAt: OPENS, closesAt: MIDNIGHT })))
    const consultation = await created(organizer.post('/api/admin/surveys', consultationBody({ opensAt: OPENS, closesAt: MIDNIGHT })))
    const ballot = await created(
      organizer.post(
        '/api/admin/surveys',
        ballotBody({
          opensAt: OPENS,
          closesAt: MIDNIGHT,
          ballot: { passRule: 'roll_majority', maxChosen: 2, roll: { deputyIds: ['dp0001', 'dp0002', 'dp0003'] } },
        }),
      ),
    )
    const quiz = await quizWithBank(app, organizer, { audience: 'deputies', closesAt: MIDNIGHT })
    app.clock.set(new Date('2026-12-19T02:00:00Z')) // Saturday 10:00
    await asDeputy(app, 'dp0001')
    holdPhone(app, 'o-deputy-dp0001')

    const words = {
      [survey.id]: '请在12月19日（星期六）前（含当日）填写',
      [consultation.id]: '请在12月19日（星期六）前（含当日）提意见',
      [ballot.id]: '请在12月19日（星期六）前（含当日）投票',
    }
    for (const [id, said] of Object.entries(words)) {
      const page = await openPage(`pages/survey/answer?surveyId=${id}`)
      expect(page.textOf('.meta'))
        .to.match(/^正在(填写|征求意见|投票) · /)
        .and.include(said)
        .and.not.include('12月20日')
    }

    const list = await openPage('pages/survey/index')
    expect(list.text().match(/请在12月19日（星期六）前（含当日）投票（今天到期）/g), 'the ballot').to.have.length(1)
    expect(list.text().match(/请在12月19日（星期六）前（含当日）填写（今天到期）/g), 'the survey').to.have.length(1)
    expect(list.text().match(/请在12月19日（星期六）前（含当日）提意见（今天到期）/g), 'the consultation').to.have.length(1)
    expect(list.text()).not.to.include('12月20日')

    const workbench = await openPage('pages/deputy/index')
    const tasks = workbench.text()
    expect(tasks)
      .to.include('请在12月19日（星期六）前（含当日）投票')
      .and.include('请在12月19日（星期六）前（含当日）填写')
      .and.include('请在12月19日（星期六）前（含当日）答题')
    expect(tasks).not.to.include('12月20日').and.not.include('明天到期')
    expect(tasks.match(/今天到期/g), 'the ballot, both surveys and the quiz, each saying it once').to.have.length(4)

    const quizzes = await openPage('pages/quiz/index')
    // The quiz's own pages say it as the digest and the meeting notices do, with the weekday.
    expect(quizzes.text()).to.include('进行中请在12月19日（星期六）前（含当日）答题').and.not.include('12月20日')
    const take = await openPage(`pages/quiz/take?quizId=${quiz.id}`)
    expect(take.textOf('.deadline')).to.equal('请在12月19日（星期六）前（含当日）答题')
    expect(take.textOf('.attempts')).to.equal('还可答 2 次')
    expect(take.text()).not.to.include('12月20日')
  })
})
