import { expect } from 'chai'
import { asAdmin, asResident, startApp, type TestApp } from '../helpers/app.js'
import { asStaff, meetingCity } from '../helpers/meetings.js'

/**
 * 张伟 uses neither the mini-program nor the chat helper: the case page told 李娜 "提醒发不到，请电话联系" and showed no
 * number (review C1). Now the words end in his number as the directory shows it to her (masked; 查看电话 reads it
 * whole, recorded), and the page carries it for 办理代表; with no number on file, 请电话联系 as before. Residents never.
 */
describe('a reminder that cannot reach the deputy names the number to ring', () => {
  let app: TestApp
  afterEach(() => app.close())

  async function toZhangWei() {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
    const resident = await asResident(app)
    const sent = await resident.post('/api/mp/cases', { text: '小区垃圾好几天没人清运，臭气熏天', regionId: 'c010101', deputyCode: 'DP0001' })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    return { resident, id: sent.body.id as string }
  }

  it('ends in his number for the clerk of his station, and carries it for 办理代表; the whole number stays a recorded read', async () => {
    const { resident, id } = await toZhangWei()
    const lina = await asStaff(app, 'lina')
    const page = (await lina.get(`/api/admin/cases/${id}`)).body
    expect(page.deputyNotice.text).to.equal('张伟代表没有用小程序，也没有绑定微信助手，提醒发不到，请打电话告诉张伟代表（电话 138****0001）')
    expect(page.deputyPhone).to.deep.equal({ deputyId: 'dp0001', phone: '138****0001' })
    expect(JSON.stringify(page), 'the whole number is not on the page').not.to.include('13800000001')
    expect((await lina.get('/api/admin/deputies/dp0001/phone')).body.phone).to.equal('13800000001')

    // Her own page says nothing of his number.
    const hers = await resident.get(`/api/mp/cases/${id}`)
    expect(hers.status).to.equal(200)
    expect(JSON.stringify(hers.body)).not.to.include('138****0001').and.not.include('13800000001').and.not.include('deputyPhone')
  })

  it('says 请电话联系 when no number is on file', async () => {
    const { id } = await toZhangWei()
    expect((await (await asAdmin(app)).patch('/api/admin/deputies/dp0001', { phone: null })).status).to.equal(200)
    const lina = await asStaff(app, 'lina')
    const page = (await lina.get(`/api/admin/cases/${id}`)).body
    expect(page.deputyNotice.text).to.equal('张伟代表没有用小程序，也没有绑定微信助手，提醒发不到，请电话联系')
    expect(page.deputyPhone).to.deep.equal({ deputyId: 'dp0001', phone: null })
  })
})
