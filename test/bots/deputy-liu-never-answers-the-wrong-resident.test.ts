import { expect } from 'chai'
import { useCaseStory } from './case-story.js'
import { ask } from './helpers.js'

/**
 * Deputy Liu, 58, read the chat's deputy commands: "My 待办 says 1.【0002】 2.【0001】. I type 回复 2 and my answer goes
 * to message 0002 — another resident's, about something else. A short number must do nothing, only tell me what I
 * probably meant. And when I accept a message, tell me the date I must answer by, as my list does."
 * (张伟 plays him: 孙阿姨 writes 0001 about the street lamp, 钱大爷 0002 about the bins.)
 */
describe('bot: Deputy Liu types a line number and no answer reaches the wrong resident', function () {
  this.timeout(30_000)
  const story = useCaseStory({ resident: ['wx-sun', '孙阿姨'] })
  const say = (words: string) => ask(story.bot, story.deputy, words)
  let lamp: string
  let bins: string

  beforeEach(async () => {
    lamp = (await story.messageReachesZhangWei(story.resident, '小区北门的路灯不亮了')).ticket
    bins = (await story.messageReachesZhangWei(story.bot.world.person('wx-qian', '钱大爷'), '楼下垃圾桶满了没人清')).ticket
    expect([lamp.slice(-4), bins.slice(-4)]).to.deep.equal(['0001', '0002'])
  })

  it('"回复 2 路灯已修好" with 待办 listing 2.【0001】: nothing is sent, and he is shown the line he meant', async () => {
    // Accepted, the lamp waits for its answer days away: the bins, still to accept, come first in his list.
    await say('受理 0001')
    const list = await say('待办')
    expect(list).to.include('1.【0002】').and.include('2.【0001】')

    expect(await say('回复 2 路灯已修好')).to.equal(
      '编号是【】里的四位数。您是要答复待办第 2 条【0001】（小区北门的路灯不亮了）吗？是的话请发送：回复 0001 路灯已修好',
    )
    expect(await story.stored(bins), '钱大爷 got no answer').to.include({ reply: null })
    expect(await story.stored(lamp), 'nor 孙阿姨: he was only asked').to.include({ reply: null })
    expect(story.bot.world.said('钱大爷').join('\n'), 'nothing reached 钱大爷').to.not.include('路灯已修好').and.not.include('有答复了')

    // The line copied as offered answers the lamp, and only it.
    expect(await say('回复 0001 路灯已修好')).to.include(`发给留言 ${lamp}（小区北门的路灯不亮了）的群众吗？`)
    expect(await say('是')).to.include(`已发给留言 ${lamp}`)
    expect(await story.stored(bins)).to.include({ reply: null })
  })

  it('"受理 2", "转交 1 王芳" and "交回 12 …" do nothing either; a number past his list says where numbers are written', async () => {
    expect(await say('受理 2')).to.equal('编号是【】里的四位数。您是要受理待办第 2 条【0002】（楼下垃圾桶满了没人清）吗？是的话请发送：受理 0002')
    expect(await story.stored(bins), 'not accepted: 钱大爷 would be told so').to.include({ status: 'assigned' })
    expect(story.bot.world.said('钱大爷').join('\n')).to.not.include('受理')

    expect(await say('转交 1 王芳')).to.equal('编号是【】里的四位数。您是要转交待办第 1 条【0001】（小区北门的路灯不亮了）吗？是的话请发送：转交 0001 王芳')
    expect(await story.stored(lamp)).to.include({ deputyId: 'dp0001' })

    expect(await say('交回 12 不归我管')).to.equal('编号是"待办"列表里【】中的四位数，发送"待办"可以查看。')
    expect(await story.stored(lamp)).to.include({ deputyId: 'dp0001' })
    expect(await story.stored(bins)).to.include({ deputyId: 'dp0001' })
  })

  it('"受理 0001" says the day to answer by, as his 待办 then says it', async () => {
    const accepted = await say('受理 0001')
    const due = /【0001】[^\n]*\n\s*请在(.+?)答复/.exec(await say('待办'))?.[1]
    expect(due, 'his list names a day').to.be.a('string')
    expect(accepted).to.equal(`已受理留言 ${lamp}。请在${due}答复，答复时发送：回复 0001 再写上答复`)
  })
})
