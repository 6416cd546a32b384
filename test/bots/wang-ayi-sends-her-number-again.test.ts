import { expect } from 'chai'
import type { InboundEvent } from '../../bots/inbox-types.js'
import { useCaseStory } from './case-story.js'
import { ask, waitFor, type BotUnderTest, type Person } from './helpers.js'

/**
 * 王阿姨 (72) types slowly, and when no answer shows at once she sends her "1" again. The bot's answers leave 2–4 s
 * apart (pacer.ts), so her second "1" comes before she could read the answer to the first: it answers nothing she has
 * seen. It never moves her a step on: not to a street she never chose, not to a new message after 留言已送出, not to
 * turning down 重新办理 after a low score.
 */

/**
 * She sends `text`, then the same again before the answer to the first has gone out (the answer waits its pace until
 * her second is in); resolves with everything said to her once both were handled.
 */
async function sendsTwice(t: BotUnderTest, person: Person, text: string): Promise<string> {
  const name = person.payload.name
  const before = t.world.said(name).length
  const handled = t.bot.inbox.handled
  const { inbox, speaker } = t.bot
  const receive = inbox.receive.bind(inbox)
  const toContact = speaker.toContact.bind(speaker)
  let arrived = 0
  let bothIn!: () => void
  const both = new Promise<void>((resolve) => (bothIn = resolve))
  inbox.receive = (event: InboundEvent) => {
    if (event.kind === 'private' && event.contactId === person.id && ++arrived === 2) bothIn()
    return receive(event)
  }
  speaker.toContact = async (...args: Parameters<typeof toContact>) => {
    await both
    return toContact(...args)
  }
  try {
    person.say(text).to(t.world.self)
    person.say(text).to(t.world.self)
    await waitFor(() => inbox.handled >= handled + 2, `the bot to handle "${text}" twice`)
    await inbox.settled()
  } finally {
    inbox.receive = receive
    speaker.toContact = toContact
  }
  return t.world.said(name).slice(before).join('\n\n')
}

describe('bot: 王阿姨 sends her number again before the answer came', function () {
  this.timeout(60_000)
  const story = useCaseStory({ resident: ['wx-wang-ayi', '王阿姨'] })
  const say = (words: string) => ask(story.bot, story.resident, words)

  it('her district sent twice lists its streets once, and "1" sent twice under the summary sends it once and starts nothing new', async () => {
    await say('留言')
    expect(await say('同意')).to.include('1. 湛河区')
    const streets = await sendsTwice(story.bot, story.resident, '1')
    expect(streets).to.include('请选择哪个街道（乡镇），回复数字：\n1. 轻工街道')
    expect(streets, 'no street chosen for her').to.not.include('建设路社区')
    expect(await say('1')).to.include('1. 建设路社区')
    expect(await say('1')).to.include('留言将发给：湛河区 轻工街道 建设路社区')
    await say('楼道里的灯坏了三个月了，晚上上下楼看不见')
    expect(await say('好了')).to.include('1. 确认送出')

    const sent = await sendsTwice(story.bot, story.resident, '1')
    expect(sent).to.include('留言已送出，谢谢您！')
    expect(sent.match(/留言已送出/g), 'sent once').to.have.length(1)
    expect(sent, 'no new message begun').to.not.include('这次还发这里吗').and.not.include('请选择')
    expect((await story.bot.bot.client.dialogue('wx-wang-ayi')).state, 'nothing going on').to.equal(null)
    const mine = await story.app.liaison.store.cases.search({ limit: 10 })
    expect(mine.items.filter((c) => c.text.startsWith('楼道里的灯坏了'))).to.have.length(1)
  })

  it('a low score "2" sent twice offers 重新办理 and waits for her answer: the second "2" does not turn it down', async () => {
    const ticket = await story.residentWithAnsweredMessage('我家楼下那个路灯坏了快一个月了，晚上黑咕隆咚的')
    const offer = await sendsTwice(story.bot, story.resident, '2')
    expect(offer).to.include('1. 重新办理').and.not.include('不重新办理了')
    expect(await story.stored(ticket), 'scored once').to.include({ rating: 2 })
    expect(await say('1')).to.include('请简单说说还有哪些问题没有解决')
    expect(await say('路灯还是不亮')).to.include(`已申请重新办理留言 ${ticket}`)
    expect(await story.stored(ticket)).to.include({ status: 'reopened' })
  })
})
