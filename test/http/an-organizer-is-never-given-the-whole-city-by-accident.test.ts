import { expect } from 'chai'
import { asAdmin, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'

const ASK = '请选择负责的地区，负责全市的请选“全市”'

/**
 * An organizer stored with no regions looks after the whole city: every district's messages, deputies and audit.
 * The district office's admin made 新人 an organizer and left 负责范围 blank, and turned the clerk 李娜 into an
 * organizer with nothing more: both then read all three districts. Now the whole city is a choice said in words
 * (`wholeCity`, stored as the import stores its 全市), and a blank is asked about, as the import asks.
 */
describe('an organizer is never given the whole city by accident', () => {
  let app: TestApp
  beforeEach(async () => {
    const city = caseCity()
    // The city office's organizer, imported before with no regions: the whole city, as it always was.
    city.staff.push({ id: 'sf09', name: '陈诗涵', role: 'organizer', stationIds: [], regionIds: [], username: 'chenshihan', password: STAFF_PASSWORD })
    app = await startApp({ directory: city })
    app.clock.set(new Date('2026-12-10T02:00:00Z'))
    const resident = await asResident(app)
    await resident.post('/api/mp/cases', { text: '建设路路灯坏了', regionId: 'c010101' })
    await resident.post('/api/mp/cases', { text: '新华社区垃圾没人收', regionId: 'c020101' })
    await resident.post('/api/mp/cases', { text: '东安社区道路坑洼', regionId: 'c030101' })
  })
  afterEach(() => app.close())

  const textsSeenBy = async (who: Client) => ((await who.get('/api/admin/cases')).body.items as Array<{ excerpt: string }>).map((c) => c.excerpt).sort()

  it('asks for her regions when a new organizer is given none, and makes her whole-city only when 全市 is chosen', async () => {
    const admin = await asAdmin(app)
    const blank = await admin.post('/api/admin/staff', { name: '新人', username: 'xinren', role: 'organizer' })
    expect(blank.status).to.equal(422)
    expect(blank.body.error).to.deep.equal({ code: 'organizer_regions_required', message: ASK, details: [{ path: 'body.regionIds', message: ASK }] })
    expect((await admin.post('/api/admin/staff', { name: '新人', username: 'xinren', role: 'organizer', regionIds: [] })).status).to.equal(422)
    expect((await admin.get('/api/admin/staff?q=xinren')).body.items, 'no account made').to.deep.equal([])

    const both = await admin.post('/api/admin/staff', { name: '新人', username: 'xinren', role: 'organizer', regionIds: ['d02'], wholeCity: true })
    expect(both.status).to.equal(422)
    expect(both.body.error.message).to.equal('“全市”已包含所有地区，请只选“全市”，或只选具体的地区')
    const clerk = await admin.post('/api/admin/staff', { name: '新人', username: 'xinren', role: 'station_staff', stationIds: ['st001'], wholeCity: true })
    expect(clerk.status).to.equal(422)
    expect(clerk.body.error.details).to.deep.equal([{ path: 'body.wholeCity', message: '只有人大办工作人员可以负责全市' }])

    const district = await admin.post('/api/admin/staff', { name: '新人', username: 'xinren', role: 'organizer', regionIds: ['d02'] })
    expect(district.status).to.equal(201)
    expect(await textsSeenBy(await new Client(app.baseUrl).loginFirstTime('xinren', district.body.initialPassword))).to.deep.equal(['新华社区垃圾没人收'])

    const city = await admin.post('/api/admin/staff', { name: '新人二', username: 'xinren2', role: 'organizer', wholeCity: true })
    expect(city.status).to.equal(201)
    expect(city.body.staff.regionIds, 'stored as the import stores 全市').to.deep.equal([])
    expect(await textsSeenBy(await new Client(app.baseUrl).loginFirstTime('xinren2', city.body.initialPassword))).to.deep.equal([
      '东安社区道路坑洼',
      '建设路路灯坏了',
      '新华社区垃圾没人收',
    ])
  })

  it('keeps the clerk 李娜 at her station when she is made an organizer with no region said', async () => {
    const admin = await asAdmin(app)
    const lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    const turned = await admin.patch('/api/admin/staff/sf01', { role: 'organizer' })
    expect(turned.status).to.equal(422)
    expect(turned.body.error).to.deep.include({ code: 'organizer_regions_required', message: ASK })
    const still = (await admin.get('/api/admin/staff/sf01')).body
    expect(still).to.deep.include({ role: 'station_staff', stationIds: ['st001'], regionIds: [] })
    expect(await textsSeenBy(lina), 'her own station only, still signed in').to.deep.equal(['建设路路灯坏了'])

    const named = await admin.patch('/api/admin/staff/sf01', { role: 'organizer', regionIds: ['d03'] })
    expect(named.status).to.equal(200)
    expect(named.body).to.deep.include({ role: 'organizer', regionIds: ['d03'] })
    expect(await textsSeenBy(await new Client(app.baseUrl).login('lina', STAFF_PASSWORD))).to.deep.equal(['东安社区道路坑洼'])
  })

  it('lets a clerk made a whole-city organizer go of her station, and says 全市 in the record', async () => {
    const admin = await asAdmin(app)
    const city = await admin.patch('/api/admin/staff/sf01', { role: 'organizer', wholeCity: true })
    expect(city.status).to.equal(200)
    // A district office reads its stations' staff in its audit: she is no station's clerk any more.
    expect(city.body).to.deep.include({ role: 'organizer', regionIds: [], stationIds: [] })
    const entries = (await admin.get('/api/admin/audit?action=staff.update')).body.items
    expect(entries[0].detailWords).to.equal('改了：角色、负责地区（全市）、所属联络站')

    // What is wrong, and where, in the message itself: not a bare 输入有误.
    const none = await admin.patch('/api/admin/staff/sf09', { regionIds: null })
    expect(none.status).to.equal(422)
    expect(none.body.error).to.deep.include({ code: 'organizer_regions_required', message: ASK })
    const unknown = await admin.post('/api/admin/staff', { name: '甲', username: 'jia', role: 'organizer', regionIds: ['nope'] })
    expect(unknown.status).to.equal(400)
    expect(unknown.body.error.message).to.equal('负责地区：这个地区已不存在，请重新选择')
  })

  it('lets the city office organizer stored with no regions keep the whole city, and never writes it again unsaid', async () => {
    const admin = await asAdmin(app)
    const renamed = await admin.patch('/api/admin/staff/sf09', { name: '陈诗涵（人大办）' })
    expect(renamed.status).to.equal(200)
    expect(renamed.body).to.deep.include({ role: 'organizer', regionIds: [] })
    expect(await textsSeenBy(await new Client(app.baseUrl).login('chenshihan', STAFF_PASSWORD))).to.have.length(3)

    const narrowed = await admin.patch('/api/admin/staff/sf09', { regionIds: ['d01'] })
    expect(narrowed.body.regionIds).to.deep.equal(['d01'])
    const emptied = await admin.patch('/api/admin/staff/sf09', { regionIds: [] })
    expect(emptied.status).to.equal(422)
    expect(emptied.body.error.details).to.deep.equal([{ path: 'body.regionIds', message: ASK }])
    expect((await admin.get('/api/admin/staff/sf09')).body.regionIds, 'unchanged').to.deep.equal(['d01'])
    const whole = await admin.patch('/api/admin/staff/sf09', { wholeCity: true })
    expect(whole.status).to.equal(200)
    expect(whole.body.regionIds).to.deep.equal([])
  })
})
