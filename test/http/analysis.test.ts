import { expect } from 'chai'
import { asAdmin, asDeputy, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, LIFT_MESSAGES as lift, STAFF_PASSWORD } from '../fixtures.js'

/**
 * 分析研判 as staff and residents meet it: five families write about one broken lift, the
 * station and the district office are told once; the weekly report counts them; an answered
 * case a resident agreed to publish is masked, checked and published, and taken down the
 * moment the resident takes their agreement back.
 */
describe('analysis: hot issues, the weekly report and published answers', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
  })
  afterEach(() => app.close())

  const staff = (username: string) => new Client(app.baseUrl).login(username, STAFF_PASSWORD)
  const runJob = (name: string) => app.liaison.jobs.find((j) => j.name === name)!.run()

  async function fiveFamiliesWrite() {
    for (const text of lift) {
      const resident = await asResident(app)
      expect((await resident.post('/api/mp/cases', { text, regionId: 'c010101' })).status).to.equal(201)
      app.clock.advance(3 * 3600_000)
    }
  }

  it('groups five similar messages from one community into a hot issue, and tells the station and the office once', async () => {
    await fiveFamiliesWrite()
    const other = await asResident(app)
    await other.post('/api/mp/cases', { text: '小区门口的路灯晚上不亮', regionId: 'c010101' })

    const lina = await staff('lina')
    const hot = await lina.get('/api/admin/analysis/hot-issues')
    expect(hot.status, JSON.stringify(hot.body)).to.equal(200)
    expect(hot.body.issues).to.have.length(1)
    expect(hot.body.issues[0]).to.include({ messages: 5, residents: 5, placeName: '建设路社区', stationName: '轻工街道代表联络站' })
    expect(hot.body.issues[0].description).to.contain('电梯')
    expect((await (await staff('qianqi')).get('/api/admin/analysis/hot-issues')).body.issues, 'another district sees none').to.have.length(0)

    expect(await runJob('hot-issue-spikes')).to.deep.equal({ announced: 1 })
    const alerts = (await app.liaison.store.outbox.search({ kind: 'hot_issue.alert', limit: 10 })).items
    expect(alerts.map((m) => `${m.recipientKind}:${m.recipientId}`).sort()).to.deep.equal(['office:d01', 'station:st001'])
    expect(String(alerts[0].payload.text)).to.match(/近48小时有5条相似留言（5位居民）/)

    await asResident(app).then((r) => r.post('/api/mp/cases', { text: '电梯坏了还是没人修，老人上不去楼', regionId: 'c010101' }))
    expect(await runJob('hot-issue-spikes'), 'the same issue, grown, is not announced again').to.deep.equal({ announced: 0 })
  })

  it('makes the weekly report with the hot issue, by topic and place, for the district organizer only', async () => {
    await fiveFamiliesWrite()
    app.clock.set(new Date('2026-11-30T01:00:00Z')) // the next Monday, 09:00
    expect(await runJob('weekly-reports'))
      .to.have.property('made')
      .above(1)
    const sunli = await staff('sunli')
    const report = await sunli.get('/api/admin/analysis/weekly-report')
    expect(report.status, JSON.stringify(report.body)).to.equal(200)
    expect(report.body).to.include({ scope: 'd01', week: '2026-11-23' })
    expect(report.body.totals).to.include({ messages: 5, residents: 5 })
    expect(report.body.topIssues[0]).to.include({ rank: 1, messages: 5, trend: 'new', trendLabel: '新出现' })
    // Nobody acknowledged the five messages: late to be acknowledged (未按时受理), but none was to be answered before
    // the week ended (15 working days): none 超期, and the overdue list is empty.
    expect(report.body.totals.overdueOpen).to.equal(0)
    expect(report.body.overdue).to.deep.equal([])
    expect(report.body.weeks).to.deep.equal(['2026-11-23'])
    const csv = await sunli.get('/api/admin/analysis/weekly-report.csv')
    const text = (csv.body as Buffer).toString('utf8')
    expect(text.charCodeAt(0), 'a BOM so Excel reads Chinese').to.equal(0xfeff)
    expect(text).to.contain('本周热点问题').and.to.contain('本周概况')

    const qianqi = await staff('qianqi')
    expect((await qianqi.get('/api/admin/analysis/weekly-report?scope=d01')).status, 'another district').to.equal(403)
    expect((await (await staff('lina')).get('/api/admin/analysis/weekly-report')).status, 'station staff').to.equal(403)
    expect((await sunli.get('/api/admin/analysis/weekly-report?week=23-11-2026')).status).to.equal(400)
  })

  it('counts messages per community and week', async () => {
    await fiveFamiliesWrite()
    const admin = await asAdmin(app)
    const series = await admin.get('/api/admin/analysis/series?interval=week&groupBy=community&from=2026-11-16T00:00:00%2B08:00&to=2026-11-29T23:59:59%2B08:00')
    expect(series.status, JSON.stringify(series.body)).to.equal(200)
    expect(series.body.periods).to.deep.equal(['2026-11-16', '2026-11-23'])
    expect(series.body.lines).to.have.length(1)
    expect(series.body.lines[0]).to.include({ key: 'c010101', total: 5 })
    expect(series.body.lines[0].counts).to.deep.equal([0, 5])
  })

  it('publishes an answered case the resident agreed to, masked, and takes it down when they take the agreement back', async () => {
    const resident = await asResident(app)
    const deputy = await asDeputy(app, 'dp0001')
    const { body: c } = await resident.post('/api/mp/cases', {
      text: '我叫张三，电话13912345678，住建设路12号3栋2单元401，楼下垃圾站太臭了',
      regionId: 'c010101',
      publicConsent: true,
    })
    const { body: quiet } = await resident.post('/api/mp/cases', { text: '不想公开的一件事，路灯坏了', regionId: 'c010101' })
    await deputy.post(`/api/mp/deputy/cases/${c.id}/reply`, { text: '已请环卫所每天清运两次并消杀。' })
    await deputy.post(`/api/mp/deputy/cases/${quiet.id}/reply`, { text: '已报修。' })

    const lina = await staff('lina')
    const candidates = await lina.get('/api/admin/publications/candidates')
    expect(
      candidates.body.items.map((x: { ticket: string }) => x.ticket),
      'only the one with consent',
    ).to.deep.equal([c.ticket])
    const draft = candidates.body.items[0].draft
    expect(draft.question).not.to.contain('张三').and.not.to.contain('13912345678').and.not.to.contain('401')
    expect(draft.question).to.contain('垃圾站太臭了')

    expect(
      (await lina.request('PUT', `/api/admin/cases/${quiet.id}/publication`, { question: '不想公开的一件事', answer: '已报修。' })).status,
      'no consent',
    ).to.equal(409)
    const edited = `${draft.question}（联系人李四 13800001111）`
    const published = await lina.request('PUT', `/api/admin/cases/${c.id}/publication`, { question: edited, answer: draft.answer })
    expect(published.status, JSON.stringify(published.body)).to.equal(200)
    expect(published.body.question, 'masked again after editing').not.to.contain('13800001111')

    const anyone = new Client(app.baseUrl)
    const list = await anyone.get('/api/public/cases')
    expect(list.status).to.equal(200)
    expect(list.body.items).to.have.length(1)
    expect(list.body.items[0]).to.include({ topic: '环境保护', answer: '已请环卫所每天清运两次并消杀。', station: '轻工街道代表联络站' })
    expect(JSON.stringify(list.body)).not.to.contain(resident.userId).and.not.to.contain(c.ticket)
    expect(
      (await (await staff('wangwu')).request('PUT', `/api/admin/cases/${c.id}/publication`, { question: edited, answer: 'x答复' })).status,
      'another station',
    ).to.equal(404)

    const withdrawn = await resident.request('DELETE', `/api/mp/cases/${c.id}/public-consent`)
    expect(withdrawn.body).to.include({ publicConsent: false, unpublished: true })
    expect((await anyone.get('/api/public/cases')).body.items, 'down at once').to.have.length(0)
    expect((await lina.request('PUT', `/api/admin/cases/${c.id}/publication`, { question: edited, answer: draft.answer })).status, 'no consent now').to.equal(
      409,
    )
  })

  it('takes everything of a resident down when they withdraw consent to the privacy notice', async () => {
    const resident = await asResident(app)
    const deputy = await asDeputy(app, 'dp0001')
    const { body: c } = await resident.post('/api/mp/cases', { text: '小区健身器材坏了好久了，孩子玩的时候很危险', regionId: 'c010101', publicConsent: true })
    await deputy.post(`/api/mp/deputy/cases/${c.id}/reply`, { text: '已安排更换。' })
    const admin = await asAdmin(app)
    expect(
      (await admin.request('PUT', `/api/admin/cases/${c.id}/publication`, { question: '小区健身器材坏了好久了', answer: '已安排更换。' })).status,
    ).to.equal(200)
    expect((await new Client(app.baseUrl).get('/api/public/cases')).body.items).to.have.length(1)
    await resident.request('DELETE', '/api/mp/consent')
    expect((await new Client(app.baseUrl).get('/api/public/cases')).body.items).to.have.length(0)
  })

  it('publishes a quarterly responsiveness table per station, with no message in it', async () => {
    const resident = await asResident(app)
    await resident.post('/api/mp/cases', { text: '路灯坏了', regionId: 'c010101' })
    const table = await new Client(app.baseUrl).get('/api/public/responsiveness?quarter=2026Q4')
    expect(table.status).to.equal(200)
    expect(table.body.stations[0]).to.include({ station: '轻工街道代表联络站', messages: 1, answeredShare: 0 })
    expect((await new Client(app.baseUrl).get('/api/public/responsiveness?quarter=2026-4')).status).to.equal(400)
  })
})
