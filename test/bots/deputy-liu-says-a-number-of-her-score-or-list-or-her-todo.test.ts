import { expect } from 'chai'
import { DIGEST_JOB } from '../../src/jobs/digest-job.js'
import { liuWithSunInHerTodo } from './deputy-liu.js'
import { dispatch, waitFor } from './helpers.js'
import { writesToZhangWei } from './zhang-wei.js'

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
    expect(said).to.include('待办第 1 条：留言 ').and.include('医院门口的公交站没有遮雨棚').and.include(`要答复请发送：回复 ${liu.sunShort} 答复内容`)
    expect(said).to.not.include('已记下您的评分')
    expect((await story.stored(ticket))!.rating).to.equal(null)
  })

  it('a bare "1" after her morning digest, her answer waiting from before: line 1 of the list, nothing scored', async () => {
    const ticket = await liu.answeredToHer()
    // 08:00:01 in Shanghai: the job makes no digest before its send time (08:00), and CI may run at night.
    story.app.clock.set(new Date(Math.ceil(story.app.clock.now().getTime() / 86_400_000) * 86_400_000 + 1000))
    await story.app.liaison.jobs.find((j) => j.name === DIGEST_JOB)!.run()
    await dispatch(story.app)
    const digest = await waitFor(() => story.bot.world.said('刘洋').find((m) => m.includes('今日摘要')), 'her digest')
    expect(digest).to.include(`1. ${liu.sunShort} `)
    await waitFor(async () => (await story.bot.bot.client.dialogue(liu.person.id)).state?.todoShownAt !== undefined, 'the digest to be seen as her list')
    const said = await say('1')
    expect(said).to.include('待办第 1 条：留言 ').and.include('医院门口的公交站没有遮雨棚').and.include(`要答复请发送：回复 ${liu.sunShort} 答复内容`)
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
    expect(await say(`回复 ${liu.sunShort} 已经联系公交公司，下个月装上雨棚。`)).to.include('发送请回复"是"')
    expect(await say('是')).to.include('群众会收到您的答复')
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
