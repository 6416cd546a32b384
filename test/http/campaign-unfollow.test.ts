import { expect } from 'chai'
import { asDeputy, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'

const HOUR = 3_600_000
const DAY = 24 * HOUR

/**
 * Review 36, finding 12: 王阿姨 follows a study campaign and wants to stop. 不再关注 ends her own follow (never
 * another's): what is published afterwards no longer reaches her, what reached her stays, and she may follow again.
 * 必读 binds those its audience names (the station's deputies), never a resident who followed of her own will.
 */
describe('a resident stops following a study campaign', () => {
  let app: TestApp
  let organizer: Client
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
    organizer = await new Client(app.baseUrl).login('sunli', STAFF_PASSWORD) // 孙丽, organizer of 湛河区
  })
  afterEach(() => app.close())

  const at = (ms: number) => new Date(app.clock.now().getTime() + ms).toISOString()
  async function campaign(over: Record<string, unknown> = {}) {
    const answer = await organizer.post('/api/admin/campaigns', {
      title: '宪法宣传周',
      startsAt: at(-HOUR),
      endsAt: at(7 * DAY),
      audience: { stationIds: ['st001'], followers: true },
      ...over,
    })
    expect(answer.status, JSON.stringify(answer.body)).to.equal(201)
    return answer.body as { id: string }
  }
  async function item(campaignId: string, title: string) {
    const answer = await organizer.post(`/api/admin/campaigns/${campaignId}/items`, { title, body: '<p>宪法是国家的根本法。</p>', required: true })
    expect(answer.status, JSON.stringify(answer.body)).to.equal(201)
    return answer.body as { id: string }
  }
  const titles = (body: { items: Array<{ title: string }> }) => body.items.map((i) => i.title)

  it('ends her own follow: later items do not reach her, what reached her stays, and she may follow again', async () => {
    const c = await campaign()
    await item(c.id, '宪法全文')
    const wang = await asResident(app, 'o-wang')
    const neighbour = await asResident(app, 'o-neighbour')
    await wang.post(`/api/mp/campaigns/${c.id}/follow`, {})
    await neighbour.post(`/api/mp/campaigns/${c.id}/follow`, {})

    const left = await wang.request('DELETE', `/api/mp/campaigns/${c.id}/follow`)
    expect(left.status, JSON.stringify(left.body)).to.equal(200)
    expect(left.body).to.include({ following: false, canFollow: true })
    expect(titles(left.body), 'what reached her stays hers').to.deep.equal(['宪法全文'])

    await item(c.id, '宪法宣传周问答')
    expect(titles((await wang.get(`/api/mp/campaigns/${c.id}`)).body), 'nothing new reaches her').to.deep.equal(['宪法全文'])
    const theirs = (await neighbour.get(`/api/mp/campaigns/${c.id}`)).body
    expect(theirs.following, "her neighbour's follow is not hers to end").to.equal(true)
    expect(titles(theirs)).to.have.members(['宪法全文', '宪法宣传周问答'])

    const again = await wang.request('DELETE', `/api/mp/campaigns/${c.id}/follow`)
    expect(again.status, 'a second tap changes nothing').to.equal(200)
    expect(again.body.following).to.equal(false)
    const back = await wang.post(`/api/mp/campaigns/${c.id}/follow`, {})
    expect(back.body.following).to.equal(true)
    expect(titles(back.body), 'following again brings what was published meanwhile').to.have.members(['宪法全文', '宪法宣传周问答'])
  })

  it('says 必读 binds the deputies it names, not a resident who follows it', async () => {
    const c = await campaign()
    await item(c.id, '宪法全文')
    const wang = await asResident(app, 'o-wang')
    const followed = (await wang.post(`/api/mp/campaigns/${c.id}/follow`, {})).body
    expect(followed.requiredApplies).to.equal(false)
    expect(followed.items[0].required, 'the item itself is still marked required').to.equal(true)
    const zhang = await asDeputy(app, 'dp0001') // 轻工街道代表联络站: in its audience
    expect((await zhang.get(`/api/mp/campaigns/${c.id}`)).body.requiredApplies).to.equal(true)
  })

  it('refuses what is not hers to end: unknown (404), a bad id (400), an ended campaign (409, still followed)', async () => {
    const wang = await asResident(app, 'o-wang')
    const closed = await campaign({ audience: { stationIds: ['st001'] } })
    await item(closed.id, '代表法')
    expect((await wang.request('DELETE', `/api/mp/campaigns/${closed.id}/follow`)).status, 'never reached her').to.equal(404)
    expect((await wang.request('DELETE', '/api/mp/campaigns/cp-00000000-0000-0000-0000-000000000000/follow')).status).to.equal(404)
    const bad = await wang.request('DELETE', '/api/mp/campaigns/nobody/follow')
    expect(bad.status).to.equal(400)
    expect(bad.body.error.code).to.equal('validation_failed')

    const c = await campaign()
    await item(c.id, '宪法全文')
    await wang.post(`/api/mp/campaigns/${c.id}/follow`, {})
    app.clock.advance(8 * DAY)
    const ended = await wang.request('DELETE', `/api/mp/campaigns/${c.id}/follow`)
    expect(ended.status).to.equal(409)
    expect(ended.body.error).to.include({ code: 'campaign_ended', message: '活动已结束，不会再有新的学习材料' })
    expect((await wang.get(`/api/mp/campaigns/${c.id}`)).body.following, 'nothing changed').to.equal(true)
  })
})
