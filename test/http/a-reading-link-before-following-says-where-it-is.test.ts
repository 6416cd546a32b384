import { expect } from 'chai'
import { asAdmin, asResident, type Client, startApp, type TestApp } from '../helpers/app.js'
import { meetingCity } from '../helpers/meetings.js'

const DAY = 86_400_000

/**
 * 刘奶奶 gets the link of a 宪法宣传周 reading from her community's group before she follows the campaign. She is
 * told which campaign it is in and that following it opens it (403 follow_to_read, naming the campaign), not that it
 * does not exist; nothing is recorded as read. Once she follows, the same link opens. What is really gone, or of a
 * campaign she cannot follow, stays 学习材料不存在.
 */
describe('a reading link opened before following says where it is', () => {
  let app: TestApp
  let office: Client
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
    office = await asAdmin(app)
  })
  afterEach(() => app.close())

  async function campaign(audience: Record<string, unknown>, over: Record<string, unknown> = {}) {
    const now = app.clock.now().getTime()
    const c = await office.post('/api/admin/campaigns', {
      title: '2026年宪法宣传周学习宣传',
      startsAt: new Date(now - DAY).toISOString(),
      endsAt: new Date(now + 7 * DAY).toISOString(),
      audience,
      ...over,
    })
    expect(c.status, JSON.stringify(c.body)).to.equal(201)
    const item = await office.post(`/api/admin/campaigns/${c.body.id}/items`, { title: '宪法全文', required: true, body: '<p>第一条</p>' })
    expect(item.status, JSON.stringify(item.body)).to.equal(201)
    return { campaignId: c.body.id as string, itemId: item.body.id as string }
  }

  it('names the campaign and says to follow it; after 关注 the same link opens', async () => {
    const { campaignId, itemId } = await campaign({ stationIds: ['st001'], followers: true })
    const liu = await asResident(app, 'o-liu-nainai-link')
    const refused = await liu.get(`/api/mp/reading/${itemId}`)
    expect(refused.status).to.equal(403)
    expect(refused.body.error).to.deep.equal({
      code: 'follow_to_read',
      message: '这篇学习材料在“2026年宪法宣传周学习宣传”里，关注这个活动就能看。',
      details: [{ path: 'campaignId', message: campaignId }],
    })
    expect(await app.liaison.store.campaigns.readsFor({ kind: 'mp_user', id: liu.userId }, [itemId])).to.deep.equal([])

    expect((await liu.post(`/api/mp/campaigns/${campaignId}/follow`, {})).status).to.equal(200)
    const opened = await liu.get(`/api/mp/reading/${itemId}`)
    expect([opened.status, opened.body.title]).to.deep.equal([200, '宪法全文'])
  })

  it('a withdrawn item, or one of a campaign not open to follow, is still 学习材料不存在; only a live one is offered', async () => {
    const open = await campaign({ stationIds: ['st001'], followers: true })
    const live = await office.post(`/api/admin/campaigns/${open.campaignId}/items`, { title: '宪法知识问答', body: '<p>问答</p>' })
    const closed = await campaign({ stationIds: ['st001'] }, { title: '代表履职学习' })
    expect((await office.post(`/api/admin/campaigns/${open.campaignId}/items/${open.itemId}/withdraw`, {})).status).to.equal(200)
    const liu = await asResident(app, 'o-liu-nainai-gone')
    for (const itemId of [open.itemId, closed.itemId]) {
      const refused = await liu.get(`/api/mp/reading/${itemId}`)
      expect([refused.status, refused.body.error.message]).to.deep.equal([404, '学习材料不存在'])
    }
    expect((await liu.get(`/api/mp/reading/${live.body.id}`)).body.error.code).to.equal('follow_to_read')
  })
})
