import { expect } from 'chai'
import { startApp, type Client, type TestApp } from '../helpers/app.js'
import { addItem, asStaff, createCampaign, levelsCity } from '../helpers/campaign-levels.js'

/**
 * 逐级汇总 (上下同题) says, as 学习进度 does, how many of those the reading reached bound no WeChat a
 * message reaches: each level's part, and the total counting each person once. 张伟 talks to the bot;
 * the other four deputies of 湛河区 bound nothing; 轻工街道 has taken the campaign up but published nothing.
 */
describe('逐级汇总 counts those who bound no WeChat', () => {
  let app: TestApp
  let city: Client
  beforeEach(async () => {
    app = await startApp({ directory: levelsCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
    city = await asStaff(app, 'chenhong')
  })
  afterEach(() => app.close())

  it('per level and in total, each person once; nobody for a part that has published nothing', async () => {
    const { user } = await app.liaison.services.botPeople.resolve('wxid_zhangwei', null)
    await app.liaison.store.mpUsers.update(user.id, { deputyId: 'dp0001' })
    const cityCampaign = await createCampaign(city, app, { audience: { districtIds: ['d01', 'd02'] } })
    const district = await asStaff(app, 'sunli')
    const ours = await district.post(`/api/admin/campaigns/${cityCampaign.id}/adoptions`, {})
    expect(ours.status, JSON.stringify(ours.body)).to.equal(201)
    expect((await (await asStaff(app, 'wumin')).post(`/api/admin/campaigns/${cityCampaign.id}/adoptions`, {})).status).to.equal(201)
    await addItem(city, cityCampaign.id, '代表法全文')
    await addItem(district, ours.body.id, '湛河区代表工作规则')

    const rollUp = (await city.get(`/api/admin/campaigns/${cityCampaign.id}/roll-up`)).body
    expect(
      rollUp.parts.map((p: { level: string; audience: number; reached: number; unreachable: number }) => [p.level, p.audience, p.reached, p.unreachable]),
    ).to.deep.equal([
      ['city', 5, 5, 4],
      ['district', 5, 5, 4],
      ['street', 4, 0, 0],
    ])
    expect(rollUp.total, 'five deputies, each once; four of them only by phone').to.include({ audience: 5, reached: 5, unreachable: 4 })
    // The campaign's own 学习进度 says the same.
    expect((await city.get(`/api/admin/campaigns/${cityCampaign.id}/progress`)).body.totals).to.include({ reached: 5, unreachable: 4 })
  })
})
