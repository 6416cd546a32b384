import Database from 'better-sqlite3'
import { expect } from 'chai'
import { asAdmin, Client, type TestApp } from '../helpers/app.js'
import { storeFileForEachTest } from '../helpers/store-file.js'
import { BOT_SECRET } from '../helpers/wechat.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'

/**
 * Review 38 (security, finding 1), the store kept from before: 王五's WeChat was bound to her account when it was
 * disabled by a version before disabling let go of bindings, and the binding is still there. Her 删除我的信息 in that
 * chat lets go of it (audited), and she is told the truth, that her WeChat is cleared. (Moved here from
 * a-former-staff-members-wechat-goes-with-her-account.test.ts: no write of this version leaves such a binding — a
 * binding reads in its own write whether the account is in use, review 38 code finding 1 — so the store is written as
 * the older version left it, on a file of its own.)
 */
describe('a WeChat bound from before to a disabled account goes when she erases her chat', () => {
  const file = storeFileForEachTest()
  const ERASED_FIRST_LINE = '您的个人信息已删除：您留下的电话，和我们记下的您的微信，都已清除。'
  let app: TestApp
  let bot: Client
  beforeEach(async () => {
    app = await file.start({ directory: caseCity(), overrides: { bot: { secret: BOT_SECRET } } })
    bot = new Client(app.baseUrl)
    bot.bearer = BOT_SECRET
  })
  /** Who the bot knows that WeChat as when it writes again: staff, or nobody but a resident (null). */
  const staffInTheChat = async (contactId: string) => (await bot.post('/api/bot/people/resolve', { contactId })).body.staff
  /** The 操作记录 page's lines about her WeChat binding let go of: who, on whose account, and its 详情. */
  const unboundOnTheAuditPage = async () =>
    ((await (await asAdmin(app)).get('/api/admin/audit?action=staff.bot_unbound')).body.items as Array<Record<string, string>>).map((e) => [
      e.actorWords,
      e.targetWords,
      e.detailWords,
    ])
  /** Her WeChat bound to the account as the older version left it: written straight into the store's file. */
  const boundAsTheOlderVersionLeftIt = (staffId: string, contactId: string) => {
    const db = new Database(file.path())
    try {
      db.prepare('INSERT INTO staff_contacts (staff_id, contact_id, bound_at) VALUES (?, ?, ?)').run(staffId, contactId, app.clock.now().toISOString())
    } finally {
      db.close()
    }
  }

  it('her chat still bound to her disabled account (from before) lets go of it when she erases it, and is told so truly', async () => {
    const person = (await bot.post('/api/bot/people/resolve', { contactId: 'wx-wangwu' })).body.personId as string
    expect((await (await asAdmin(app)).patch('/api/admin/staff/sf04', { active: false })).status).to.equal(200)
    boundAsTheOlderVersionLeftIt('sf04', 'wx-wangwu')
    expect(await app.liaison.store.bot.contactOfStaff('sf04'), 'bound, as such stores hold it').to.equal('wx-wangwu')
    expect((await new Client(app.baseUrl).request('POST', '/api/admin/login', { username: 'wangwu', password: STAFF_PASSWORD })).status).to.equal(401)

    const erased = await bot.request('DELETE', `/api/bot/people/${person}`)
    expect(erased.status).to.equal(200)
    expect((erased.body.message as string).split('\n')[0]).to.match(new RegExp(`^${ERASED_FIRST_LINE}`))
    expect(await app.liaison.store.bot.contactOfStaff('sf04'), 'as she was told: cleared').to.equal(null)
    expect(await unboundOnTheAuditPage()).to.deep.equal([['系统', '账号 王五（联络站工作人员）', '账号已停用，本人在聊天里删除个人信息时一并解除']])
    expect((await (await asAdmin(app)).patch('/api/admin/staff/sf04', { active: true })).status).to.equal(200)
    expect(await staffInTheChat('wx-wangwu'), 'enabled again: not staff in the WeChat she erased').to.equal(null)
  })
})
