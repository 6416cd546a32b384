import { expect } from 'chai'
import { CAMPAIGN_PERIOD_JOB } from '../../src/jobs/campaign-period-job.js'
import { asDeputy, startApp, type Client, type TestApp } from '../helpers/app.js'
import { addItem, asStaff, createCampaign, levelsCity, readAndCheckIn } from '../helpers/campaign-levels.js'

/**
 * The monthly job across a month's end, on an injected clock: nothing at 23:59 on 30
 * November in Shanghai, December's issues at midnight, once however often it runs; the
 * district's adopted series gets its December issue linked to the city's; November keeps
 * what deputies did in it.
 */
describe('the monthly job opens each series’ issue at the month’s start, once', () => {
  let app: TestApp
  let city: Client
  beforeEach(async () => {
    app = await startApp({ directory: levelsCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
    city = await asStaff(app, 'chenhong')
  })
  afterEach(() => app.close())

  const run = () => app.liaison.jobs.find((j) => j.name === CAMPAIGN_PERIOD_JOB)!.run() as Promise<{ opened: number }>
  const notices = async () => (await app.liaison.store.outbox.search({ limit: 100, kind: 'campaign.period_opened' })).items
  const periods = async (client: Client, seriesId: string) =>
    (await client.get(`/api/admin/campaigns/${seriesId}`)).body.periods as Array<Record<string, string>>

  it('opens December at midnight on the 1st in Shanghai, not a minute before, and only once', async () => {
    const series = await createCampaign(city, app, { repeat: 'monthly' })
    const district = await asStaff(app, 'sunli')
    const adopted = await district.post(`/api/admin/campaigns/${series.id}/adoptions`, {})
    expect(adopted.status, JSON.stringify(adopted.body)).to.equal(201)
    const [november] = await periods(city, series.id)
    const item = await addItem(city, november.id, '代表法全文')
    await readAndCheckIn(await asDeputy(app, 'dp0001'), november.id, item.id)
    expect(await run(), 'November is open already').to.deep.equal({ opened: 0 })
    expect(await notices(), "November's: one to each deputy of the city's issue and of the district's").to.have.length(10)

    app.clock.set(new Date('2026-11-30T15:59:00Z')) // 23:59 on 30 November in Shanghai
    expect(await run()).to.deep.equal({ opened: 0 })

    app.clock.set(new Date('2026-11-30T16:00:00Z')) // midnight, 1 December
    expect(await run(), "the city's and the district's").to.deep.equal({ opened: 2 })
    expect(await run()).to.deep.equal({ opened: 0 })
    const twoInstances = await Promise.all([run(), run()])
    expect(twoInstances.map((r) => r.opened)).to.deep.equal([0, 0])

    // A week on, the console sessions have lapsed: they log in again.
    city = await asStaff(app, 'chenhong')
    const districtAgain = await asStaff(app, 'sunli')
    const cityPeriods = await periods(city, series.id)
    expect(cityPeriods.map((p) => p.period)).to.deep.equal(['2026-12', '2026-11'])
    expect(cityPeriods[0]).to.include({ title: '学习贯彻代表法（2026年12月）', startsAt: '2026-11-30T16:00:00.000Z', endsAt: '2026-12-31T16:00:00.000Z' })
    const localPeriods = await periods(districtAgain, adopted.body.id)
    expect(localPeriods.map((p) => p.period)).to.deep.equal(['2026-12', '2026-11'])
    expect(localPeriods[0]).to.include({ adoptedFrom: cityPeriods[0].id, level: 'district', areaId: 'd01' })

    const december = (await notices()).filter((m) => m.payload.period === '2026-12')
    expect(december.map((m) => `${m.recipientId} ${m.payload.campaignId === cityPeriods[0].id ? 'city' : 'district'}`).sort()).to.deep.equal(
      ['dp0001', 'dp0002', 'dp0003', 'dp0004', 'dp0005'].flatMap((d) => [`${d} city`, `${d} district`]),
    )
    expect(december.find((m) => m.payload.campaignId === localPeriods[0].id)!.payload.text).to.equal(
      '【本月学习】湛河区人大常委会《学习贯彻代表法》2026年12月这一期开始了，请在12月31日前在小程序“学习”中阅读并打卡。',
    )

    const past = await city.get(`/api/admin/campaigns/${november.id}/progress?groupBy=person`)
    expect(past.body.phase).to.equal('ended')
    expect(past.body.items.find((p: { id: string }) => p.id === 'dp0001')).to.include({ checkedIn: true, read: true })
    const thisMonth = (await (await asDeputy(app, 'dp0001')).get('/api/mp/study/this-month')).body
    expect(thisMonth.month).to.equal('2026-12')
    expect(thisMonth.items.map((i: Record<string, unknown>) => [i.title, i.issuedBy, i.checkedIn])).to.deep.equal([
      ['学习贯彻代表法（2026年12月）', '市人大常委会', false],
      ['学习贯彻代表法（2026年12月）', '湛河区人大常委会', false],
    ])
  })

  it('opens nothing for a series whose window is over or not begun', async () => {
    await createCampaign(city, app, { repeat: 'monthly', startsAt: '2027-01-01T00:00:00+08:00', endsAt: '2027-03-01T00:00:00+08:00' })
    expect(await notices()).to.deep.equal([])
    app.clock.set(new Date('2026-11-30T16:00:00Z'))
    expect(await run(), 'December: not begun').to.deep.equal({ opened: 0 })
    app.clock.set(new Date('2026-12-31T16:00:00Z'))
    expect(await run(), 'January').to.deep.equal({ opened: 1 })
    app.clock.set(new Date('2027-03-01T00:00:00Z'))
    expect(await run(), 'March: over').to.deep.equal({ opened: 0 })
  })
})
