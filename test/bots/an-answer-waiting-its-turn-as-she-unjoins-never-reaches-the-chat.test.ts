import { expect } from 'chai'
import { asResident } from '../helpers/app.js'
import { sayItIsMine } from '../helpers/chat-join.js'
import { useCaseStory } from './case-story.js'
import { ask, dispatch, waitFor, type BotUnderTest } from './helpers.js'

/**
 * Round 37's closing note: the bot takes a message for a person when it leases it (the backend checks then that the
 * chat is hers), but says it only in its turn, at a person's pace. A 解除 in between made the chat someone else's, and
 * the message still went there. Now the bot asks again right before it says it; no longer hers, the message is routed
 * again, as any message to a person with no chat is, and nothing is said in that chat.
 *
 * The bot's pace is held here (its virtual clock does not move on) so that the answer waits its turn in the bot, leased.
 */
describe('bot: an answer waiting its turn in the bot as she says 解除 never reaches that chat', function () {
  this.timeout(60_000)
  const story = useCaseStory({ resident: ['wx-li-grandson-2', '小刚'] })

  /** Holds the bot's pacer in its next wait (its clock stands still) until the returned function lets it go on. */
  function holdThePace(t: BotUnderTest) {
    const clock = t.clock
    const sleep = clock.sleep.bind(clock)
    let letGo: () => void = () => {}
    const gate = new Promise<void>((resolve) => (letGo = resolve))
    clock.sleep = (ms, signal) =>
      new Promise<void>((resolve) => {
        // A new message to plan (or the bot stopping) wakes the pacer as it would; time moves only once let go.
        signal?.addEventListener('abort', () => resolve(), { once: true })
        void gate.then(() => sleep(ms, signal).then(resolve))
      })
    return () => {
      clock.sleep = sleep
      letGo()
    }
  }

  it('is routed again instead, and the chat hears only that the two are apart', async () => {
    const { app, bot: t, resident: chat } = story
    const li = await asResident(app, 'o-li-ayi-in-turn')
    const written = await li.post('/api/mp/cases', { text: '楼道里的灯坏了好几天了', regionId: 'c010101', deputyCode: 'DP0001' })
    expect(written.status, JSON.stringify(written.body)).to.equal(201)
    const ticket = written.body.ticket as string
    expect(await ask(t, chat, (await li.post('/api/mp/me/chat-code')).body.words)).to.include('请回到小程序确认')
    await sayItIsMine(li)

    // 张伟 answers; the bot leases the answer for the joined chat (hers then) and waits its turn to say it.
    await t.bot.outbox.stop()
    expect(await ask(t, story.deputy, `回复 ${ticket} 已经换了新灯。`)).to.include(`发给留言 ${ticket}`)
    expect(await ask(t, story.deputy, '是')).to.include(`已发给留言 ${ticket}`)
    await dispatch(app)
    const answer = async () => (await app.liaison.store.outbox.search({ limit: 10, kind: 'case.replied' })).items[0]
    expect(await answer(), 'routed to the joined chat').to.deep.include({ channel: 'bot_private', address: chat.id })
    const letGo = holdThePace(t)
    t.bot.outbox.start()
    await waitFor(async () => (await answer()).status === 'sending' && t.bot.pacer.backlog > 0, 'the bot to lease the answer and wait its turn')

    // She lets go of the chat in 我的 meanwhile (her grandson's WeChat, it turned out).
    expect((await li.request('DELETE', '/api/mp/me/chat-join')).status).to.equal(200)
    letGo()
    await waitFor(async () => (await answer()).status !== 'sending', 'the bot to be done with the answer')
    const hers = () => t.world.said('小刚').filter((m) => m.includes('换了新灯') || m.includes('楼道里的灯'))
    expect(hers(), 'not said in that chat').to.deep.equal([])
    expect(await answer(), 'routed again').to.deep.include({ status: 'pending', channel: 'auto' })
    await dispatch(app)
    const after = await answer()
    expect(after.status, 'no other way to her here: 未能送达 in the console').to.equal('dead')
    expect(after.lastError).to.match(/^未能送达：/)

    await dispatch(app)
    await waitFor(() => t.world.said('小刚').find((m) => m.includes('已经解除')), 'the chat to be told')
    expect(hers(), 'nothing of hers in that chat').to.deep.equal([])
    expect(
      ((await li.get('/api/mp/cases')).body.items as Array<{ ticket: string }>).map((c) => c.ticket),
      'hers, in 我的留言',
    ).to.deep.equal([ticket])
  })
})
