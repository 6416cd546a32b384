import { expect } from 'chai'
import { asAdmin, startApp, type TestApp } from '../helpers/app.js'
import { buildCase, buildResident } from '../factories.js'
import { caseCity } from '../fixtures.js'
import { asStaff } from '../helpers/meetings.js'

/**
 * 张伟 holds a message of 轻工街道代表联络站 and has since moved to 马庄街道 (the office moved him; his open messages stay
 * his). 李娜 still runs the message at her station, but he is no longer a deputy of hers: the directory does not show her
 * his number (查看电话), so the case page does not either. It says 请电话联系 beside him, as with no number on file, and
 * carries no number for 办理代表: the station that has him now may ring him.
 */
describe('a clerk whose station the deputy has left is given no number for him', () => {
  let app: TestApp
  afterEach(() => app.close())

  it('says 请电话联系 and carries no number; while he was hers, his number was there', async () => {
    app = await startApp({ directory: caseCity() })
    const resident = await buildResident(app)
    const { id } = (await buildCase(app, { resident, text: '小区垃圾好几天没人清运，臭气熏天', regionId: 'c010101', deputyCode: 'DP0001' })).case
    const lina = await asStaff(app, 'lina')
    const before = (await lina.get(`/api/admin/cases/${id}`)).body
    expect(before.deputyPhone, 'his number while he is a deputy of her station').to.deep.equal({ deputyId: 'dp0001', phone: '138****0001' })

    expect((await (await asAdmin(app)).patch('/api/admin/deputies/dp0001', { stationIds: ['st002'] })).status).to.equal(200)
    const page = await lina.get(`/api/admin/cases/${id}`)
    expect(page.status, 'the message is still hers to read').to.equal(200)
    expect(page.body.deputyNotice.text).to.equal('张伟代表没有用小程序，也没有绑定微信助手，提醒发不到，请电话联系')
    expect(page.body.deputyPhone, 'no number under 办理代表').to.equal(null)
    expect(JSON.stringify(page.body), 'his number nowhere on the page').not.to.include('138****0001').and.not.include('13800000001')
    expect((await lina.get('/api/admin/deputies/dp0001/phone')).status, 'nor by 查看电话').to.equal(404)
  })
})
