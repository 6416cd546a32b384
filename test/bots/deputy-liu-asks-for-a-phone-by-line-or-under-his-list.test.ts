import { expect } from 'chai'
import { useCaseStory } from './case-story.js'
import { ask } from './helpers.js'

/**
 * Deputy Liu, 58, with two messages (孙阿姨's 0001 about the street lamp, 钱大爷's 0002 about the bins): "I typed
 * 电话 2, for line 2 of my 待办, and the bot answered as if I were a resident. And when I quoted my 待办 list and wrote
 * my answer underneath, it went to the resident of line 1." A line number or a list of several names no message: he
 * is told which he likely meant, how to write it, and nothing reaches any resident.
 */
describe('bot: Deputy Liu asks by his list’s line, or writes under the list he quotes', function () {
  this.timeout(30_000)
  const story = useCaseStory({ resident: ['wx-sun', '孙阿姨'] })
  const say = (words: string) => ask(story.bot, story.deputy, words)
  const quoting = (quoted: string, words: string) => `「联络站小助手：${quoted}」\n- - - - - - - - - - - - - - -\n${words}`
  let lamp: string
  let bins: string

  beforeEach(async () => {
    lamp = (await story.messageReachesZhangWei(story.resident, '小区北门的路灯不亮了')).ticket
    bins = (await story.messageReachesZhangWei(story.bot.world.person('wx-qian', '钱大爷'), '楼下垃圾桶满了没人清')).ticket
    await say('受理 0001')
  })

  it('"电话 2" names line 2 of his 待办 and how to ask for its number, giving no phone', async () => {
    expect(await say('待办')).to.include('2.【0001】')
    expect(await say('电话 2')).to.equal('编号是【】里的四位数。您是要查看待办第 2 条【0001】（小区北门的路灯不亮了）的群众电话吗？是的话请发送：电话 0001')
  })

  it('an answer under his quoted list of two whole numbers reaches nobody; he is asked which', async () => {
    // His 待办 as it reads when two of his numbers end alike: whole numbers.
    const list = `您有 2 条待办留言：\n1.【${bins}】待受理 · 楼下垃圾桶满了没人清\n2.【${lamp}】已受理 · 小区北门的路灯不亮了`
    expect(await say(quoting(list, '路灯已经修好了'))).to.equal(
      `您引用的消息里有 2 条留言，不知道您说的是哪一条，所以这次没有发出。\n编号是【】里的四位数。请发送：回复 ${bins.slice(-4)} 路灯已经修好了\n（把编号换成您要办的那一条）`,
    )
    expect(await story.stored(bins), '钱大爷 got no answer').to.include({ reply: null })
    expect(await story.stored(lamp)).to.include({ reply: null })
    expect(story.bot.world.said('钱大爷').join('\n')).to.not.include('路灯已经修好了')

    // His real 待办, short numbers and all, is the same.
    const real = await say('待办')
    expect(await say(quoting(real, '路灯已经修好了'))).to.include('不知道您说的是哪一条')
    expect(await story.stored(lamp)).to.include({ reply: null })
  })
})
