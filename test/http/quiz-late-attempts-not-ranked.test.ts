import { expect } from 'chai'
import { asDeputy, asResident, type Client, type TestApp } from '../helpers/app.js'
import { MINUTE, quizOffice, quizWithAttempts, rightAnswers } from '../helpers/quizzes.js'

/**
 * Review 31 F11: a paper handed in after its time is "不计分" and its result page says
 * "（超时交卷，不计入排名）". So it is: no rank on any board, no participant of a station,
 * while the export still lists it as 超时未计分.
 */
describe('a paper handed in late is not ranked nor counted', () => {
  let app: TestApp
  let sunli: Client
  beforeEach(async () => ({ app, sunli } = await quizOffice()))
  afterEach(() => app.close())

  it('leaves late papers out of the person and station boards and 参与人数, for organizers and participants', async () => {
    // 王 hands in in time; 赵 and a deputy start, then hand in after the ten minutes allowed.
    const [wang, zhao, deputy] = [await asResident(app), await asResident(app), await asDeputy(app, 'dp0002')]
    const { quiz, papers } = await quizWithAttempts(app, sunli, { handedIn: [wang], started: [zhao, deputy] })
    app.clock.advance(11 * MINUTE)
    for (const who of [zhao, deputy]) {
      const paper = papers.get(who)
      const handed = await who.post(`/api/mp/quiz-attempts/${paper.id}/submit`, { answers: rightAnswers(paper) })
      expect(handed.status).to.equal(409)
      expect(handed.body.error).to.include({ code: 'deadline_passed', message: '答题时间已到，本次作答不计分' })
      expect((await who.get(`/api/mp/quiz-attempts/${paper.id}`)).body.counted, 'her result says 不计入排名').to.equal(false)
    }

    const people = (await sunli.get(`/api/admin/quizzes/${quiz.id}/leaderboard?by=person`)).body.items
    expect(people.map((p: { rank: number; score: number }) => [p.rank, p.score])).to.deep.equal([[1, 50]])
    const stations = (await sunli.get(`/api/admin/quizzes/${quiz.id}/leaderboard?by=station`)).body.items
    expect(stations, 'the deputy handed in late: his station has no participant').to.deep.equal([])

    const seenByZhao = (await zhao.get(`/api/mp/quizzes/${quiz.id}/leaderboard?by=person`)).body.items
    expect(seenByZhao.map((p: { mine: boolean; rank: number }) => [p.rank, p.mine])).to.deep.equal([[1, false]])

    // 参与人数 on the quiz's page: people, not papers; the late ones make nobody a participant.
    const detail = (await sunli.get(`/api/admin/quizzes/${quiz.id}`)).body
    expect(detail.participants).to.equal(1)
    const again = await wang.post(`/api/mp/quizzes/${quiz.id}/attempts`)
    expect((await wang.post(`/api/mp/quiz-attempts/${again.body.id}/submit`, { answers: [] })).status).to.equal(200)
    expect((await sunli.get(`/api/admin/quizzes/${quiz.id}`)).body.participants, 'her second paper: still one person').to.equal(1)

    const csv = String((await sunli.get(`/api/admin/quizzes/${quiz.id}/results.csv`)).body)
    expect(csv.match(/超时未计分/g), 'the export still says what happened').to.have.length(2)
  })
})
