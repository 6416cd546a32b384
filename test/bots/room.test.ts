import { expect } from 'chai'
import { Client, type TestApp } from '../helpers/app.js'
import { STAFF_PASSWORD } from '../fixtures.js'
import { ask, dispatch, waitFor, type BotUnderTest, useBotStory } from './helpers.js'

/** A station's WeChat group, bound by its staff, receives what is addressed to the station. */
describe("bot: a station's group", function () {
  this.timeout(20_000)
  const story = useBotStory()
  let app: TestApp
  let t: BotUnderTest
  beforeEach(() => ({ app, bot: t } = story))

  type Someone = ReturnType<BotUnderTest['world']['person']>
  type Room = ReturnType<BotUnderTest['world']['room']>
  async function inRoom(room: Room, who: Someone, text: string) {
    const handled = t.bot.inbox.handled
    who.say(text).to(room)
    await waitFor(() => t.bot.inbox.handled > handled, `the bot to handle "${text}"`)
    await t.bot.inbox.settled()
  }

  it('is bound by the station\'s staff with "绑定站点", refused to others, and then gets the station\'s messages', async () => {
    const wangwu = t.world.person('wx-wangwu', '王五') // staff of 新华街道代表联络站 (ST004, no deputy)
    const chatter = t.world.person('wx-neighbour', '邻居')
    const room = t.world.room('xinhua-station@chatroom', '新华街道联络站工作群', [wangwu, chatter])

    await inRoom(room, chatter, '大家好')
    expect(t.world.said('新华街道联络站工作群'), 'group chatter gets no answer').to.deep.equal([])
    await inRoom(room, chatter, '绑定站点 ST004')
    expect(t.world.said('新华街道联络站工作群').at(-1)).to.include('只有联络站工作人员可以绑定站点群')

    const console = await new Client(app.baseUrl).login('wangwu', STAFF_PASSWORD)
    const code = (await console.post('/api/admin/me/bot-code')).body.code as string
    expect(await ask(t, wangwu, `绑定 ${code}`)).to.include('绑定成功！王五')
    await inRoom(room, wangwu, '绑定站点 ｓｔ００４') // full-width, lower case
    expect(t.world.said('新华街道联络站工作群').at(-1)).to.equal('本群已绑定到新华街道代表联络站（ST004）。站点的通知以后会发到这个群里。')

    // A resident's message for 新华社区 waits in the station's queue: the group is told.
    const { client } = t.bot
    const resident = await client.resolvePerson({ contactId: 'wx-resident' })
    await client.consent(resident.personId, (await client.privacy()).version)
    const { ticket } = await client.submitCase(resident.personId, { text: '公交站台太窄，雨天没处躲雨', regionId: 'c020101' }, 'test-room-1')
    await dispatch(app)
    const notice = await waitFor(() => t.world.said('新华街道联络站工作群').find((m) => m.includes(ticket)), 'the station notice in the group')
    expect(notice).to.include('待分派')
    expect(notice, "a group never reads the resident's own words").not.to.include('公交站台太窄')
    const [sent] = (await app.liaison.store.outbox.search({ limit: 5, kind: 'case.queued' })).items
    await waitFor(async () => (await app.liaison.store.outbox.get(sent.id))!.status === 'sent', 'the outbox message to be acked')
  })
})
