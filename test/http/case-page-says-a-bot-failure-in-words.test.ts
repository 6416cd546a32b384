import { expect } from 'chai'
import { asDeputy, asResident, startApp, type TestApp } from '../helpers/app.js'
import { asStaff, meetingCity } from '../helpers/meetings.js'

const HOUR = 3_600_000
/** A subscribe template for every kind: a deputy who uses the mini-program can then be reached. */
const TEMPLATES = {
  wechat: {
    enabled: true,
    appId: 'wx-test-app',
    secret: 'test-secret',
    templates: { notice: { id: 'TPL-NOTICE', longTerm: true, page: 'pages/index/index', data: { thing1: '{title}' } } },
  },
}

/**
 * The clerk's case page says why the last notice to the deputy died in plain words, by the bot's reason code, as
 * 消息发送情况 does: never the puppet's English ("1101 == 0"), which stays in the outbox row for the logs.
 */
describe("the case page says a bot's failure in words", () => {
  let app: TestApp
  afterEach(() => app.close())

  it('a 催办 the bot could not send because it was logged out: 微信助手没有登录微信, never 1101', async () => {
    app = await startApp({ directory: meetingCity(), overrides: TEMPLATES })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
    await asDeputy(app, 'dp0001')
    const resident = await asResident(app)
    const sent = await resident.post('/api/mp/cases', { text: '楼道灯坏了一个月，晚上看不见', regionId: 'c010101', deputyCode: 'DP0001' })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    app.clock.advance(26 * HOUR)
    const lina = await asStaff(app, 'lina')
    expect((await lina.post(`/api/admin/cases/${sent.body.id}/urge`, {})).status).to.equal(200)

    const { outbox } = app.liaison.store
    const due = await outbox.claimDue(app.clock.now(), { limit: 100, leaseMs: 60_000, holder: 'test', channels: ['auto'] })
    for (const m of due) {
      const dies = m.kind === 'case.urged' && m.recipientId === 'dp0001'
      await outbox.complete(
        m.id,
        'test',
        dies
          ? { status: 'dead', error: '1101 == 0（已尝试 5 次）', code: 'not_logged_in' }
          : { status: 'sent', at: app.clock.now(), channel: 'mp_subscribe', address: 'o-x' },
      )
    }
    const text = (await lina.get(`/api/admin/cases/${sent.body.id}`)).body.deputyNotice?.text as string
    expect(text).to.equal('最近一次给张伟代表的催办提醒未能送达（微信助手没有登录微信，消息发不出去），请打电话告诉张伟代表（电话 138****0001）')
    expect(text).not.to.include('1101')
  })
})
