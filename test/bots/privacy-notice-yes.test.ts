import { expect } from 'chai'
import { type TestApp } from '../helpers/app.js'
import { ask, type BotUnderTest, useBotStory } from './helpers.js'

/**
 * The first "留言" shows the privacy notice, which asks for a yes ("同意请回复"同意""). Elderly residents
 * answer it as they answer any yes-question: "好的", "行", "可以". That is a yes; a shrug, a question or
 * silence is not, and the notice keeps asking.
 */
describe('bot: a resident agrees to the privacy notice in her own words', function () {
  this.timeout(60_000)
  const story = useBotStory()
  let app: TestApp
  let t: BotUnderTest
  beforeEach(() => ({ app, bot: t } = story))

  const consentOf = async (contactId: string) => (await app.liaison.store.mpUsers.getByBotContact(contactId))?.consentVersion ?? null

  it('"好的", "好", "行", "可以", "同意了", "我同意" under the notice agree as "同意" does, and her message goes on', async () => {
    for (const [i, said] of ['好的', '好', '行', '可以', '同意了', '我同意'].entries()) {
      const elder = t.world.person(`wx-elder-${i}`, `老人${i}`)
      expect(await ask(t, elder, '留言'), said).to.include('同意请回复"同意"，不同意请回复"取消"。')
      const answer = await ask(t, elder, said)
      expect(answer, said).to.include('谢谢您的同意！').and.include('请选择您住在哪个区（县），回复数字：')
      expect(answer, said).to.not.include('请回复"同意"继续')
      expect(await consentOf(`wx-elder-${i}`), said).to.be.a('string')
    }
  })

  it('"嗯", a question or other words keep the notice asking, and half an hour of silence agrees to nothing', async () => {
    const elder = t.world.person('wx-elder', '老李')
    await ask(t, elder, '留言')
    for (const said of ['嗯', '这是什么意思', '不知道', '好的吗？']) expect(await ask(t, elder, said), said).to.equal('请回复"同意"继续，或回复"取消"。')
    expect(await consentOf('wx-elder'), 'nothing agreed').to.equal(null)

    t.clock.advance(31 * 60_000)
    t.bot.inbox.sweep()
    await t.bot.inbox.settled()
    expect(t.world.said('老李').at(-1)).to.include('刚才的对话已经结束了')
    expect(await consentOf('wx-elder'), 'silence is no yes').to.equal(null)
    // With no notice waiting, "好的" is only kind words: it agrees to nothing.
    expect(await ask(t, elder, '好的')).to.include('好的！有事随时发消息给我们')
    expect(await consentOf('wx-elder')).to.equal(null)
  })
})
