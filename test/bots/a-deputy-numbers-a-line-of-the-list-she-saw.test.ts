import { expect } from 'chai'
import { DIGEST_JOB } from '../../src/jobs/digest-job.js'
import { useCaseStory } from './case-story.js'
import { ask, dispatch, waitFor } from './helpers.js'

/**
 * A deputy sends "待办" and reads "1.【0001】… 2.【0002】…". She answers line 1, then types "2", or "回复 2 …", meaning
 * line 2 of the list she saw. Her 待办 now holds only that one message, so read afresh "2" would be past its end and
 * "回复 1 …" would name what was line 2: an answer meant for one resident offered for another. The lines are kept as
 * she saw them (待办 or the morning digest), and a line whose message left her hands is said so, with nothing done.
 */
describe('bot: a deputy numbers a line of the list she saw, not of her 待办 now', function () {
  this.timeout(90_000)
  const story = useCaseStory({ resident: ['wx-sun', '孙阿姨'] })
  const say = (words: string) => ask(story.bot, story.deputy, words)
  let first: string
  let second: string

  beforeEach(async () => {
    first = (await story.messageReachesZhangWei(story.resident, '小区北门的路灯不亮了')).ticket
    second = (await story.messageReachesZhangWei(story.bot.world.person('wx-qian', '钱大爷'), '我家楼上漏水，物业不管')).ticket
  })

  /** She reads her 待办 and answers its line 1. */
  async function answersLineOne() {
    const list = await say('待办')
    expect(list)
      .to.include(`1.【${first.slice(-4)}】`)
      .and.include(`2.【${second.slice(-4)}】`)
    expect(await say(`回复 ${first.slice(-4)} 已经联系物业，今天修好`)).to.include('发送请回复"是"')
    expect(await say('是')).to.include('群众会收到您的答复')
  }

  it('"2" after answering line 1 is line 2 of the list she saw', async () => {
    await answersLineOne()
    const said = await say('2')
    expect(said).to.include(`待办第 2 条：留言 ${second}（我家楼上漏水，物业不管）`)
    expect(said).to.not.include('只有 1 条')
  })

  it('"回复 1 …" after line 1 was answered says so by its words; nothing reaches the resident of line 2', async () => {
    await answersLineOne()
    const said = await say('回复 1 明天再去看看')
    expect(said).to.include(`待办第 1 条（留言 ${first} 小区北门的路灯不亮了）您已经答复过了`)
    expect(said).to.include('您这次写的答复没有发出。')
    expect(said).to.not.include(second.slice(-4))
    expect(await say('是')).to.not.include('群众会收到您的答复')
    expect((await story.stored(second))!).to.include({ status: 'assigned', reply: null })
  })

  it('"回复 2 …" names line 2 as she saw it, ready to copy', async () => {
    await answersLineOne()
    expect(await say('回复 2 已派人去修')).to.include(
      `您是要答复待办第 2 条【${second.slice(-4)}】（我家楼上漏水，物业不管）吗？是的话请发送：回复 ${second.slice(-4)} 已派人去修`,
    )
    expect((await story.stored(second))!).to.include({ status: 'assigned', reply: null })
  })

  it('a number past the list she saw says how many lines it had', async () => {
    await answersLineOne()
    expect(await say('3')).to.equal('待办列表里只有 2 条，没有第 3 条。要看哪一条，请回复 1 到 2 之间的数字。')
  })

  it('line 1 handed back since: "1" says where it went, never line 2', async () => {
    await say('待办')
    await say(`交回 ${first.slice(-4)} 不在我的片区`)
    expect(await say('是')).to.include('交回联络站')
    const said = await say('1')
    expect(said).to.include(`待办第 1 条（留言 ${first} 小区北门的路灯不亮了）已交回联络站重新安排，您不用再处理。`)
    expect(said).to.not.include(second)
  })

  it('after the morning digest, "1" is its line 1 even once that message is answered', async () => {
    // 08:00:01 in Shanghai: the job makes no digest before its send time (08:00), and CI may run at night.
    story.app.clock.set(new Date(Math.ceil(story.app.clock.now().getTime() / 86_400_000) * 86_400_000 + 1000))
    await story.app.liaison.jobs.find((j) => j.name === DIGEST_JOB)!.run()
    await dispatch(story.app)
    const digest = await waitFor(() => story.bot.world.said('张伟').find((m) => m.includes('今日摘要')), 'his digest')
    const lineOne = [first, second].find((t) => digest.includes(`1. ${t.slice(-4)} `))!
    const lineTwo = lineOne === first ? second : first
    await waitFor(async () => (await story.bot.bot.client.dialogue(story.deputy.id)).state?.todoShownAt !== undefined, 'the digest to be seen as his list')
    expect(await say(`回复 ${lineOne.slice(-4)} 已经联系物业，今天修好`)).to.include('发送请回复"是"')
    expect(await say('是')).to.include('群众会收到您的答复')
    const said = await say('1')
    expect(said).to.include(`待办第 1 条（留言 ${lineOne} `).and.include('您已经答复过了')
    expect(said).to.not.include(lineTwo)
  })
})

/**
 * A deputy's bare "1" long after any list (or with none) used to start a message of her own as a resident (the
 * residents' menu "1. 留言"). Unless that menu was just shown to her, nothing starts: she is told how to do either.
 */
describe('bot: a deputy\'s bare "1" with no list shown', function () {
  this.timeout(60_000)
  const story = useCaseStory({ resident: ['wx-sun', '孙阿姨'] })
  const say = (words: string) => ask(story.bot, story.deputy, words)
  const flowOf = async () => (await story.bot.bot.client.dialogue(story.deputy.id)).state?.flow ?? null

  it('with messages waiting: how to see them, and how to write as a resident; nothing is started', async () => {
    await story.messageReachesZhangWei(story.resident, '小区北门的路灯不亮了')
    expect(await say('1')).to.equal('您有 1 条待办留言，发送"待办"查看；要以群众身份给代表留言，请发送"留言"。')
    expect(await flowOf()).to.equal(null)
  })

  it('with none waiting: only how to write as a resident', async () => {
    expect(await say('1')).to.equal('要以群众身份给代表留言，请发送"留言"。')
    expect(await flowOf()).to.equal(null)
  })

  it('right after the residents\' menu, "1" is its 留言', async () => {
    expect(await say('群众菜单')).to.include('1. 留言')
    expect(await say('1')).to.not.include('要以群众身份给代表留言')
    expect(await flowOf()).to.not.equal(null)
  })
})
