import { expect } from 'chai'
import { asAdmin, startApp, type Client, type TestApp } from '../helpers/app.js'
import { smallCity } from '../fixtures.js'

/**
 * The console's two boxes are judged by the rule a sheet's 接待时间 cell is (parseReceptionHours): 8：30 typed with a
 * Chinese keyboard is 8:30, and two blank boxes say no hours, as the console's help under the boxes promises.
 */
describe('a station’s reception hours typed in the console, read as a sheet’s cell is', () => {
  let app: TestApp
  let admin: Client
  before(async () => {
    app = await startApp({ directory: smallCity() })
    admin = await asAdmin(app)
  })
  after(() => app.close())

  it('keeps 8：30 as 8:30, and clears the hours when both boxes are blank', async () => {
    const saved = await admin.patch('/api/admin/stations/st001', { receptionHours: { from: ' 8：30', to: '11：30 ' } })
    expect(saved.status).to.equal(200)
    expect(saved.body).to.deep.include({ receptionHours: { from: '8:30', to: '11:30' }, receptionText: '每星期三 8:30–11:30接待' })
    const cleared = await admin.patch('/api/admin/stations/st001', { receptionHours: { from: '', to: '' } })
    expect(cleared.status).to.equal(200)
    expect(cleared.body).to.deep.include({ receptionHours: null, receptionText: '每星期三接待' })
  })
})
