import { expect } from 'chai'
import { asResident, type Client, startApp, type TestApp } from '../helpers/app.js'
import { asStaff, meetingCity } from '../helpers/meetings.js'
import { quizWithBank } from '../helpers/quizzes.js'

/**
 * An organizer corrects a quiz after it went out: the title and the closing time may
 * change at any time; once somebody has started, what papers were drawn and timed with
 * stays as it was, and the answer says why in Chinese.
 */
describe('correcting a quiz after people started', () => {
  let app: TestApp
  let sunli: Client
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
    sunli = await asStaff(app, 'sunli')
  })
  afterEach(() => app.close())

  it('changes draw count and time limit until the first attempt, then refuses them with 409 and keeps the rest correctable', async () => {
    const quiz = await quizWithBank(app, sunli)
    const before = await sunli.patch(`/api/admin/quizzes/${quiz.id}`, { drawCount: 6, timeLimitSeconds: 900 })
    expect(before.status, JSON.stringify(before.body)).to.equal(200)
    expect(before.body).to.include({ drawCount: 6, timeLimitSeconds: 900 })

    expect((await (await asResident(app)).post(`/api/mp/quizzes/${quiz.id}/attempts`)).status).to.equal(201)

    for (const patch of [{ drawCount: 8 }, { timeLimitSeconds: 60 }]) {
      const refused = await sunli.patch(`/api/admin/quizzes/${quiz.id}`, patch)
      expect(refused.status, JSON.stringify(patch)).to.equal(409)
      expect(refused.body.error).to.include({ code: 'quiz_started', message: '已有人开始答题，抽题数和答题时限不能再改，以免前后成绩不可比' })
    }
    const unchanged = (await sunli.get(`/api/admin/quizzes/${quiz.id}`)).body
    expect(unchanged).to.include({ drawCount: 6, timeLimitSeconds: 900 })

    const corrected = await sunli.patch(`/api/admin/quizzes/${quiz.id}`, { title: '代表法知识竞赛（更正）', drawCount: 6 })
    expect(corrected.status, 'the title still corrects; the same draw count is no change').to.equal(200)
    expect(corrected.body.title).to.equal('代表法知识竞赛（更正）')
  })
})
