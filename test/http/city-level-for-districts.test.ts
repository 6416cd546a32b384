import { expect } from 'chai'
import { asDeputy, asResident, type Client, type TestApp } from '../helpers/app.js'
import { quizWithBank, rightAnswers } from '../helpers/quizzes.js'
import { surveyBody } from '../helpers/surveys.js'
import { startCityAndDistrictOffice } from '../helpers/city-and-district-office.js'

const HOUR = 3_600_000
const DAY = 24 * HOUR

/**
 * The city's office runs campaigns, quizzes and surveys for the whole city; a district
 * office (孙丽, 湛河区 d01) follows them for its own district: it sees those aimed at its
 * district with its district's progress, and changes nothing of the city's.
 */
describe('city-level campaigns, quizzes and surveys seen by a district organizer', () => {
  let app: TestApp
  let city: Client
  let sunli: Client
  beforeEach(async () => ({ app, city, sunli } = await startCityAndDistrictOffice()))
  afterEach(() => app.close())
  const at = (ms: number) => new Date(app.clock.now().getTime() + ms).toISOString()

  it("lists a city campaign that reaches the district, with only the district's people in its progress, and not one aimed elsewhere", async () => {
    const everyone = await city.post('/api/admin/campaigns', {
      title: '全市学习代表法',
      startsAt: at(-HOUR),
      endsAt: at(30 * DAY),
      audience: { levels: ['city'] },
    })
    const elsewhere = await city.post('/api/admin/campaigns', {
      title: '新华区专题',
      startsAt: at(-HOUR),
      endsAt: at(30 * DAY),
      audience: { stationIds: ['st004'] },
    })
    expect(everyone.status, JSON.stringify(everyone.body)).to.equal(201)
    const item = await city.post(`/api/admin/campaigns/${everyone.body.id}/items`, { title: '代表法全文', body: '<p>第一条</p>', required: true })
    expect(item.status).to.equal(201)

    expect((await sunli.get('/api/admin/campaigns')).body.items.map((c: { id: string }) => c.id)).to.deep.equal([everyone.body.id])
    expect((await sunli.get(`/api/admin/campaigns/${elsewhere.body.id}`)).status, 'a city campaign for 新华区 only').to.equal(404)
    expect((await sunli.get(`/api/admin/campaigns/${everyone.body.id}`)).status).to.equal(200)

    await (await asDeputy(app, 'dp0001')).get(`/api/mp/reading/${item.body.id}`) // 张伟 of 湛河区 reads
    await (await asDeputy(app, 'dp0006')).get(`/api/mp/reading/${item.body.id}`) // 陈静 of 新华区 reads
    const progress = (await sunli.get(`/api/admin/campaigns/${everyone.body.id}/progress?groupBy=person`)).body
    expect(progress.items.map((p: { id: string; read: boolean }) => `${p.id}:${p.read}`)).to.have.members(['dp0001:true'])
    const districts = (await sunli.get(`/api/admin/campaigns/${everyone.body.id}/progress?groupBy=district`)).body.items
    expect(districts.map((g: { name: string }) => g.name)).to.deep.equal(['湛河区'])
    const whole = (await city.get(`/api/admin/campaigns/${everyone.body.id}/progress?groupBy=district`)).body.items
    expect(
      whole.map((g: { name: string }) => g.name),
      'the city sees every district',
    ).to.have.members(['湛河区', '新华区'])

    const write = await sunli.post(`/api/admin/campaigns/${everyone.body.id}/items`, { title: '区里加一篇', body: '<p>x</p>' })
    expect(write.status).to.equal(403)
    expect(write.body.error).to.include({ code: 'city_level', message: '市级活动由市人大常委会办公室管理，区县可查看本区县的进度' })
  })

  it("lists a city quiz with the district's own leaderboard, and refuses changing it", async () => {
    const quiz = await quizWithBank(app, city, { audience: 'deputies' })
    expect((await sunli.get('/api/admin/quizzes')).body.items.map((q: { id: string }) => q.id)).to.deep.equal([quiz.id])
    for (const deputy of ['dp0001', 'dp0006']) {
      const client = await asDeputy(app, deputy)
      const paper = (await client.post(`/api/mp/quizzes/${quiz.id}/attempts`)).body
      expect((await client.post(`/api/mp/quiz-attempts/${paper.id}/submit`, { answers: rightAnswers(paper) })).status).to.equal(200)
    }
    const mine = (await sunli.get(`/api/admin/quizzes/${quiz.id}/leaderboard?by=person`)).body.items
    expect(
      mine.map((p: { name: string }) => p.name),
      "only 湛河区's people",
    ).to.deep.equal(['张伟'])
    const districts = (await sunli.get(`/api/admin/quizzes/${quiz.id}/leaderboard?by=district`)).body.items
    expect(districts.map((g: { id: string; audienceSize: number }) => [g.id, g.audienceSize])).to.deep.equal([['d01', 5]])
    expect((await city.get(`/api/admin/quizzes/${quiz.id}/leaderboard?by=person`)).body.items, 'the city sees both').to.have.length(2)

    const change = await sunli.patch(`/api/admin/quizzes/${quiz.id}`, { title: '改名' })
    expect(change.status).to.equal(403)
    expect(change.body.error).to.include({ code: 'city_level', message: '市级知识竞赛由市人大常委会办公室管理，区县可查看本区县的成绩' })
  })

  it("lists a city survey with the district's results, and refuses closing or correcting it", async () => {
    const s = (await city.post('/api/admin/surveys', surveyBody({ title: '全市绿化问卷' }))).body
    await (await asResident(app)).post(`/api/mp/surveys/${s.id}/responses?via=ST001`, { answers: { q1: 'o2', q3: 5 } })
    await (await asResident(app)).post(`/api/mp/surveys/${s.id}/responses?via=ST004`, { answers: { q1: 'o2', q3: 1 } })
    expect((await sunli.get('/api/admin/surveys')).body.items.map((x: { id: string }) => x.id)).to.deep.equal([s.id])
    const results = (await sunli.get(`/api/admin/surveys/${s.id}/results`)).body
    expect(results.responses, 'only the response that came through 湛河区').to.equal(1)
    expect((await city.get(`/api/admin/surveys/${s.id}/results`)).body.responses).to.equal(2)
    expect((await sunli.get(`/api/admin/surveys/${s.id}/results?districtId=d02`)).status, "not another district's").to.equal(403)
    const csv = (await sunli.get(`/api/admin/surveys/${s.id}/responses.csv`)).body.toString('utf8').trim().split('\r\n')
    expect(csv, "the header and 湛河区's one row").to.have.length(2)

    const close = await sunli.post(`/api/admin/surveys/${s.id}/close`)
    expect(close.status).to.equal(403)
    expect(close.body.error).to.include({ code: 'city_level', message: '市级问卷由市人大常委会办公室管理，区县可查看本区县的情况' })
    expect((await sunli.patch(`/api/admin/surveys/${s.id}`, { title: '改名' })).status).to.equal(403)
    expect((await city.get(`/api/admin/surveys/${s.id}`)).body).to.include({ title: '全市绿化问卷', phase: 'open' })
  })
})
