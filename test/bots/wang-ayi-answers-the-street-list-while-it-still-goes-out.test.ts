import { expect } from 'chai'
import type { InboundEvent } from '../../bots/inbox-types.js'
import { useCaseStory } from './case-story.js'
import { ask, waitFor } from './helpers.js'

/**
 * 王阿姨 (72) picks her district with "1". The street list comes in paced parts (pacer.ts); she reads the first, where
 * 轻工街道 is 1, and answers "1" before the last part has gone. Her "1" is the same text as before, sent while the bot
 * was still answering, but it answers what she read: her street is chosen, not dropped as a re-sent copy.
 */
describe('bot: 王阿姨 answers the street list while its last part is still going out', function () {
  this.timeout(60_000)
  const story = useCaseStory({ resident: ['wx-wang-ayi', '王阿姨'] })
  const say = (words: string) => ask(story.bot, story.resident, words)

  it('district "1", then street "1" after the first part of the streets reached her: both count', async () => {
    await say('留言')
    expect(await say('同意')).to.include('1. 湛河区')
    const { inbox, pacer } = story.bot.bot
    const me = story.resident
    const before = story.bot.world.said('王阿姨').length
    const handled = inbox.handled
    const receive = inbox.receive.bind(inbox)
    const send = pacer.send.bind(pacer)
    let arrived = 0
    let secondIn!: () => void
    const second = new Promise<void>((resolve) => (secondIn = resolve))
    let firstPart = true
    inbox.receive = (event: InboundEvent) => {
      if (event.kind === 'private' && event.contactId === me.id && ++arrived === 2) secondIn()
      return receive(event)
    }
    // The first part of the answer reaches her; the rest still waits its pace when she answers it.
    pacer.send = async (...args: Parameters<typeof send>) => {
      const outcome = await send(...args)
      if (args[0] === me.id && firstPart) {
        firstPart = false
        me.say('1').to(story.bot.world.self)
        await second
      }
      return outcome
    }
    try {
      me.say('1').to(story.bot.world.self)
      await waitFor(() => inbox.handled >= handled + 2, 'the bot to handle both of her "1"s')
      await inbox.settled()
    } finally {
      inbox.receive = receive
      pacer.send = send
    }
    const said = story.bot.world.said('王阿姨').slice(before).join('\n\n')
    expect(said).to.include('1. 轻工街道')
    expect(said, 'her street 轻工街道 chosen: its communities listed').to.include('1. 建设路社区')
    expect(await say('1')).to.include('留言将发给：湛河区 轻工街道 建设路社区')
  })
})
