import { expect } from 'chai'
import { ApiError } from '../../bots/client.js'
import { liuWithSunInHerTodo } from './deputy-liu.js'
import { ask } from './helpers.js'

/**
 * Liu writes to 张伟 as a resident and reaches the summary (1. 确认送出), then types 待办 to see her lines. A "1" now
 * may be line 1 of that list as well as her 确认送出: nothing is sent, and she is asked which, her question named; after
 * that her "1" is hers again. Before 待办, the summary's "1" sends, as ever.
 */
describe('bot: Deputy Liu, a resident too, says a number while her own message waits unsent', function () {
  this.timeout(60_000)
  const liu = liuWithSunInHerTodo()
  const { story, say } = liu
  const sent = async () => (await story.app.liaison.store.cases.search({ limit: 10 })).items.length

  /** Her message to 张伟, written up to its summary. Resolves with how many messages the backend has. */
  async function atHerSummary() {
    let summary = await say('我要给张伟代表留言：我家楼下的路灯坏了两个星期了')
    if (summary.includes('同意请回复')) summary = await say('同意')
    expect(summary).to.include('1. 确认送出')
    return sent()
  }

  it('"1" right at her summary sends it, as ever', async () => {
    const before = await atHerSummary()
    expect(await say('1')).to.include('留言已送出')
    expect(await sent()).to.equal(before + 1)
  })

  it('待办 first, then her message up to its summary: "1" sends it', async () => {
    expect(await say('待办')).to.include('1.【')
    const before = await atHerSummary()
    expect(await say('1')).to.include('留言已送出')
    expect(await sent()).to.equal(before + 1)
  })

  for (const words of ['1', '回复 1']) {
    it(`summary, 待办, then "${words}": not sent, she is asked which; her "1" after that sends it`, async () => {
      const before = await atHerSummary()
      expect(await say('待办')).to.include('1.【')
      const said = await say(words)
      expect(said).to.include('您是要回答刚才的问题（核对您的留言），还是答复待办第 1 条？您的留言还没有送出，待办也还没有答复。')
      expect(said).to.include('要回答刚才的问题，请再回复 1：确认送出').and.include(`回复 ${liu.sunShort} 答复内容`)
      expect(said).to.not.include('留言已送出')
      expect(await sent()).to.equal(before)
      expect(await say('1')).to.include('留言已送出')
      expect(await sent()).to.equal(before + 1)
    })
  }

  it('summary, 待办, "1", then the line as she was shown: 孙阿姨 is answered, her own message still waits', async () => {
    const before = await atHerSummary()
    await say('待办')
    await say('1')
    expect(await say(`回复 ${liu.sunShort} 已经联系公交公司，下个月装上雨棚。`)).to.include('发送请回复"是"')
    expect(await say('是')).to.include('群众会收到您的答复')
    expect(await sent()).to.equal(before)
    expect(await say('1')).to.include('留言已送出')
  })

  it('summary, 待办, then "3" (取消 under the summary, no line of her 待办): nothing cancelled, she is told so first, then asked', async () => {
    const before = await atHerSummary()
    await say('待办')
    const said = await say('3')
    expect(said.startsWith('您的留言还没有送出。'), said).to.equal(true)
    expect(said).to.include('要回答刚才的问题，请再回复 3：取消这条留言')
    expect(said).to.not.include('已取消')
    expect(await say('1')).to.include('留言已送出')
    expect(await sent()).to.equal(before + 1)
  })

  it('summary, 待办, then "3" and "3" again as she is told: her message is cancelled, nothing sent', async () => {
    const before = await atHerSummary()
    await say('待办')
    await say('3')
    expect(await say('3')).to.include('已取消，内容没有送出')
    expect(await sent()).to.equal(before)
  })

  it('summary, 待办 of two lines, then "2": her words are not emptied; she is told "2" would rewrite them; "2" again does', async () => {
    // 孙阿姨 writes again: "2" is a real line of Liu's 待办 now, as well as 重新填写 under her summary.
    await ask(story.bot, story.resident, '给DP0005留言')
    await ask(story.bot, story.resident, '医院门口的路灯晚上不亮，看不清台阶')
    await ask(story.bot, story.resident, '好了')
    await ask(story.bot, story.resident, '确认')
    const before = await atHerSummary()
    expect(await say('待办')).to.include('2.【')
    const said = await say('2')
    expect(said).to.include('您是要回答刚才的问题（核对您的留言），还是答复待办第 2 条？您的留言还没有送出，待办也还没有答复。')
    expect(said).to.include('要回答刚才的问题，请再回复 2：重新填写（刚才写的不要了）')
    expect(said).to.not.include('请重新说您的问题')
    // Nothing emptied: her "1" now sends the words she wrote.
    const sentNow = await say('1')
    expect(sentNow).to.include('留言已送出')
    expect(await sent()).to.equal(before + 1)
  })

  it('summary, 待办, "2", then "2" again as she is told: she writes her words anew', async () => {
    await atHerSummary()
    await say('待办')
    await say('2')
    expect(await say('2')).to.include('请重新说您的问题或建议')
  })

  for (const words of ['好的', '好', '行', '可以', '好了']) {
    it(`summary, 待办, then "${words}": not sent; she is asked, each choice said; "1" then sends it`, async () => {
      const before = await atHerSummary()
      await say('待办')
      const said = await say(words)
      expect(said).to.include(`您说的"${words}"，是要回答前面的问题（核对您的留言）吗？您的留言还没有送出。`)
      expect(said).to.include('1. 确认送出').and.include('2. 重新填写（刚才写的不要了）').and.include('3. 取消这条留言')
      expect(said).to.not.include('留言已送出')
      expect(await sent()).to.equal(before)
      expect(await say('1')).to.include('留言已送出')
      expect(await sent()).to.equal(before + 1)
    })
  }

  it('待办 first, then her summary: "好的" sends it, as ever', async () => {
    await say('待办')
    const before = await atHerSummary()
    expect(await say('好的')).to.include('留言已送出')
    expect(await sent()).to.equal(before + 1)
  })

  it('summary, 待办, then "1" while her 待办 cannot be read: nothing sent, and her "1" once it can be read is still asked about', async () => {
    const before = await atHerSummary()
    await say('待办')
    const client = story.bot.bot.client
    const read = client.deputyCases.bind(client)
    client.deputyCases = () => Promise.reject(new ApiError(500, 'internal', '系统繁忙，请稍后再试'))
    expect(await say('1')).to.include('系统繁忙')
    expect(await sent()).to.equal(before)
    client.deputyCases = read
    expect(await say('1')).to.include('您是要回答刚才的问题（核对您的留言），还是答复待办第 1 条？')
    expect(await sent()).to.equal(before)
  })
})

/**
 * Two of Liu's own messages were answered, she scored both low and said "不用了" to having them handled again. Now she
 * asks for 重新办理 and is shown both, each by its first words; she types 待办 to look at her lines, then "1". That may
 * be line 1 of 待办 as well as the first of her messages: nothing is done, she is asked which, and her list is shown
 * again naming each message as before, not by ticket numbers she cannot tell apart.
 */
describe('bot: Deputy Liu, a resident too, says a number while choosing which message to have handled again', function () {
  this.timeout(90_000)
  const liu = liuWithSunInHerTodo()
  const { story, say } = liu

  /** Both her messages answered, scored 2 and left closed ("2. 不用了"); newest first, as her list has them. */
  async function twoOfHersClosed() {
    const lamp = await liu.answeredToHer('我家楼下的路灯坏了两个星期了')
    expect(await say('2')).to.include('1. 重新办理')
    expect(await say('2')).to.include('好的')
    const rubbish = await liu.answeredToHer('小区门口的垃圾好几天没人清运')
    expect(await say('2')).to.include('1. 重新办理')
    expect(await say('2')).to.include('好的')
    for (const t of [lamp, rubbish]) expect(await story.stored(t)).to.include({ status: 'closed' })
    return [rubbish, lamp]
  }

  it('重新办理, 待办, then "1": nothing reopened; asked which, her list shown again by the first words, as at first', async () => {
    const [rubbish, lamp] = await twoOfHersClosed()
    const listed = await say('重新办理')
    expect(listed).to.include('要重新办理哪一条？')
    const herLines = listed.split('\n').filter((l) => /^\d\. /.test(l))
    expect(herLines).to.deep.equal([`1. ${rubbish}【已办结】小区门口的垃圾好几天没人清运`, `2. ${lamp}【已办结】我家楼下的路灯坏了两个星期了`])

    expect(await say('待办')).to.include('1.【')
    const said = await say('1')
    expect(said).to.include('您是要回答刚才的问题（重新办理哪一条留言），还是答复待办第 1 条？还没有申请重新办理，待办也还没有答复。')
    expect(said).to.include(`要回答刚才的问题，请再回复 1：重新办理留言 ${rubbish}（小区门口的垃圾好几天没人清运）`)
    expect(said).to.include(['要重新办理的留言：', ...herLines].join('\n'))
    expect(said).to.include(`回复 ${liu.sunShort} 答复内容`)
    for (const t of [rubbish, lamp]) expect(await story.stored(t)).to.include({ status: 'closed' })

    // Her "1" as she is told: the message she recognised is the one taken up.
    expect(await say('1')).to.include(`留言 ${rubbish}（小区门口的垃圾好几天没人清运）可以申请重新办理。`)
  })
})
