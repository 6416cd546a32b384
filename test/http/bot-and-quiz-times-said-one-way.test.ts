import { expect } from 'chai'
import { asAdmin, asDeputy, Client, startApp, type TestApp } from '../helpers/app.js'
import { meetingBody, meetingCity } from '../helpers/meetings.js'
import { quizWithBank, rightAnswers } from '../helpers/quizzes.js'

const SECRET = 'bot-secret-for-tests-0123456789'

/**
 * 张伟's meeting notice said "11月26日（星期四）上午9:30至上午11:30"; when he answers 请假 in the chat, the bot's
 * confirmation names the meeting's time the same way (not "11月26日 09:30–11:30"), with the year for one in January.
 * His quiz page asks "请在12月4日（星期五）下午5:00前答题" as his digest does, and once the quiz is over says
 * "已于12月4日（星期五）下午5:00结束".
 */
describe('the bot and the quiz page say times as the notices and the digest do', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity(), overrides: { bot: { secret: SECRET } } })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
  })
  afterEach(() => app.close())

  it("names the meeting's time in the bot's 参加 / 请假 confirmations as his notice did", async () => {
    const office = await asAdmin(app)
    for (const over of [{}, { title: '代表年初座谈会', startAt: '2027-01-04T09:30:00+08:00', endAt: '2027-01-04T11:30:00+08:00' }]) {
      const { body } = await office.post('/api/admin/meetings', meetingBody({ ...over, selector: { deputyIds: ['dp0001'] } }))
      expect((await office.post(`/api/admin/meetings/${body.id}/publish`)).status).to.equal(200)
    }
    const notice = (await app.liaison.store.outbox.search({ limit: 10, kind: 'meeting.notice' })).items.map((m) => (m.payload as { text: string }).text)
    expect(notice.join('\n')).to.include('时间 11月26日（星期四）上午9:30至上午11:30')

    const bot = new Client(app.baseUrl)
    bot.bearer = SECRET
    const zhang = (await bot.post('/api/bot/people/resolve', { contactId: 'wx-zhang' })).body.personId as string
    await app.liaison.store.mpUsers.update(zhang, { deputyId: 'dp0001' })
    // Two meetings wait for him: each answered by its id (the bot never lets the backend guess which).
    const [sooner, later] = (await bot.get(`/api/bot/people/${zhang}/meetings`)).body.items as Array<{ id: string }>
    const attend = await bot.post(`/api/bot/people/${zhang}/meetings/${sooner.id}/rsvp`, { response: 'attend' })
    expect(attend.body).to.include({ rsvpLabel: '参加', time: '11月26日（星期四）上午9:30至上午11:30' })
    const leave = await bot.post(`/api/bot/people/${zhang}/meetings/${later.id}/rsvp`, { response: 'leave', reason: '外出学习' })
    expect(leave.body).to.include({ title: '代表年初座谈会', rsvpLabel: '请假', time: '2027年1月4日（星期一）上午9:30至上午11:30' })
  })

  it('asks 请在…前答题 on the quiz page as the digest does, and says when it ended once it is over', async () => {
    const quiz = await quizWithBank(app, await asAdmin(app), { title: '代表法知识竞赛', audience: 'deputies', closesAt: '2026-12-04T17:00:00+08:00' })
    const zhang = await asDeputy(app, 'dp0001')
    const listed = (await zhang.get('/api/mp/quizzes')).body.items.find((q: { id: string }) => q.id === quiz.id)
    expect(`请在${listed.closesText}答题`).to.equal('请在12月4日（星期五）下午5:00前答题')
    // He takes it: an ended quiz stays in the list of those who took part (their answers, the final ranking).
    const paper = (await zhang.post(`/api/mp/quizzes/${quiz.id}/attempts`)).body
    expect((await zhang.post(`/api/mp/quiz-attempts/${paper.id}/submit`, { answers: rightAnswers(paper) })).status).to.equal(200)

    app.clock.set(new Date('2026-12-05T02:00:00Z')) // the next morning
    const ended = (await (await asDeputy(app, 'dp0001')).get('/api/mp/quizzes')).body.items.find((q: { id: string }) => q.id === quiz.id)
    expect(ended).to.include({ phaseLabel: '已结束', closedText: '已于12月4日（星期五）下午5:00结束' })
  })
})
