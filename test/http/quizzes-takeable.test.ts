import { expect } from 'chai'
import { asAdmin, asDeputy, asResident, type Client, startApp, type TestApp } from '../helpers/app.js'
import { asStaff, meetingCity } from '../helpers/meetings.js'
import { at, DAY, MINUTE, quizWithBank, rightAnswers } from '../helpers/quizzes.js'

const quizBody = (app: TestApp, over: Record<string, unknown> = {}) => ({
  title: '代表法知识竞赛',
  drawCount: 5,
  timeLimitSeconds: 600,
  attemptsAllowed: 2,
  opensAt: at(app, -MINUTE),
  closesAt: at(app, DAY),
  audience: 'deputies',
  draft: true,
  ...over,
})

/**
 * Whatever a quiz's audience is told, they can do: a quiz goes out only when it can be taken
 * (its audience has a page to take it on, it is not over, its pool holds a paper), and stays so;
 * answers given after an organizer ended it early do not count.
 */
describe('a quiz that goes out can be taken', () => {
  let app: TestApp
  let sunli: Client // organizer of 湛河区 (d01)
  beforeEach(async () => {
    const city = meetingCity()
    // 周敏 serves at a 新华区 station first and at a 湛河区 one too.
    city.deputies.push({ id: 'dp0007', code: 'DP0007', name: '周敏', level: 'city', stationIds: ['st004', 'st001'], topics: [], phone: null, dutyDates: [] })
    app = await startApp({ directory: city })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
    sunli = await asStaff(app, 'sunli')
  })
  afterEach(() => app.close())

  const notices = async () => (await app.liaison.store.outbox.search({ limit: 100, kind: 'quiz.published' })).items
  const quizCount = async () => (await sunli.get('/api/admin/quizzes')).body.items.length

  it('offers no quiz for station staff, who have nowhere to take it: 422, nothing made and nobody told', async () => {
    const refused = await sunli.post('/api/admin/quizzes', quizBody(app, { audience: 'staff', draft: false }))
    expect(refused.status).to.equal(422)
    expect(refused.body.error).to.include({ code: 'audience_not_offered', message: '工作人员暂不能在系统中参加知识竞赛，参与对象请选择所有人、群众或人大代表' })
    const asDraft = await sunli.post('/api/admin/quizzes', quizBody(app, { audience: 'staff' }))
    expect(asDraft.status, 'not as a draft either').to.equal(422)
    expect(await quizCount()).to.equal(0)
    expect(await notices()).to.deep.equal([])

    const quiz = await quizWithBank(app, sunli, { audience: 'deputies' })
    const changed = await sunli.patch(`/api/admin/quizzes/${quiz.id}`, { audience: 'staff' })
    expect([changed.status, changed.body.error.code]).to.deep.equal([422, 'audience_not_offered'])
    expect((await sunli.get(`/api/admin/quizzes/${quiz.id}`)).body).to.include({ audience: 'deputies', audienceLabel: '人大代表' })
  })

  it('does not count answers submitted after the organizer ended the quiz early, and counts down to the new end', async () => {
    const quiz = await quizWithBank(app, sunli, { audience: 'deputies' })
    const zhang = await asDeputy(app, 'dp0001')
    const paper = (await zhang.post(`/api/mp/quizzes/${quiz.id}/attempts`)).body
    expect(paper.secondsLeft).to.equal(600)

    expect((await sunli.patch(`/api/admin/quizzes/${quiz.id}`, { closesAt: at(app, 2 * MINUTE) })).status).to.equal(200)
    const resumed = (await zhang.get(`/api/mp/quiz-attempts/${paper.id}`)).body
    expect(resumed.secondsLeft, 'the clock shows the new end').to.equal(120)
    expect(resumed.deadline).to.equal(at(app, 2 * MINUTE))

    app.clock.advance(3 * MINUTE)
    const late = await zhang.post(`/api/mp/quiz-attempts/${paper.id}/submit`, { answers: rightAnswers(paper) })
    expect(late.status).to.equal(409)
    expect(late.body.error).to.include({ code: 'deadline_passed', message: '知识竞赛已结束，本次作答不计分' })
    const stored = (await zhang.get(`/api/mp/quiz-attempts/${paper.id}`)).body
    expect(stored).to.include({ status: 'expired', score: 0, counted: false })
    const board = (await sunli.get(`/api/admin/quizzes/${quiz.id}/leaderboard?by=person`)).body.items
    // Not ranked, as his result says (不计入排名): review 31 F11.
    expect(
      board.map((p: { name: string; score: number }) => [p.name, p.score]),
      'not on the board',
    ).to.deep.equal([])
  })

  it('refuses a quiz whose closing time has passed, on creating and on publishing, telling nobody', async () => {
    const past = await sunli.post('/api/admin/quizzes', quizBody(app, { opensAt: at(app, -2 * DAY), closesAt: at(app, -DAY) }))
    expect(past.status).to.equal(422)
    expect(past.body.error).to.deep.include({
      code: 'quiz_window_over',
      message: '结束时间已过，请把结束时间改到现在以后',
      details: [{ path: 'body.closesAt', message: '结束时间已过' }],
    })
    expect(await quizCount()).to.equal(0)

    const draft = await quizWithBank(app, sunli, { draft: true, closesAt: at(app, 10 * MINUTE) })
    app.clock.advance(20 * MINUTE)
    const publish = await sunli.post(`/api/admin/quizzes/${draft.id}/publish`)
    expect([publish.status, publish.body.error.code]).to.deep.equal([422, 'quiz_window_over'])
    expect((await sunli.get(`/api/admin/quizzes/${draft.id}`)).body.status, 'still a draft').to.equal('draft')
    expect(await notices()).to.deep.equal([])
  })

  it('keeps an open quiz takeable: no draw count above its pool, and no publishing at once with an empty pool', async () => {
    const quiz = await quizWithBank(app, sunli, { audience: 'deputies' })
    const tooMany = await sunli.patch(`/api/admin/quizzes/${quiz.id}`, { drawCount: 50 })
    expect(tooMany.status).to.equal(422)
    expect(tooMany.body.error).to.include({ code: 'quiz_not_ready', message: '题库只有 10 题，少于每次抽题数 50，请先补充题目' })
    expect((await sunli.get(`/api/admin/quizzes/${quiz.id}`)).body.drawCount).to.equal(5)
    expect((await (await asDeputy(app, 'dp0001')).post(`/api/mp/quizzes/${quiz.id}/attempts`)).status, 'still takeable').to.equal(201)

    const told = (await notices()).length
    const atOnce = await sunli.post('/api/admin/quizzes', quizBody(app, { title: '马上发布', draft: false }))
    expect(atOnce.status).to.equal(422)
    expect(atOnce.body.error).to.include({ code: 'quiz_not_ready', message: '题库只有 0 题，少于每次抽题数 5，请先保存为草稿，补充题目后再发布' })
    expect(await quizCount()).to.equal(1)
    expect(await notices(), 'nobody told of a quiz they could not start').to.have.length(told)

    const draft = await quizWithBank(app, sunli, { draft: true })
    expect((await sunli.patch(`/api/admin/quizzes/${draft.id}`, { drawCount: 50 })).status, 'a draft may wait for more questions').to.equal(200)
  })

  it("places a deputy of several places, on a district's board, at their station inside the district", async () => {
    const quiz = await quizWithBank(app, sunli, { audience: 'deputies' })
    const zhou = await asDeputy(app, 'dp0007')
    const paper = (await zhou.post(`/api/mp/quizzes/${quiz.id}/attempts`)).body
    expect((await zhou.post(`/api/mp/quiz-attempts/${paper.id}/submit`, { answers: rightAnswers(paper) })).status).to.equal(200)
    const board = (await sunli.get(`/api/admin/quizzes/${quiz.id}/leaderboard?by=person`)).body.items
    expect(board.map((p: { name: string; stationName: string; districtName: string }) => [p.name, p.stationName, p.districtName])).to.deep.equal([
      ['周敏', '轻工街道代表联络站', '湛河区'],
    ])
    const stations = (await sunli.get(`/api/admin/quizzes/${quiz.id}/leaderboard?by=station`)).body.items
    expect(stations.filter((g: { participants: number }) => g.participants).map((g: { name: string }) => g.name)).to.deep.equal(['轻工街道代表联络站'])
  })

  it('answers an empty correction with 400, says in Beijing time when a quiz opens, and keeps a city campaign closed to a district quiz', async () => {
    const quiz = await quizWithBank(app, sunli, { opensAt: '2026-11-24T10:00:00+08:00', closesAt: '2026-11-30T18:00:00+08:00', audience: 'public' })
    const empty = await sunli.patch(`/api/admin/quizzes/${quiz.id}`, {})
    expect(empty.status).to.equal(400)
    expect(empty.body.error.details).to.deep.equal([{ path: 'body', message: '请至少修改一项' }])

    const early = await (await asResident(app)).post(`/api/mp/quizzes/${quiz.id}/attempts`)
    expect(early.body.error).to.include({ code: 'quiz_not_open', message: '这个知识竞赛还没开始，11月24日（星期二）上午10:00开始，到时再来参加' })

    const campaign = await (
      await asAdmin(app)
    ).post('/api/admin/campaigns', { title: '全市学习代表法', startsAt: at(app, -MINUTE), endsAt: at(app, 30 * DAY), audience: { levels: ['city'] } })
    expect(campaign.status, JSON.stringify(campaign.body)).to.equal(201)
    expect((await sunli.get(`/api/admin/campaigns/${campaign.body.id}`)).status, '孙丽 follows the city campaign').to.equal(200)
    const attached = await sunli.post('/api/admin/quizzes', quizBody(app, { campaignId: campaign.body.id }))
    expect([attached.status, attached.body.error.code]).to.deep.equal([403, 'city_level'])
  })
})
