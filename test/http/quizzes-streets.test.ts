import { expect } from 'chai'
import { asAdmin, asDeputy, type Client } from '../helpers/app.js'
import { asStaff } from '../helpers/meetings.js'
import { quizWithBank, rightAnswers } from '../helpers/quizzes.js'
import { listedIds, streetCityForEachTest } from '../helpers/street-organizers.js'

/**
 * A street's organizer runs a quiz for his street's deputies: it is announced to them and
 * they may take it, a deputy of the next street may not; he sees his street's quizzes and
 * not the next street's, and cannot change those. The district's organizer sees both.
 */
describe("a street organizer's quizzes", () => {
  const streets = streetCityForEachTest() // 吴敏 of 轻工街道 (st001, st003), 郑华 of 马庄街道 (st002)

  it("is taken by his street's deputies, seen by him and his district, and closed to the next street", async () => {
    const { app, wumin, zhenghua } = streets
    const ours = await quizWithBank(app, wumin, { title: '轻工街道代表法竞赛', audience: 'deputies' })
    const told = (await app.liaison.store.outbox.search({ limit: 100, kind: 'quiz.published' })).items.map((m) => m.recipientId).sort()
    expect(told, 'the deputies of st001 and st003; not 赵敏 (dp0004, 马庄) nor 陈静 (dp0006, 新华区)').to.deep.equal(['dp0001', 'dp0002', 'dp0003', 'dp0005'])

    const zhang = await asDeputy(app, 'dp0001') // st001
    const zhao = await asDeputy(app, 'dp0004') // st002, 马庄街道
    expect(listedIds(await zhang.get('/api/mp/quizzes'))).to.deep.equal([ours.id])
    expect((await zhang.post(`/api/mp/quizzes/${ours.id}/attempts`)).status).to.equal(201)
    expect((await zhao.get('/api/mp/quizzes')).body.items, 'not listed in 马庄街道').to.deep.equal([])
    expect((await zhao.post(`/api/mp/quizzes/${ours.id}/attempts`)).status).to.equal(403)

    const theirs = await quizWithBank(app, zhenghua, { title: '马庄街道竞赛', audience: 'deputies' })
    expect(listedIds(await wumin.get('/api/admin/quizzes?limit=50'))).to.deep.equal([ours.id])
    expect((await wumin.get(`/api/admin/quizzes/${theirs.id}`)).status, 'the next street’s quiz is not found').to.equal(404)
    expect((await wumin.patch(`/api/admin/quizzes/${theirs.id}`, { title: '改了' })).status).to.equal(404)
    expect((await app.liaison.store.quizzes.get(theirs.id))!.title, 'nothing changed').to.equal('马庄街道竞赛')

    const sunli = await asStaff(app, 'sunli') // 湛河区: both streets are hers
    expect(listedIds(await sunli.get('/api/admin/quizzes?limit=50'))).to.deep.equal([ours.id, theirs.id].sort())
    expect((await sunli.get(`/api/admin/quizzes/${theirs.id}`)).status).to.equal(200)
    expect(listedIds(await (await asStaff(app, 'qianqi')).get('/api/admin/quizzes?limit=50')), '新华区 sees neither').to.deep.equal([])
  })

  it("follows a city quiz through his street's deputies only: their scores on the board, not the next street's", async () => {
    const { app, wumin, zhenghua } = streets
    const quiz = await quizWithBank(app, await asAdmin(app), { title: '全市代表法竞赛', audience: 'deputies' })
    for (const id of ['dp0001', 'dp0004']) {
      const deputy = await asDeputy(app, id)
      const paper = (await deputy.post(`/api/mp/quizzes/${quiz.id}/attempts`)).body
      expect((await deputy.post(`/api/mp/quiz-attempts/${paper.id}/submit`, { answers: rightAnswers(paper) })).status).to.equal(200)
    }
    const names = async (who: Client) => (await who.get(`/api/admin/quizzes/${quiz.id}/leaderboard?by=person`)).body.items.map((p: { name: string }) => p.name)
    expect(await names(wumin), '张伟 of 轻工街道, not 赵敏 of 马庄街道').to.deep.equal(['张伟'])
    expect(await names(zhenghua)).to.deep.equal(['赵敏'])
    const stations = (await wumin.get(`/api/admin/quizzes/${quiz.id}/leaderboard?by=station`)).body.items.map((s: { id: string }) => s.id)
    expect(stations, "his street's stations").to.deep.equal(['st001', 'st003'])
    expect((await wumin.patch(`/api/admin/quizzes/${quiz.id}`, { title: '改了' })).status, "the city's quiz is read only to him").to.equal(403)
  })
})
