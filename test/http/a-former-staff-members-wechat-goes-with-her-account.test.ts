import { expect } from 'chai'
import { asAdmin, Client } from '../helpers/app.js'
import { chatJoinAppForEachTest } from '../helpers/chat-join.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'

/**
 * Review 38 (security, finding 1): 王五 left her job and her account was disabled; her WeChat stayed bound to it. When
 * she said 删除我的信息 in the chat she was told "我们记下的您的微信，都已清除" while the binding stayed, and she could not
 * sign in to let go of it; enabled again later, the WeChat she was told was cleared was staff once more. Now disabling an
 * account lets go of its WeChat binding in the same write (audited), an erasure of a chat still bound to a disabled
 * account lets go of it too (audited), and what she is told is true.
 */
describe('a former staff member’s WeChat goes with her account', () => {
  const t = chatJoinAppForEachTest()
  const login = (username: string) => new Client(t.app.baseUrl).login(username, STAFF_PASSWORD)
  /** Her WeChat bound with her own code from the console, as the bot binds it. */
  const boundInTheChat = async (contactId: string) => {
    const person = await t.chatPerson(contactId)
    const code = (await (await login('wangwu')).post('/api/admin/me/bot-code')).body.code as string
    expect((await t.bot.post(`/api/bot/people/${person}/bind`, { code })).status).to.equal(200)
    return person
  }
  /** Who the bot knows that WeChat as when it writes again: staff, or nobody but a resident (null). */
  const staffInTheChat = async (contactId: string) => (await t.bot.post('/api/bot/people/resolve', { contactId })).body.staff
  /** The 操作记录 page's lines about her WeChat binding let go of: who, on whose account, and its 详情. */
  const unboundOnTheAuditPage = async () =>
    ((await (await asAdmin(t.app)).get('/api/admin/audit?action=staff.bot_unbound')).body.items as Array<Record<string, string>>).map((e) => [
      e.actorWords,
      e.targetWords,
      e.detailWords,
    ])
  const ERASED_FIRST_LINE = '您的个人信息已删除：您留下的电话，和我们记下的您的微信，都已清除。'

  it('disabling her account lets go of her WeChat, said on 操作记录; enabled again, that WeChat is not staff; her erasure says so truly', async () => {
    const person = await boundInTheChat('wx-wangwu')
    const admin = await asAdmin(t.app)
    expect((await admin.patch('/api/admin/staff/sf04', { active: false })).status).to.equal(200)
    expect(await t.app.liaison.store.bot.contactOfStaff('sf04'), 'let go of with the account').to.equal(null)
    expect(await unboundOnTheAuditPage()).to.deep.equal([['系统管理员（系统管理员）', '账号 王五（联络站工作人员）', '账号停用，微信绑定一并解除']])

    expect((await admin.patch('/api/admin/staff/sf04', { active: true })).status).to.equal(200)
    expect(await staffInTheChat('wx-wangwu'), 'enabled again: that WeChat is a resident’s chat, nothing more').to.equal(null)
    const erased = await t.bot.request('DELETE', `/api/bot/people/${person}`)
    expect(erased.status).to.equal(200)
    expect((erased.body.message as string).split('\n')[0]).to.match(new RegExp(`^${ERASED_FIRST_LINE}`))
    expect(erased.body.message).to.not.include('工作人员绑定')
  })

  // Her chat still bound to her disabled account from before, erased: a-wechat-bound-from-before-to-a-disabled-account-
  // goes-when-she-erases-her-chat.test.ts (this version writes no such binding: the store is written as the older one left it).

  it('a code she was given before her account was disabled binds nothing after', async () => {
    const code = (await (await login('wangwu')).post('/api/admin/me/bot-code')).body.code as string
    expect((await (await asAdmin(t.app)).patch('/api/admin/staff/sf04', { active: false })).status).to.equal(200)
    const person = await t.chatPerson('wx-wangwu')
    const refused = await t.bot.post(`/api/bot/people/${person}/bind`, { code })
    expect([refused.status, refused.body.error?.code, refused.body.error?.message]).to.deep.equal([
      403,
      'account_disabled',
      '这个工作人员账号已经停用，不能绑定。如果您还在岗，请联系管理员恢复账号，再重新获取绑定码。',
    ])
    expect(await t.app.liaison.store.bot.contactOfStaff('sf04')).to.equal(null)
  })

  it('a directory file that disables her account lets go of her WeChat too, said on 操作记录', async () => {
    await boundInTheChat('wx-wangwu')
    const city = caseCity()
    city.staff = city.staff.map((s) => (s.id === 'sf04' ? { ...s, active: false } : s))
    await t.app.liaison.services.importer.import(city, null, undefined, { changeAtFirstLogin: false })
    expect((await t.app.liaison.store.staff.get('sf04'))?.active, 'disabled by the file').to.equal(false)
    expect(await t.app.liaison.store.bot.contactOfStaff('sf04')).to.equal(null)
    expect(await unboundOnTheAuditPage()).to.deep.equal([['系统', '账号 王五（联络站工作人员）', '账号停用，微信绑定一并解除']])
  })
})
