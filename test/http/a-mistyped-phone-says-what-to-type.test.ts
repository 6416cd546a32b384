import { expect } from 'chai'
import { asAdmin, asResident, startApp, type TestApp } from '../helpers/app.js'
import { caseCity } from '../fixtures.js'

/**
 * A number typed wrong is refused in the roster import's words wherever it is typed: what was typed and what to type
 * instead (a mobile, or a landline with its area code, as every one of these accepts), never a bare 电话号码无效. The
 * mini-program shows the field's words, the console the top's: both say it.
 */
describe('a mistyped phone says what was typed and what to type instead', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
  })
  afterEach(() => app.close())

  const refusedWith = (answer: { status: number; body: any }, words: string) => {
    expect(answer.status, JSON.stringify(answer.body)).to.equal(400)
    expect(answer.body.error).to.deep.equal({ code: 'validation_failed', message: words, details: [{ path: 'body.phone', message: words }] })
  }

  it('on a message she writes: a mobile a digit short says how many digits it has', async () => {
    const wang = await asResident(app, 'o-wang-typo')
    const sent = await wang.post('/api/mp/cases', { text: '楼道灯坏了', regionId: 'c010101', phone: '1391234567' })
    refusedWith(sent, '电话号码“1391234567”不对：手机号是 11 位数字，这里是 10 位')
    const landline = await wang.post('/api/mp/cases', { text: '楼道灯坏了', regionId: 'c010101', phone: '2345678' })
    refusedWith(landline, '电话号码“2345678”不对，请填 11 位手机号，或带区号的座机号（如 0375-2345678）')
    expect(
      (await wang.post('/api/mp/cases', { text: '楼道灯坏了', regionId: 'c010101', phone: '0375-2345678' })).status,
      'a landline with its area code',
    ).to.equal(201)
  })

  it('on the phone she corrects (我的信息), a landline with its area code as good as a mobile', async () => {
    const wang = await asResident(app, 'o-wang-fix')
    const { body: lamp } = await wang.post('/api/mp/cases', { text: '楼道灯坏了', regionId: 'c010101', phone: '13912345670' })
    refusedWith(
      await wang.put(`/api/mp/me/cases/${lamp.id}/phone`, { phone: '12345' }),
      '电话号码“12345”不对，请填 11 位手机号，或带区号的座机号（如 0375-2345678）',
    )
    refusedWith(await wang.put('/api/mp/me/phone', { phone: '139123456789' }), '电话号码“139123456789”不对：手机号是 11 位数字，这里是 12 位')
    expect((await wang.put(`/api/mp/me/cases/${lamp.id}/phone`, { phone: '0375-2345678' })).status).to.equal(200)
  })

  it("on a deputy's record, edited through the directory's API", async () => {
    const admin = await asAdmin(app)
    refusedWith(await admin.patch('/api/admin/deputies/dp0004', { phone: '110' }), '电话号码“110”不对，请填 11 位手机号，或带区号的座机号（如 0375-2345678）')
    expect((await admin.patch('/api/admin/deputies/dp0004', { phone: '0375-2345678' })).body.phoneMasked).to.equal('037****5678')
  })
})
