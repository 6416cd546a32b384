import { expect } from 'chai'
import { demoDirectory } from '../../src/demo/demo-city.js'
import { seedDemoCampaign } from '../../src/demo/demo-campaign.js'
import { asAdmin, asDeputy, startApp, type TestApp } from '../helpers/app.js'

/** `npm start` seeds this after the demo city: a campaign running with reading to show. */
describe("the demo's running campaign", () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: demoDirectory() })
  })
  afterEach(() => app.close())

  it("is running, with reading published to every station's room and a second article scheduled; seeding again adds nothing", async () => {
    const { store, services } = app.liaison
    const seeded = await seedDemoCampaign(store, services, app.clock.now())
    expect(seeded).to.not.equal(null)
    expect(await seedDemoCampaign(store, services, app.clock.now())).to.equal(null)

    const admin = await asAdmin(app)
    const list = await admin.get('/api/admin/campaigns')
    expect(list.body.items.map((c: { title: string; phase: string }) => [c.title, c.phase])).to.deep.equal([['学习贯彻代表法专题学习', 'running']])
    const detail = await admin.get(`/api/admin/campaigns/${seeded!.id}`)
    expect(detail.body.items.map((i: { status: string }) => i.status)).to.deep.equal(['published', 'published', 'scheduled'])

    const stations = (await store.stations.list()).map((s) => s.id)
    const notices = (await store.outbox.search({ limit: 100, kind: 'reading.published' })).items
    expect(notices.every((m) => m.recipientKind === 'station')).to.equal(true)
    expect(new Set(notices.map((m) => m.recipientId)).size, "each station's room, once per item").to.equal(notices.length / 2)
    expect(notices.length / 2).to.be.within(1, stations.length)

    const progress = await admin.get(`/api/admin/campaigns/${seeded!.id}/progress?groupBy=station`)
    expect(progress.body.totals.audience).to.be.greaterThan(60) // 60 deputies and the stations' staff
    expect(progress.body.totals.reachedShare).to.equal(1)
    const deputy = await asDeputy(app, (await store.deputies.getByCode('DP0001'))!.id)
    expect((await deputy.get(`/api/mp/campaigns/${seeded!.id}`)).body.items.map((i: { title: string }) => i.title)).to.deep.equal([
      '代表法要点导读',
      '中国人大网：代表工作专栏',
    ])
  })
})
