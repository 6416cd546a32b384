import { expect } from 'chai'
import { DEFAULT_PACE, Pacer, PacerStoppedError, type PaceOptions } from '../../bots/pacer.js'
import { startApp, type TestApp } from '../helpers/app.js'
import { ask, bindingCode, BOT_SECRET, caseCity, dispatch, startBot, waitFor, type BotUnderTest } from './helpers.js'
import { VirtualClock } from './virtual-clock.js'

const MINUTE = 60_000

/** A pacer on a virtual clock, with a log of when (virtual time) each message left. */
function pacedOn(options: Partial<PaceOptions> = {}, random = Math.random) {
  const clock = new VirtualClock(0)
  const pacer = new Pacer({ ...DEFAULT_PACE, ...options }, clock, random)
  const sent: Array<{ at: number; to: string; text: string }> = []
  const send = (to: string, text: string, priority: 'reply' | 'push' = 'push', pushId: string | null = null) =>
    pacer.send(to, text, async () => void sent.push({ at: clock.now(), to, text }), priority, pushId)
  return { clock, pacer, sent, send }
}

const gaps = (times: number[]) => times.slice(1).map((t, i) => t - times[i])

describe('bot: the pacer (on a virtual clock)', () => {
  it('leaves 2–4 s between messages, with jitter', async () => {
    const { send, sent } = pacedOn()
    await Promise.all(Array.from({ length: 12 }, (_, i) => send(`wx-${i}`, `通知 ${i}`)))
    const between = gaps(sent.map((s) => s.at))
    expect(between).to.have.length(11)
    for (const g of between) expect(g).to.be.within(2000, 4000)
    expect(new Set(between.map((g) => Math.round(g))).size, 'not a metronome').to.be.greaterThan(3)
  })

  it('sends at most perMinute in any minute and perDay in any day', async () => {
    const { send, sent } = pacedOn({ minGapMs: 0, maxGapMs: 0, perMinute: 30, perDay: 50 })
    await Promise.all(Array.from({ length: 70 }, (_, i) => send('wx-1', `第 ${i} 条`)))
    const times = sent.map((s) => s.at)
    for (const t of times) expect(times.filter((u) => u >= t && u < t + MINUTE).length).to.be.at.most(30)
    expect(times.filter((t) => t < 24 * 60 * MINUTE)).to.have.length(50)
    expect(times[50], 'the 51st waits for the day window').to.be.at.least(24 * 60 * MINUTE)
  })

  it('never sends the same outbox message twice within a minute, but always a different one with the same text', async () => {
    const { send, sent, clock } = pacedOn()
    expect(await send('wx-1', '会议地点：第二会议室', 'push', 'msg-1')).to.equal('sent')
    expect(await send('wx-1', '会议地点：第二会议室', 'push', 'msg-1'), 'leased again while it was going').to.equal('duplicate')
    expect(await send('wx-1', '会议地点：第三会议室', 'push', 'msg-2')).to.equal('sent')
    expect(await send('wx-1', '会议地点：第二会议室', 'push', 'msg-3'), 'moved back: news, not a repeat').to.equal('sent')
    clock.advance(MINUTE)
    expect(await send('wx-1', '会议地点：第二会议室', 'push', 'msg-1')).to.equal('sent')
    expect(sent.map((s) => s.text.slice(-5))).to.deep.equal(['第二会议室', '第三会议室', '第二会议室', '第二会议室'])
  })

  it('sends on the retry a push whose first sending failed, within the minute', async () => {
    const { pacer, clock } = pacedOn()
    const failed = pacer.send('wx-1', '您的留言有答复了', async () => Promise.reject(new Error('WeChat: network error')), 'push', 'msg-1#0')
    expect(
      await failed.then(
        () => 'sent',
        (e: Error) => e.message,
      ),
    ).to.equal('WeChat: network error')
    clock.advance(20_000) // the backend retries 15–30 s later
    let delivered = 0
    expect(
      await pacer.send('wx-1', '您的留言有答复了', async () => void delivered++, 'push', 'msg-1#0'),
      'not a duplicate of a send that never happened',
    ).to.equal('sent')
    expect(delivered).to.equal(1)
  })

  it('never drops an answer to something a person wrote, even a repeated one', async () => {
    const { send, sent } = pacedOn()
    expect(await send('wx-elder', '请回复数字选择：1. 留言', 'reply')).to.equal('sent')
    expect(await send('wx-elder', '请回复数字选择：1. 留言', 'reply')).to.equal('sent')
    expect(sent).to.have.length(2)
    expect(sent[1].at - sent[0].at, "still at a person's pace").to.be.within(2000, 4000)
  })

  it('sends answers to people before queued pushes', async () => {
    const { send, sent } = pacedOn()
    const pushes = Array.from({ length: 5 }, (_, i) => send('room@chatroom', `推送 ${i}`, 'push'))
    const answer = send('wx-elder', '您的留言已送出', 'reply')
    await Promise.all([...pushes, answer])
    expect(
      sent.findIndex((s) => s.to === 'wx-elder'),
      'after at most the push already going',
    ).to.be.at.most(1)
  })

  it('pauses everything for the cool-down after "操作过于频繁"', async () => {
    const { send, sent, pacer, clock } = pacedOn({ coolDownMinutes: 30 })
    await send('wx-1', '第一条')
    const until = pacer.coolDown()
    expect(until).to.equal(clock.now() + 30 * MINUTE)
    expect(pacer.blockedUntil()).to.equal(until)
    await send('wx-1', '第二条')
    expect(sent[1].at).to.be.at.least(until)
  })

  it('rejects what is still queued when stopped', async () => {
    const { send, pacer } = pacedOn({ coolDownMinutes: 30 })
    pacer.coolDown()
    const waiting = send('wx-1', '等待中')
    pacer.stop()
    let error: unknown = null
    await waiting.catch((e) => (error = e))
    expect(error).to.be.instanceOf(PacerStoppedError)
  })
})

describe("bot: outbox messages leave at a person's pace", function () {
  this.timeout(20_000)
  let app: TestApp
  let t: BotUnderTest
  beforeEach(async () => {
    app = await startApp({ directory: caseCity(), overrides: { bot: { secret: BOT_SECRET } } })
    t = await startBot(app.baseUrl, { clock: new VirtualClock(Date.now()) })
  })
  afterEach(async () => {
    await t.stop()
    await app.close()
  })

  it("sends six new-case notices to a bound deputy 2–4 s apart on the bot's clock, and acks each", async () => {
    const deputy = t.world.person('wx-zhangwei', '张伟')
    await ask(t, deputy, `绑定 ${await bindingCode(app, 'dp0001')}`)
    const { client } = t.bot
    const resident = await client.resolvePerson({ contactId: 'wx-elder' })
    await client.consent(resident.personId, (await client.privacy()).version)
    for (let i = 1; i <= 6; i++) await client.submitCase(resident.personId, { text: `第 ${i} 件事：楼道需要维修`, deputyCode: 'DP0001' }, `pace-${i}`)

    const at: number[] = []
    t.world.onLine((line) => {
      if (line.to === '张伟' && line.text.startsWith('张伟代表，您有一条新留言')) at.push(t.clock.now())
    })
    expect((await dispatch(app)).toBot).to.equal(6)
    await waitFor(() => at.length === 6, 'six notices')
    for (const g of gaps(at)) expect(g).to.be.within(2000, 4000)
    await waitFor(async () => (await app.liaison.store.outbox.search({ limit: 20, kind: 'case.assigned', status: 'sent' })).items.length === 6, 'six acks')
  })
})
