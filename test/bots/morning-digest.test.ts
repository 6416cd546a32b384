import { expect } from 'chai'
import { DIGEST_JOB } from '../../src/jobs/digest-job.js'
import { startApp, type TestApp } from '../helpers/app.js'
import { asStaff, meetingBody } from '../helpers/meetings.js'
import { ask, BOT_SECRET, caseCity, dispatch, startBot, waitFor, type BotUnderTest } from './helpers.js'
import { bindZhangWei, writesToZhangWei } from './zhang-wei.js'

const QUIET = {
  start: '21:00',
  end: '08:00',
  immediateKinds: [
    'case.acknowledged',
    'case.forwarded',
    'case.replied',
    'case.rejected',
    'case.merged',
    'case.closed',
    'meeting.changed',
    'meeting.cancelled',
  ],
}
/** Monday 2026-11-23 at hh:mm in Asia/Shanghai, or `days` later. */
const monday = (hh: number, mm = 0, days = 0) => new Date(Date.UTC(2026, 10, 23 + days, hh - 8, mm))

/**
 * 张伟 uses only the WeChat chat. At 08:00 his daily digest comes there, in the same minute as
 * the notice of a message written at 22:30 and held overnight. The digest is his day's list: every
 * message with the date and time to act by, in words ("11月24日（星期二）上午10:00"), meetings with
 * what he answered, and what to send in this chat to act. A message whose own notice he has, or gets
 * in the same release, is listed with the rest but not announced again as new.
 */
describe("bot: a deputy's morning digest in the chat", function () {
  this.timeout(60_000)
  let app: TestApp
  let t: BotUnderTest
  beforeEach(async () => {
    app = await startApp({ directory: caseCity(), overrides: { bot: { secret: BOT_SECRET }, outbox: { quietHours: QUIET } } })
    app.clock.set(monday(10))
    t = await startBot(app.baseUrl)
  })
  afterEach(async () => {
    await t?.stop()
    await app?.close()
  })

  /** The backend routes what is due to the bot, and the bot has said all of it. */
  async function deliver() {
    await dispatch(app)
    const waiting = async () =>
      (await app.liaison.store.outbox.search({ limit: 50, channel: 'bot_private' })).items.filter((m) => m.status === 'pending' || m.status === 'sending')
        .length
    await waitFor(async () => (await waiting()) === 0, 'the bot to send what is due')
    await t.bot.inbox.settled()
  }

  it('lists his work with deadlines in words and how to act, the meeting he said 参加 to, and the night message once', async () => {
    const zhang = await bindZhangWei(app, t)
    const first = await writesToZhangWei(t, t.world.person('wx-laoli', '老李'), '我们楼下的路灯坏了两个星期了，晚上老人出门看不见路。我电话13812345678')
    const sunli = await asStaff(app, 'sunli')
    const { body: meeting } = await sunli.post('/api/admin/meetings', meetingBody({ selector: { deputyIds: ['dp0001'] } }))
    expect((await sunli.post(`/api/admin/meetings/${meeting.id}/publish`)).status).to.equal(200)
    await deliver()
    expect(await ask(t, zhang, '参加')).to.include('已回复参加')

    app.clock.set(monday(22, 30))
    const night = await writesToZhangWei(t, t.world.person('wx-xiaochen', '小陈'), '晚上楼下广场舞音乐太吵，十点多还在跳')
    await deliver()
    expect(
      t.world.said('张伟').filter((m) => m.includes(`新留言 ${night}`)),
      'held for the morning',
    ).to.deep.equal([])

    // 08:00: the digest is made while the night message's notice still waits to go; both go out now.
    app.clock.set(monday(8, 0, 1))
    expect((await app.liaison.jobs.find((j) => j.name === DIGEST_JOB)!.run()) as { made: number }).to.include({ made: 1 })
    await deliver()
    await waitFor(() => t.world.said('张伟').find((m) => m.includes(`新留言 ${night}`)), 'the night message, released at 08:00')

    const digest = await waitFor(() => t.world.said('张伟').find((m) => m.includes('今日摘要')), 'the digest')
    expect(digest).to.equal(
      [
        '张伟代表，您好！今日摘要（11月24日）',
        '',
        // Both are to be acknowledged this very day: said so in the heading, and by 今天.
        '【待办留言 2 条，其中今天到期 2 条】',
        `1. ${first.slice(-4)} 城乡建设：我们楼下的路灯坏了两个星期了，晚上老人出门看不见路…`,
        '   请在今天上午10:00前受理',
        `2. ${night.slice(-4)} 环境保护：晚上楼下广场舞音乐太吵，十点多还在跳`,
        '   请在今天晚上10:30前受理',
        '',
        '【近 7 天会议活动 1 个】',
        '· 11月26日（星期四）上午9:30 市人大常委会第十次会议（市人大常委会第一会议室），已回复参加',
        '',
        '【办理方法】直接在这里回复：',
        `受理请回复：受理 ${first.slice(-4)}`,
        `答复请回复：回复 ${first.slice(-4)} 再写上答复`,
        '发送"待办"可以看全部待办留言',
      ].join('\n'),
    )
    const [row] = (await app.liaison.store.outbox.search({ limit: 5, kind: 'digest' })).items
    expect(row.payload.title).to.equal('每日摘要：2 条留言今天到期')

    // The lines it shows work as it says.
    expect(await ask(t, zhang, `受理请回复：受理 ${first.slice(-4)}`)).to.include(`已受理留言 ${first}`)
  })

  it('is titled by the meeting when a meeting is all there is, and says he has not answered yet', async () => {
    await bindZhangWei(app, t)
    const sunli = await asStaff(app, 'sunli')
    const { body: meeting } = await sunli.post('/api/admin/meetings', meetingBody({ selector: { deputyIds: ['dp0001'] } }))
    expect((await sunli.post(`/api/admin/meetings/${meeting.id}/publish`)).status).to.equal(200)
    await deliver()

    app.clock.set(monday(8, 0, 1))
    await app.liaison.jobs.find((j) => j.name === DIGEST_JOB)!.run()
    await deliver()
    const digest = await waitFor(() => t.world.said('张伟').find((m) => m.includes('今日摘要')), 'the digest')
    expect(digest).to.equal(
      [
        '张伟代表，您好！今日摘要（11月24日）',
        '',
        '【近 7 天会议活动 1 个】',
        '· 11月26日（星期四）上午9:30 市人大常委会第十次会议（市人大常委会第一会议室），还没回复',
        '',
        '【办理方法】直接在这里回复：',
        '会议请回复"参加"，或"请假 原因"',
      ].join('\n'),
    )
    const [row] = (await app.liaison.store.outbox.search({ limit: 5, kind: 'digest' })).items
    expect(row.payload.title).to.equal('每日摘要：1 个会议还没说参不参加')
  })
})
