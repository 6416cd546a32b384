import { expect } from 'chai'
import { asAdmin, Client, startApp, type TestApp } from '../helpers/app.js'
import { smallCity, STAFF_PASSWORD } from '../fixtures.js'

/**
 * 李娜 keeps 轻工街道代表联络站 (receives people on Wednesdays). She says when in the day: 8:30 to 11:30, and residents
 * read it on the station's page. A range that ends before it starts, or a time that is no time, is refused in words and
 * changes nothing; 周杰, clerk of another station, may not set hers.
 */
describe('a station’s reception hours, set by its clerk', () => {
  let app: TestApp
  let admin: Client
  let lina: Client
  before(async () => {
    app = await startApp({ directory: smallCity() })
    admin = await asAdmin(app)
    lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
  })
  after(() => app.close())

  const page = async () => (await new Client(app.baseUrl).get('/api/mp/stations/ST001')).body

  it('are saved as people read them and said with the days, to the console and to residents', async () => {
    const saved = await lina.patch('/api/admin/stations/st001', { receptionHours: { from: '08:30', to: '11:30' } })
    expect(saved.status).to.equal(200)
    expect(saved.body).to.deep.include({ receptionHours: { from: '8:30', to: '11:30' }, receptionText: '每星期三 8:30–11:30接待' })
    expect(await page()).to.deep.include({ receptionText: '每星期三 8:30–11:30接待' })
    const cleared = await lina.patch('/api/admin/stations/st001', { receptionHours: null })
    expect(cleared.body).to.deep.include({ receptionHours: null, receptionText: '每星期三接待' })
    expect(await page()).to.deep.include({ receptionText: '每星期三接待' })
  })

  it('refuses a range that ends before it starts, or a time past 23:59, in words, and keeps the hours as they were', async () => {
    expect((await lina.patch('/api/admin/stations/st001', { receptionHours: { from: '8:30', to: '11:30' } })).status).to.equal(200)
    const backwards = await lina.patch('/api/admin/stations/st001', { receptionHours: { from: '11:30', to: '8:30' } })
    expect(backwards.status).to.equal(400)
    expect(backwards.body.error.code).to.equal('validation_failed')
    expect(backwards.body.error.details).to.deep.equal([{ path: 'body.receptionHours.to', message: '接待结束时间应晚于开始时间' }])
    const same = await lina.patch('/api/admin/stations/st001', { receptionHours: { from: '9:00', to: '9:00' } })
    expect(same.status).to.equal(400)
    const late = await lina.patch('/api/admin/stations/st001', { receptionHours: { from: '8:30', to: '24:00' } })
    expect(late.status).to.equal(400)
    expect(late.body.error.details).to.deep.equal([{ path: 'body.receptionHours.to', message: '接待结束时间应为 0:00 至 23:59 之间的时间，如 8:30' }])
    const { body } = await admin.get('/api/admin/stations/st001')
    expect(body).to.deep.include({ receptionHours: { from: '8:30', to: '11:30' }, receptionText: '每星期三 8:30–11:30接待' })
  })

  it('may not be set by the clerk of another station', async () => {
    const zhoujie = await new Client(app.baseUrl).login('zhoujie', STAFF_PASSWORD)
    const before = (await admin.get('/api/admin/stations/st001')).body.receptionHours
    const refused = await zhoujie.patch('/api/admin/stations/st001', { receptionHours: { from: '14:00', to: '17:00' } })
    expect(refused.status).to.equal(404)
    expect(refused.body.error.message).to.equal('联络站不存在')
    expect((await admin.get('/api/admin/stations/st001')).body.receptionHours).to.deep.equal(before)
  })
})
