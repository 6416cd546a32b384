import { expect } from 'chai'
import { asAdmin, Client } from '../helpers/app.js'
import { chatJoinAppForEachTest } from '../helpers/chat-join.js'
import { STAFF_PASSWORD } from '../fixtures.js'

/**
 * Review 38 (code, finding 1): the chat looked at a staff account before it wrote her WeChat binding. An admin's 停用
 * landing between the look and the write let go of no binding (there was none yet), and the binding then stood: work
 * reminders went on to the WeChat of an account that could no longer sign in to let go of it. Now the write reads the
 * account itself, and she is told what she is told when the account was disabled before she sent the code.
 */
describe('a staff code sent as her account is disabled binds nothing', () => {
  const t = chatJoinAppForEachTest()

  it('disabled after the chat looked at her account, before it wrote: 403 account_disabled, her WeChat not bound', async () => {
    const code = (await (await new Client(t.app.baseUrl).login('wangwu', STAFF_PASSWORD)).post('/api/admin/me/bot-code')).body.code as string
    const person = await t.chatPerson('wx-wangwu')
    const admin = await asAdmin(t.app)
    // The admin's 停用 lands just after the binding has looked at her account (still in use), before it writes.
    const staff = t.app.liaison.store.staff
    const look = staff.get
    staff.get = async (id) => {
      const seen = await look.call(staff, id)
      if (id === 'sf04') {
        staff.get = look
        expect((await admin.patch('/api/admin/staff/sf04', { active: false })).status).to.equal(200)
      }
      return seen
    }

    const refused = await t.bot.post(`/api/bot/people/${person}/bind`, { code })
    expect([refused.status, refused.body.error?.code, refused.body.error?.message]).to.deep.equal([
      403,
      'account_disabled',
      '这个工作人员账号已经停用，不能绑定。如果您还在岗，请联系管理员恢复账号，再重新获取绑定码。',
    ])
    expect(staff.get, 'the 停用 landed in between').to.equal(look)
    expect(await t.app.liaison.store.bot.contactOfStaff('sf04')).to.equal(null)
    expect((await t.bot.post('/api/bot/people/resolve', { contactId: 'wx-wangwu' })).body.staff, 'that WeChat is no staff member’s').to.equal(null)
  })
})
