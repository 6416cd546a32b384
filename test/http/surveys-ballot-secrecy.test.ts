import { expect } from 'chai'
import { asAdmin, asDeputy, asResident } from '../helpers/app.js'
import { asStaff } from '../helpers/meetings.js'
import { ballotBody, ballotOfFour, castBallot, consultationBody, ROLL_OF_FOUR, surveyBody, surveyOffice } from '../helpers/surveys.js'
import type { Client, TestApp } from '../helpers/app.js'
import { randomUUID } from 'node:crypto'
import { tallyIncrements } from '../../src/domain/survey-tally.js'

const ALL_LEVELS = ['national', 'provincial', 'city', 'county', 'township']

/**
 * A ballot (票决) is a secret vote: who voted is followed, how each deputy voted is told to
 * nobody — not by the sheet, not by a place small enough to be one deputy, not by the time.
 * Deputies who have left office are not on a roll, do not vote, and do not weigh on the rule.
 */
describe('ballots: a secret vote of serving deputies', () => {
  let app: TestApp
  let office: Client
  let create: (body: Record<string, unknown>) => Promise<{ id: string }>
  beforeEach(async () => ({ app, office, create } = await surveyOffice()))
  afterEach(() => app.close())

  async function votedAndClosed(votes: Record<string, string[]>, over: Record<string, unknown> = {}) {
    const s = await create(ballotOfFour(over))
    for (const [deputy, projects] of Object.entries(votes)) {
      app.clock.advance(60_000)
      const cast = await castBallot(app, deputy, s.id, projects)
      expect(cast.status, JSON.stringify(cast.body)).to.equal(201)
    }
    expect((await office.post(`/api/admin/surveys/${s.id}/close`)).status).to.equal(200)
    return s
  }

  it('refuses a named ballot, and makes one secret when the console says nothing', async () => {
    const named = await office.post('/api/admin/surveys', ballotBody({ anonymous: false }))
    expect(named.status).to.equal(422)
    expect(named.body.error.code).to.equal('invalid_survey')
    expect(named.body.error.details).to.deep.include({ path: 'body.anonymous', message: '票决一律无记名投票，不能设为实名' })
    expect((await office.get('/api/admin/surveys')).body.items, 'nothing was made').to.deep.equal([])

    const { anonymous: _, ...unsaid } = ballotBody()
    const made = await office.post('/api/admin/surveys', unsaid)
    expect(made.status).to.equal(201)
    expect(made.body.anonymous).to.equal(true)
  })

  it('exports a closed ballot as its counts per project: no vote by vote, no time, no station', async () => {
    const s = await votedAndClosed({ dp0001: ['p1'], dp0002: ['p1', 'p2'], dp0005: ['p3'], dp0006: ['p1', 'p3'] })
    const sheet = await office.get(`/api/admin/surveys/${s.id}/responses.csv`)
    expect(sheet.status).to.equal(200)
    expect(sheet.headers.get('content-disposition')).to.include(encodeURIComponent('2027年民生实事项目票决-计票结果.csv'))
    expect((sheet.body as Buffer).toString('utf8').replace('\uFEFF', '').trim().split('\r\n')).to.deep.equal([
      '应投票代表,实际投票,通过至少需要',
      '4 人,4 人,3 票',
      '',
      '候选项目,得票,得票率,通过,当选',
      '老旧小区加装电梯,3,75%,是,是',
      '口袋公园,2,50%,否,否',
      '社区食堂,1,25%,否,否',
    ])
    // A district organizer reads the same sheet: the district's part of a city ballot could be one deputy's vote.
    const qianqi = await asStaff(app, 'qianqi')
    expect((await qianqi.get(`/api/admin/surveys/${s.id}/responses.csv`)).body).to.deep.equal(sheet.body)
  })

  it('shows a closed ballot whole to every reader, and refuses to count it by station or district', async () => {
    const s = await votedAndClosed({ dp0001: ['p1'], dp0002: ['p1', 'p2'], dp0005: ['p3'], dp0006: ['p2', 'p3'] })
    for (const query of ['stationId=st003', 'districtId=d02']) {
      const split = await office.get(`/api/admin/surveys/${s.id}/results?${query}`)
      expect(split.status, query).to.equal(422)
      expect(split.body.error).to.include({ code: 'filter_not_available', message: '票决为无记名投票，不按区县、联络站统计' })
    }
    // 新华区 has one deputy on the roll (陈静): its part alone would be her vote.
    const qianqi = await asStaff(app, 'qianqi')
    const read = (await qianqi.get(`/api/admin/surveys/${s.id}/results`)).body
    expect(read.ballot).to.deep.include({ roll: 4, ballotsCast: 4, minVotes: 3 })
    expect(read.ballot.projects.map((p: { id: string; votes: number }) => `${p.id}:${p.votes}`)).to.deep.equal(['p1:2', 'p2:2', 'p3:2'])
  })

  it('keeps no deputy, place, source or time with a vote; the voter still has their receipt', async () => {
    const s = await create(ballotBody())
    app.clock.advance(37 * 60_000)
    const cast = await (await asDeputy(app, 'dp0001')).post(`/api/mp/surveys/${s.id}/responses?via=ST004`, { answers: { projects: ['p1'] } })
    expect(cast.status).to.equal(201)
    expect(cast.body.createdAt, 'the receipt says when they voted').to.equal(app.clock.now().toISOString())
    const [stored] = await app.liaison.store.surveys.responses(s.id)
    expect(stored).to.deep.include({ mpUserId: null, deputyId: null, stationId: null, districtId: null, via: null })
    expect(stored!.createdAt.toISOString(), 'the ballot opening, not the minute of the vote').to.equal('2026-11-23T01:00:00.000Z')
    expect(await app.liaison.store.surveys.tallies(s.id, 's:st001')).to.deep.equal([])
  })

  it('refuses an audience on a ballot instead of dropping it', async () => {
    const sent = await office.post('/api/admin/surveys', ballotBody({ audience: { deputyIds: ['dp0003'] } }))
    expect(sent.status).to.equal(422)
    expect(sent.body.error.details.map((d: { path: string }) => d.path)).to.deep.equal(['body.audience'])
    const empty = await office.post('/api/admin/surveys', ballotBody({ ballot: { passRule: 'roll_majority', maxChosen: 2, roll: {} } }))
    expect(empty.status).to.equal(422)
    expect(empty.body.error.details).to.deep.include({ path: 'body.ballot.roll', message: '应投票代表名单为空' })
    expect((await office.get('/api/admin/surveys')).body.items).to.deep.equal([])
  })

  it('makes a ballot an older console stored named secret: whole counts only, turnout and one vote each still hold', async () => {
    const { id } = await create(ballotOfFour())
    const store = app.liaison.store
    // As an older version kept them: named, each vote with its deputy, station and minute, counted per place.
    const s = await store.surveys.update({ ...(await store.surveys.get(id))!, anonymous: false })
    for (const [deputyId, stationId, districtId, projects] of [
      ['dp0005', 'st003', 'd01', ['p3']],
      ['dp0006', 'st004', 'd02', ['p2']],
    ] as const) {
      app.clock.advance(60_000)
      const response = {
        id: `sr-${randomUUID()}`,
        surveyId: id,
        respondentKey: `deputy:${deputyId}`,
        mpUserId: null,
        deputyId,
        stationId,
        districtId,
        via: null,
        answers: { projects: [...projects] },
        comments: [],
        createdAt: app.clock.now(),
      }
      await store.surveys.respond({ response, increments: tallyIncrements(s, response), texts: [], opinions: [] })
    }
    expect(await app.liaison.store.surveys.tallies(s.id, 's:st003'), 'counted per station, as it was').not.to.deep.equal([])

    const responses = app.liaison.services.surveyResponses
    expect(await app.liaison.store.surveys.sealBallots((id, key) => responses.secretKey(id, key))).to.equal(2)

    const stored = await app.liaison.store.surveys.responses(s.id)
    expect(stored.map((r) => [r.respondentKey.startsWith('h:'), r.deputyId, r.stationId, r.districtId])).to.deep.equal([
      [true, null, null, null],
      [true, null, null, null],
    ])
    expect(await app.liaison.store.surveys.tallies(s.id, 's:st003')).to.deep.equal([])
    const chen = await asDeputy(app, 'dp0006')
    expect((await chen.get(`/api/mp/surveys/${s.id}`)).body.responded, 'her vote is still hers').to.equal(true)
    expect((await chen.post(`/api/mp/surveys/${s.id}/responses`, { answers: { projects: ['p1'] } })).status, 'and once only').to.equal(409)
    const turnout = (await office.get(`/api/admin/surveys/${s.id}/not-voted`)).body
    expect(turnout.items.map((i: { name: string }) => i.name)).to.deep.equal(['张伟', '王芳'])
    await office.post(`/api/admin/surveys/${s.id}/close`)
    expect((await office.get(`/api/admin/surveys/${s.id}/results?stationId=st003`)).status).to.equal(422)
    expect((await office.get(`/api/admin/surveys/${s.id}`)).body.anonymous).to.equal(true)
  })

  it('puts only serving deputies on a roll, and refuses one who has left office by name', async () => {
    expect((await office.patch('/api/admin/deputies/dp0005', { active: false })).status).to.equal(200)
    const byLevel = await office.post('/api/admin/surveys', ballotBody({ ballot: { passRule: 'roll_majority', maxChosen: 2, roll: { levels: ALL_LEVELS } } }))
    expect(byLevel.status).to.equal(201)
    expect(byLevel.body.ballot.roll, 'six deputies, 刘洋 has left').to.equal(5)
    const notices = await app.liaison.store.outbox.byDedupeKeys([`ballot:${byLevel.body.id}:published:deputy:dp0005`])
    expect(notices, 'no ballot notice to someone who has left').to.deep.equal([])
    const refused = await (await asDeputy(app, 'dp0005')).post(`/api/mp/surveys/${byLevel.body.id}/responses`, { answers: { projects: ['p1'] } })
    expect(refused.status).to.equal(403)

    for (const body of [
      ballotBody({ ballot: { passRule: 'roll_majority', maxChosen: 2, roll: { deputyIds: ['dp0001', 'dp0005'] } } }),
      surveyBody({ audience: { deputyIds: ['dp0005'] } }),
    ]) {
      const named = await office.post('/api/admin/surveys', body)
      expect(named.status).to.equal(422)
      expect(named.body.error.code).to.equal('deputy_inactive')
      expect(named.body.error.details.map((d: { message: string }) => d.message)).to.deep.equal(['刘洋代表已离任'])
    }
    expect((await office.get('/api/admin/surveys')).body.items, 'only the first was made').to.have.length(1)
  })

  it('stops a deputy who leaves during a ballot from voting, and judges the rule on the deputies still able to vote', async () => {
    const s = await create(ballotBody({ ballot: { passRule: 'roll_majority', maxChosen: 2, roll: { deputyIds: [...ROLL_OF_FOUR, 'dp0003'] } } }))
    expect((await castBallot(app, 'dp0006', s.id, ['p2'])).status).to.equal(201)
    // 陈静 voted, then left: her vote stands. 刘洋 leaves without voting: he can no longer.
    await office.patch('/api/admin/deputies/dp0006', { active: false })
    await office.patch('/api/admin/deputies/dp0005', { active: false })
    const late = await castBallot(app, 'dp0005', s.id, ['p1'])
    expect(late.status).to.equal(403)
    expect((await app.liaison.store.surveys.get(s.id))!.responseCount, 'not counted').to.equal(1)
    const turnout = (await office.get(`/api/admin/surveys/${s.id}/not-voted`)).body
    expect(turnout).to.include({ roll: 4, voted: 1 })
    expect(turnout.items.map((i: { name: string }) => i.name)).to.deep.equal(['张伟', '王芳', '李强'])

    for (const d of ['dp0001', 'dp0002']) expect((await castBallot(app, d, s.id, ['p1'])).status).to.equal(201)
    await office.post(`/api/admin/surveys/${s.id}/close`)
    const outcome = (await office.get(`/api/admin/surveys/${s.id}/results`)).body.ballot
    // Of five on the roll, four can count (李强 did not vote): 2 of 4 is not more than half.
    expect(outcome).to.deep.include({ roll: 4, ballotsCast: 3, minVotes: 3 })
    expect(outcome.chosen).to.deep.equal([])
  })

  it("keeps a closed ballot's outcome when a deputy who did not vote leaves office afterwards", async () => {
    // 2 of 4 for 老旧小区加装电梯 is not more than half: 未通过, as at the close. Closed by POST
    // /close or by a correction that ends it now; 刘洋 leaves before anyone has read the results.
    const closeBy = {
      post: (id: string) => office.post(`/api/admin/surveys/${id}/close`),
      patch: (id: string) => office.patch(`/api/admin/surveys/${id}`, { closesAt: '2026-11-23T09:30:00+08:00' }),
    }
    const closed: string[] = []
    for (const [how, close] of Object.entries(closeBy)) {
      const s = await create(ballotOfFour({ title: `票决（${how}）` }))
      for (const d of ['dp0001', 'dp0002']) expect((await castBallot(app, d, s.id, ['p1'])).status).to.equal(201)
      app.clock.advance(60_000)
      expect((await close(s.id)).status, how).to.equal(200)
      closed.push(s.id)
    }

    expect((await office.patch('/api/admin/deputies/dp0005', { active: false })).status).to.equal(200)
    for (const id of closed) {
      const results = (await office.get(`/api/admin/surveys/${id}/results`)).body.ballot
      // What the console's 计票结果 reads: 应投 4 人，实投 2 人，通过需至少 3 票; 当选项目：无.
      expect(results, 'not 应投 3 人, 通过需至少 2 票').to.deep.include({ roll: 4, ballotsCast: 2, minVotes: 3, chosen: [] })
      expect(results.projects.find((p: { id: string }) => p.id === 'p1')).to.include({ votes: 2, passes: false })
      const sheet = (await office.get(`/api/admin/surveys/${id}/responses.csv`)).body.toString('utf8')
      expect(sheet).to.include('4 人,2 人,3 票').and.include('老旧小区加装电梯,2,100%,否,否')
      const turnout = (await office.get(`/api/admin/surveys/${id}/not-voted`)).body
      expect(turnout, 'the roll as it stood at the close').to.deep.include({ roll: 4, voted: 2 })
      expect(turnout.items.map((i: { name: string }) => i.name)).to.deep.equal(['刘洋', '陈静'])
    }
  })

  it('keeps the outcome of a ballot closed by its end time passing, once a minute has gone by', async () => {
    const s = await create(ballotOfFour())
    for (const d of ['dp0001', 'dp0002']) expect((await castBallot(app, d, s.id, ['p1'])).status).to.equal(201)
    // Its end passes with nobody reading it; the minute's job counts it on the roll as it stood.
    app.clock.set(new Date('2026-11-30T10:00:30Z'))
    await app.liaison.jobs.find((j) => j.name === 'ballot-count')!.run()
    office = await asAdmin(app) // a week on, the morning's session has ended
    expect((await office.patch('/api/admin/deputies/dp0005', { active: false })).status).to.equal(200)
    const outcome = (await office.get(`/api/admin/surveys/${s.id}/results`)).body.ballot
    expect(outcome).to.deep.include({ roll: 4, ballotsCast: 2, minVotes: 3, chosen: [] })
  })

  it('passes a project of a 4-deputy roll with 3 votes, and says so', async () => {
    const s = await votedAndClosed({ dp0001: ['p1'], dp0002: ['p1'], dp0005: ['p1', 'p2'], dp0006: ['p2'] })
    const outcome = (await office.get(`/api/admin/surveys/${s.id}/results`)).body.ballot
    expect(outcome.minVotes, 'more than half of 4 is 3, not 2').to.equal(3)
    expect(outcome.chosen.map((p: { id: string }) => p.id)).to.deep.equal(['p1'])
    expect(outcome.projects.find((p: { id: string }) => p.id === 'p2')).to.include({ votes: 2, passes: false })
  })
})

describe('surveys: closing before the start, and corrections that do not apply', () => {
  let app: TestApp
  let office: Client
  let create: (body: Record<string, unknown>) => Promise<{ id: string }>
  beforeEach(async () => ({ app, office, create } = await surveyOffice()))
  afterEach(() => app.close())

  it('ends a survey closed before it opens at once, and a second close is 409', async () => {
    const s = await create(consultationBody({ opensAt: '2026-11-25T09:00:00+08:00' }))
    const closed = await office.post(`/api/admin/surveys/${s.id}/close`)
    expect(closed.status).to.equal(200)
    expect(closed.body).to.include({ phase: 'closed', phaseLabel: '已结束', opensAt: '2026-11-23T02:00:00.000Z', closesAt: '2026-11-23T02:00:00.000Z' })
    const resident = await asResident(app)
    expect((await resident.get(`/api/mp/surveys/${s.id}`)).body).to.include({ phase: 'closed', phaseLabel: '已结束' })
    const answer = await resident.post(`/api/mp/surveys/${s.id}/responses`, { comments: [{ articleId: 'a1', text: '晚了' }] })
    expect(answer.body.error).to.include({ code: 'survey_closed', message: '征求意见已经结束，不再接受意见' })
    const again = await office.post(`/api/admin/surveys/${s.id}/close`)
    expect(again.status).to.equal(409)
    expect(again.body.error).to.include({ code: 'survey_closed', message: '征求意见已经结束' })

    const ballot = await create(ballotBody({ opensAt: '2026-11-25T09:00:00+08:00' }))
    app.clock.advance(60_000)
    const early = await office.patch(`/api/admin/surveys/${ballot.id}`, { closesAt: '2026-11-20T00:00:00+08:00' })
    expect(early.status, JSON.stringify(early.body)).to.equal(200)
    expect(early.body).to.include({ phase: 'closed', closesAt: app.clock.now().toISOString() })
    const tasks = (await (await asDeputy(app, 'dp0001')).get('/api/mp/tasks')).body
    expect(JSON.stringify(tasks), 'no deputy is asked to vote on it').not.to.include(ballot.id)
  })

  it('refuses articles for anything but a consultation, changing nothing', async () => {
    for (const body of [ballotBody(), surveyBody()]) {
      const s = await create(body)
      const before = (await office.get(`/api/admin/surveys/${s.id}`)).body
      app.clock.advance(60_000)
      const sent = await office.patch(`/api/admin/surveys/${s.id}`, { articles: [{ id: 'a1', number: '第一条', text: '无关的条文' }] })
      expect(sent.status).to.equal(422)
      expect(sent.body.error.details).to.deep.equal([{ path: 'body.articles', message: '只有立法征求意见才有草案条文' }])
      expect((await office.get(`/api/admin/surveys/${s.id}`)).body.updatedAt).to.equal(before.updatedAt)
    }
    expect((await office.get('/api/admin/audit?action=survey.corrected')).body.items).to.deep.equal([])
  })
})
