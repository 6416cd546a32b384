import { expect } from 'chai'
import { useCaseStory } from './case-story.js'
import { ask } from './helpers.js'

/**
 * 张伟, bound as a deputy, asks the bot plain questions: "我的留言" and "有几条留言" mean the messages
 * waiting for him (not "您还没有留言" while three wait), with his own messages as a resident after them;
 * his menu puts his commands first, each with a number of a message he really has.
 */
describe('bot: a deputy’s own plain questions and his menu', function () {
  this.timeout(30_000)
  const story = useCaseStory({ resident: ['wx-li', '老李'] })
  const say = (words: string) => ask(story.bot, story.deputy, words)

  it('"我的留言" and "有几条留言" say how many wait for him and how to see them', async () => {
    for (const text of ['路灯坏了两个星期了', '小区门口的垃圾桶三天没人清运了', '楼道里的扶手断了']) await story.writes(text)
    expect(await say('我的留言')).to.equal('您有 3 条待办留言，发送"待办"查看。')
    expect(await say('有几条留言？')).to.equal('您有 3 条待办留言，发送"待办"查看。')
  })

  it('his own messages as a resident follow, under their own heading', async () => {
    await story.writes('路灯坏了两个星期了')
    const summary = await say('我要给王芳代表留言：小区健身器材坏了，老人锻炼不方便')
    expect(summary.includes('同意请回复') ? await say('同意') : summary).to.include('发给：王芳代表')
    const own = /编号：(\d{8}-\d{4})/.exec(await say('1'))![1]
    const said = await say('我的留言')
    expect(said.split('\n').slice(0, 3)).to.deep.equal(['您有 1 条待办留言，发送"待办"查看。', '', '您自己写的留言：'])
    expect(said).to.include(`${own}【`).and.include('小区健身器材坏了')
  })

  it('his menu puts his commands first, with a number of his own, never a made-up one', async () => {
    const ticket = await story.writes('路灯坏了两个星期了')
    const short = ticket.slice(-4)
    const menu = await say('帮助')
    expect(menu.split('\n').slice(0, 9)).to.deep.equal([
      '张伟代表，您好！办理群众留言请发送：',
      '待办 —— 查看待办留言（现在有 1 条）',
      `受理 ${short} —— 告诉群众您已收到、正在办`,
      `回复 ${short} 答复内容 —— 答复群众`,
      `转交 ${short} 李强 —— 转给同站的李强代表`,
      `交回 ${short} 原因 —— 交回联络站重新安排`,
      `电话 ${short} —— 看群众留的电话`,
      `查看 ${short} —— 看留言全文`,
      `（编号是"待办"列表里每条留言前面【】中的号码，比如 ${short}）`,
    ])
    expect(menu.indexOf('待办'), 'his commands before what he can do as anyone').to.be.below(menu.indexOf('您自己作为群众要反映问题'))
    expect(menu).to.not.include('0042')
    expect(await say('这个不归我管'), 'words not understood answer with the same menu').to.equal(menu)
  })

  it('with nothing waiting, his menu says so and offers no number to copy', async () => {
    const menu = await say('帮助')
    expect(menu).to.match(/^张伟代表，您好！您现在没有待办留言。/)
    expect(menu).to.not.match(/\d{4}/)
    expect(await say('我的留言')).to.equal('您现在没有等您处理的群众留言。')
  })
})
