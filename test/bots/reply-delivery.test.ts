import { expect } from 'chai'
import { useCaseStory } from './case-story.js'
import { ask, dispatch, waitFor } from './helpers.js'
import { bindZhangWei } from './zhang-wei.js'

/** What the bot asks the backend, as "METHOD /api/bot/…", while `during` runs. */
async function backendCalls(during: () => Promise<void>): Promise<string[]> {
  const calls: string[] = []
  const realFetch = globalThis.fetch
  globalThis.fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    calls.push(`${init?.method ?? 'GET'} ${new URL(url).pathname}`)
    return realFetch(input, init)
  }
  try {
    await during()
  } finally {
    globalThis.fetch = realFetch
  }
  return calls
}

describe("bot: a deputy's reply reaches the resident in full, straight from the outbox", function () {
  this.timeout(20_000)
  const story = useCaseStory({ resident: ['wx-elder', '老李'], deputyBound: false })

  it('sends the whole reply with the rating question, without calling the backend back for the person or the case', async () => {
    const { app, bot: t, deputy } = story
    const ticket = await story.writes('路口红绿灯时间太短，老人过不去马路')
    await bindZhangWei(app, t, deputy)
    // Longer than the short line a subscribe card can carry: the resident still reads all of it.
    const reply = '已和交警大队沟通，下周起人行横道绿灯延长到 40 秒，并在路口增设一名协管员，早晚高峰扶老人过马路。如仍有不便请再留言。'
    expect(await ask(t, deputy, `回复 ${ticket.slice(-4)} ${reply}`)).to.include(`发给留言 ${ticket}`)
    expect(await ask(t, deputy, '是')).to.include(`已发给留言 ${ticket}`)

    let delivered = ''
    const calls = await backendCalls(async () => {
      await dispatch(app) // the backend routes the resident's notice to the bot
      delivered = await waitFor(() => t.world.said('老李').find((m) => m.includes('有答复了')), 'the reply to reach the resident')
      await waitFor(async () => (await t.bot.client.dialogue('wx-elder')).state?.rating, 'the dialogue to await a rating')
    })
    // Which of her messages: the day she wrote it and its first words, not the number alone.
    expect(delivered).to.match(new RegExp(`您\\d{1,2}月\\d{1,2}日反映的“路口红绿灯时间太短…”（编号 ${ticket}）有答复了：`))
    expect(delivered).to.include(reply)
    expect(delivered).to.include('5 很满意　4 满意　3 一般　2 不满意　1 很不满意')
    expect(
      calls.filter((c) => /\/people\/|\/cases\//.test(c)),
      'the outbox message carried everything the bot says',
    ).to.deep.equal([])
    expect(
      calls.filter((c) => c.includes('/outbox/') && c.endsWith('/ack')),
      'one ack for the one reply',
    ).to.have.length(1)
  })
})
