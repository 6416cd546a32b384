import { expect } from 'chai'
import { asAdmin, Client, startApp, type TestApp } from '../helpers/app.js'
import { STAFF_PASSWORD } from '../fixtures.js'
import { startWithBotApi } from '../helpers/bot-api.js'
import { BOT_SECRET } from '../helpers/wechat.js'

/** The backend's side of the chat bot, as the bot process uses it over HTTP. */
describe('the bot API', () => {
  let app: TestApp
  let bot: Client
  beforeEach(async () => {
    ;({ app, bot } = await startWithBotApi())
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
  })
  afterEach(() => app.close())

  const person = async (contactId: string, consent = true) => {
    const { body } = await bot.post('/api/bot/people/resolve', { contactId })
    if (consent) await bot.post(`/api/bot/people/${body.personId}/consent`, { version: 'v3' })
    return body.personId as string
  }

  it('is closed without the secret, and off when none is configured', async () => {
    expect((await new Client(app.baseUrl).post('/api/bot/events/seen', { messageId: 'm' })).status).to.equal(401)
    const off = await startApp()
    const answer = await Object.assign(new Client(off.baseUrl), { bearer: BOT_SECRET }).post('/api/bot/events/seen', { messageId: 'm' })
    expect(answer.body.error.code).to.equal('bot_api_disabled')
    await off.close()
  })

  it('remembers which message ids it has seen, across restarts of the bot', async () => {
    expect((await bot.post('/api/bot/events/seen', { messageId: 'wx-msg-1' })).body).to.deep.equal({ first: true })
    expect((await bot.post('/api/bot/events/seen', { messageId: 'wx-msg-1' })).body).to.deep.equal({ first: false })
  })

  it('binds a contact to one person, and knows them again by alias when the contact id changes', async () => {
    const first = (await bot.post('/api/bot/people/resolve', { contactId: 'wxid_old' })).body
    expect(first).to.include({ created: true, consented: false, deputy: null, staff: null })
    expect(first.alias).to.match(/^LS[A-Z2-9]{6}$/)
    expect((await bot.post('/api/bot/people/resolve', { contactId: 'wxid_old' })).body.personId).to.equal(first.personId)
    const again = (await bot.post('/api/bot/people/resolve', { contactId: 'wxid_new', alias: first.alias })).body
    expect(again).to.include({ personId: first.personId, created: false })
    const stranger = (await bot.post('/api/bot/people/resolve', { contactId: 'wxid_other', alias: 'LSNOTKNOWN' })).body
    expect(stranger.personId).not.to.equal(first.personId)
  })

  it('keeps dialogue state for the bot, so a restart continues the conversation', async () => {
    expect((await bot.get('/api/bot/dialogues/wxid_1')).body).to.deep.equal({ state: null, updatedAt: null, wordsLapsed: false })
    await bot.request('PUT', '/api/bot/dialogues/wxid_1', { state: { step: 'text', parts: ['路灯坏了'] } })
    expect((await bot.get('/api/bot/dialogues/wxid_1')).body.state).to.deep.equal({ step: 'text', parts: ['路灯坏了'] })
    const huge = await bot.request('PUT', '/api/bot/dialogues/wxid_1', { state: { parts: ['很长的话'.repeat(5000)] } })
    expect(huge.status, 'a dialogue is small; a huge one is refused').to.equal(413)
    expect((await bot.get('/api/bot/dialogues/wxid_1')).body.state).to.deep.equal({ step: 'text', parts: ['路灯坏了'] })
    expect((await bot.request('DELETE', '/api/bot/dialogues/wxid_1')).status).to.equal(204)
    expect((await bot.get('/api/bot/dialogues/wxid_1')).body.state).to.equal(null)
  })

  it("takes a resident's message once per Idempotency-Key and lets them follow and rate it", async () => {
    const newcomer = await person('wxid_new', false)
    expect((await bot.post(`/api/bot/people/${newcomer}/cases`, { text: '路灯坏了', regionId: 'c010101' })).body.error.code).to.equal('consent_required')
    const resident = await person('wxid_elder')
    const headers = { 'Idempotency-Key': 'bot-draft-1' }
    const first = await bot.post(`/api/bot/people/${resident}/cases`, { text: '小区路灯坏了', regionId: 'c010101' }, headers)
    expect(first.status).to.equal(201)
    expect(first.body.summary).to.match(/^已交给轻工街道代表联络站/)
    const retry = await bot.post(`/api/bot/people/${resident}/cases`, { text: '小区路灯坏了', regionId: 'c010101' }, headers)
    expect(retry.body.ticket).to.equal(first.body.ticket)
    expect((await bot.get(`/api/bot/people/${resident}/cases`)).body.items.map((c: { ticket: string }) => c.ticket)).to.deep.equal([first.body.ticket])
    const detail = await bot.get(`/api/bot/people/${resident}/cases/${first.body.ticket}`)
    expect(detail.body.timeline.map((e: { label: string }) => e.label)).to.include('您送出了留言')
    const other = await person('wxid_other')
    expect((await bot.get(`/api/bot/people/${other}/cases/${first.body.ticket}`)).status, 'not theirs').to.equal(404)
  })

  it("finds a resident's own message by its number however old, among all of hers and never another person's", async () => {
    const resident = await person('wxid_spokeswoman')
    const writes = async (who: string, text: string) => {
      app.clock.advance(60_000) // a minute apart: within the limit of messages a person may send in ten minutes
      return (await bot.post(`/api/bot/people/${who}/cases`, { text, deputyCode: 'DP0001' })).body.ticket as string
    }
    const first = await writes(resident, '北门的路灯坏了一个月')
    for (let i = 1; i <= 21; i++) await writes(resident, `楼下第${i}个车位被长期占用`)
    const other = await person('wxid_neighbour')
    const his = await writes(other, '我家楼顶漏水')

    const newest = (await bot.get(`/api/bot/people/${resident}/cases`)).body
    expect(newest.items).to.have.length(20)
    expect(newest.more, 'older ones are not in the list').to.equal(true)
    expect(newest.items.map((c: { ticket: string }) => c.ticket)).not.to.include(first)
    expect(newest.items[0]).to.include({ ref: newest.items[0].ticket.slice(-4) })

    for (const ref of [first.slice(-4), first]) {
      const named = await bot.get(`/api/bot/people/${resident}/cases?ref=${ref}`)
      expect(named.status, ref).to.equal(200)
      expect(named.body).to.deep.equal({
        items: [
          {
            ticket: first,
            status: 'assigned',
            statusLabel: '已交给代表，代表还没有看',
            ref: first.slice(-4),
            excerpt: '北门的路灯坏了一个月',
            createdAt: named.body.items[0].createdAt,
            reopen: null,
            regionId: null,
          },
        ],
        more: false,
      })
    }
    for (const ref of [his.slice(-4), his])
      expect((await bot.get(`/api/bot/people/${resident}/cases?ref=${ref}`)).body, `his ${ref}`).to.deep.equal({ items: [], more: false })

    app.clock.advance(24 * 3_600_000) // numbers start again at 0001
    const today = await writes(resident, '东门的垃圾桶满了')
    expect(today.slice(-4)).to.equal(first.slice(-4))
    const both = (await bot.get(`/api/bot/people/${resident}/cases?ref=${first.slice(-4)}`)).body.items
    expect(
      both.map((c: { ticket: string; ref: string }) => [c.ticket, c.ref]),
      'newest first, each to be sent in full',
    ).to.deep.equal([
      [today, today],
      [first, first],
    ])

    for (const ref of ['1', '00001', '2026-0001', 'abcd']) {
      const refused = await bot.get(`/api/bot/people/${resident}/cases?ref=${ref}`)
      expect(refused.status, ref).to.equal(400)
      expect(refused.body.error).to.include({ code: 'validation_failed' })
    }
  })

  it('refuses a typed deputy or station code that does not exist, and creates nothing', async () => {
    const id = await person('wxid_typo')
    const station = await bot.post(`/api/bot/people/${id}/cases`, { text: '路灯坏了', stationCode: 'ST999' })
    expect(station.status).to.equal(422)
    expect(station.body.error).to.include({ code: 'unknown_station_code', message: '没有找到编号为 ST999 的联络站，请核对海报上的编号' })
    const deputy = await bot.post(`/api/bot/people/${id}/cases`, { text: '路灯坏了', deputyCode: 'DP9999', regionId: 'c010101' })
    expect(deputy.body.error.code).to.equal('unknown_deputy_code')
    expect((await bot.get(`/api/bot/people/${id}/cases`)).body.items).to.deep.equal([])
    expect((await bot.get('/api/bot/stations/st001')).body).to.deep.equal({ code: 'ST001', name: '轻工街道代表联络站' })
    expect((await bot.get('/api/bot/stations/ST999')).status).to.equal(404)
  })

  it('treats a deputy who has left office as the resident they are, until they are put back in service', async () => {
    const admin = await asAdmin(app)
    const code = (await admin.post('/api/admin/deputies/dp0001/binding-code')).body.code
    const deputy = await person('wxid_zhangwei')
    await bot.post(`/api/bot/people/${deputy}/bind`, { code })
    expect((await bot.get(`/api/bot/people/${deputy}/deputy/cases`)).status).to.equal(200)
    await admin.patch('/api/admin/deputies/dp0001', { active: false })
    expect((await bot.get(`/api/bot/people/${deputy}/deputy/cases`)).status).to.equal(403)
    expect((await bot.post('/api/bot/people/resolve', { contactId: 'wxid_zhangwei' })).body.deputy, 'the menu offers no deputy work').to.equal(null)
    await admin.patch('/api/admin/deputies/dp0001', { active: true })
    expect((await bot.get(`/api/bot/people/${deputy}/deputy/cases`)).status).to.equal(200)
  })

  it('lets a deputy bind, list their cases overdue first, and act on one by its last four digits', async () => {
    const admin = await asAdmin(app)
    const code = (await admin.post('/api/admin/deputies/dp0001/binding-code')).body.code
    const deputy = await person('wxid_zhangwei')
    expect((await bot.get(`/api/bot/people/${deputy}/deputy/cases`)).status).to.equal(403)
    expect((await bot.post(`/api/bot/people/${deputy}/bind`, { code })).body.deputy).to.deep.equal({ code: 'DP0001', name: '张伟' })
    const resident = await person('wxid_elder')
    const { body: c } = await bot.post(`/api/bot/people/${resident}/cases`, { text: '垃圾清运不及时', deputyCode: 'DP0001' })
    const inbox = (await bot.get(`/api/bot/people/${deputy}/deputy/cases`)).body.items
    expect(inbox.map((x: { short: string }) => x.short)).to.deep.equal([c.ticket.slice(-4)])
    expect((await bot.post(`/api/bot/people/${deputy}/deputy/cases/${c.ticket.slice(-4)}/acknowledge`, {})).body.statusLabel).to.equal('已受理')
    const replied = await bot.post(`/api/bot/people/${deputy}/deputy/cases/${c.ticket.slice(-4)}/reply`, { text: '已安排清运' })
    expect(replied.body.status).to.equal('replied')
    const rated = await bot.post(`/api/bot/people/${resident}/cases/${c.ticket}/rate`, { rating: 2 })
    expect(rated.body).to.include({ status: 'closed', canReopen: true })
    expect((await bot.post(`/api/bot/people/${resident}/cases/${c.ticket}/reopen`, { reason: '还没清' })).body.status).to.equal('reopened')
    expect((await bot.post(`/api/bot/people/${deputy}/deputy/cases/9999/acknowledge`, {})).status).to.equal(404)
  })

  it("binds a station's group for its staff only, and messages for the station then go to the room", async () => {
    const lina = await new Client(app.baseUrl).login('wangwu', STAFF_PASSWORD) // staff of 新华街道 (no deputy there)
    const staffCode = (await lina.post('/api/admin/me/bot-code')).body.code
    const staffPerson = await person('wxid_wangwu')
    const stranger = await person('wxid_stranger')
    expect((await bot.post('/api/bot/rooms/bind', { personId: stranger, roomId: 'room1@chatroom', stationCode: 'ST004' })).body.error.code).to.equal(
      'not_staff',
    )
    expect((await bot.post(`/api/bot/people/${staffPerson}/bind`, { code: staffCode })).body.staff).to.include({ name: '王五', role: 'station_staff' })
    expect(
      (await bot.post('/api/bot/rooms/bind', { personId: staffPerson, roomId: 'room1@chatroom', stationCode: 'ST001' })).status,
      'another station',
    ).to.equal(403)
    const bound = await bot.post('/api/bot/rooms/bind', { personId: staffPerson, roomId: 'room1@chatroom', stationCode: 'ST004' })
    expect(bound.body.station).to.deep.equal({ code: 'ST004', name: '新华街道代表联络站' })

    const resident = await person('wxid_elder')
    await bot.post(`/api/bot/people/${resident}/cases`, { text: '公交站台太窄', regionId: 'c020101' })
    expect((await app.liaison.services.dispatcher.drain()).toBot).to.equal(1)
    const leased = (await bot.post('/api/bot/outbox/lease', { limit: 10 })).body.items
    expect(leased.map((m: { channel: string; address: string }) => `${m.channel}:${m.address}`)).to.deep.equal(['bot_room:room1@chatroom'])
  })

  it("lets an organizer bind only their own district's station groups, leaving another district's group as it is", async () => {
    const wangwu = await new Client(app.baseUrl).login('wangwu', STAFF_PASSWORD)
    const staffPerson = await person('wxid_wangwu')
    await bot.post(`/api/bot/people/${staffPerson}/bind`, { code: (await wangwu.post('/api/admin/me/bot-code')).body.code })
    await bot.post('/api/bot/rooms/bind', { personId: staffPerson, roomId: 'xinhua@chatroom', stationCode: 'ST004' })

    const sunli = await new Client(app.baseUrl).login('sunli', STAFF_PASSWORD) // organizer of 湛河区 (d01); ST004 is in 新华区
    const organizer = await person('wxid_sunli')
    expect((await bot.post(`/api/bot/people/${organizer}/bind`, { code: (await sunli.post('/api/admin/me/bot-code')).body.code })).body.staff).to.include({
      role: 'organizer',
    })
    const refused = await bot.post('/api/bot/rooms/bind', { personId: organizer, roomId: 'other@chatroom', stationCode: 'ST004' })
    expect(refused.status).to.equal(403)
    expect(refused.body.error).to.include({ code: 'out_of_scope', message: '新华街道代表联络站不在您负责的范围内，不能绑定' })
    // Nor by binding 新华's group to a station of their own, which would take it from 新华.
    const taken = await bot.post('/api/bot/rooms/bind', { personId: organizer, roomId: 'xinhua@chatroom', stationCode: 'ST001' })
    expect(taken.status).to.equal(409)
    expect(taken.body.error.code).to.equal('room_taken')
    expect((await bot.post('/api/bot/rooms/bind', { personId: organizer, roomId: 'zhanhe@chatroom', stationCode: 'ST001' })).status, 'their own').to.equal(200)

    const resident = await person('wxid_elder')
    await bot.post(`/api/bot/people/${resident}/cases`, { text: '公交站台太窄', regionId: 'c020101' })
    await app.liaison.services.dispatcher.drain()
    const leased = (await bot.post('/api/bot/outbox/lease', { limit: 10 })).body.items
    expect(
      leased.map((m: { address: string }) => m.address),
      "新华's notices still reach its own group",
    ).to.deep.equal(['xinhua@chatroom'])
  })

  it('tells the admins when the bot is throttled or logged out', async () => {
    expect((await bot.post('/api/bot/alerts', { kind: 'logged_out', text: '机器人已掉线', qrUrl: 'https://login.example/qr?x=1' })).status).to.equal(201)
    const [alert] = (await app.liaison.store.outbox.search({ limit: 5, kind: 'bot.logged_out' })).items
    expect(alert).to.deep.include({ recipientKind: 'office', recipientId: 'city' })
    expect(alert.payload.text).to.include('扫码登录：https://login.example/qr?x=1')
  })
})

describe('binding codes cannot be guessed or misused', () => {
  let app: TestApp
  let bot: Client
  beforeEach(async () => ({ app, bot } = await startWithBotApi()))
  afterEach(() => app.close())

  it('slows down guessing through the bot', async () => {
    const { body } = await bot.post('/api/bot/people/resolve', { contactId: 'wxid_guesser' })
    for (let i = 0; i < 5; i++) expect((await bot.post(`/api/bot/people/${body.personId}/bind`, { code: String(200000 + i) })).status).to.equal(422)
    expect((await bot.post(`/api/bot/people/${body.personId}/bind`, { code: '123456' })).status).to.equal(429)
  })

  it("never takes a staff member's bot code as a deputy binding code in the mini-program", async () => {
    const lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    const staffCode = (await lina.post('/api/admin/me/bot-code')).body.code
    const { asResident } = await import('../helpers/app.js')
    const someone = await asResident(app)
    const answer = await someone.post('/api/mp/bind', { bindCode: staffCode })
    expect(answer.status).to.equal(422)
    expect((await someone.get('/api/mp/deputy/cases')).status).to.equal(403)
    // The code is still good for what it was made for.
    const { body } = await bot.post('/api/bot/people/resolve', { contactId: 'wxid_lina' })
    expect((await bot.post(`/api/bot/people/${body.personId}/bind`, { code: staffCode })).body.staff).to.include({ name: '李娜' })
  })
})
