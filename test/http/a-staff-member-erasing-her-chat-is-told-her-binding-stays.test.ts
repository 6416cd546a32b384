import { expect } from 'chai'
import { Client } from '../helpers/app.js'
import { chatJoinAppForEachTest } from '../helpers/chat-join.js'
import { STAFF_PASSWORD } from '../fixtures.js'

/**
 * Review 37 (security, finding 4) and round 37's closing note: a staff member who said 删除我的信息 in her chat with the
 * bot was told her WeChat was cleared, while her staff binding — the same WeChat, where her work reminders go — stayed.
 * She is told the truth now: what was cleared, that the binding stays, and where she lets go of it; and there she can.
 */
describe('a staff member erasing her chat is told that her staff binding stays, and lets go of it in the console', () => {
  const t = chatJoinAppForEachTest()
  const login = (username: string) => new Client(t.app.baseUrl).login(username, STAFF_PASSWORD)
  /** Her WeChat bound with her own code from the console, as the bot binds it. */
  const boundInTheChat = async (staff: Client, contactId: string, codePath: string) => {
    const person = await t.chatPerson(contactId)
    const bound = await t.bot.post(`/api/bot/people/${person}/bind`, { code: (await staff.post(codePath)).body.code })
    expect(bound.status, JSON.stringify(bound.body)).to.equal(200)
    return person
  }
  /** Who the bot knows that WeChat as when it writes again: staff, or nobody but a resident (null). */
  const staffInTheChat = async (contactId: string) => (await t.bot.post('/api/bot/people/resolve', { contactId })).body.staff

  it('a station clerk: told where 解除我的微信绑定 is, and after it that WeChat is hers as staff no more', async () => {
    const wangwu = await login('wangwu')
    const person = await boundInTheChat(wangwu, 'wx-wangwu', '/api/admin/me/bot-code')

    const erased = await t.bot.request('DELETE', `/api/bot/people/${person}`)
    expect(erased.status).to.equal(200)
    const lines = (erased.body.message as string).split('\n')
    expect(lines[0]).to.match(/^您的个人信息已删除：您留下的电话，和您作为群众留言时我们记下的微信，都已清除。/)
    expect(lines[1]).to.equal(
      '您的工作人员绑定没有删除：这个微信还绑定着您的工作人员账号，工作提醒还会发到这里。不想再在这个微信收到，请登录管理后台，在“绑定码”页点“解除我的微信绑定”。',
    )
    expect(await staffInTheChat('wx-wangwu'), 'as she was told: still staff in that WeChat').to.include({ name: '王五' })
    expect((await wangwu.get('/api/admin/stations/st004/bindings')).body.me).to.deep.equal({ bound: true, text: '您本人的微信：已绑定' })

    const undone = await wangwu.request('DELETE', '/api/admin/me/bot-binding')
    expect(undone.status).to.equal(200)
    expect((await wangwu.get('/api/admin/stations/st004/bindings')).body.me.bound).to.equal(false)
    expect(await staffInTheChat('wx-wangwu'), 'a resident there now, nothing more').to.equal(null)
    const audit = (await t.app.liaison.store.audit.list({ action: 'staff.bot_unbound', limit: 5 })).items
    expect(audit.map((e) => [e.actorId, e.targetId])).to.deep.equal([['sf04', 'sf04']])
  })

  it('a handling unit’s staff member: told to let go of it on 交办建议, where she can', async () => {
    const chengang = await login('chengang')
    const person = await boundInTheChat(chengang, 'wx-chengang', '/api/unit/me/bot-code')
    const erased = await t.bot.request('DELETE', `/api/bot/people/${person}`)
    expect((erased.body.message as string).split('\n')[1]).to.equal(
      '您的工作人员绑定没有删除：这个微信还绑定着您的工作人员账号，工作提醒还会发到这里。不想再在这个微信收到，请登录管理后台，在“交办建议”页点“解除微信绑定”。',
    )
    expect((await chengang.request('DELETE', '/api/unit/me/bot-binding')).status).to.equal(200)
    expect((await chengang.get('/api/unit/me/bot-binding')).body).to.deep.equal({ bound: false })
  })
})
