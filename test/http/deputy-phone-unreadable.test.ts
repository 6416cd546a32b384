import { expect } from 'chai'
import { asAdmin, startApp, type Client, type TestApp } from '../helpers/app.js'
import { deputySheet, excel, regionSheet, stationSheet } from '../helpers/sheets.js'

const regions = regionSheet('XH,新华区,区县,', 'XH-JS,建设路街道,街道乡镇,新华区')
const stations = stationSheet('ST001,东风路联络站,社区,东风路12号,建设路街道,周三')
const deputies = deputySheet('DP0001,张伟,市人大代表,东风路联络站,环境保护,13800000001,', 'DP0002,王芳,县区人大代表,东风路联络站,,13800000002,')
/** The office's sheet again, with no 电话 column: the stored numbers stay. */
const withoutPhones = excel('代表名册.csv', [
  '代表代码,姓名,层级,所属联络站,关注领域',
  'DP0001,张伟,市人大代表,东风路联络站,"环境保护、交通出行"',
  'DP0002,王芳,县区人大代表,东风路联络站,',
])
/** A number sealed under a key since retired, or a damaged row: it will not open. */
const SPOILT = 'v1:retired-key:garbage:garbage:garbage'

/**
 * A deputy's stored number that no longer opens: 显示完整号码 says so in words (409, not a 500) and records no read,
 * and the office's roster import without a 电话 column still goes through, keeping that number as stored and saying so.
 */
describe('a deputy whose stored phone cannot be decrypted', () => {
  let app: TestApp
  let admin: Client
  beforeEach(async () => {
    app = await startApp()
    admin = await asAdmin(app)
    expect((await admin.post('/api/admin/directory/import', { sheets: [regions, stations, deputies] })).status).to.equal(200)
    const zhang = (await app.liaison.store.deputies.getByCode('DP0001'))!
    await app.liaison.store.deputies.update(zhang.id, { phoneEnc: SPOILT })
  })
  afterEach(() => app.close())

  const byCode = async (code: string) => (await app.liaison.store.deputies.getByCode(code))!

  it('显示完整号码 says the number cannot be read, and no read is recorded', async () => {
    const zhang = await byCode('DP0001')
    const reveal = await admin.get(`/api/admin/deputies/${zhang.id}/phone`)
    expect(reveal.status, JSON.stringify(reveal.body)).to.equal(409)
    expect(reveal.body.error).to.deep.include({ code: 'phone_unreadable', message: '这位代表的电话无法读取，请联系系统管理员' })
    expect((await admin.get('/api/admin/audit?action=deputy.phone.read')).body.items, 'no read happened').to.have.length(0)

    const wang = await byCode('DP0002')
    expect((await admin.get(`/api/admin/deputies/${wang.id}/phone`)).body).to.deep.equal({ phone: '13800000002' })
    expect((await admin.get('/api/admin/audit?action=deputy.phone.read')).body.items).to.have.length(1)
  })

  it('a roster sheet without 电话 imports, keeps the unreadable number as stored, and the report says so', async () => {
    const answer = await admin.post('/api/admin/directory/import', { sheets: [withoutPhones] })
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200)
    expect(answer.body.warnings).to.include(
      '代表张伟（DP0001）原来存的电话无法读取，这次没有改动，原样保留；如需改正，请在表格里加上"电话"一列，填上号码后重新导入',
    )
    const zhang = await byCode('DP0001')
    expect(zhang.phoneEnc, 'kept as stored, not deleted').to.equal(SPOILT)
    expect(zhang.topics, 'the rest of his row is imported').to.include('交通出行')
    const wang = await byCode('DP0002')
    expect((await admin.get(`/api/admin/deputies/${wang.id}/phone`)).body).to.deep.equal({ phone: '13800000002' })
  })
})
