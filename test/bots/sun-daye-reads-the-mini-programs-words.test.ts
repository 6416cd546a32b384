import { expect } from 'chai'
import { ask, type BotUnderTest, type Person } from './helpers.js'
import { useSunDaye } from './sun-daye.js'

/**
 * 孙大爷's grandson set up the mini-program for him, but he uses the chat. What the chat says is what the
 * mini-program says: "确认" under the privacy notice agrees to it, as the page's 确认 button would; 王芳 is a
 * 区人大代表, as her card names her; his message is "已交给张伟代表，代表还没有看", as its page says.
 */
describe('bot: 孙大爷 reads in the chat what the mini-program says', function () {
  this.timeout(60_000)
  const story = useSunDaye({ deputyBound: true })
  let t: BotUnderTest
  let sun: Person
  beforeEach(() => ({ bot: t, sun } = story))

  it('"确认" under the privacy notice agrees as "同意" does, and his words go on to the place questions', async () => {
    expect(await ask(t, sun, '我们小区门口的下水道堵了好几天了')).to.include('同意请回复"同意"')
    const agreed = await ask(t, sun, '确认')
    expect(agreed).to.include('谢谢您的同意！').and.include('请选择您住在哪个区（县），回复数字：')
    expect(agreed).to.not.include('请回复"同意"继续')
    expect((await story.app.liaison.store.mpUsers.getByBotContact('wx-sun'))?.consentVersion).to.be.a('string')
  })

  it('"王芳是谁": a county-level deputy of a 区 is a 区人大代表, never the list’s 县区人大代表', async () => {
    const who = await ask(t, sun, '王芳是谁')
    expect(who).to.include('王芳是区人大代表，在轻工街道代表联络站联系群众。')
    expect(who).to.not.include('县区')
  })

  it('"查询" says who has his message and whether he has read it yet, in his message page’s words', async () => {
    const ticket = await story.writesToZhangWei('楼道的灯坏了晚上看不见')
    expect(await ask(t, sun, '查询')).to.match(new RegExp(`^您有 1 条留言：\\n留言 ${ticket}【已交给张伟代表，代表还没有看】\\n`))
    expect(await ask(t, story.deputy, `受理 ${ticket.slice(-4)}`)).to.include('已受理')
    expect(await ask(t, sun, '查询')).to.match(new RegExp(`^您有 1 条留言：\\n留言 ${ticket}【张伟代表已看到，正在办】\\n`))
  })
})
