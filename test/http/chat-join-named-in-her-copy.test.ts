import { expect } from 'chai'
import { asResident } from '../helpers/app.js'
import { chatJoinAppForEachTest, joinHerChat } from '../helpers/chat-join.js'

/**
 * What is kept about her names the WeChat whose chat is joined to her account: her copy (导出) and 我的信息 say which
 * WeChat, by the name the bot knew it by, and since which day — not only that "a chat" is linked. Once she has undone
 * it, neither names it any more.
 */
describe('joining her chat: her copy and 我的信息 name the joined WeChat and since when', () => {
  const t = chatJoinAppForEachTest()
  const { chatPerson } = t

  it('names 微信“王阿姨” and the day she joined it, and stops once she undoes it', async () => {
    t.app.clock.set(new Date('2026-11-22T02:00:00Z'))
    const her = await asResident(t.app, 'o-her-copy')
    await joinHerChat(t.bot, her, await chatPerson('wx-her-copy'), '王阿姨')

    const copy = (await her.get('/api/mp/me/export')).body
    expect(copy.account.chatBot.linked).to.equal(true)
    expect(copy.account.chatBot.joined.name).to.equal('王阿姨')
    const kept = (await her.get('/api/mp/me/kept')).body
    expect(kept.facts).to.deep.include({ label: '微信聊天', value: '已和微信“王阿姨”连在一起（2026年11月22日起），那个聊天里发的留言也在这里' })

    expect((await her.request('DELETE', '/api/mp/me/chat-join')).status).to.equal(200)
    expect((await her.get('/api/mp/me/export')).body.account.chatBot).to.deep.equal({ linked: false, joined: null })
    expect((await her.get('/api/mp/me/kept')).body.facts.map((f: { label: string }) => f.label)).to.not.include('微信聊天')
  })
})
