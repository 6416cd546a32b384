import { expect } from 'chai'
import { asDeputy, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const NOT_FOLLOWING = '您已经不关注这个活动了，不能打卡。想打卡，请先在活动页点“关注这个活动”。'

/**
 * 王阿姨 followed a study campaign, read and checked in, then pressed 不再关注. Her campaign page then shows it as not
 * hers (关注这个活动 offered again, no 打卡); the check-in API must hold to the same: a 403 in the usual error body,
 * nothing recorded. Following again gives 打卡 back. A deputy its audience names checks in without following.
 */
describe('a resident who stopped following a campaign cannot check in to it', () => {
  let app: TestApp
  let organizer: Client
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
    organizer = await new Client(app.baseUrl).login('sunli', STAFF_PASSWORD) // 孙丽, organizer of 湛河区
  })
  afterEach(() => app.close())

  const at = (ms: number) => new Date(app.clock.now().getTime() + ms).toISOString()
  async function campaignWithItem() {
    const c = await organizer.post('/api/admin/campaigns', {
      title: '宪法宣传周',
      startsAt: at(-HOUR),
      endsAt: at(7 * DAY),
      audience: { stationIds: ['st001'], followers: true },
    })
    expect(c.status, JSON.stringify(c.body)).to.equal(201)
    const item = await organizer.post(`/api/admin/campaigns/${c.body.id}/items`, { title: '宪法全文', body: '<p>宪法是国家的根本法。</p>', required: true })
    expect(item.status, JSON.stringify(item.body)).to.equal(201)
    return { id: c.body.id as string, itemId: item.body.id as string }
  }

  it('refuses her 打卡 after 不再关注 (403, nothing recorded), and following again restores it', async () => {
    const c = await campaignWithItem()
    const wang = await asResident(app, 'o-wang')
    await wang.post(`/api/mp/campaigns/${c.id}/follow`, {})
    expect((await wang.get(`/api/mp/reading/${c.itemId}`)).status).to.equal(200)
    expect((await wang.post(`/api/mp/campaigns/${c.id}/check-ins`, { itemId: c.itemId })).status, 'following: her 打卡 is taken').to.equal(201)

    expect((await wang.request('DELETE', `/api/mp/campaigns/${c.id}/follow`)).status).to.equal(200)
    app.clock.advance(DAY)
    const refused = await wang.post(`/api/mp/campaigns/${c.id}/check-ins`, { reflection: '学习了宪法' })
    expect(refused.status).to.equal(403)
    expect(refused.body).to.deep.equal({ error: { code: 'not_following', message: NOT_FOLLOWING, details: [] } })
    const page = (await wang.get(`/api/mp/campaigns/${c.id}`)).body
    expect(page.checkIns, 'nothing recorded').to.have.length(1)
    expect(page.checkedInToday).to.equal(false)

    await wang.post(`/api/mp/campaigns/${c.id}/follow`, {})
    const back = await wang.post(`/api/mp/campaigns/${c.id}/check-ins`, { reflection: '学习了宪法' })
    expect(back.status, JSON.stringify(back.body)).to.equal(201)
    expect((await wang.get(`/api/mp/campaigns/${c.id}`)).body.checkIns).to.have.length(2)
  })

  it('a deputy its audience names checks in without following', async () => {
    const c = await campaignWithItem()
    const zhang = await asDeputy(app, 'dp0001') // 轻工街道代表联络站 (st001): in its audience
    await zhang.get(`/api/mp/reading/${c.itemId}`)
    expect((await zhang.post(`/api/mp/campaigns/${c.id}/check-ins`, {})).status).to.equal(201)
  })
})
