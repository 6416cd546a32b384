import { expect } from 'chai'
import { startApp, type Client, type TestApp } from '../helpers/app.js'
import { asStaff, createCampaign, levelsCity } from '../helpers/campaign-levels.js'

const titles = (answer: { body: { items: Array<{ title: string }> } }) => answer.body.items.map((c) => c.title)

/** 只看我创建的: organizers asked to see the campaigns they made among all those they see. */
describe('the campaigns I created', () => {
  let app: TestApp
  let city: Client
  let district: Client
  let street: Client
  beforeEach(async () => {
    app = await startApp({ directory: levelsCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
    city = await asStaff(app, 'chenhong')
    district = await asStaff(app, 'sunli') // 湛河区
    street = await asStaff(app, 'wumin') // 轻工街道 of 湛河区
    await createCampaign(city, app, { title: '全市学习代表法', audience: { districtIds: ['d01', 'd02'] } })
    app.clock.advance(60_000)
    await createCampaign(district, app, { title: '湛河区学习监督法', audience: { districtIds: ['d01'] } })
    app.clock.advance(60_000)
    await createCampaign(street, app, { title: '轻工街道学习代表法', audience: { stationIds: ['st001', 'st003'] } })
    app.clock.advance(60_000)
    await createCampaign(district, app, { title: '湛河区学习预算法', audience: { districtIds: ['d01'] } })
  })
  afterEach(() => app.close())

  it('a district organizer sees every campaign of her district and the city, or only the ones she made, newest first', async () => {
    expect(titles(await district.get('/api/admin/campaigns?limit=50'))).to.deep.equal([
      '湛河区学习预算法',
      '轻工街道学习代表法',
      '湛河区学习监督法',
      '全市学习代表法',
    ])
    expect(titles(await district.get('/api/admin/campaigns?limit=50&createdBy=me'))).to.deep.equal(['湛河区学习预算法', '湛河区学习监督法'])
    const first = await district.get('/api/admin/campaigns?limit=1&createdBy=me')
    expect(titles(first)).to.deep.equal(['湛河区学习预算法'])
    expect(titles(await district.get(`/api/admin/campaigns?limit=1&createdBy=me&cursor=${first.body.nextCursor}`))).to.deep.equal(['湛河区学习监督法'])
  })

  it('the city organizer and a street organizer each see their own', async () => {
    expect(titles(await city.get('/api/admin/campaigns?limit=50&createdBy=me'))).to.deep.equal(['全市学习代表法'])
    expect(titles(await street.get('/api/admin/campaigns?limit=50&createdBy=me'))).to.deep.equal(['轻工街道学习代表法'])
  })

  it('refuses any creator but "me" with a clear 400: nobody lists another person’s campaigns by their id', async () => {
    const refused = await district.get('/api/admin/campaigns?limit=50&createdBy=sf03')
    expect(refused.status).to.equal(400)
    expect(refused.body.error).to.deep.include({
      code: 'validation_failed',
      details: [{ path: 'query.createdBy', message: '创建人只能是 me（只看我创建的）' }],
    })
  })
})
