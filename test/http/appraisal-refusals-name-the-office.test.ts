import { expect } from 'chai'
import { startApp, type TestApp } from '../helpers/app.js'
import { asStaff, meetingCity } from '../helpers/meetings.js'

const OPEN = { year: 2026, opensAt: '2026-12-01T09:00:00+08:00', closesAt: '2026-12-15T18:00:00+08:00' }

/**
 * 李娜, clerk of 轻工街道代表联络站 in 湛河区, on 张伟's record (dp0001): 述职评议 is the office's to open and to read,
 * and she is told which office, her district's, not a 人大常委会办公室 of no place.
 */
describe('述职评议 refused to a station clerk names her district’s office', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
  })
  afterEach(() => app.close())

  it('opening one: 述职评议由湛河区人大常委会办公室开启, and nothing is opened', async () => {
    const clerk = await asStaff(app, 'lina')
    const refused = await clerk.post('/api/admin/records/dp0001/appraisals', OPEN)
    expect(refused.status).to.equal(403)
    expect(refused.body.error.message).to.equal('述职评议由湛河区人大常委会办公室开启')
    const office = await (await asStaff(app, 'sunli')).get('/api/admin/records/dp0001/appraisals')
    expect(office.body.items).to.deep.equal([])
  })

  it('reading the results: 仅向代表本人和湛河区人大常委会办公室公开', async () => {
    const refused = await (await asStaff(app, 'lina')).get('/api/admin/records/dp0001/appraisals')
    expect(refused.status).to.equal(403)
    expect(refused.body.error.message).to.equal('述职评议结果仅向代表本人和湛河区人大常委会办公室公开')
  })
})
