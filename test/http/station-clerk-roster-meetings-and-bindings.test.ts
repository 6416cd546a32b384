import { expect } from 'chai'
import { asAdmin, asDeputy, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { STAFF_PASSWORD } from '../fixtures.js'
import { meetingCity, publishMeeting } from '../helpers/meetings.js'

const BOT_SECRET = 'bot-secret-for-tests-0123456789'
/** Monday 7 December 2026, 10:00 in Shanghai: the clerk plans her station's week. */
const MONDAY = new Date('2026-12-07T02:00:00Z')

/**
 * 李娜 keeps 轻工街道代表联络站 (st001): its address and 接待日, who sits on which day, who of her deputies can be
 * reached on WeChat, and whether a deputy on duty is wanted at a meeting the same morning. 周杰 keeps 马庄 (st002).
 */
describe("a station clerk's roster, her deputies' meetings and their bindings", () => {
  let app: TestApp
  const login = (username: string) => new Client(app.baseUrl).login(username, STAFF_PASSWORD)

  beforeEach(async () => {
    const city = meetingCity()
    city.deputies.find((d) => d.id === 'dp0001')!.dutyByStation = { st001: ['2026-12-09'] } // 张伟 sits on Wednesday
    app = await startApp({ directory: city, overrides: { bot: { secret: BOT_SECRET } } })
    app.clock.set(MONDAY)
  })
  afterEach(() => app.close())

  // A guard: these edits and refusals were the server's before the console's roster page; it keeps that page's calls honest.
  it('(guard) changes her own station’s address, 接待日 and duty days, which residents read; another station’s stays as it was', async () => {
    const lina = await login('lina')
    const saved = await lina.patch('/api/admin/stations/st001', { address: '建设路1号社区服务中心二楼', receptionDays: ['wed', 'fri'] })
    expect(saved.status, JSON.stringify(saved.body)).to.equal(200)
    const page = (await new Client(app.baseUrl).get('/api/mp/stations/ST001')).body
    expect(page).to.include({ address: '建设路1号社区服务中心二楼' })
    expect(page.receptionDays).to.deep.equal(['wed', 'fri'])

    // A wrong address is said at its field and changes nothing.
    const tooLong = await lina.patch('/api/admin/stations/st001', { address: '长'.repeat(201) })
    expect(tooLong.status).to.equal(400)
    expect(tooLong.body.error.details).to.deep.include({ path: 'body.address', message: '地址最多 200 字' })
    expect((await new Client(app.baseUrl).get('/api/mp/stations/ST001')).body.address).to.equal('建设路1号社区服务中心二楼')

    // 马庄's station and its deputy are not hers: not found, as to read them, and nothing changed.
    const other = await lina.patch('/api/admin/stations/st002', { receptionDays: ['mon'] })
    expect(other.status).to.equal(404)
    expect(other.body.error.message).to.equal('联络站不存在')
    expect((await new Client(app.baseUrl).get('/api/mp/stations/ST002')).body.receptionDays).to.deep.equal(['tue'])
    const zhao = await lina.patch('/api/admin/deputies/dp0004', { dutyDates: ['2026-12-10'], seenDutyDates: [] })
    expect(zhao.status).to.equal(404)
    expect((await app.liaison.store.deputies.get('dp0004'))!.dutyByStation).to.deep.equal({})

    // 王芳 takes Friday: residents read her as that day's duty deputy on the station's page.
    expect((await lina.patch('/api/admin/deputies/dp0002', { dutyDates: ['2026-12-11'], seenDutyDates: [] })).status).to.equal(200)
    const wang = (await new Client(app.baseUrl).get('/api/mp/stations/ST001')).body.deputies.find((d: { name: string }) => d.name === '王芳')
    expect(wang.dutyDates).to.deep.equal(['2026-12-11'])
  })

  it('says on her 工作概览 and roster that a duty deputy is wanted at a meeting that morning, and who runs meetings', async () => {
    const office = await asAdmin(app)
    const meeting = await publishMeeting(office, {
      startAt: '2026-12-09T09:30:00+08:00',
      endAt: '2026-12-09T11:30:00+08:00',
      selector: { deputyIds: ['dp0001', 'dp0002'] },
    })
    const lina = await login('lina')

    const wednesday = (await lina.get('/api/admin/dashboard/cases')).body.duty.find((d: { date: string }) => d.date === '2026-12-09')
    expect(wednesday.deputies).to.deep.equal(['张伟'])
    expect(wednesday.clashes).to.deep.equal(['与会议时间冲突：张伟代表当天9:30–11:30要参加“市人大常委会第十次会议”（还没有回复是否参加）'])

    const roster = await lina.get('/api/admin/stations/st001/duty-meetings')
    expect(roster.status).to.equal(200)
    expect(roster.body.items.map((d: { deputyName: string; onDuty: boolean; clash: string | null }) => [d.deputyName, d.onDuty, d.clash])).to.deep.equal([
      ['张伟', true, '与会议时间冲突：张伟代表当天9:30–11:30要参加“市人大常委会第十次会议”（还没有回复是否参加）'],
      // 王芳 is not on duty that day: the day's dialog says it beside her name, before the clerk puts her on duty.
      ['王芳', false, null],
    ])
    expect(roster.body.meetingsRunBy).to.include('联络站账号没有会议页面')
    expect(roster.body.meetingsRunBy).to.include('本站归湛河区人大办')

    // Another station's deputies' meetings are not hers to read.
    const zhou = await login('zhoujie')
    const refused = await zhou.get('/api/admin/stations/st001/duty-meetings')
    expect(refused.status).to.equal(404)
    expect(refused.body.error.message).to.equal('联络站不存在')

    // 张伟 answers 请假: he sits his duty after all, and no line says otherwise.
    const zhang = await asDeputy(app, 'dp0001')
    expect((await zhang.post(`/api/mp/meetings/${meeting.id}/rsvp`, { response: 'leave', reason: '当天在联络站值班' })).status).to.equal(200)
    const after = (await lina.get('/api/admin/dashboard/cases')).body.duty.find((d: { date: string }) => d.date === '2026-12-09')
    expect(after.clashes).to.equal(undefined)
    expect((await lina.get('/api/admin/stations/st001/duty-meetings')).body.items.map((d: { deputyName: string }) => d.deputyName)).to.deep.equal(['王芳'])
  })

  it('shows which of her deputies are bound in the mini-program or the chat, and whether the station’s group is', async () => {
    const lina = await login('lina')
    const before = (await lina.get('/api/admin/stations/st001/bindings')).body
    expect(before.deputies.map((d: { name: string; miniProgram: boolean; bot: boolean }) => [d.name, d.miniProgram, d.bot])).to.deep.equal([
      ['张伟', false, false],
      ['王芳', false, false],
      ['李强', false, false],
    ])
    expect(before.deputies[0].note).to.equal('提醒发不到：请生成绑定码交给代表本人，或电话联系')
    expect(before.group).to.deep.equal({ bound: false, text: '本站微信群：未绑定。发给联络站的提醒和超期督办现在发不到群里，请按下面的步骤绑定' })
    expect(before.me.bound).to.equal(false)

    // 张伟 binds in the mini-program, 王芳 with the chat; 李娜 binds herself and then the station's group.
    const zhangCode = (await lina.post('/api/admin/deputies/dp0001/binding-code')).body.code
    expect((await (await asResident(app)).post('/api/mp/bind', { bindCode: zhangCode })).status).to.equal(200)
    const bot = new Client(app.baseUrl)
    bot.bearer = BOT_SECRET
    const person = async (contactId: string) => (await bot.post('/api/bot/people/resolve', { contactId })).body.personId as string
    const wang = await person('wxid_wangfang')
    expect((await bot.post(`/api/bot/people/${wang}/bind`, { code: (await lina.post('/api/admin/deputies/dp0002/binding-code')).body.code })).status).to.equal(
      200,
    )
    const me = await person('wxid_lina')
    expect((await bot.post(`/api/bot/people/${me}/bind`, { code: (await lina.post('/api/admin/me/bot-code')).body.code })).status).to.equal(200)
    const room = await bot.post('/api/bot/rooms/bind', { personId: me, roomId: 'qinggong@chatroom', stationCode: 'ST001', topic: '轻工联络站工作群' })
    expect(room.status, JSON.stringify(room.body)).to.equal(200)

    const after = (await lina.get('/api/admin/stations/st001/bindings')).body
    expect(after.deputies.map((d: { name: string; miniProgram: boolean; bot: boolean }) => [d.name, d.miniProgram, d.bot])).to.deep.equal([
      ['张伟', true, false],
      ['王芳', false, true],
      ['李强', false, false],
    ])
    expect(after.group).to.deep.equal({ bound: true, text: '本站微信群：已绑定（轻工联络站工作群），发给联络站的提醒和督办会发到群里' })
    expect(after.me).to.deep.equal({ bound: true, text: '您本人的微信：已绑定' })

    // 马庄's clerk learns nothing of 轻工's.
    const refused = await (await login('zhoujie')).get('/api/admin/stations/st001/bindings')
    expect(refused.status).to.equal(404)
    expect(refused.body.error.message).to.equal('联络站不存在')
  })
})
