import { expect } from 'chai'
import { asAdmin, asDeputy, asResident, startApp, type TestApp } from '../helpers/app.js'
import { caseCity } from '../fixtures.js'

/**
 * 王阿姨 corrects the phone on her messages. Each time she is told what will really happen: an anonymous message's
 * phone never reaches the deputy, a merged message's phone is no longer used; the deputy sees on his message page
 * that she changed it (not the number); and five changes a day are enough.
 */
describe('王阿姨 corrects her phone and is told the truth', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
  })
  afterEach(() => app.close())

  it('on an anonymous message: no call is promised, since the deputy never sees that phone', async () => {
    const wang = await asResident(app, 'o-wang-ayi')
    const { body: parking } = await wang.post('/api/mp/cases', { text: '小区门口乱停车', regionId: 'c010101', anonymous: true, phone: '13912340000' })
    const fixed = await wang.request('PUT', `/api/mp/me/cases/${parking.id}/phone`, { phone: '13912349999' })
    expect(fixed.status).to.equal(200)
    expect(fixed.body.message).to.equal(
      `已改好留言 ${parking.ticket} 里的电话。这是匿名留言，匿名留言不会把电话给代表，代表不会打这个号码；想让代表打电话给您，请不选匿名再写一条留言。`,
    )
    // 已改好 is true: her copy of her data holds the new number.
    expect((await wang.get('/api/mp/me/export')).body.cases.find((c: { id: string }) => c.id === parking.id).phone).to.equal('13912349999')
    const deputy = await asDeputy(app, (await app.liaison.store.cases.get(parking.id))!.deputyId!)
    expect((await deputy.get(`/api/mp/deputy/cases/${parking.id}/phone`)).body.phone).to.equal(null)
  })

  it('on a merged message: says it goes on with the other message and its phone is not used, and changes nothing', async () => {
    const wang = await asResident(app, 'o-wang-ayi')
    const li = await asResident(app, 'o-li-si')
    const { body: hers } = await wang.post('/api/mp/cases', { text: '楼道灯坏了', regionId: 'c010101', phone: '13912345670' })
    const { body: his } = await li.post('/api/mp/cases', { text: '楼道灯坏了，没人修', regionId: 'c010101' })
    expect((await (await asAdmin(app)).post(`/api/admin/cases/${hers.id}/merge`, { intoCaseId: his.id })).status).to.equal(200)
    const refused = await wang.request('PUT', `/api/mp/me/cases/${hers.id}/phone`, { phone: '13912345678' })
    expect(refused.status).to.equal(409)
    // In the words 我的信息 says beside that phone, and what she can do instead.
    expect(refused.body.error).to.include({
      code: 'case_merged',
      message: `这条留言已和留言 ${his.ticket} 合并办理，代表按那条留言联系，不会再打这个电话，所以不用改号码。不想留着这个电话，可以删掉。`,
    })
    expect((await wang.get('/api/mp/me/export')).body.cases.find((c: { id: string }) => c.id === hers.id).phone).to.equal('13912345670')
  })

  it('the deputy and the station see in the history that she changed it, without the number', async () => {
    const wang = await asResident(app, 'o-wang-ayi')
    const { body: lamp } = await wang.post('/api/mp/cases', { text: '楼道灯坏了', regionId: 'c010101', phone: '13912345670' })
    expect((await wang.request('PUT', `/api/mp/me/cases/${lamp.id}/phone`, { phone: '13912345678' })).status).to.equal(200)
    const deputy = await asDeputy(app, (await app.liaison.store.cases.get(lamp.id))!.deputyId!)
    const page = (await deputy.get(`/api/mp/deputy/cases/${lamp.id}`)).body
    const steps = JSON.stringify(page.timeline)
    expect(steps).to.include('群众更正了联系电话').and.not.include('13912345678').and.not.include('5678')
    const office = (await (await asAdmin(app)).get(`/api/admin/cases/${lamp.id}`)).body
    expect(JSON.stringify(office.timeline)).to.include('群众更正了联系电话').and.not.include('13912345678')
  })

  it('five changes a day; the sixth is refused in words and changes nothing', async () => {
    const wang = await asResident(app, 'o-wang-ayi')
    const { body: lamp } = await wang.post('/api/mp/cases', { text: '楼道灯坏了', regionId: 'c010101', phone: '13912345670' })
    for (const n of [1, 2, 3, 4, 5]) {
      expect((await wang.request('PUT', `/api/mp/me/cases/${lamp.id}/phone`, { phone: `1391234567${n}` })).status).to.equal(200)
    }
    const sixth = await wang.request('PUT', '/api/mp/me/phone', { phone: '13800000001' })
    expect(sixth.status).to.equal(429)
    expect(sixth.body.error.message).to.equal('今天改电话的次数太多了，这次没有改。请明天再试，或者联系联络站。')
    const copy = (await wang.get('/api/mp/me/export')).body
    expect(copy.account.phone).to.equal(null)
    expect(copy.cases[0].phone).to.equal('13912345675')
  })
})
