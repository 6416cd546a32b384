import { expect } from 'chai'
import { useCaseStory } from './case-story.js'
import { DIGEST_JOB } from '../../src/jobs/digest-job.js'
import { ApiError } from '../../bots/client.js'
import { ask, bindingCode, dispatch, waitFor, type Person } from './helpers.js'
import { writesToZhangWei, zhangWeiAnswers } from './zhang-wei.js'

/**
 * Deputy Liu (刘洋, dp0005) lives on a street like anyone: she wrote to 张伟 as a resident about the lamp under her
 * window. She also works through her 待办 by its line numbers, and 孙阿姨's message about the bus stop is line 1 of it.
 * Whose a number of hers is, her own question's or her 待办's, is told by which was asked last
 * (bots/flows/resident-question.ts; the rules as a table: whose-bare-number-rules.test.ts).
 */
function liuWithSunInHerTodo() {
  const story = useCaseStory({ resident: ['wx-sun', '孙阿姨'] })
  const liu = {
    story,
    person: undefined as unknown as Person,
    /** 孙阿姨's message as 待办 numbers it (the last four digits). */
    sunShort: '',
    say: (words: string) => ask(story.bot, liu.person, words),
    /** Liu's own message to 张伟, answered: the bot has just asked her for her score. */
    async answeredToHer() {
      const ticket = await writesToZhangWei(story.bot, liu.person, '我家楼下的路灯坏了两个星期了')
      expect(await zhangWeiAnswers(story.app, story.bot, { deputy: story.deputy, resident: liu.person }, ticket)).to.include('有答复了')
      return ticket
    },
  }

  beforeEach(async () => {
    liu.person = story.bot.world.person('wx-liuyang', '刘洋')
    expect(await liu.say(`绑定 ${await bindingCode(story.app, 'dp0005')}`)).to.include('绑定成功！刘洋代表')
    // 孙阿姨's message is line 1 of Liu's 待办, so a line number of hers names something real.
    if ((await ask(story.bot, story.resident, '给DP0005留言')).includes('同意请回复')) await ask(story.bot, story.resident, '同意')
    await ask(story.bot, story.resident, '医院门口的公交站没有遮雨棚，老人等车淋雨')
    await ask(story.bot, story.resident, '好了')
    const sent = await ask(story.bot, story.resident, '确认')
    liu.sunShort = /\d{8}-(\d{4})/.exec(sent)![1]
  })
  return liu
}

/**
 * His answer reaches her chat with "请回复 1 到 5 打分", and she types "回复 5", as the bot's lines always say 回复. She
 * is a deputy too, yet that 5 is her score, not line 5 of her 待办. With no such question waiting, her "回复 1" is
 * still read as a deputy's, and she is shown the line of 待办 she probably meant.
 */
describe('bot: Deputy Liu, a resident too, rates her own answer by its number', function () {
  this.timeout(60_000)
  const liu = liuWithSunInHerTodo()
  const { story, say } = liu

  it('"回复 5" right after the answer asks her score records 5 and says so, not the help for line 5 of her 待办', async () => {
    const ticket = await liu.answeredToHer()
    const said = await say('回复 5')
    expect(said).to.include('已记下您的评分：5 分')
    expect(said).to.not.include('待办第')
    expect((await story.stored(ticket))!.rating).to.equal(5)
  })

  it('a bare "5" is her score as well', async () => {
    const ticket = await liu.answeredToHer()
    expect(await say('5')).to.include('已记下您的评分：5 分')
    expect((await story.stored(ticket))!.rating).to.equal(5)
  })

  it('with no question of hers waiting, "回复 1" still shows her the line of 待办 she meant', async () => {
    expect(await say('回复 1'))
      .to.include('您是要答复待办第 1 条')
      .and.include('医院门口的公交站没有遮雨棚')
  })

  it('once she has done something else since the answer came (待办), "回复 1" is her 待办 line again', async () => {
    const ticket = await liu.answeredToHer()
    expect(await say('待办')).to.include('1.【')
    expect(await say('回复 1')).to.include('您是要答复待办第 1 条')
    expect((await story.stored(ticket))!.rating).to.equal(null)
  })
})

/**
 * The answer to her own message may come in between her 待办 lines. Her "1" or "回复 1" meant for line 1 of the list
 * she was just shown never scores her own answer, and "回复 2" half an hour after her 撤回 list, once she has done a
 * deputy's work meanwhile, never takes a message of hers back.
 */
describe('bot: Deputy Liu, a resident too, numbers a line of her 待办', function () {
  this.timeout(60_000)
  const liu = liuWithSunInHerTodo()
  const { story, say } = liu

  for (const words of ['回复 1', '1']) {
    it(`"${words}" after 待办, with her answer come in between: asked which she means, nothing scored`, async () => {
      expect(await say('待办')).to.include('1.【')
      const ticket = await liu.answeredToHer()
      const said = await say(words)
      expect(said).to.include('您是要给自己的留言打分，还是答复待办第 1 条？这次没有打分，也没有答复。')
      expect(said)
        .to.include(`评价 ${ticket.slice(-4)} 1`)
        .and.include(`回复 ${liu.sunShort} 答复内容`)
      expect(said).to.not.include('已记下您的评分')
      expect((await story.stored(ticket))!.rating).to.equal(null)
      // The way to score it that she was shown does so.
      expect(await say(`评价 ${ticket.slice(-4)} 1`)).to.include('已记下您的评分：1 分')
      expect((await story.stored(ticket))!.rating).to.equal(1)
    })
  }

  it('a bare "1" right after 待办, her answer waiting from before: line 1 of 待办, nothing scored', async () => {
    const ticket = await liu.answeredToHer()
    expect(await say('待办')).to.include('1.【')
    const said = await say('1')
    expect(said).to.include('您是要答复待办第 1 条').and.include('医院门口的公交站没有遮雨棚')
    expect(said).to.not.include('已记下您的评分')
    expect((await story.stored(ticket))!.rating).to.equal(null)
  })

  it('a bare "1" after her morning digest, her answer waiting from before: line 1 of the list, nothing scored', async () => {
    const ticket = await liu.answeredToHer()
    await story.app.liaison.jobs.find((j) => j.name === DIGEST_JOB)!.run()
    await dispatch(story.app)
    const digest = await waitFor(() => story.bot.world.said('刘洋').find((m) => m.includes('今日摘要')), 'her digest')
    expect(digest).to.include(`1. ${liu.sunShort} `)
    await waitFor(async () => (await story.bot.bot.client.dialogue(liu.person.id)).state?.todoShownAt !== undefined, 'the digest to be seen as her list')
    const said = await say('1')
    expect(said).to.include('您是要答复待办第 1 条').and.include('医院门口的公交站没有遮雨棚')
    expect((await story.stored(ticket))!.rating).to.equal(null)
  })

  it('her 待办 seen long before the answer came: "回复 5" is her score', async () => {
    expect(await say('待办')).to.include('1.【')
    story.bot.clock.advance(40 * 60_000)
    const ticket = await liu.answeredToHer()
    expect(await say('回复 5')).to.include('已记下您的评分：5 分')
    expect((await story.stored(ticket))!.rating).to.equal(5)
  })

  /** Two messages of Liu's to 张伟, not yet answered: both can still be taken back. */
  async function twoOfHersOpen() {
    const first = await writesToZhangWei(story.bot, liu.person, '我家楼下的路灯坏了两个星期了')
    const second = await writesToZhangWei(story.bot, liu.person, '小区门口的垃圾好几天没人清运')
    expect(await say('撤回'))
      .to.include('可以撤回的留言：')
      .and.include('2. ')
    return [first, second]
  }

  it('her 撤回 list, then 待办, then "回复 2": nothing is taken back', async () => {
    const tickets = await twoOfHersOpen()
    expect(await say('待办')).to.include('1.【')
    expect(await say('回复 2')).to.not.include('已撤回')
    for (const t of tickets) expect((await story.stored(t))!.status).to.not.equal('withdrawn')
  })

  it('her 撤回 list, then she answers a message as a deputy, then "回复 2": nothing is taken back', async () => {
    const tickets = await twoOfHersOpen()
    expect(await say(`回复 ${liu.sunShort} 已经联系公交公司，下个月装上雨棚。`)).to.include('群众会收到您的答复')
    const said = await say('回复 2')
    expect(said).to.include('编号是')
    expect(said).to.not.include('已撤回')
    for (const t of tickets) expect((await story.stored(t))!.status).to.not.equal('withdrawn')
  })

  it('her 撤回 list, then "2" at once: her message 2 is taken back, as ever', async () => {
    const tickets = await twoOfHersOpen()
    expect(await say('2')).to.include('已撤回')
    const statuses = await Promise.all(tickets.map(async (t) => (await story.stored(t))!.status))
    expect(statuses.filter((s) => s === 'withdrawn')).to.have.length(1)
  })
})

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
    expect(await say(`回复 ${liu.sunShort} 已经联系公交公司，下个月装上雨棚。`)).to.include('群众会收到您的答复')
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
