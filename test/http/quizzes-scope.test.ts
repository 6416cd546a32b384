import { expect } from 'chai'
import { asDeputy, asResident, type Client, startApp, type TestApp } from '../helpers/app.js'
import { asStaff, meetingCity } from '../helpers/meetings.js'
import { quizWithBank } from '../helpers/quizzes.js'

/**
 * Whose quiz is whose: a district's quiz for deputies is for the deputies of that
 * district; a deputy of the next district neither sees it nor can start it.
 */
describe('quizzes within their districts', () => {
  let app: TestApp
  let sunli: Client // organizer of 湛河区 (d01)
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
    sunli = await asStaff(app, 'sunli')
  })
  afterEach(() => app.close())

  it("lists a district's deputies-only quiz to its own deputies, and to no deputy of another district", async () => {
    const quiz = await quizWithBank(app, sunli, { audience: 'deputies' })
    const zhang = await asDeputy(app, 'dp0001') // 湛河区, st001
    const chen = await asDeputy(app, 'dp0006') //  新华区, st004

    expect((await zhang.get('/api/mp/quizzes')).body.items.map((q: { id: string }) => q.id)).to.deep.equal([quiz.id])
    expect((await chen.get('/api/mp/quizzes')).body.items, 'not listed in 新华区').to.deep.equal([])

    const started = await chen.post(`/api/mp/quizzes/${quiz.id}/attempts`)
    expect(started.status).to.equal(403)
    expect(started.body.error).to.include({ code: 'not_in_audience', message: '这次知识竞赛是给举办地区的人大代表参加的，您不在参加范围内，感谢您的关注' })
    const resident = await asResident(app)
    const asked = await resident.post(`/api/mp/quizzes/${quiz.id}/attempts`)
    expect(asked.body.error, 'a resident is told whom it is for').to.include({ message: '这次知识竞赛是给人大代表参加的，您不在参加范围内，感谢您的关注' })
    expect((await chen.get(`/api/mp/quizzes/${quiz.id}/leaderboard`)).status, 'nor its leaderboard').to.equal(404)
    expect(await app.liaison.store.quizzes.attempts(quiz.id), 'no attempt stored').to.deep.equal([])
    expect((await zhang.post(`/api/mp/quizzes/${quiz.id}/attempts`)).status).to.equal(201)
  })
})
