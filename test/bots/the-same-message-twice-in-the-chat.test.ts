import { expect } from 'chai'
import { types } from 'wechaty'
import { useCaseStory } from './case-story.js'
import { ask, waitFor } from './helpers.js'

/**
 * 王奶奶 wrote to 张伟 about the lamp in the chat. Not sure it went, she writes the very same words again and sends
 * them. The chat does not make a second message silently (it would go to another deputy, and 查询 would show two lines
 * that read the same): it asks her, naming the first one, and does what she answers.
 */
describe('the same message twice in the chat: she is asked first', () => {
  const story = useCaseStory({ resident: ['wx-wang-nainai', '王奶奶'] })
  const LAMP = '建设路12号门口的路灯坏了好几天了，晚上黑得看不见'
  const messages = async () => (await story.app.liaison.store.cases.search({ limit: 10 })).items.map((c) => c.ticket)

  async function sendsItAgain(): Promise<{ first: string; asked: string }> {
    const first = await story.writesToZhangWei(LAMP)
    expect(await ask(story.bot, story.resident, `我要给张伟代表留言：${LAMP}`)).to.include('发给：张伟代表')
    return { first, asked: await ask(story.bot, story.resident, '1') }
  }

  it('names the message she sent and asks whether to send another; "2" sends nothing and says how to see the first', async () => {
    const { first, asked } = await sendsItAgain()
    expect(asked).to.include(`已经送出过同样的留言（编号${first}），张伟代表正在办理。还要再送一条吗？`)
    expect(asked).to.include('回复 1 再送一条，回复 2 不送了')
    expect(asked).not.to.include('留言已送出')

    // 查询 meanwhile shows the first one, and says the question still waits.
    const looked = await ask(story.bot, story.resident, '查询')
    expect(looked).to.include(first)
    expect(looked).to.include('回复 1 再送一条，回复 2 不送了')

    const no = await ask(story.bot, story.resident, '2')
    expect(no).to.include('这条不送了')
    expect(no).to.include(`编号${first}`)
    expect(no).to.include('查询')
    expect(await messages()).to.deep.equal([first])
  })

  it('new words of hers under the question are a new matter: the repeat is dropped, and her new words are what she confirms', async () => {
    const { first } = await sendsItAgain()
    const RUBBISH = '小区门口的垃圾三天没人收了，臭得很'
    const shown = await ask(story.bot, story.resident, RUBBISH)
    expect(shown).to.include(`和之前那条（编号${first}）一样的留言没有送出。`)
    expect(shown).to.include(`内容：${RUBBISH}`).and.include('1. 确认送出')
    expect(shown).not.to.include('回复 1 再送一条')
    const sent = await ask(story.bot, story.resident, '1')
    const second = /编号：(\d{8}-\d{4})/.exec(sent)?.[1]
    expect(second).to.be.a('string').and.not.equal(first)
    const texts = (await story.app.liaison.store.cases.search({ limit: 10 })).items.map((c) => c.text).sort()
    expect(texts, 'her new words went, and the lamp only once').to.deep.equal([LAMP, RUBBISH].sort())
  })

  it('sends it again when she answers "1"', async () => {
    const { first, asked } = await sendsItAgain()
    expect(asked).to.include('还要再送一条吗？')
    const sent = await ask(story.bot, story.resident, '1')
    expect(sent).to.include('留言已送出')
    const second = /编号：(\d{8}-\d{4})/.exec(sent)?.[1]
    expect(second).to.be.a('string').and.not.equal(first)
    expect((await messages()).sort()).to.deep.equal([first, second].sort())
  })

  it('"1" or "还要送" again just after the repeat went is told it went, with its number, and sends nothing more', async () => {
    const { first } = await sendsItAgain()
    const sent = await ask(story.bot, story.resident, '1')
    const second = /编号：(\d{8}-\d{4})/.exec(sent)?.[1]
    expect(second).to.be.a('string').and.not.equal(first)
    for (const twice of ['1', '还要送']) {
      const said = await ask(story.bot, story.resident, twice)
      expect(said, twice).to.include(`这条留言刚才已经送出了（编号${second}），不用再送`)
      expect(said, twice).not.to.include('发给谁').and.not.include('回复数字')
    }
    expect((await messages()).sort(), 'the lamp twice, as she chose, and no more').to.deep.equal([first, second].sort())
  })

  it('a photo while the question waits is told it does not go with the message, and hears the question again', async () => {
    const { first } = await sendsItAgain()
    const t = story.bot
    const before = t.world.said('王奶奶').length
    const handled = t.bot.inbox.handled
    t.world.emit(story.resident, t.world.self, '', { type: types.Message.Image })
    await waitFor(() => t.bot.inbox.handled > handled, 'the bot to look at the photo')
    await t.bot.inbox.settled()
    const said = t.world.said('王奶奶').slice(before).join('\n')
    expect(said).to.include('照片和语音我这里收不到，不会跟留言一起送出')
    expect(said).to.include(`它和您之前那条（编号${first}）一样：回复 1 再送一条，回复 2 不送了。`)
    expect(said).not.to.include('接着写就行')
    expect(await messages()).to.deep.equal([first])
  })

  it('short words to another deputy or station a week on are another message: sent, never asked', async () => {
    const first = await story.writesToZhangWei('路灯坏了')
    const week = 7 * 86_400_000
    story.app.clock.advance(week)
    story.bot.clock.advance(week)
    // 王芳 is at 张伟's station: the same place, and she chose another deputy.
    for (const [to, label] of [
      ['给DP0002留言', '王芳代表'],
      ['给ST002留言', '马庄街道代表联络站'],
    ]) {
      expect(await ask(story.bot, story.resident, to)).to.include(`留言将发给：${label}`)
      await ask(story.bot, story.resident, '路灯坏了')
      expect(await ask(story.bot, story.resident, '好了')).to.include(`发给：${label}`)
      const sent = await ask(story.bot, story.resident, '确认')
      expect(sent, to).to.include('留言已送出').and.not.include('已经送出过同样的留言')
    }
    const stored = (await story.app.liaison.store.cases.search({ limit: 10 })).items
    expect(stored.map((c) => c.deputyId ?? c.stationId).sort()).to.deep.equal(['dp0001', 'dp0002', 'dp0003'].sort())
    expect(stored.map((c) => c.ticket)).to.include(first)
  })

  it('"给ST002留言", "留言" or "我要给王芳代表留言" under the question drops the repeat, says so, and starts the new message', async () => {
    const first = await story.writesToZhangWei('路灯坏了')
    expect(await ask(story.bot, story.resident, '我要给张伟代表留言：路灯坏了')).to.include('发给：张伟代表')
    expect(await ask(story.bot, story.resident, '1')).to.include('还要再送一条吗？')
    const started = await ask(story.bot, story.resident, '给ST002留言')
    expect(started).to.include(`和之前那条（编号${first}）一样的留言没有再送。`)
    expect(started).to.include('留言将发给：马庄街道代表联络站').and.not.include('回复 1 再送一条')
    await ask(story.bot, story.resident, '路灯坏了')
    await ask(story.bot, story.resident, '好了')
    expect(await ask(story.bot, story.resident, '确认')).to.include('留言已送出')
    const stored = (await story.app.liaison.store.cases.search({ limit: 10 })).items
    expect(stored.map((c) => c.stationId).sort(), 'the station message went; the repeat to 张伟 did not').to.deep.equal(['st001', 'st002'])

    for (const [asked, starts] of [
      ['留言', '回复数字'],
      ['我要给王芳代表留言', '留言将发给：王芳代表'],
    ]) {
      expect(await ask(story.bot, story.resident, '我要给张伟代表留言：路灯坏了')).to.include('发给：张伟代表')
      expect(await ask(story.bot, story.resident, '1')).to.include('还要再送一条吗？')
      const again = await ask(story.bot, story.resident, asked)
      expect(again, asked).to.include(`和之前那条（编号${first}）一样的留言没有再送。`)
      expect(again, asked).to.include(starts).and.not.include('回复 1 再送一条').and.not.include('还没有发出')
    }
    expect(await messages()).to.have.length(2)
  })

  it('with the first still being handled, "3" or a score ("1分", "打个低分", "不满意") sends nothing: no answer to score yet, asked again', async () => {
    const { first } = await sendsItAgain()
    const three = await ask(story.bot, story.resident, '3')
    expect(three).to.include('没有 3 这一项。').and.include('回复 1 再送一条，回复 2 不送了。')
    for (const said of ['1分', '打2分', '打个低分', '不满意']) {
      const again = await ask(story.bot, story.resident, said)
      expect(again, said).to.include(`您之前那条（编号${first}）还在办理，代表还没有答复，答复以后才能打分。`)
      expect(again, said).to.include('回复 1 再送一条，回复 2 不送了。').and.not.include('留言已送出')
    }
    expect(await messages(), 'never sent twice').to.deep.equal([first])
    expect(await ask(story.bot, story.resident, '2')).to.include('这条不送了')
    expect(await messages()).to.deep.equal([first])
  })

  describe('that message answered and waiting for her score', () => {
    const sendsAnsweredAgain = async () => {
      const first = await story.residentWithAnsweredMessage(LAMP)
      expect(await ask(story.bot, story.resident, `我要给张伟代表留言：${LAMP}`)).to.include('发给：张伟代表')
      return { first, asked: await ask(story.bot, story.resident, '1') }
    }

    it('offers its score as a choice of its own, never a score\'s number beside "回复 1"; "3", then "1", scores it 1', async () => {
      const { first, asked } = await sendsAnsweredAgain()
      expect(asked).to.include(`（编号${first}），张伟代表已经答复了。`).and.include('申请重新办理')
      expect(asked).to.include('回复 1 再送一条，回复 2 不送了，回复 3 给那条的答复打分。')
      expect(asked, 'no score in digits').not.to.match(/\d\s*分/)
      const score = await ask(story.bot, story.resident, '3')
      expect(score).to.include('这条一样的留言不送了').and.include(`请给留言 ${first} 的答复打分`)
      expect(await ask(story.bot, story.resident, '1'))
        .to.include('已记下您的评分：1 分')
        .and.include('重新办理')
      expect(await messages(), 'nothing sent again').to.deep.equal([first])
      expect((await story.stored(first))?.rating).to.equal(1)
    })

    it('"1分" there is a score, never 再送一条; her bare "1" to those choices sends it again', async () => {
      const { first } = await sendsAnsweredAgain()
      expect(await ask(story.bot, story.resident, '1分'))
        .to.include('这条一样的留言不送了')
        .and.include(`请给留言 ${first} 的答复打分`)
      expect(await messages()).to.deep.equal([first])

      expect(await ask(story.bot, story.resident, `我要给张伟代表留言：${LAMP}`)).to.include('发给：张伟代表')
      expect(await ask(story.bot, story.resident, '1')).to.include('回复 3 给那条的答复打分')
      const sent = await ask(story.bot, story.resident, '1')
      expect(sent).to.include('留言已送出')
      expect(await messages()).to.have.length(2)
    })

    it('"打个低分" or "评分" there chooses 3: the score is asked, nothing sent', async () => {
      const { first } = await sendsAnsweredAgain()
      expect(await ask(story.bot, story.resident, '打个低分'))
        .to.include('这条一样的留言不送了')
        .and.include(`请给留言 ${first} 的答复打分`)
      expect(await ask(story.bot, story.resident, `我要给张伟代表留言：${LAMP}`)).to.include('发给：张伟代表')
      expect(await ask(story.bot, story.resident, '1')).to.include('回复 3 给那条的答复打分')
      expect(await ask(story.bot, story.resident, '评分')).to.include(`请给留言 ${first} 的答复打分`)
      expect(await messages(), 'nothing sent again').to.deep.equal([first])
    })

    it('"2" asks her score openly, so her next "1" is knowingly a score', async () => {
      const { first } = await sendsAnsweredAgain()
      const no = await ask(story.bot, story.resident, '2')
      expect(no).to.include('这条不送了').and.include(`编号${first}`)
      expect(no).to.include(`请给留言 ${first} 的答复打分，回复一个数字：`).and.include('5 很满意')
      expect(await ask(story.bot, story.resident, '1')).to.include('已记下您的评分：1 分')
      expect(await messages(), 'nothing sent again').to.deep.equal([first])
      expect((await story.stored(first))?.rating).to.equal(1)
    })

    it('"不满意" scores it 2; the question then stays open without 3, and a score said again sends nothing', async () => {
      const { first } = await sendsAnsweredAgain()
      expect(await ask(story.bot, story.resident, '不满意')).to.include('已记下您的评分：2 分')
      const back = await ask(story.bot, story.resident, '2')
      expect(back).to.include(`它和您之前那条（编号${first}）一样：回复 1 再送一条，回复 2 不送了。`)
      expect(back, '3 no longer offered').not.to.include('回复 3')
      expect(await ask(story.bot, story.resident, '3'))
        .to.include('没有 3 这一项。')
        .and.not.include('请给留言')
      expect(await ask(story.bot, story.resident, '1分'))
        .to.include(`您之前那条（编号${first}）的答复已经打过分了。`)
        .and.include('回复 1 再送一条，回复 2 不送了。')
      const no = await ask(story.bot, story.resident, '2')
      expect(no).to.include('这条不送了').and.not.include('请给留言')
      expect(await messages(), 'nothing sent again').to.deep.equal([first])
      expect((await story.stored(first))?.rating).to.equal(2)
    })
  })
})
