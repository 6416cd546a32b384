import { expect } from 'chai'
import { asAdmin, asDeputy, startApp, type TestApp } from '../helpers/app.js'
import { meetingCity } from '../helpers/meetings.js'
import { quizWithBank } from '../helpers/quizzes.js'
import { ballotBody, consultationBody, surveyBody } from '../helpers/surveys.js'

// Saturday 19 December 2026, 10:00 in Asia/Shanghai.
const SATURDAY_MORNING = new Date('2026-12-19T02:00:00Z')
// 00:00 on Sunday 20 December: the last day to answer is Saturday 19 December.
const MIDNIGHT = '2026-12-20T00:00:00+08:00'

/**
 * Something closing at 00:00 on 12月20日 ends the night of 12月19日. The mini-program says so
 * as the digest does ("请在12月19日（星期六）前（含当日）填写"), and 我的待办 counts days to the 19th: an
 * older deputy reading "12月20日 00:00" or "明天到期" on the 19th would miss it.
 */
describe('a survey, ballot or quiz closing at 00:00 (mini-program words)', () => {
  let app: TestApp

  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-12-18T02:00:00Z'))
  })
  afterEach(() => app.close())

  it('says the day before, "(含当日)", on the survey, consultation, ballot and quiz, and 我的待办 says 今天到期 on that day', async () => {
    const office = await asAdmin(app)
    const opensAt = '2026-12-18T09:00:00+08:00'
    const survey = (await office.post('/api/admin/surveys', surveyBody({ opensAt: '2026-12-18T09:00:00+08:00', closesAt: MIDNIGHT }))).body
    const consultation = (await office.post('/api/admin/surveys', consultationBody({ opensAt, closesAt: MIDNIGHT }))).body
    const ballot = (await office.post('/api/admin/surveys', ballotBody({ opensAt, closesAt: MIDNIGHT }))).body
    expect([survey.id, consultation.id, ballot.id].every(Boolean), 'all three created').to.equal(true)
    const quiz = await quizWithBank(app, office, { audience: 'deputies', closesAt: MIDNIGHT })
    app.clock.set(SATURDAY_MORNING)
    const zhang = await asDeputy(app, 'dp0001')

    for (const id of [survey.id, consultation.id, ballot.id]) {
      const opened = await zhang.get(`/api/mp/surveys/${id}`)
      expect(opened.status, JSON.stringify(opened.body)).to.equal(200)
      expect(opened.body).to.include({ closesAt: '2026-12-19T16:00:00.000Z', closesText: '12月19日（星期六）前（含当日）' })
    }
    const quizzes = await zhang.get('/api/mp/quizzes')
    // The quiz page says it as the digest and the meeting notices do, with the weekday.
    expect(quizzes.body.items.map((q: { id: string; closesText: string }) => [q.id, q.closesText])).to.deep.equal([[quiz.id, '12月19日（星期六）前（含当日）']])

    const tasks = (await zhang.get('/api/mp/tasks')).body
    const seen = (t: { id: string; closesText: string; due: { state: string; words: string } }) => [t.id, t.closesText, t.due.state, t.due.words]
    expect(tasks.ballots.map(seen)).to.deep.equal([[ballot.id, '12月19日（星期六）前（含当日）', 'today', '今天到期']])
    expect(tasks.surveys.map(seen)).to.have.deep.members([
      [survey.id, '12月19日（星期六）前（含当日）', 'today', '今天到期'],
      [consultation.id, '12月19日（星期六）前（含当日）', 'today', '今天到期'],
    ])
    // 我的待办 says a quiz's close as the quiz page does (quizClosesText).
    expect(tasks.quizzes.map(seen)).to.deep.equal([[quiz.id, '12月19日（星期六）前（含当日）', 'today', '今天到期']])
    expect(tasks.ballots[0].due.at, 'the moment itself is unchanged').to.equal('2026-12-19T16:00:00.000Z')
  })

  it('keeps a time of day when the close is not at 00:00', async () => {
    const office = await asAdmin(app)
    const survey = (await office.post('/api/admin/surveys', surveyBody({ opensAt: '2026-12-18T09:00:00+08:00', closesAt: '2026-12-20T18:00:00+08:00' }))).body
    app.clock.set(SATURDAY_MORNING)
    const zhang = await asDeputy(app, 'dp0001')
    expect((await zhang.get(`/api/mp/surveys/${survey.id}`)).body.closesText).to.equal('12月20日（星期日）晚上6:00前')
    const [task] = (await zhang.get('/api/mp/tasks')).body.surveys
    expect([task.closesText, task.due.words]).to.deep.equal(['12月20日（星期日）晚上6:00前', '明天到期'])
  })
})
