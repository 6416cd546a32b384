import { expect } from 'chai'
import { asAdmin } from '../test/helpers/app.js'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'

/**
 * 王阿姨 scans the code on 轻工街道代表联络站's poster. It receives people on Wednesdays from 8:30 to 11:30: the page
 * says the day and the hours in the words the poster and the chat bot say, so she does not come in the afternoon.
 * A station that names no hours says its days alone, as before.
 */
describe('mini-program: a station’s page says when to come, day and hours', () => {
  let app: Backend
  before(async () => {
    app = await startBackend()
  })
  after(() => app.close())

  it('says the reception day with its hours', async () => {
    const admin = await asAdmin(app)
    expect((await admin.patch('/api/admin/stations/st001', { receptionHours: { from: '8:30', to: '11:30' } })).status).to.equal(200)
    const home = await openPage(`pages/index/index?scene=${encodeURIComponent('s=ST001')}`)
    expect(home.textOf('#reception')).to.equal('每星期三 8:30–11:30接待')
    expect(home.text()).to.include('建设路1号')
  })

  it('says the days alone for a station without hours', async () => {
    const home = await openPage(`pages/index/index?scene=${encodeURIComponent('s=ST003')}`)
    expect(home.textOf('#reception')).to.equal('每星期五接待')
  })
})
