import { expect } from 'chai'
import { asAdmin, asDeputy, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { smallCity, STAFF_PASSWORD } from '../fixtures.js'
import type { DirectoryFile } from '../../src/domain/directory.js'
import { at, candidate, openCycle, propose } from '../helpers/livelihood.js'

/**
 * smallCity (湛河区: 张伟 市, 王芳 区县, 李强 全国, 赵敏 乡镇, 刘洋 省) with two more 区人大代表 of 湛河区 (陈静,
 * 马丽) and one more 市人大代表 (周涛), so that each congress has a roll of its own.
 */
type Deputy = NonNullable<DirectoryFile['deputies']>[number]

function levelsCity() {
  const city = smallCity()
  const more = (id: string, name: string, level: Deputy['level'], stationIds: string[]): Deputy => ({
    id,
    code: id.toUpperCase(),
    name,
    level,
    stationIds,
    topics: [],
    phone: null,
    dutyByStation: {},
  })
  city.deputies.push(more('dp0006', '陈静', 'county', ['st002']), more('dp0007', '马丽', 'county', ['st003']), more('dp0008', '周涛', 'city', ['st002']))
  return city
}

const vote = async (app: TestApp, deputyId: string, ballotId: string, projectId: string) =>
  (await asDeputy(app, deputyId)).post(`/api/mp/surveys/${ballotId}/responses`, { answers: { projects: [projectId] } })

/** What one person was told of the year's proposals (a resident's account or a deputy), oldest first. */
const told = async (app: TestApp, recipientId: string) =>
  (await app.liaison.store.outbox.search({ recipientId, kind: 'livelihood.proposal', limit: 50 })).items
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))
    .map((m) => String(m.payload.text))

describe('民生实事: who votes by default, how many did, and what proposers read', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: levelsCity() })
    at(app, '2026-12-02T02:00:00Z')
  })
  afterEach(() => app.close())

  it("puts a district's year to its 区人大代表 and the city's to the 市人大代表, and flags a turnout below half", async () => {
    const sunli = await new Client(app.baseUrl).login('sunli', STAFF_PASSWORD)
    const district = await openCycle(sunli, { office: 'd01', title: '湛河区2027年民生实事项目', projectCount: 1 })
    const lift = await candidate(sunli, district.id, { title: '老旧小区加装电梯', unitId: 'u02' })
    await candidate(sunli, district.id, { title: '口袋公园', costWan: 80, unitId: 'u02' })
    const started = await sunli.post(`/api/admin/livelihood/cycles/${district.id}/ballot`, {})
    expect(started.status, JSON.stringify(started.body)).to.equal(200)
    const ballotId = started.body.ballotSurveyId as string

    // 王芳, 陈静, 马丽 (区县) vote; 张伟 (市) and 李强 (全国), though on 湛河区's stations, are not members of its congress.
    at(app, '2026-12-03T02:00:00Z')
    for (const d of ['dp0001', 'dp0003']) {
      const refused = await vote(app, d, ballotId, lift.id)
      expect([refused.status, refused.body.error.message], d).to.deep.equal([403, '您不在本次票决的应投票代表名单中'])
    }
    expect((await vote(app, 'dp0002', ballotId, lift.id)).status).to.equal(201)
    await sunli.login('sunli', STAFF_PASSWORD)
    let year = (await sunli.get(`/api/admin/livelihood/cycles/${district.id}`)).body
    expect(year.ballot).to.deep.include({ roll: 3, cast: 1, turnoutText: '实际投票 1 人 / 应投票 3 人（33%）', lowTurnout: true })
    expect((await vote(app, 'dp0006', ballotId, lift.id)).status).to.equal(201)
    year = (await sunli.get(`/api/admin/livelihood/cycles/${district.id}`)).body
    expect(year.ballot).to.deep.include({ turnoutText: '实际投票 2 人 / 应投票 3 人（67%）', lowTurnout: false })

    // The city's year: 张伟 and 周涛 (市) only; 王芳 (区县) and 李强 (全国) are not on it.
    const office = await asAdmin(app)
    const cityYear = await openCycle(office, { projectCount: 1 })
    const c1 = await candidate(office, cityYear.id, { title: '全市社区服务设施提升' })
    await candidate(office, cityYear.id, { title: '城区路灯改造', costWan: 90 })
    const cityBallot = (await office.post(`/api/admin/livelihood/cycles/${cityYear.id}/ballot`, {})).body.ballotSurveyId as string
    expect((await office.get(`/api/admin/livelihood/cycles/${cityYear.id}`)).body.ballot).to.deep.include({ roll: 2, cast: 0 })
    for (const d of ['dp0002', 'dp0003']) expect((await vote(app, d, cityBallot, c1.id)).status, d).to.equal(403)
    for (const d of ['dp0001', 'dp0008']) expect((await vote(app, d, cityBallot, c1.id)).status, d).to.equal(201)
  })

  it('says 应投票代表 as counted now on the ballot page once a deputy on the roll left office without voting', async () => {
    const sunli = await new Client(app.baseUrl).login('sunli', STAFF_PASSWORD)
    const district = await openCycle(sunli, { office: 'd01', title: '湛河区2027年民生实事项目', projectCount: 1 })
    await candidate(sunli, district.id, { title: '老旧小区加装电梯', unitId: 'u02' })
    await candidate(sunli, district.id, { title: '口袋公园', costWan: 80, unitId: 'u02' })
    const ballotId = (await sunli.post(`/api/admin/livelihood/cycles/${district.id}/ballot`, {})).body.ballotSurveyId as string
    expect((await sunli.get(`/api/admin/surveys/${ballotId}`)).body.ballot.roll).to.equal(3)

    at(app, '2026-12-03T02:00:00Z')
    expect((await (await asAdmin(app)).patch('/api/admin/deputies/dp0007', { active: false })).status).to.equal(200)
    await sunli.login('sunli', STAFF_PASSWORD)
    const page = (await sunli.get(`/api/admin/surveys/${ballotId}`)).body
    const turnout = (await sunli.get(`/api/admin/surveys/${ballotId}/not-voted`)).body
    expect([page.ballot.roll, turnout.roll]).to.deep.equal([2, 2])
  })

  it("tells a proposer once per candidate, naming her proposals, and counts only others' as 其他", async () => {
    const office = await asAdmin(app)
    const cycle = await openCycle(office, { projectCount: 1 })
    const [laoli, xiaowang] = [await asResident(app, 'o-laoli'), await asResident(app, 'o-xiaowang')]
    const one = await propose(laoli, cycle.id, { title: '建议一' })
    const two = await propose(laoli, cycle.id, { title: '建议二' })
    const three = await propose(xiaowang, cycle.id, { title: '建议三' })
    const park = await propose(xiaowang, cycle.id, { title: '河边口袋公园' })
    const merged = await candidate(office, cycle.id, { title: '全市社区服务设施提升', proposalIds: [one.id, two.id, three.id] })
    await candidate(office, cycle.id, { title: '口袋公园', costWan: 80, proposalIds: [park.id] })
    const laoliId = (await app.liaison.store.livelihood.getProposal(one.id))!.mpUserId!
    const xiaowangId = (await app.liaison.store.livelihood.getProposal(three.id))!.mpUserId!
    expect(await told(app, laoliId)).to.deep.equal([
      '您提出的民生实事项目建议「建议一」「建议二」已与其他 1 条建议合并，列为候选项目「全市社区服务设施提升」，将由人大代表票决。',
    ])

    const ballotId = (await office.post(`/api/admin/livelihood/cycles/${cycle.id}/ballot`, {})).body.ballotSurveyId as string
    at(app, '2026-12-03T02:00:00Z')
    for (const d of ['dp0001', 'dp0008']) expect((await vote(app, d, ballotId, merged.id)).status, d).to.equal(201)
    at(app, '2026-12-10T02:00:00Z')
    const settled = await (await asAdmin(app)).post(`/api/admin/livelihood/cycles/${cycle.id}/ballot-result`)
    expect(settled.status, JSON.stringify(settled.body)).to.equal(200)

    expect(await told(app, laoliId)).to.deep.equal([
      '您提出的民生实事项目建议「建议一」「建议二」已与其他 1 条建议合并，列为候选项目「全市社区服务设施提升」，将由人大代表票决。',
      '您提出的民生实事项目建议「建议一」「建议二」已并入候选项目「全市社区服务设施提升」，经代表票决通过，列入2027年市民生实事项目，我们会定期公布进展。',
    ])
    // Both her candidates are settled in one write: the two results in any order.
    expect(await told(app, xiaowangId)).to.have.members([
      '您提出的民生实事项目建议「建议三」已与其他 2 条建议合并，列为候选项目「全市社区服务设施提升」，将由人大代表票决。',
      '您提出的民生实事项目建议「河边口袋公园」已列为候选项目「口袋公园」，将由人大代表票决。',
      '您提出的民生实事项目建议「建议三」已并入候选项目「全市社区服务设施提升」，经代表票决通过，列入2027年市民生实事项目，我们会定期公布进展。',
      '您提出的民生实事项目建议「河边口袋公园」已列为候选项目「口袋公园」，在代表票决中未获通过，感谢您的参与。',
    ])
  })
})
