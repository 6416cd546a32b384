import { expect } from 'chai'
import { Client, startApp, type TestApp } from '../helpers/app.js'
import { STAFF_PASSWORD } from '../fixtures.js'
import { botFleet, ask, bindingCode, BOT_SECRET, caseCity, dispatch, waitFor, type BotUnderTest } from './helpers.js'

type Someone = ReturnType<BotUnderTest['world']['person']>
type Room = ReturnType<BotUnderTest['world']['room']>

/**
 * A web puppet (wechat4u) hands out new contact and room ids at every login. The people
 * are the same, and so are the remarks the bot set on their contacts and the groups'
 * topics: nothing for them may be lost in between, even before they write again.
 */
describe('bot: after a re-login that changed every contact and room id', function () {
  this.timeout(40_000)
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
  const aliasOf = (t: BotUnderTest, contact: Someone) => t.world.mocker.contactPayload(contact.id).alias as string
  async function inRoom(t: BotUnderTest, room: Room, who: Someone, text: string) {
    const handled = t.bot.inbox.handled
    who.say(text).to(room)
    await waitFor(() => t.bot.inbox.handled > handled, `the bot to handle "${text}"`)
    await t.bot.inbox.settled()
  }
  const botMessages = async (kind: string) => (await app.liaison.store.outbox.search({ limit: 50, kind })).items
  const settled = (kind: string) =>
    waitFor(async () => (await botMessages(kind)).some((m) => m.status === 'sent' || m.status === 'dead'), `the ${kind} message to settle`)

  /** 老李 leaves 张伟 a message and 张伟 binds, in the first session; returns the ticket and their remarks. */
  async function firstSession() {
    const first = await bot()
    const elder = first.world.person('wx-elder-s1', '老李')
    const zw = first.world.person('wx-zw-s1', '张伟')
    await ask(first, elder, '给DP0001留言：路灯坏了三天')
    await ask(first, elder, '同意')
    const ticket = /编号：(\d{8}-\d{4})/.exec(await ask(first, elder, '1'))![1]
    expect(await ask(first, zw, `绑定 ${await bindingCode(app, 'dp0001')}`)).to.include('绑定成功')
    const remarks = { elder: aliasOf(first, elder), zw: aliasOf(first, zw) }
    await first.stop()
    return { ticket, remarks }
  }

  it("gets the deputy's reply to the resident, who has not written since, and takes their rating", async () => {
    const { ticket, remarks } = await firstSession()

    const second = await bot()
    const elder = second.world.person('wx-elder-s2', '老李', remarks.elder)
    const zw = second.world.person('wx-zw-s2', '张伟', remarks.zw)
    expect(await ask(second, zw, `回复 ${ticket.slice(-4)} 已联系供电所，明天修好。`)).to.include(`发给留言 ${ticket}`)
    expect(await ask(second, zw, '是')).to.include(`已发给留言 ${ticket}`)
    await dispatch(app)

    const reply = await waitFor(() => second.world.said('老李').find((s) => s.includes('有答复了')), 'the reply to reach 老李')
    expect(reply).to.include(`（编号 ${ticket}）有答复了`)
    expect(reply).to.include('已联系供电所，明天修好。')
    await settled('case.replied')
    const [sent] = await botMessages('case.replied')
    expect(sent).to.deep.include({ status: 'sent', address: 'wx-elder-s2' })
    await waitFor(async () => (await second.bot.client.dialogue('wx-elder-s2')).state?.rating, 'the dialogue to await a rating')
    expect(await ask(second, elder, '5'), 'the rating question is answered under the new id').to.include('已记下您的评分：5 分')
  })

  it('keeps a message for someone not loaded yet after the login, and sends it once they are there', async () => {
    const { ticket, remarks } = await firstSession()

    const second = await bot()
    const zw = second.world.person('wx-zw-s2', '张伟', remarks.zw)
    expect(await ask(second, zw, `回复 ${ticket.slice(-4)} 已联系供电所，明天修好。`)).to.include(`发给留言 ${ticket}`)
    expect(await ask(second, zw, '是')).to.include(`已发给留言 ${ticket}`)
    await dispatch(app)
    await waitFor(async () => (await botMessages('case.replied'))[0]?.status === 'failed', 'the first attempt to fail')
    expect((await botMessages('case.replied'))[0].lastError, 'not buried: tried again').to.include('稍后会自动再发')

    second.world.person('wx-elder-s2', '老李', remarks.elder) // the contact list has loaded
    app.clock.advance(10 * 60_000)
    await waitFor(() => second.world.said('老李').some((s) => s.includes('有答复了')), 'the reply to reach 老李')
  })

  it('keeps a half-written message: "好了" after the re-login still submits what was typed before', async () => {
    const first = await bot()
    const elder = first.world.person('wx-elder-s1', '老李')
    await ask(first, elder, '给DP0001留言')
    await ask(first, elder, '同意')
    await ask(first, elder, '小区门口的下水道堵了，一下雨就积水')
    const remark = aliasOf(first, elder)
    await first.stop()

    const second = await bot()
    const elder2 = second.world.person('wx-elder-s2', '老李', remark)
    expect(await ask(second, elder2, '好了')).to.include('下水道堵了')
  })

  /** 王五 binds as staff and binds his station's group in the first session; returns his remark. */
  async function stationGroupBound() {
    const first = await bot()
    const ww = first.world.person('wx-ww-s1', '王五')
    const console = await new Client(app.baseUrl).login('wangwu', STAFF_PASSWORD)
    const code = (await console.post('/api/admin/me/bot-code')).body.code as string
    expect(await ask(first, ww, `绑定 ${code}`)).to.include('绑定成功')
    const room = first.world.room('room-s1@chatroom', '新华站工作群', [ww])
    await inRoom(first, room, ww, '绑定站点 ST004')
    expect(first.world.said('新华站工作群').at(-1)).to.include('本群已绑定到新华街道代表联络站')
    const remark = aliasOf(first, ww)
    await first.stop()
    return remark
  }
  async function residentWritesToStation(t: BotUnderTest, key: string) {
    const { client } = t.bot
    const resident = await client.resolvePerson({ contactId: `wx-resident-${key}` })
    await client.consent(resident.personId, (await client.privacy()).version)
    const { ticket } = await client.submitCase(resident.personId, { text: '公交站台太窄，雨天没处躲雨', regionId: 'c020101' }, `relogin-${key}`)
    await dispatch(app)
    return ticket
  }

  it("still brings the station's notices to its group, found again by the group's name", async () => {
    const remark = await stationGroupBound()

    const second = await bot()
    const ww = second.world.person('wx-ww-s2', '王五', remark)
    second.world.room('room-s2@chatroom', '新华站工作群', [ww])
    const ticket = await residentWritesToStation(second, 'a')
    await waitFor(() => second.world.said('新华站工作群').some((s) => s.includes(ticket)), 'the notice in the group')
    await settled('case.queued')

    // The binding followed the group to its new id: the next notice goes there straight away.
    expect((await app.liaison.store.bot.roomOf('st004'))?.roomId).to.equal('room-s2@chatroom')
    const [queued] = await botMessages('case.queued')
    expect(queued).to.deep.include({ status: 'sent', address: 'room-s2@chatroom' })
  })

  it('lets the staff member, known again by the remark, bind the group again', async () => {
    const remark = await stationGroupBound()

    const second = await bot()
    const ww = second.world.person('wx-ww-s2', '王五', remark)
    const room = second.world.room('room-s2@chatroom', '新华站工作群', [ww])
    await ask(second, ww, '帮助')
    await inRoom(second, room, ww, '绑定站点 ST004')
    expect(second.world.said('新华站工作群').at(-1)).to.include('本群已绑定到新华街道代表联络站')
    const ticket = await residentWritesToStation(second, 'b')
    await settled('case.queued')
    expect(second.world.said('新华站工作群').some((s) => s.includes(ticket))).to.equal(true)
  })
})
