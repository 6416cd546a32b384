import { expect } from 'chai'
import { startApp, type Client, type TestApp } from '../helpers/app.js'
import { addItem, asStaff, createCampaign, levelsCity } from '../helpers/campaign-levels.js'

const ids = (answer: { body: { items: Array<{ id: string }> } }) => answer.body.items.map((c) => c.id).sort()

/**
 * Campaigns follow the one scope rule surveys and meetings follow: an organizer runs the
 * campaigns of their district or street and of the streets under it, follows the city's that
 * reach them, and never learns of another district's.
 */
describe('who sees and changes which campaign', () => {
  let app: TestApp
  let city: Client
  let district: Client
  let street: Client
  let other: Client
  beforeEach(async () => {
    app = await startApp({ directory: levelsCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
    city = await asStaff(app, 'chenhong')
    district = await asStaff(app, 'sunli') // 湛河区
    street = await asStaff(app, 'wumin') // 轻工街道 of 湛河区
    other = await asStaff(app, 'qianqi') // 新华区
  })
  afterEach(() => app.close())

  it("a street organizer runs his street's campaign, follows the city's and never sees another district's", async () => {
    const mine = await createCampaign(street, app, { title: '轻工街道学习代表法', audience: { stationIds: ['st001', 'st003'] } })
    expect(mine).to.include({ level: 'street', areaId: 's0101' })
    // 新华区 has no deputy in this city, only 王五 at its station: a campaign must reach someone.
    const theirs = await createCampaign(other, app, { title: '新华区学习代表法', audience: { districtIds: ['d02'], staff: true } })
    const cityWide = await createCampaign(city, app, { title: '全市学习代表法', audience: { districtIds: ['d01', 'd02'] } })

    expect(ids(await street.get('/api/admin/campaigns?limit=50'))).to.deep.equal([mine.id, cityWide.id].sort())
    expect((await addItem(street, mine.id, '轻工街道代表之家制度')).title).to.equal('轻工街道代表之家制度')

    const followed = await street.post(`/api/admin/campaigns/${cityWide.id}/items`, {
      title: 'x',
      summary: '',
      body: '<p>x</p>',
      source: '人大',
      required: true,
    })
    expect([followed.status, followed.body.error.code], "the city's campaign is read only to him").to.deep.equal([403, 'city_level'])
    for (const answer of [await street.get(`/api/admin/campaigns/${theirs.id}`), await street.patch(`/api/admin/campaigns/${theirs.id}`, { title: '改掉' })])
      expect([answer.status, answer.body.error.code], "新华区's campaign is not found").to.deep.equal([404, 'not_found'])
    expect((await app.liaison.store.campaigns.get(theirs.id))!.title, 'unchanged').to.equal('新华区学习代表法')
    expect((await app.liaison.store.campaigns.items(cityWide.id)).length, 'nothing added to the city’s').to.equal(0)
  })

  it("a district organizer lists, corrects and adopts for the streets under him, and never sees another district's", async () => {
    const streets = await createCampaign(street, app, { title: '轻工街道学习代表法', audience: { stationIds: ['st001'] } })
    // 新华区 has no deputy in this city, only 王五 at its station: a campaign must reach someone.
    const theirs = await createCampaign(other, app, { title: '新华区学习代表法', audience: { districtIds: ['d02'], staff: true } })
    const cityWide = await createCampaign(city, app, { title: '全市学习代表法', audience: { districtIds: ['d01', 'd02'] } })

    expect(ids(await district.get('/api/admin/campaigns?limit=50')), "his street's campaign and the city's").to.deep.equal([streets.id, cityWide.id].sort())
    const corrected = await district.patch(`/api/admin/campaigns/${streets.id}`, { title: '轻工街道学习代表法（修订）' })
    expect(corrected.status, JSON.stringify(corrected.body)).to.equal(200)
    expect((await app.liaison.store.campaigns.get(streets.id))!.title).to.equal('轻工街道学习代表法（修订）')
    const adopted = await district.post(`/api/admin/campaigns/${cityWide.id}/adoptions`, { areaId: 's0102' })
    expect(adopted.status, JSON.stringify(adopted.body)).to.equal(201)
    expect(adopted.body).to.include({ level: 'street', areaId: 's0102' })

    for (const answer of [
      await district.get(`/api/admin/campaigns/${theirs.id}`),
      await district.patch(`/api/admin/campaigns/${theirs.id}`, { title: '改掉' }),
      await district.get(`/api/admin/campaigns/${theirs.id}/progress`),
    ])
      expect([answer.status, answer.body.error.code], "新华区's campaign is not found").to.deep.equal([404, 'not_found'])
    expect((await app.liaison.store.campaigns.get(theirs.id))!.title, 'unchanged').to.equal('新华区学习代表法')
    const outside = await district.post(`/api/admin/campaigns/${cityWide.id}/adoptions`, { areaId: 's0201' })
    expect([outside.status, outside.body.error.code], '新华街道 is not his').to.deep.equal([403, 'outside_scope'])
  })
})
