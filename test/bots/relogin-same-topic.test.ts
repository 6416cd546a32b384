import { expect } from 'chai'
import { Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'
import { botFleet, ask, BOT_SECRET, dispatch, waitFor, type BotUnderTest } from './helpers.js'

/**
 * Two stations whose groups carry the same (generic) name. After a re-login only one of the
 * groups is found (the other not loaded yet, or the bot was taken out of it): a station's notice
 * must not go to the other station's group, nor its binding be stolen.
 */
describe('bot: two stations whose groups have the same name, after a re-login', function () {
  this.timeout(60_000)
  let app: TestApp
  const fleet = botFleet(() => app.baseUrl)
  const directory = () => {
    const city = caseCity()
    city.stations.push({
      id: 'st005',
      code: 'ST005',
      name: '东安街道代表联络站',
      kind: 'community',
      address: '东安路1号',
      regionIds: ['s0301'],
      receptionDays: ['mon'],
    })
    city.staff.push({ id: 'sf06', name: '赵六', role: 'station_staff', stationIds: ['st005'], username: 'zhaoliu', password: STAFF_PASSWORD })
    return city
  }
  beforeEach(async () => {
    app = await startApp({ directory: directory(), overrides: { bot: { secret: BOT_SECRET } } })
  })
  afterEach(async () => {
    await fleet.stopAll()
    await app.close()
  })
  const bot = fleet.start
  async function inRoom(t: BotUnderTest, room: ReturnType<BotUnderTest['world']['room']>, who: ReturnType<BotUnderTest['world']['person']>, text: string) {
    const handled = t.bot.inbox.handled
    who.say(text).to(room)
    await waitFor(() => t.bot.inbox.handled > handled, `the bot to handle "${text}"`)
    await t.bot.inbox.settled()
  }
  async function bindStaff(t: BotUnderTest, id: string, name: string, username: string) {
    const p = t.world.person(id, name)
    const console = await new Client(app.baseUrl).login(username, STAFF_PASSWORD)
    const code = (await console.post('/api/admin/me/bot-code')).body.code as string
    expect(await ask(t, p, `绑定 ${code}`)).to.include('绑定成功')
    return p
  }
  async function residentWrites(t: BotUnderTest, key: string, regionId: string) {
    const { client } = t.bot
    const resident = await client.resolvePerson({ contactId: `wx-resident-${key}` })
    await client.consent(resident.personId, (await client.privacy()).version)
    const { ticket } = await client.submitCase(resident.personId, { text: '公交站台太窄，雨天没处躲雨', regionId }, `review-${key}`)
    await dispatch(app)
    return ticket
  }

  it("never sends one station's notice into another station's group of the same name, nor takes that group's binding", async () => {
    const first = await bot()
    const ww = await bindStaff(first, 'wx-ww-s1', '王五', 'wangwu')
    const zl = await bindStaff(first, 'wx-zl-s1', '赵六', 'zhaoliu')
    const roomA = first.world.room('room-a-s1@chatroom', '代表联络站工作群', [ww])
    const roomB = first.world.room('room-b-s1@chatroom', '代表联络站工作群', [zl])
    await inRoom(first, roomA, ww, '绑定站点 ST004')
    await inRoom(first, roomB, zl, '绑定站点 ST005')
    await first.stop()

    // Second login: new ids, and only ST005's group is there (ST004's not loaded yet, or the bot taken out of it).
    const second = await bot()
    const zl2 = second.world.person('wx-zl-s2', '赵六')
    second.world.room('room-b-s2@chatroom', '代表联络站工作群', [zl2])
    const ticketA = await residentWrites(second, 'a', 'c020101') // → ST004
    const ticketB = await residentWrites(second, 'b', 'c030101') // → ST005
    // The name no longer tells the groups apart: neither notice is sent by it; both wait (retried) for their group.
    const tried = async () => (await app.liaison.store.outbox.search({ limit: 50, kind: 'case.queued' })).items.filter((m) => m.attempts > 0)
    await waitFor(async () => (await tried()).length >= 2, 'both notices to have been tried')
    expect(
      second.world.said('代表联络站工作群').some((s) => s.includes(ticketA)),
      "ST004's notice in ST005's group",
    ).to.equal(false)
    expect(
      second.world.said('代表联络站工作群').some((s) => s.includes(ticketB)),
      'nor sent by a name two groups share',
    ).to.equal(false)
    const statuses = (await tried()).map((m) => `${m.status} ${m.lastError ?? ''}`)
    expect(
      statuses.filter((st) => st.startsWith('dead') || st.startsWith('sent')),
      'waiting, not buried',
    ).to.deep.equal([])
    expect((await app.liaison.store.bot.roomOf('st004'))?.roomId, "ST004's binding kept").to.equal('room-a-s1@chatroom')
    expect((await app.liaison.store.bot.roomOf('st005'))?.roomId, "ST005's binding kept").to.equal('room-b-s1@chatroom')
  })
})
