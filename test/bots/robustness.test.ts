import { expect } from 'chai'
import { types } from 'wechaty'
import { startApp, type TestApp } from '../helpers/app.js'
import { botFleet, ask, bindingCode, BOT_SECRET, caseCity, dispatch, waitFor } from './helpers.js'

/** What real accounts do to a bot: echoes, replays, history, new ids, throttling. */
describe('bot: robustness', function () {
  this.timeout(20_000)
  let app: TestApp
  const fleet = botFleet(() => app.baseUrl)
  beforeEach(async () => {
    app = await startApp({ directory: caseCity(), overrides: { bot: { secret: BOT_SECRET } } })
  })
  afterEach(async () => {
    await fleet.stopAll()
    await app.close()
  })
  const bot = fleet.start

  it('ignores its own messages and messages from before its login', async () => {
    const t = await bot()
    const elder = t.world.person('wx-elder', '老李')
    const handled = t.bot.inbox.handled
    t.world.emit(t.world.self, elder, '留言') // the account itself, e.g. typed on the phone
    t.world.emit(elder, t.world.self, '留言', { timestamp: Date.now() - 10 * 60_000 }) // history replayed at login
    expect(await ask(t, elder, '帮助')).to.include('1. 留言')
    expect(t.bot.inbox.handled, 'only the help request reached the conversations').to.equal(handled + 1)
    expect(t.world.said('老李'), 'the echo, then one answer').to.have.length(2)
    expect((await t.bot.client.dialogue('wx-elder')).state, 'no dialogue was started').to.equal(null)
  })

  it('answers a message id once, even when the puppet emits it twice or replays it after a restart', async () => {
    const first = await bot()
    const elder = first.world.person('wx-elder', '老李')
    const id = first.world.emit(elder, first.world.self, '帮助')
    first.world.emit(elder, first.world.self, '帮助', { id })
    await waitFor(() => first.world.said('老李').length === 1, 'the answer')
    await first.bot.inbox.settled()
    expect(first.world.said('老李')).to.have.length(1)
    await first.stop()

    // A new process (its in-memory memory is gone): the backend remembers the id.
    const second = await bot()
    const again = second.world.person('wx-elder', '老李')
    const handled = second.bot.inbox.handled
    second.world.emit(again, second.world.self, '帮助', { id })
    await waitFor(() => second.bot.inbox.handled > handled, 'the replay to be looked at')
    await second.bot.inbox.settled()
    expect(second.world.said('老李'), 'the replay is not answered').to.deep.equal([])
    expect(await ask(second, again, '帮助'), 'a new message is').to.include('1. 留言')
  })

  it('knows a person again by the remark it set when a re-login changes their contact id', async () => {
    const first = await bot()
    const elder = first.world.person('wx-elder-session1', '老李')
    await ask(first, elder, '给DP0002留言：学校门口接送车辆乱停')
    await ask(first, elder, '同意')
    const ticket = /编号：(\d{8}-\d{4})/.exec(await ask(first, elder, '1'))![1]
    const alias = first.world.mocker.contactPayload('wx-elder-session1').alias
    await first.stop()

    const second = await bot()
    const same = second.world.person('wx-elder-session2', '老李', alias)
    expect(await ask(second, same, '查询')).to.include(ticket)
    const other = second.world.person('wx-other-session2', '老李') // same nickname, no remark: someone else
    expect(await ask(second, other, '查询')).to.include('您还没有留言')
  })

  it('stops sending for the cool-down when WeChat says "操作过于频繁", and tells the admins', async () => {
    const t = await bot()
    const elder = t.world.person('wx-elder', '老李')
    const sentAt: number[] = []
    t.world.onLine((line) => {
      if (line.to === '老李') sentAt.push(t.clock.now())
    })
    const weixin = t.world.person('weixin', '微信团队')
    const noticeAt = t.clock.now()
    t.world.emit(weixin, t.world.self, '操作过于频繁，请稍后再试。', { type: types.Message.Unknown })
    await waitFor(() => t.bot.pacer.coolingDownUntil, 'the cool-down')
    const until = t.bot.pacer.coolingDownUntil!
    expect(until - noticeAt).to.be.at.least(30 * 60_000)
    expect(await t.bot.outbox.runOnce(), 'nothing leased while cooling down').to.equal(0)
    await waitFor(async () => (await app.liaison.store.outbox.search({ limit: 5, kind: 'bot.rate_limited' })).items.length === 1, 'the alert for the admins')

    expect(await ask(t, elder, '帮助')).to.include('1. 留言')
    expect(sentAt[0], 'the answer left after the cool-down (virtual time)').to.be.at.least(until)
  })

  it('tells the admins when the account is logged out, with the link of the QR code to log in again', async () => {
    const t = await bot()
    const alerts = async (kind: string) => (await app.liaison.store.outbox.search({ limit: 5, kind })).items.map((m) => (m.payload as { text: string }).text)
    await t.world.puppet.logout('被踢下线')
    t.world.mocker.scan('https://login.weixin.qq.com/l/qr-demo-1')
    const [text] = await waitFor(async () => {
      const found = await alerts('bot.logged_out')
      return found.length ? found : null
    }, 'the logged-out alert')
    expect(text).to.include('联络站机器人已掉线（被踢下线）')
    expect(text).to.include(`扫码登录：https://wechaty.js.org/qrcode/${encodeURIComponent('https://login.weixin.qq.com/l/qr-demo-1')}`)
    expect(t.bot.loggedIn).to.equal(false)

    t.world.login()
    await waitFor(() => t.bot.loggedIn, 'the new login')
    await waitFor(async () => (await alerts('bot.logged_in')).length === 1, 'the logged-in alert')
    const elder = t.world.person('wx-elder', '老李')
    expect(await ask(t, elder, '帮助'), 'working again').to.include('1. 留言')
  })

  it('buries an outbox message for a contact the account no longer has, and retries nothing', async () => {
    const t = await bot({ overrides: { outbox: { leaseLimit: 5, pollMs: 20, notFoundGraceMs: 0 } } }) // the contact list has long been loaded
    const { client } = t.bot
    const gone = await client.resolvePerson({ contactId: 'wx-deleted-friend' }) // known to the backend, not to WeChat
    await client.consent(gone.personId, (await client.privacy()).version)
    const { ticket } = await client.submitCase(gone.personId, { text: '路面塌陷', deputyCode: 'DP0001' }, 'gone-1')
    const deputy = await client.resolvePerson({ contactId: 'wx-zhangwei' })
    await client.bind(deputy.personId, await bindingCode(app, 'dp0001'))
    await client.acknowledge(deputy.personId, ticket) // the resident is to be told
    await dispatch(app)
    await waitFor(async () => {
      const items = (await app.liaison.store.outbox.search({ limit: 10, channel: 'bot_private' })).items
      return items.some((m) => m.address === 'wx-deleted-friend' && m.status === 'dead')
    }, 'the message to the deleted friend to be dead')
    // The office reads why in words it can act on (the console adds: phone him to add the station's friend), not the
    // bot's "conversation not found: wx-deleted-friend".
    const dead = (await app.liaison.store.outbox.search({ limit: 10, channel: 'bot_private' })).items.find((m) => m.address === 'wx-deleted-friend')
    expect(dead?.lastError).to.equal('对方不是好友，无法私聊：微信助手的好友里找不到这个人（可能删除了好友）')
  })
})
