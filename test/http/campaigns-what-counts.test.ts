import { expect } from 'chai'
import { asAdmin, asDeputy, type Client, startApp, type TestApp } from '../helpers/app.js'
import { asStaff, meetingCity } from '../helpers/meetings.js'
import { quizWithBank } from '../helpers/quizzes.js'

const HOUR = 3_600_000
const DAY = 24 * HOUR

/**
 * What a campaign counts and whom it asks: not a campaign already over, not a check-in on an
 * article that was withdrawn, not a deputy who has left office; and an article written as text
 * can become a link (and back) when the organizer corrects it.
 */
describe('what a campaign counts and whom it asks', () => {
  let app: TestApp
  let sunli: Client // organizer of 湛河区 (d01)
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
    sunli = await asStaff(app, 'sunli')
  })
  afterEach(() => app.close())
  const at = (ms: number) => new Date(app.clock.now().getTime() + ms).toISOString()
  const campaignCount = async () => (await sunli.get('/api/admin/campaigns')).body.items.length

  async function campaignWithItem(audience: Record<string, unknown> = { stationIds: ['st001'] }) {
    const campaign = await sunli.post('/api/admin/campaigns', { title: '学习贯彻代表法', startsAt: at(-HOUR), endsAt: at(30 * DAY), audience })
    expect(campaign.status, JSON.stringify(campaign.body)).to.equal(201)
    const item = await sunli.post(`/api/admin/campaigns/${campaign.body.id}/items`, { title: '代表法全文', body: '<p>第一条</p>', required: true })
    expect(item.status, JSON.stringify(item.body)).to.equal(201)
    return { campaign: campaign.body, item: item.body }
  }

  it('refuses a campaign whose whole window is already past (422), creating nothing', async () => {
    const past = await sunli.post('/api/admin/campaigns', {
      title: '学习贯彻代表法',
      startsAt: at(-30 * DAY),
      endsAt: at(-DAY),
      audience: { stationIds: ['st001'] },
    })
    expect(past.status).to.equal(422)
    expect(past.body.error).to.deep.include({
      code: 'campaign_window_over',
      message: '活动结束时间已过，请把结束时间改到现在以后',
      details: [{ path: 'body.endsAt', message: '结束时间已过' }],
    })
    expect(await campaignCount()).to.equal(0)
  })

  it('takes a check-in on a withdrawn article out of progress with the article', async () => {
    const { campaign, item } = await campaignWithItem()
    const zhang = await asDeputy(app, 'dp0001')
    await zhang.get(`/api/mp/reading/${item.id}`)
    expect((await zhang.post(`/api/mp/campaigns/${campaign.id}/check-ins`, { itemId: item.id, reflection: '学习了' })).status).to.equal(201)
    const before = (await sunli.get(`/api/admin/campaigns/${campaign.id}/progress?groupBy=person`)).body
    expect(before.items.find((p: { id: string }) => p.id === 'dp0001')).to.include({ checkIns: 1, checkedIn: true })

    expect((await sunli.post(`/api/admin/campaigns/${campaign.id}/items/${item.id}/withdraw`)).status).to.equal(200)
    const after = (await sunli.get(`/api/admin/campaigns/${campaign.id}/progress?groupBy=person`)).body
    expect(after.items.find((p: { id: string }) => p.id === 'dp0001')).to.include({ checkIns: 0, checkedIn: false, lastReflection: null })
    expect(after.totals.checkedIn).to.equal(0)
  })

  it('switches an article written as text to a link and back, and says when a link is too long', async () => {
    const { campaign, item } = await campaignWithItem()
    const url = `/api/admin/campaigns/${campaign.id}/items/${item.id}`
    const toLink = await sunli.patch(url, { link: 'https://www.npc.gov.cn/npc/c2/c30834/202503/t20250311.html' })
    expect(toLink.status, JSON.stringify(toLink.body)).to.equal(200)
    expect(toLink.body).to.include({ body: null, link: 'https://www.npc.gov.cn/npc/c2/c30834/202503/t20250311.html' })
    const explicit = await sunli.patch(url, { body: null, link: 'https://www.npc.gov.cn/other.html' })
    expect(explicit.status, JSON.stringify(explicit.body)).to.equal(200)
    expect(explicit.body).to.include({ body: null, link: 'https://www.npc.gov.cn/other.html' })
    const back = await sunli.patch(url, { body: '<p>第一条（全文）</p>' })
    expect(back.body).to.include({ body: '<p>第一条（全文）</p>', link: null })

    const long = await sunli.patch(url, { link: `https://www.npc.gov.cn/${'a'.repeat(1000)}` })
    expect(long.status).to.equal(400)
    expect(long.body.error.details).to.deep.equal([{ path: 'body.link', message: '链接最多 1000 个字符' }])
    const both = await sunli.patch(url, { body: '<p>正文</p>', link: 'https://www.npc.gov.cn/' })
    expect(both.status, 'still one or the other').to.equal(400)
    expect((await sunli.get(`/api/admin/campaigns/${campaign.id}`)).body.items[0]).to.include({ body: '<p>第一条（全文）</p>', link: null })
  })

  it('asks no deputy who has left office: not in a campaign by station, not named, not told of a quiz', async () => {
    const admin = await asAdmin(app)
    expect((await admin.patch('/api/admin/deputies/dp0002', { active: false })).status).to.equal(200)

    const named = await sunli.post('/api/admin/campaigns', { title: '学习', endsAt: at(30 * DAY), audience: { deputyIds: ['dp0001', 'dp0002'] } })
    expect(named.status).to.equal(422)
    expect(named.body.error).to.deep.include({ code: 'deputy_inactive', details: [{ path: 'body.audience.deputyIds[1]', message: '王芳代表已离任' }] })

    const { campaign } = await campaignWithItem()
    const progress = (await sunli.get(`/api/admin/campaigns/${campaign.id}/progress?groupBy=person`)).body
    expect(progress.items.map((p: { id: string }) => p.id)).to.have.members(['dp0001', 'dp0003'])

    await quizWithBank(app, sunli, { audience: 'deputies' })
    const told = (await app.liaison.store.outbox.search({ limit: 100, kind: 'quiz.published' })).items.map((m) => m.recipientId)
    expect(told).to.include('dp0001').and.not.include('dp0002')
  })
})
