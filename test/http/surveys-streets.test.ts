import { expect } from 'chai'
import { asAdmin, asResident, type Client } from '../helpers/app.js'
import { asStaff } from '../helpers/meetings.js'
import { listedIds, streetCityForEachTest } from '../helpers/street-organizers.js'
import { surveyBody } from '../helpers/surveys.js'

/**
 * A street's organizer asks his street's deputies: the survey reaches the deputies of his
 * street's stations, he sees his street's surveys and not the next street's, and cannot
 * change those. The district's organizer sees both streets' surveys.
 */
const ANSWER = { q1: 'o2', q2: ['a'], q3: 4, q4: '轻工街道多种树' }

describe("a street organizer's surveys", () => {
  const streets = streetCityForEachTest() // 吴敏 of 轻工街道 (st001, st003), 郑华 of 马庄街道 (st002)

  it("asks his street's deputies, sees his street's surveys only, and may not touch the next street's", async () => {
    const { app, wumin, zhenghua } = streets
    const ours = await wumin.post('/api/admin/surveys', surveyBody({ title: '轻工街道代表履职问卷', audience: { levels: ['city', 'county'] } }))
    expect(ours.status, JSON.stringify(ours.body)).to.equal(201)
    const asked = (await app.liaison.store.surveys.get(ours.body.id))!.audienceDeputyIds
    expect(asked, 'the city and county deputies at 轻工街道 stations, not 新华区 陈静 (dp0006)').to.deep.equal(['dp0001', 'dp0002'])
    const waiting = await wumin.get(`/api/admin/surveys/${ours.body.id}/not-voted`)
    expect(waiting.status, JSON.stringify(waiting.body)).to.equal(200)
    expect(waiting.body).to.deep.include({ roll: 2, voted: 0 })

    const theirs = await zhenghua.post('/api/admin/surveys', surveyBody({ title: '马庄街道问卷' }))
    expect(theirs.status, JSON.stringify(theirs.body)).to.equal(201)

    expect(listedIds(await wumin.get('/api/admin/surveys?limit=50'))).to.deep.equal([ours.body.id])
    expect((await wumin.get(`/api/admin/surveys/${theirs.body.id}`)).status, 'the next street’s survey is not found').to.equal(404)
    expect((await wumin.post(`/api/admin/surveys/${theirs.body.id}/close`)).status).to.equal(404)
    expect((await app.liaison.store.surveys.get(theirs.body.id))!.closesAt.toISOString(), 'still open').to.equal('2026-11-30T10:00:00.000Z')

    const outside = await wumin.post('/api/admin/surveys', surveyBody({ audience: { deputyIds: ['dp0004'] } }))
    expect(outside.status, '马庄街道’s 赵敏 is not his to ask').to.equal(422)
    expect(outside.body.error.code).to.equal('invalid_roll')

    const sunli = await asStaff(app, 'sunli') // 湛河区: both streets are hers
    expect(listedIds(await sunli.get('/api/admin/surveys?limit=50'))).to.deep.equal([ours.body.id, theirs.body.id].sort())
    expect(listedIds(await (await asStaff(app, 'qianqi')).get('/api/admin/surveys?limit=50')), '新华区 sees neither').to.deep.equal([])
  })

  it("follows a city survey through the answers given at his street's stations only", async () => {
    const { app, wumin, zhenghua } = streets
    const city = await (await asAdmin(app)).post('/api/admin/surveys', surveyBody({ title: '全市绿化问卷' }))
    expect(city.status, JSON.stringify(city.body)).to.equal(201)
    const answers = { q1: 'o2', q2: ['a'], q3: 4 }
    for (const via of ['ST001', 'ST002'])
      expect((await (await asResident(app)).post(`/api/mp/surveys/${city.body.id}/responses?via=${via}`, { answers })).status).to.equal(201)
    const rows = async (who: Client) => {
      const csv = await who.get(`/api/admin/surveys/${city.body.id}/responses.csv`)
      expect(csv.status).to.equal(200)
      return (csv.body as Buffer).toString('utf8').trim().split('\r\n').slice(1)
    }
    const ours = await rows(wumin)
    expect(ours, 'the answer given at 轻工街道代表联络站 only').to.have.length(1)
    expect(ours[0]).to.include('轻工街道代表联络站')
    expect((await rows(zhenghua))[0]).to.include('马庄街道代表联络站')
    expect(await rows(await asStaff(app, 'sunli')), '湛河区 follows both').to.have.length(2)
  })

  it("reads a city survey's results from the answers given at his street's stations only", async () => {
    const { app, wumin, zhenghua } = streets
    const city = await (await asAdmin(app)).post('/api/admin/surveys', surveyBody({ title: '全市绿化问卷' }))
    expect(city.status, JSON.stringify(city.body)).to.equal(201)
    const answered = [
      { via: 'ST001', answers: { q1: 'o2', q2: ['a'], q3: 4, q4: '轻工街道多种树' } },
      { via: 'ST003', answers: { q1: 'o2', q2: ['b'], q3: 5, q4: '光明社区加座椅' } },
      { via: 'ST002', answers: { q1: 'o2', q2: ['c'], q3: 1, q4: '马庄街道修步道' } },
    ]
    for (const { via, answers } of answered)
      expect((await (await asResident(app)).post(`/api/mp/surveys/${city.body.id}/responses?via=${via}`, { answers })).status).to.equal(201)
    const results = async (who: Client, query = '') => {
      const answer = await who.get(`/api/admin/surveys/${city.body.id}/results${query}`)
      expect(answer.status, JSON.stringify(answer.body)).to.equal(200)
      return answer.body
    }

    const ours = await results(wumin)
    expect(ours.responses, 'the answers at 轻工街道代表联络站 and 光明社区代表联络点').to.equal(2)
    expect(ours.questions.find((q: { questionId: string }) => q.questionId === 'q3').average).to.equal(4.5)
    expect((await results(wumin, '?stationId=st003')).responses, 'one of his stations').to.equal(1)
    const texts = (await wumin.get(`/api/admin/surveys/${city.body.id}/texts?questionId=q4`)).body.items.map((t: { text: string }) => t.text)
    expect(texts.sort()).to.deep.equal(['光明社区加座椅', '轻工街道多种树'])
    expect((await results(zhenghua)).responses, '马庄街道 reads its one answer').to.equal(1)
    expect((await results(await asStaff(app, 'sunli'))).responses, '湛河区 reads all three').to.equal(3)

    for (const outside of ['?stationId=st002', '?districtId=d01']) {
      const answer = await wumin.get(`/api/admin/surveys/${city.body.id}/results${outside}`)
      expect(answer.status, `${outside} is not his`).to.equal(403)
      expect(answer.body.error.code).to.equal('outside_district')
    }
    const theirTexts = await wumin.get(`/api/admin/surveys/${city.body.id}/texts?questionId=q4&stationId=st002`)
    expect(theirTexts.status).to.equal(403)
    const closed = await wumin.post(`/api/admin/surveys/${city.body.id}/close`)
    expect(closed.status, "the city's survey is read only to him").to.equal(403)
    expect(closed.body.error.code).to.equal('city_level')
    expect((await app.liaison.store.surveys.get(city.body.id))!.closesAt.toISOString(), 'still open').to.equal('2026-11-30T10:00:00.000Z')
  })
  it('refuses his street as a district filter, rather than reading it as a district with no answers', async () => {
    const { app, wumin } = streets
    const office = await asAdmin(app)
    const city = await office.post('/api/admin/surveys', surveyBody({ title: '全市绿化问卷' }))
    expect((await (await asResident(app)).post(`/api/mp/surveys/${city.body.id}/responses?via=ST001`, { answers: ANSWER })).status).to.equal(201)
    const refused = {
      code: 'not_a_district',
      message: '只能按区县筛选',
      details: [{ path: 'query.districtId', message: '“轻工街道”不是区县，请选一个区县，或不加筛选' }],
    }
    for (const [who, path] of [
      [wumin, 'results?districtId=s0101'],
      [wumin, 'texts?questionId=q4&districtId=s0101'],
      [office, 'results?districtId=s0101'],
    ] as const) {
      const answer = await who.get(`/api/admin/surveys/${city.body.id}/${path}`)
      expect(answer.status, path).to.equal(422)
      expect(answer.body.error).to.deep.equal(refused)
    }
    const unknown = await office.get(`/api/admin/surveys/${city.body.id}/results?districtId=d99`)
    expect(unknown.body.error.details).to.deep.equal([{ path: 'query.districtId', message: '这个区县已不存在或不在您的管理范围内，请重新选择，或不加筛选' }])
    expect((await office.get(`/api/admin/surveys/${city.body.id}/results?districtId=d01`)).body.responses, 'a district is counted').to.equal(1)
  })
})
