import { expect } from 'chai'
import { asDeputy, asResident, startApp, type TestApp } from '../helpers/app.js'
import { caseCity } from '../fixtures.js'

/** 王阿姨 typed one digit wrong in her phone (PIPL art. 46: she may have it corrected), and wants her WeChat number off her account. */
describe('王阿姨 corrects the phone she gave', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
  })
  afterEach(() => app.close())

  it('changes the phone on her open message, so the deputy calls the right number; nobody else can, nothing changes on bad input', async () => {
    const wang = await asResident(app, 'o-wang-ayi')
    const { body: lamp } = await wang.post('/api/mp/cases', { text: '楼道灯坏了', regionId: 'c010101', phone: '13912345670' })
    const deputy = await asDeputy(app, (await app.liaison.store.cases.get(lamp.id))!.deputyId!)

    const fixed = await wang.request('PUT', `/api/mp/me/cases/${lamp.id}/phone`, { phone: '139 1234 5678' })
    expect(fixed.status).to.equal(200)
    expect(fixed.body.message).to.equal(`已改好留言 ${lamp.ticket} 里的电话，代表会打新号码。`)
    expect((await deputy.get(`/api/mp/deputy/cases/${lamp.id}/phone`)).body.phone).to.equal('13912345678')

    const bad = await wang.request('PUT', `/api/mp/me/cases/${lamp.id}/phone`, { phone: '12345' })
    expect(bad.status).to.equal(400)
    expect(bad.body.error.message).to.equal('电话号码“12345”不对，请填 11 位手机号，或带区号的座机号（如 0375-2345678）')
    const stranger = await asResident(app, 'o-stranger')
    const notHers = await stranger.request('PUT', `/api/mp/me/cases/${lamp.id}/phone`, { phone: '13800000000' })
    expect(notHers.status).to.equal(404)
    expect(notHers.body.error.message).to.equal('留言不存在')
    expect((await deputy.get(`/api/mp/deputy/cases/${lamp.id}/phone`)).body.phone, 'unchanged').to.equal('13912345678')
    expect((await wang.get('/api/mp/me/export')).body.cases[0].phone).to.equal('13912345678')

    const removed = await wang.request('PUT', `/api/mp/me/cases/${lamp.id}/phone`, { phone: null })
    expect(removed.body.message).to.equal(`已删除留言 ${lamp.ticket} 里的电话。`)
    expect((await wang.get('/api/mp/me/export')).body.cases[0].phone).to.equal(null)

    await deputy.post(`/api/mp/deputy/cases/${lamp.id}/reply`, { text: '已修好。' })
    await wang.post(`/api/mp/cases/${lamp.id}/rate`, { rating: 5 })
    const ended = await wang.request('PUT', `/api/mp/me/cases/${lamp.id}/phone`, { phone: '13912345678' })
    expect(ended.status).to.equal(409)
    expect(ended.body.error.message).to.equal('这条留言已经办完，代表不会再打这个电话，所以不用改号码。不想留着这个电话，可以删掉。')
  })

  it('removes the WeChat-bound phone from her account', async () => {
    const wang = await asResident(app, 'o-wang-ayi')
    const { cipher } = app.liaison.services
    await app.liaison.store.mpUsers.update(wang.userId, { phoneEnc: cipher.encrypt('13700001111', wang.userId), phoneIndex: cipher.blindIndex('13700001111') })
    expect((await wang.get('/api/mp/me')).body.hasPhone).to.equal(true)
    const removed = await wang.request('PUT', '/api/mp/me/phone', { phone: null })
    expect(removed.status).to.equal(200)
    expect(removed.body.message).to.equal('已删除您账号里的手机号。')
    expect((await wang.get('/api/mp/me')).body.hasPhone).to.equal(false)
    expect((await wang.request('PUT', '/api/mp/me/phone', {})).status, 'nothing said: nothing changed').to.equal(400)
  })
})
