import { expect } from 'chai'
import { asDeputy, startApp, type Client, type TestApp } from '../helpers/app.js'
import { addItem, asStaff, createCampaign, levelsCity, readAndCheckIn } from '../helpers/campaign-levels.js'

type Part = { level: string; areaId: string | null; areaName: string | null; audience: number; checkedIn: number; issuedBy: string }
const parts = (body: { parts: Part[] }) => body.parts.map((p) => `${p.level}:${p.areaName ?? '全市'} ${p.checkedIn}/${p.audience}`)

/**
 * 上下同题: 陈红 of the city office runs a campaign for 湛河区 and 新华区; 孙丽 takes it up
 * for 湛河区 and 吴敏 for 轻工街道, each with a material of their own for their own deputies;
 * the city sees every level and the total, the district itself and its street, the street
 * itself. Nobody adopts twice, nor for a place that is not theirs.
 */
describe('a city-level campaign taken up by a district and a street (上下同题)', () => {
  let app: TestApp
  let city: Client
  let district: Client
  let street: Client
  let cityCampaign: { id: string }
  beforeEach(async () => {
    app = await startApp({ directory: levelsCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
    city = await asStaff(app, 'chenhong')
    district = await asStaff(app, 'sunli')
    street = await asStaff(app, 'wumin')
    cityCampaign = await createCampaign(city, app, { audience: { districtIds: ['d01', 'd02'] } })
  })
  afterEach(() => app.close())

  const adopt = (who: Client, body: Record<string, unknown> = {}, id = cityCampaign.id) => who.post(`/api/admin/campaigns/${id}/adoptions`, body)

  it('links the local campaigns to the city’s, each for its own deputies, and rolls progress up level by level', async () => {
    const ours = await adopt(district)
    expect(ours.status, JSON.stringify(ours.body)).to.equal(201)
    expect(ours.body).to.deep.include({ title: '学习贯彻代表法', level: 'district', levelLabel: '区县', areaId: 'd01', adoptedFrom: cityCampaign.id })
    const mine = await adopt(street)
    expect(mine.status, JSON.stringify(mine.body)).to.equal(201)
    expect(mine.body).to.deep.include({
      level: 'street',
      levelLabel: '街道',
      areaId: 's0101',
      audience: { ...mine.body.audience, stationIds: ['st001', 'st003'] },
    })

    const cityItem = await addItem(city, cityCampaign.id, '代表法全文')
    const districtItem = await addItem(district, ours.body.id, '湛河区代表工作规则')
    const streetItem = await addItem(street, mine.body.id, '轻工街道代表之家制度')
    await readAndCheckIn(await asDeputy(app, 'dp0001'), cityCampaign.id, cityItem.id)
    await readAndCheckIn(await asDeputy(app, 'dp0004'), ours.body.id, districtItem.id)
    await readAndCheckIn(await asDeputy(app, 'dp0005'), mine.body.id, streetItem.id)

    const whole = await city.get(`/api/admin/campaigns/${cityCampaign.id}/roll-up`)
    expect(whole.status).to.equal(200)
    expect(parts(whole.body)).to.deep.equal(['city:全市 1/5', 'district:湛河区 1/5', 'street:轻工街道 1/4'])
    expect(whole.body.total, 'five deputies, each once, three of them checked in somewhere').to.include({ audience: 5, checkedIn: 3, checkedInShare: 0.6 })
    expect(whole.body.parts[2]).to.include({ districtId: 'd01', issuedBy: '轻工街道人大工委' })

    const ownAndBelow = await district.get(`/api/admin/campaigns/${ours.body.id}/roll-up`)
    expect(parts(ownAndBelow.body)).to.deep.equal(['district:湛河区 1/5', 'street:轻工街道 1/4'])
    expect(ownAndBelow.body.total).to.include({ audience: 5, checkedIn: 2 })
    expect(parts((await street.get(`/api/admin/campaigns/${cityCampaign.id}/roll-up`)).body)).to.deep.equal(['street:轻工街道 1/4'])
    const elsewhere = await (await asStaff(app, 'qianqi')).get(`/api/admin/campaigns/${cityCampaign.id}/roll-up`)
    expect(elsewhere.status, '新华区 has no deputy in it: not theirs to see').to.equal(404)

    const seen = (await (await asDeputy(app, 'dp0005')).get('/api/mp/campaigns')).body.items as Array<{ id: string; levelLabel: string }>
    expect(seen.map((c) => c.levelLabel).sort()).to.deep.equal(['区县', '市级', '街道'])
  })

  it('refuses adopting twice with 409, changing nothing', async () => {
    expect((await adopt(district)).status).to.equal(201)
    const again = await adopt(district, { areaId: 'd01' })
    expect(again.status).to.equal(409)
    expect(again.body).to.deep.equal({
      error: { code: 'already_adopted', message: '湛河区已经采用了这项活动', details: [{ path: 'body.areaId', message: 'd01' }] },
    })
    expect((await city.get(`/api/admin/campaigns/${cityCampaign.id}/roll-up`)).body.parts).to.have.length(2)
  })

  it('refuses an area outside the organizer’s regions, a station worker, a local campaign and an unknown area', async () => {
    const outside = await adopt(district, { areaId: 'd02' })
    expect(outside.status).to.equal(403)
    expect(outside.body.error).to.include({ code: 'outside_scope' })
    expect((await adopt(street, { areaId: 's0102' })).status, 'another street').to.equal(403)
    expect((await adopt(await asStaff(app, 'qianqi'), { areaId: 'd01' })).status, "another district's organizer, who does not even see it").to.equal(404)

    const worker = await asStaff(app, 'lina')
    expect((await adopt(worker)).status).to.equal(403)
    expect((await worker.get(`/api/admin/campaigns/${cityCampaign.id}/roll-up`)).status).to.equal(403)

    const local = (await adopt(district)).body
    const fromLocal = await adopt(city, { areaId: 's0101' }, local.id)
    expect([fromLocal.status, fromLocal.body.error.code]).to.deep.equal([409, 'not_city_level'])

    const ended = await createCampaign(city, app, { endsAt: new Date(app.clock.now().getTime() + 60_000).toISOString() })
    app.clock.advance(120_000)
    const late = await adopt(district, {}, ended.id)
    expect([late.status, late.body.error.code]).to.deep.equal([409, 'campaign_ended'])

    const nobody = await adopt(city, { areaId: 'd02' })
    expect(nobody.status, '新华区 has no deputy yet').to.equal(422)
    expect(nobody.body.error).to.deep.equal({
      code: 'no_audience',
      message: '新华区还没有代表，采用后没有人参加',
      details: [{ path: 'body.areaId', message: '新华区' }],
    })

    const unknown = await adopt(city, { areaId: 'd99' })
    expect([unknown.status, unknown.body.error.code]).to.deep.equal([422, 'unknown_area'])
    const malformed = await adopt(city, { areaId: '湛河区!' })
    expect([malformed.status, malformed.body.error.code]).to.deep.equal([400, 'validation_failed'])
    expect((await city.get(`/api/admin/campaigns/${cityCampaign.id}/roll-up`)).body.parts.map((p: Part) => p.level)).to.deep.equal(['city', 'district'])
  })

  it('keeps the street’s material to the street’s deputies', async () => {
    const mine = (await adopt(street)).body
    const item = await addItem(street, mine.id, '轻工街道代表之家制度')
    expect((await (await asDeputy(app, 'dp0004')).get(`/api/mp/reading/${item.id}`)).status, '马庄街道 only').to.equal(404)
    expect((await (await asDeputy(app, 'dp0001')).get(`/api/mp/reading/${item.id}`)).status).to.equal(200)
    const changeCity = await street.post(`/api/admin/campaigns/${cityCampaign.id}/items`, { title: 'x', body: '<p>x</p>' })
    expect(changeCity.status, "the city's campaign stays the city's").to.equal(403)
  })
})
