import { expect } from 'chai'
import type { FakeWeChat } from '../fakes/wechat-api.js'
import { asAdmin, asDeputy, Client, type TestApp } from '../helpers/app.js'
import { ballotBody, surveyBody } from '../helpers/surveys.js'
import { BOT_SECRET, loginAs, startWithWeChat, subscribe } from '../helpers/wechat.js'
import { STAFF_PASSWORD } from '../fixtures.js'
import { MockWorld } from '../../bots/mock-world.js'
import { ask, bindingCode, startBot, waitFor, type BotUnderTest } from '../bots/helpers.js'

const SUPERSEDED = '已被后来的变化取代，未发送'
const NIGHT = { start: '21:00', end: '08:00', immediateKinds: [] }
/** Monday 2026-11-23 at hh:mm in Asia/Shanghai, or `days` later. */
const monday = (hh: number, mm = 0, days = 0) => new Date(Date.UTC(2026, 10, 23 + days, hh - 8, mm))
/** 湛河区's five deputies: 张伟, 王芳, 李强, 赵敏, 刘洋. */
const ROLL = ['dp0001', 'dp0002', 'dp0003', 'dp0004', 'dp0005']
const BALLOT_WORDS = '票决提醒：请您在12月8日 18:00 前完成《2027年民生实事项目票决》投票。可在小程序“代表工作台”的“我的待办”中投票。'

/**
 * A reminder waits: pressed at 22:00 it goes at 08:00 (quiet hours), and one for the chat waits for the
 * bot to be logged in. A deputy who voted, answered or read meanwhile is not asked again for what he
 * did — he would wonder whether it counted; the console says why it was not sent. Those who did not
 * still get theirs.
 */
describe('no reminder for what a deputy has done since it was written', function () {
  this.timeout(60_000)
  let app: TestApp & { fake: FakeWeChat }
  let sunli: Client
  let t: BotUnderTest | null = null
  afterEach(async () => {
    await t?.stop()
    t = null
    await app.close()
  })

  async function start(overrides: Record<string, unknown> = {}) {
    app = await startWithWeChat(overrides)
    sunli = await new Client(app.baseUrl).login('sunli', STAFF_PASSWORD)
  }
  const cardsTo = (openid: string, title: string) => app.fake.sent().filter((m) => m.touser === openid && m.data.thing1.value.startsWith(title))
  const reminder = async (kind: string, deputyId: string) => (await app.liaison.store.outbox.search({ limit: 10, kind, recipientId: deputyId })).items[0]
  const deliveryShown = async (kind: string, deputyId: string) =>
    (await (await asAdmin(app)).get(`/api/admin/outbox?recipientId=${deputyId}&kind=${kind}`)).body.items[0].delivery
  /** The backend sends what is due; the bot, when there is one, has said all it was given. */
  async function deliver() {
    await app.liaison.services.dispatcher.drain()
    if (!t) return
    const waiting = async () =>
      (await app.liaison.store.outbox.search({ limit: 100, channel: 'bot_private' })).items.filter((m) => m.status === 'pending' || m.status === 'sending')
        .length
    await waitFor(async () => (await waiting()) === 0, 'the bot to send what is due')
  }
  async function mpDeputy(openid: string, deputyId: string) {
    const client = await loginAs(app, openid)
    expect((await client.post('/api/mp/bind', { bindCode: await bindingCode(app, deputyId) })).status).to.equal(200)
    await subscribe(client, 'accept', 3)
    return client
  }

  it('does not remind at 08:00 those who voted before it, in the mini-program or the chat; the one who did not is reminded', async () => {
    await start({ outbox: { quietHours: NIGHT } })
    app.clock.set(monday(10))
    const zhang = await mpDeputy('o-zhangwei', 'dp0001')
    t = await startBot(app.baseUrl)
    const wangfang = t.world.person('wx-wangfang', '王芳')
    const liqiang = t.world.person('wx-liqiang', '李强')
    expect(await ask(t, wangfang, `绑定 ${await bindingCode(app, 'dp0002')}`)).to.include('绑定成功')
    expect(await ask(t, liqiang, `绑定 ${await bindingCode(app, 'dp0003')}`)).to.include('绑定成功')
    const created = await sunli.post(
      '/api/admin/surveys',
      ballotBody({ closesAt: '2026-12-08T18:00:00+08:00', ballot: { passRule: 'roll_majority', maxChosen: 2, roll: { deputyIds: ROLL } } }),
    )
    expect(created.status, JSON.stringify(created.body)).to.equal(201)
    const ballot = created.body as { id: string }
    await deliver()

    // 22:00: 孙丽 reminds the three who can be reached; it waits for the morning.
    app.clock.set(monday(22))
    await sunli.login('sunli', STAFF_PASSWORD)
    const pressed = await sunli.post(`/api/admin/surveys/${ballot.id}/remind`)
    expect(pressed.body.words, JSON.stringify(pressed.body)).to.equal(
      '已提醒 3 人（夜间免打扰，8:00 后发送）；2 人没有绑定微信，收不到，请电话联系：赵敏、刘洋',
    )
    await deliver()
    expect(cardsTo('o-zhangwei', '票决提醒'), 'not at night').to.deep.equal([])

    // 07:30: 张伟 votes on his phone, 李强 too (in the mini-program: the chat takes no votes); 王芳 does not.
    app.clock.set(monday(7, 30, 1))
    expect((await zhang.post(`/api/mp/surveys/${ballot.id}/responses`, { answers: { projects: ['p1'] } })).status).to.equal(201)
    expect((await (await asDeputy(app, 'dp0003')).post(`/api/mp/surveys/${ballot.id}/responses`, { answers: { projects: ['p2'] } })).status).to.equal(201)

    app.clock.set(monday(8, 5, 1))
    await deliver()
    await waitFor(() => t!.world.said('王芳').find((s) => s.includes('票决提醒')), "王芳's reminder")
    expect(t.world.said('王芳').filter((s) => s.includes('票决提醒'))).to.deep.equal([BALLOT_WORDS])
    expect(
      t.world.said('李强').filter((s) => s.includes('票决提醒')),
      'he voted at 07:30',
    ).to.deep.equal([])
    expect(cardsTo('o-zhangwei', '票决提醒'), 'he voted at 07:30').to.deep.equal([])

    const voted = `${SUPERSEDED}（代表已经投票，不用再提醒）`
    for (const deputyId of ['dp0001', 'dp0003']) {
      expect(await reminder('ballot.reminder', deputyId), deputyId).to.deep.include({ status: 'dead', lastError: voted })
      expect(await deliveryShown('ballot.reminder', deputyId)).to.deep.equal({ state: 'superseded', label: '不用再发', reason: voted })
    }
    expect((await reminder('ballot.reminder', 'dp0002')).status).to.equal('sent')
  })

  it('does not card a deputy who filled in a named survey overnight from his phone; the other gets the card', async () => {
    await start({ outbox: { quietHours: NIGHT } })
    app.clock.set(monday(10))
    const zhang = await mpDeputy('o-zhangwei', 'dp0001')
    await mpDeputy('o-liqiang', 'dp0003')
    const created = await sunli.post('/api/admin/surveys', surveyBody({ title: '代表履职问卷', audience: { deputyIds: ['dp0001', 'dp0003'] } }))
    expect(created.status, JSON.stringify(created.body)).to.equal(201)
    const survey = created.body as { id: string }
    await deliver()

    app.clock.set(monday(22))
    await sunli.login('sunli', STAFF_PASSWORD)
    expect((await sunli.post(`/api/admin/surveys/${survey.id}/remind`)).body.words).to.equal('已提醒 2 人（夜间免打扰，8:00 后发送）')
    await deliver()

    app.clock.set(monday(7, 30, 1))
    expect((await zhang.post(`/api/mp/surveys/${survey.id}/responses`, { answers: { q1: 'o2', q3: 4 } })).status).to.equal(201)
    app.clock.set(monday(8, 5, 1))
    await deliver()
    expect(cardsTo('o-zhangwei', '填写提醒'), 'he answered at 07:30').to.deep.equal([])
    expect(cardsTo('o-liqiang', '填写提醒').map((m) => m.data.thing1.value)).to.deep.equal(['填写提醒：代表履职问卷'])
    expect(await reminder('survey.reminder', 'dp0001')).to.deep.include({ status: 'dead', lastError: `${SUPERSEDED}（代表已经填写，不用再提醒）` })
  })

  it('does not hand the bot, logged in again, a reading reminder of one who has read every required item since', async () => {
    await start()
    app.clock.set(monday(10))
    // 王芳 and 李强 use the chat; the bot is logged out while the reminders wait for it.
    const bot = Object.assign(new Client(app.baseUrl), { bearer: BOT_SECRET })
    for (const [contactId, deputyId] of [
      ['wx-wangfang', 'dp0002'],
      ['wx-liqiang', 'dp0003'],
    ]) {
      const { body: person } = await bot.post('/api/bot/people/resolve', { contactId })
      expect((await bot.post(`/api/bot/people/${person.personId}/bind`, { code: await bindingCode(app, deputyId) })).status).to.equal(200)
    }
    const campaign = await sunli.post('/api/admin/campaigns', {
      title: '学习贯彻代表法',
      description: '',
      startsAt: monday(9).toISOString(),
      endsAt: '2026-12-31T18:00:00+08:00',
      audience: { stationIds: ['st001', 'st002'] },
    })
    expect(campaign.status, JSON.stringify(campaign.body)).to.equal(201)
    const item = async (title: string, required: boolean) =>
      (await sunli.post(`/api/admin/campaigns/${campaign.body.id}/items`, { title, summary: '', body: '<p>……</p>', source: '中国人大网', required })).body as {
        id: string
      }
    const law = await item('代表法全文', true)
    const story = await item('代表履职小故事', false)
    const pressed = await sunli.post(`/api/admin/campaigns/${campaign.body.id}/remind`)
    expect(pressed.body.reminded, JSON.stringify(pressed.body)).to.equal(2)
    await deliver()
    expect((await reminder('reading.reminder', 'dp0003')).channel, 'waiting for the bot').to.equal('bot_private')

    // Meanwhile 李强 reads the required article in the mini-program; 王芳 reads only the one not required.
    expect((await (await asDeputy(app, 'dp0003')).get(`/api/mp/reading/${law.id}`)).status).to.equal(200)
    expect((await (await asDeputy(app, 'dp0002')).get(`/api/mp/reading/${story.id}`)).status).to.equal(200)

    const world = new MockWorld()
    world.person('wx-wangfang', '王芳')
    world.person('wx-liqiang', '李强')
    t = await startBot(app.baseUrl, { world })
    await deliver()
    await waitFor(() => world.said('王芳').find((s) => s.includes('学习提醒')), "王芳's reminder")
    expect(world.said('王芳').filter((s) => s.includes('学习提醒'))).to.deep.equal([
      '学习提醒：「学习贯彻代表法」还有 1 篇必读学习材料您还没有读：《代表法全文》。请在12月31日 18:00 前打开小程序“学习”阅读。',
    ])
    expect(
      world.said('李强').filter((s) => s.includes('学习提醒')),
      'he has read it',
    ).to.deep.equal([])
    expect(await reminder('reading.reminder', 'dp0003')).to.deep.include({ status: 'dead', lastError: `${SUPERSEDED}（代表已经读完，不用再提醒）` })
  })
})

/**
 * A reminder says "请在…前完成": pressed at 22:00 it waits for 08:00 (quiet hours), and by then what it
 * asks may no longer be possible — the organizer closed the ballot early, the survey's closing time
 * passed or it took all the answers it may, the campaign ended. Sent anyway, it sends the deputy to a
 * page that refuses him; the console says why it was not sent.
 */
describe('no reminder for what can no longer be done when it would go', function () {
  this.timeout(60_000)
  let app: TestApp & { fake: FakeWeChat }
  let sunli: Client
  beforeEach(async () => {
    app = await startWithWeChat({ outbox: { quietHours: NIGHT } })
    app.clock.set(monday(10))
    sunli = await new Client(app.baseUrl).login('sunli', STAFF_PASSWORD)
  })
  afterEach(() => app.close())

  const cardsTo = (openid: string, title: string) => app.fake.sent().filter((m) => m.touser === openid && m.data.thing1.value.startsWith(title))
  const reminderOf = async (kind: string, deputyId: string, subject: { surveyId?: string; campaignId?: string }) =>
    (await app.liaison.store.outbox.search({ limit: 10, kind, recipientId: deputyId })).items.find((m) =>
      Object.entries(subject).every(([k, v]) => (m.payload as Record<string, unknown>)[k] === v),
    )!
  const deliveryShown = async (kind: string, deputyId: string) =>
    (await (await asAdmin(app)).get(`/api/admin/outbox?recipientId=${deputyId}&kind=${kind}`)).body.items.map((m: { delivery: unknown }) => m.delivery)
  async function mpDeputy(openid: string, deputyId: string) {
    const client = await loginAs(app, openid)
    expect((await client.post('/api/mp/bind', { bindCode: await bindingCode(app, deputyId) })).status).to.equal(200)
    await subscribe(client, 'accept', 4)
    return client
  }
  /** 22:00: 孙丽 presses 提醒; quiet hours hold it for the morning. */
  async function remindAt22(path: string, words: string) {
    app.clock.set(monday(22))
    await sunli.login('sunli', STAFF_PASSWORD)
    const pressed = await sunli.post(path)
    expect(pressed.body.words, JSON.stringify(pressed.body)).to.equal(words)
    await app.liaison.services.dispatcher.drain()
  }

  it('does not remind at 08:05 of a ballot the organizer closed early at 07:00', async () => {
    await mpDeputy('o-zhangwei', 'dp0001')
    const created = await sunli.post(
      '/api/admin/surveys',
      ballotBody({ closesAt: '2026-12-08T18:00:00+08:00', ballot: { passRule: 'roll_majority', maxChosen: 2, roll: { deputyIds: ROLL } } }),
    )
    expect(created.status, JSON.stringify(created.body)).to.equal(201)
    await app.liaison.services.dispatcher.drain()
    await remindAt22(
      `/api/admin/surveys/${created.body.id}/remind`,
      '已提醒 1 人（夜间免打扰，8:00 后发送）；4 人没有绑定微信，收不到，请电话联系：王芳、李强、赵敏、刘洋',
    )

    app.clock.set(monday(7, 0, 1))
    await sunli.login('sunli', STAFF_PASSWORD)
    expect((await sunli.post(`/api/admin/surveys/${created.body.id}/close`)).status).to.equal(200)
    app.clock.set(monday(8, 5, 1))
    await app.liaison.services.dispatcher.drain()

    expect(cardsTo('o-zhangwei', '票决提醒'), 'the ballot closed at 07:00').to.deep.equal([])
    const closed = `${SUPERSEDED}（投票已经截止，不用再提醒）`
    expect(await reminderOf('ballot.reminder', 'dp0001', { surveyId: created.body.id })).to.deep.include({ status: 'dead', lastError: closed })
    expect(await deliveryShown('ballot.reminder', 'dp0001')).to.deep.equal([{ state: 'superseded', label: '不用再发', reason: closed }])
  })

  it('does not remind of a survey whose closing time passed overnight, nor of one that took all the answers it may', async () => {
    await mpDeputy('o-zhangwei', 'dp0001')
    await mpDeputy('o-liqiang', 'dp0003')
    const audience = { deputyIds: ['dp0001', 'dp0003'] }
    const closing = await sunli.post('/api/admin/surveys', surveyBody({ title: '代表履职问卷', audience, closesAt: '2026-11-24T07:00:00+08:00' }))
    const capped = await sunli.post('/api/admin/surveys', surveyBody({ title: '代表培训需求问卷', audience, responseCap: 1 }))
    for (const created of [closing, capped]) expect(created.status, JSON.stringify(created.body)).to.equal(201)
    await app.liaison.services.dispatcher.drain()
    await remindAt22(`/api/admin/surveys/${closing.body.id}/remind`, '已提醒 2 人（夜间免打扰，8:00 后发送）')
    await remindAt22(`/api/admin/surveys/${capped.body.id}/remind`, '已提醒 2 人（夜间免打扰，8:00 后发送）')

    // 07:00 the first closes; 07:30 李强 answers the second, which takes one answer only.
    app.clock.set(monday(7, 30, 1))
    const li = await loginAs(app, 'o-liqiang')
    expect((await li.post(`/api/mp/surveys/${capped.body.id}/responses`, { answers: { q1: 'o2', q3: 4 } })).status).to.equal(201)
    app.clock.set(monday(8, 5, 1))
    await app.liaison.services.dispatcher.drain()

    expect(cardsTo('o-zhangwei', '填写提醒'), 'neither can take his answer now').to.deep.equal([])
    expect(cardsTo('o-liqiang', '填写提醒')).to.deep.equal([])
    expect(await reminderOf('survey.reminder', 'dp0001', { surveyId: closing.body.id })).to.deep.include({
      status: 'dead',
      lastError: `${SUPERSEDED}（问卷已经截止，不用再提醒）`,
    })
    expect(await reminderOf('survey.reminder', 'dp0001', { surveyId: capped.body.id })).to.deep.include({
      status: 'dead',
      lastError: `${SUPERSEDED}（提交人数已满，不用再提醒）`,
    })
    expect(await reminderOf('survey.reminder', 'dp0003', { surveyId: capped.body.id }), 'what he did is said first').to.deep.include({
      status: 'dead',
      lastError: `${SUPERSEDED}（代表已经填写，不用再提醒）`,
    })
  })

  it('does not remind at 08:05 to read for a campaign that ended at 07:00', async () => {
    await mpDeputy('o-zhangwei', 'dp0001')
    const campaign = await sunli.post('/api/admin/campaigns', {
      title: '学习贯彻代表法',
      description: '',
      startsAt: monday(9).toISOString(),
      endsAt: monday(7, 0, 1).toISOString(),
      audience: { deputyIds: ['dp0001'] },
    })
    expect(campaign.status, JSON.stringify(campaign.body)).to.equal(201)
    const item = await sunli.post(`/api/admin/campaigns/${campaign.body.id}/items`, {
      title: '代表法全文',
      summary: '',
      body: '<p>……</p>',
      source: '中国人大网',
      required: true,
    })
    expect(item.status, JSON.stringify(item.body)).to.equal(201)
    await app.liaison.services.dispatcher.drain()
    await remindAt22(`/api/admin/campaigns/${campaign.body.id}/remind`, '已提醒 1 人（夜间免打扰，8:00 后发送）')

    app.clock.set(monday(8, 5, 1))
    await app.liaison.services.dispatcher.drain()
    expect(cardsTo('o-zhangwei', '学习提醒'), 'the campaign ended at 07:00').to.deep.equal([])
    expect(await reminderOf('reading.reminder', 'dp0001', { campaignId: campaign.body.id })).to.deep.include({
      status: 'dead',
      lastError: `${SUPERSEDED}（学习活动已经结束，不用再提醒）`,
    })
  })
})
