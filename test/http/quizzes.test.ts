import { expect } from 'chai'
import { asAdmin, asDeputy, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'
import { at, DAY, MINUTE, quizWithBank, rightAnswers } from '../helpers/quizzes.js'

/**
 * A knowledge contest (知识竞赛) as people live it: an organizer of 湛河区 imports a bank
 * of questions for a campaign, residents and deputies take it in the mini-program, see
 * their score with explanations, and the leaderboards and the export show the results.
 */
describe('a knowledge quiz from import to leaderboard', () => {
  let app: TestApp
  let organizer: Client
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
    organizer = await new Client(app.baseUrl).login('sunli', STAFF_PASSWORD)
  })
  afterEach(() => app.close())

  it('imports a CSV bank into a campaign quiz and shows organizers the answers', async () => {
    const campaign = await organizer.post('/api/admin/campaigns', {
      title: '学习贯彻代表法',
      description: '专题学习',
      startsAt: at(app, -MINUTE),
      endsAt: at(app, 30 * DAY),
      audience: { stationIds: ['st001'] },
    })
    const quiz = await quizWithBank(app, organizer, { campaignId: campaign.body.id })
    expect(quiz).to.include({ campaignId: campaign.body.id, phase: 'open', phaseLabel: '进行中', audienceLabel: '所有人' })
    expect(quiz.scopeDistrictIds).to.deep.equal(['d01'])
    const detail = await organizer.get(`/api/admin/quizzes/${quiz.id}`)
    expect(detail.body.questions).to.have.length(10)
    expect(detail.body.questions[4]).to.deep.include({
      type: 'multiple',
      typeLabel: '多选题',
      options: ['甲', '乙', '丙', '丁'],
      answer: ['A', 'C'],
      tags: ['代表法', '闭会期间'],
    })
    expect(detail.body.questions[9]).to.deep.include({ type: 'true_false', options: ['正确', '错误'], answer: ['A'], explanation: '判断解析3' })
    const listed = await organizer.get(`/api/admin/quizzes?campaignId=${campaign.body.id}`)
    expect(listed.body.items.map((q: { id: string }) => q.id)).to.deep.equal([quiz.id])
    const other = await new Client(app.baseUrl).login('qianqi', STAFF_PASSWORD) // organizer of 新华区
    expect((await other.get(`/api/admin/quizzes/${quiz.id}`)).status, "another district's quiz is not found").to.equal(404)
    expect((await other.get('/api/admin/quizzes')).body.items).to.deep.equal([])
  })

  it('draws a paper without answers, scores a submit with explanations, and keeps one open attempt', async () => {
    const quiz = await quizWithBank(app, organizer)
    const resident = await asResident(app)
    const open = await resident.get('/api/mp/quizzes')
    expect(open.body.items.map((q: { id: string }) => q.id)).to.deep.equal([quiz.id])
    expect(open.body.items[0]).to.include({ attemptsUsed: 0, attemptsLeft: 2, openAttemptId: null, bestScore: null })

    const started = await resident.post(`/api/mp/quizzes/${quiz.id}/attempts`)
    expect(started.status, JSON.stringify(started.body)).to.equal(201)
    const paper = started.body
    expect(paper).to.include({ status: 'open', number: 1, secondsLeft: 600, maxScore: 50 })
    expect(paper.questions).to.have.length(5)
    const leaked = JSON.stringify(paper)
    for (const secret of ['answer', 'correct', 'explanation', '解析']) expect(leaked, `no ${secret} before submit`).to.not.include(secret)
    expect((await resident.get(`/api/mp/quiz-attempts/${paper.id}`)).body, 'resuming shows the same paper').to.deep.equal({ ...paper })

    const again = await resident.post(`/api/mp/quizzes/${quiz.id}/attempts`)
    expect(again.status).to.equal(409)
    expect(again.body.error).to.deep.include({ code: 'attempt_open', details: [{ path: 'attemptId', message: paper.id }] })

    app.clock.advance(90_000)
    const answers = rightAnswers(paper)
    answers[0]!.choices =
      answers[0]!.choices.length > 1
        ? answers[0]!.choices.slice(1)
        : [paper.questions[0].options.find((o: { key: string }) => !answers[0]!.choices.includes(o.key)).key]
    const result = await resident.post(`/api/mp/quiz-attempts/${paper.id}/submit`, { answers })
    expect(result.status, JSON.stringify(result.body)).to.equal(200)
    expect(result.body).to.include({ status: 'submitted', score: 40, maxScore: 50, counted: true })
    expect(result.body.questions.map((q: { correct: boolean }) => q.correct)).to.deep.equal([false, true, true, true, true])
    expect(result.body.questions[0].explanation).to.match(/解析/)
    expect(result.body.questions[0].correctAnswer).to.not.deep.equal(result.body.questions[0].chosen)
    const twice = await resident.post(`/api/mp/quiz-attempts/${paper.id}/submit`, { answers })
    expect(twice.status).to.equal(409)
    expect(twice.body.error.code).to.equal('already_submitted')
  })

  it('ranks people by score then time, stations and districts by average and participation, and exports CSV with a BOM', async () => {
    const quiz = await quizWithBank(app, organizer, { audience: 'deputies' })
    const take = async (client: Client, seconds: number, wrong = 0) => {
      const paper = (await client.post(`/api/mp/quizzes/${quiz.id}/attempts`)).body
      app.clock.advance(seconds * 1000)
      const answers = rightAnswers(paper).map((a, i) => (i < wrong ? { ...a, choices: [] } : a))
      const answer = await client.post(`/api/mp/quiz-attempts/${paper.id}/submit`, { answers })
      expect(answer.status, JSON.stringify(answer.body)).to.equal(200)
    }
    await take(await asDeputy(app, 'dp0001'), 120) // 张伟, st001: 50 in 2 min
    await take(await asDeputy(app, 'dp0002'), 60) //  王芳, st001: 50 in 1 min
    await take(await asDeputy(app, 'dp0004'), 30, 2) // 赵敏, st002: 30
    expect((await (await asResident(app)).post(`/api/mp/quizzes/${quiz.id}/attempts`)).status, "a deputies' quiz is not for residents").to.equal(403)

    const people = await organizer.get(`/api/admin/quizzes/${quiz.id}/leaderboard?by=person`)
    expect(people.body.items.map((p: { name: string; rank: number; score: number; seconds: number }) => [p.rank, p.name, p.score, p.seconds])).to.deep.equal([
      [1, '王芳', 50, 60],
      [2, '张伟', 50, 120],
      [3, '赵敏', 30, 30],
    ])
    const stations = await organizer.get(`/api/admin/quizzes/${quiz.id}/leaderboard?by=station`)
    expect(
      stations.body.items.map((s: { id: string; averageScore: number; participants: number; audienceSize: number }) => [
        s.id,
        s.averageScore,
        s.participants,
        s.audienceSize,
      ]),
    ).to.deep.equal([
      ['st001', 50, 2, 3], // 李强 belongs to st002 and st001: one of each station's deputies
      ['st002', 30, 1, 2],
      ['st003', 0, 0, 1],
    ])
    const districts = await (await asDeputy(app, 'dp0001')).get(`/api/mp/quizzes/${quiz.id}/leaderboard?by=district`)
    expect(districts.body.items).to.deep.equal([
      { rank: 1, id: 'd01', name: '湛河区', participants: 3, audienceSize: 5, participationRate: 0.6, averageScore: 43.33, averagePercent: 86.67 },
    ])

    const csv = await (await asAdmin(app)).get(`/api/admin/quizzes/${quiz.id}/results.csv`)
    expect(csv.status).to.equal(200)
    expect(csv.headers.get('content-type')).to.match(/text\/csv/)
    const text = (csv.body as Buffer).toString('utf8')
    expect(text.charCodeAt(0), 'BOM for Excel').to.equal(0xfeff)
    const lines = text.slice(1).trim().split('\r\n')
    expect(lines[0]).to.equal('姓名,身份,联络站,区县,第几次,状态,得分,满分,答对题数,抽题数,开始时间,结束时间,用时（秒）')
    expect(lines).to.have.length(4)
    // Right answers and questions drawn as two plain numbers: "5/5" would open as a date in Excel.
    expect(lines[1]).to.match(/^张伟,人大代表,轻工街道代表联络站,湛河区,1,已提交,50,50,5,5,2026-/)
  })
})
