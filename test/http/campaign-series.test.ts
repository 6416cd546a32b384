import { expect } from 'chai'
import { asDeputy, asResident, startApp, type Client, type TestApp } from '../helpers/app.js'
import { addItem, asStaff, createCampaign, levelsCity, readAndCheckIn } from '../helpers/campaign-levels.js'

const DEPUTIES = ['dp0001', 'dp0002', 'dp0003', 'dp0004', 'dp0005']

/**
 * 每月一次 as the city office lives it: 陈红 sets a campaign to repeat monthly; this month's
 * issue opens at once with its own deadline, every deputy in it hears of it once, the
 * reading goes into the issue, and a deputy sees 本月学习 in the mini-program.
 */
describe('a campaign that repeats monthly (每月一次)', () => {
  let app: TestApp
  let city: Client
  beforeEach(async () => {
    app = await startApp({ directory: levelsCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
    city = await asStaff(app, 'chenhong')
  })
  afterEach(() => app.close())

  const opened = async () => (await app.liaison.store.outbox.search({ limit: 100, kind: 'campaign.period_opened' })).items

  it("opens this month's issue at once, tells each deputy once, and takes the month's reading in the issue", async () => {
    const series = await createCampaign(city, app, { repeat: 'monthly' })
    expect(series).to.include({ repeat: 'monthly', level: 'city', levelLabel: '市级', seriesId: null })

    const detail = (await city.get(`/api/admin/campaigns/${series.id}`)).body
    expect(detail.periods).to.have.length(1)
    const [november] = detail.periods
    expect(november).to.include({
      title: '学习贯彻代表法（2026年11月）',
      seriesId: series.id,
      period: '2026-11',
      endsAt: '2026-11-30T16:00:00.000Z', // the month's end: midnight of 1 December in Shanghai
      phase: 'running',
    })

    const notices = await opened()
    expect(notices.map((m) => m.recipientId).sort()).to.deep.equal(DEPUTIES)
    expect(notices[0].payload.text).to.equal('【本月学习】市人大常委会《学习贯彻代表法》2026年11月这一期开始了，请在11月30日前在小程序“学习”中阅读并打卡。')

    const intoSeries = await city.post(`/api/admin/campaigns/${series.id}/items`, { title: '代表法', body: '<p>全文</p>', required: true })
    expect(intoSeries.status).to.equal(409)
    expect(intoSeries.body.error).to.include({ code: 'series_has_no_items' })

    const item = await addItem(city, november.id, '代表法全文')
    const deputy = await asDeputy(app, 'dp0001')
    await readAndCheckIn(deputy, november.id, item.id)
    const month = await deputy.get('/api/mp/study/this-month')
    expect(month.status).to.equal(200)
    expect(month.body).to.include({ month: '2026-11', monthLabel: '2026年11月' })
    expect(month.body.items).to.have.length(1)
    expect(month.body.items[0]).to.include({
      id: november.id,
      title: '学习贯彻代表法（2026年11月）',
      levelLabel: '市级',
      issuedBy: '市人大常委会',
      itemsReached: 1,
      itemsRead: 1,
      checkedIn: true,
    })
    expect((await opened()).length, 'nobody told twice').to.equal(DEPUTIES.length)
  })

  it('shows a deputy outside the audience nothing, and a resident nothing', async () => {
    await createCampaign(city, app, { repeat: 'monthly', audience: { stationIds: ['st002'] } })
    expect((await (await asDeputy(app, 'dp0001')).get('/api/mp/study/this-month')).body.items).to.deep.equal([])
    expect((await (await asDeputy(app, 'dp0004')).get('/api/mp/study/this-month')).body.items).to.have.length(1)
    expect((await (await asResident(app)).get('/api/mp/study/this-month')).body.items).to.deep.equal([])
  })

  it('refuses a repeat it does not know, creating nothing, and a station worker setting one up', async () => {
    const wrong = await city.post('/api/admin/campaigns', {
      title: '学习',
      startsAt: '2026-11-23T09:00:00+08:00',
      endsAt: '2027-03-01T00:00:00+08:00',
      audience: { districtIds: ['d01'] },
      repeat: 'weekly',
    })
    expect(wrong.status).to.equal(400)
    expect(wrong.body.error).to.include({ code: 'validation_failed' })
    expect(wrong.body.error.details[0]).to.include({ path: 'body.repeat' })
    expect((await city.get('/api/admin/campaigns')).body.items).to.deep.equal([])
    expect(await opened()).to.deep.equal([])

    const staff = await asStaff(app, 'lina')
    const refused = await staff.post('/api/admin/campaigns', {
      title: '学习',
      startsAt: '2026-11-23T09:00:00+08:00',
      endsAt: '2027-03-01T00:00:00+08:00',
      audience: { stationIds: ['st001'] },
      repeat: 'monthly',
    })
    expect(refused.status).to.equal(403)
  })
})
