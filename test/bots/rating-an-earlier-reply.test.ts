import { expect } from 'chai'
import { BackendUnavailableError } from '../../bots/client.js'
import { parseCommand } from '../../bots/parse-command.js'
import { useCaseStory } from './case-story.js'
import { ticketIn } from './helpers.js'
import { says } from './rated-answer.js'

/**
 * 老李 has two messages answered on the same day. A bare "5" rates the answer that came last;
 * the rating question tells him how to rate a given one ("评价 0001 4"), and that form rates the
 * earlier one without taking the bare number away from the latest. While another still waits, the
 * thanks names the message rated and lists the others with the words that rate them.
 * (His two messages are "路口红绿灯时间太短，老人过不去马路" and "小区门口的垃圾好几天没人清运" unless a story says otherwise.)
 */
describe('bot: a resident with two answers waiting rates the earlier one by its number', function () {
  this.timeout(30_000)
  const story = useCaseStory({ resident: ['wx-elder', '老李'] })
  const { stored, writes, zhangWeiAnswers: answered, residentWithTwoAnsweredMessages, writingWhenAnswered } = story
  const say = says(story)

  it('says how in the rating question; "评价 0001 4" rates the earlier, a bare "5" still the latest', async () => {
    const { first, second, firstNotice, secondNotice } = await residentWithTwoAnsweredMessages({
      replies: ['已和交警大队沟通，下周起延长到 40 秒。', '已联系环卫所，明天起每天清运两次。'],
    })
    expect(firstNotice, 'only one waited then: no number needed').to.not.include('有几条留言等着打分时')
    expect(secondNotice).to.include(`评价 ${second.slice(-4)} 5`)

    expect(await say(`评价 ${first.slice(-4)} 4`))
      .to.include(`已记下您对留言 ${first.slice(-4)} 的评分：4 分。谢谢您的评价！`)
      .and.include('您还有 1 条留言的答复等着打分：')
      .and.include(`· ${second.slice(-4)} 小区门口的垃圾好几天没人清运`)
      .and.include(`给它打分请发送：评价 ${second.slice(-4)} 5`)
    expect(await stored(first)).to.include({ status: 'closed', rating: 4 })
    expect((await stored(second))!.status, 'the other still waits').to.equal('replied')

    const last = await say('5')
    expect(last, 'nothing else waits: no list').to.include('已记下您的评分：5 分。谢谢您的评价！').and.not.include('等着打分')
    expect(await stored(second)).to.include({ status: 'closed', rating: 5 })
    expect(await stored(first), 'rated once, as he said').to.include({ rating: 4 })
  })

  it('after the bare number rated the latest, the earlier one is still rated by its number, and a low score offers to reopen', async () => {
    const { first, second } = await residentWithTwoAnsweredMessages()
    // The bare number rated the latest; the thanks says which, and that the earlier one still waits.
    expect(await say('5'))
      .to.include(`已记下您对留言 ${second.slice(-4)} 的评分：5 分`)
      .and.include(`· ${first.slice(-4)} 路口红绿灯时间太短`)
      .and.include(`评价 ${first.slice(-4)} 5`)
    expect(await stored(second)).to.include({ rating: 5 })

    expect(await say(`评价 ${first} 2`))
      .to.include('已记下您的评分：2 分')
      .and.include('1. 重新办理')
    expect(await stored(first)).to.include({ status: 'closed', rating: 2 })
  })

  it('two messages of different days ending in the same four digits: the thanks names them in full, and the number it gives rates the other', async () => {
    const first = await writes('路口红绿灯时间太短，老人过不去马路')
    story.app.clock.advance(24 * 3_600_000) // numbers start again each day: the next one ends the same
    const second = await writes('小区门口的垃圾好几天没人清运')
    expect(second.slice(-4), 'the same last four digits').to.equal(first.slice(-4))
    // The rating question's example is the whole number: the last four digits would name both.
    expect(await answered(first, '已和交警大队沟通。', first)).to.not.include('有几条留言等着打分时')
    expect(await answered(second, '已联系环卫所。', second)).to.include(`请写上编号，如：评价 ${second} 5`)

    // The short number is two of his messages: the bot names both in full instead of guessing.
    expect(await say(`评价 ${first.slice(-4)} 4`))
      .to.include(`有 2 条留言以 ${first.slice(-4)} 结尾：`)
      .and.include(`· ${first} 路口红绿灯时间太短`)
      .and.include(`· ${second} 小区门口的垃圾`)
      .and.include('请发完整编号。')
    expect((await stored(first))!.status, 'nothing rated on a guess').to.equal('replied')

    expect(await say('5'))
      .to.include(`已记下您对留言 ${second} 的评分：5 分`)
      .and.include(`· ${first} 路口红绿灯时间太短`)
      .and.include(`给它打分请发送：评价 ${first} 5`)
    expect(await say(`评价 ${first} 4`)).to.include('已记下您的评分：4 分。谢谢您的评价！')
    expect(await stored(first)).to.include({ status: 'closed', rating: 4 })
    expect(await stored(second)).to.include({ status: 'closed', rating: 5 })
  })

  it('a low bare number with another answer waiting says which message it would handle again', async () => {
    const { first, second } = await residentWithTwoAnsweredMessages()
    expect(await say('2'))
      .to.include(`已记下您对留言 ${second.slice(-4)} 的评分：2 分。很抱歉没能让您满意。`)
      .and.include('1. 重新办理')
    expect(await say('1')).to.include('请简单说说还有哪些问题没有解决')
    expect(await say('垃圾还是没人清运')).to.include(`已申请重新办理留言 ${second}`)
    expect((await stored(first))!.status, 'the other one still waits').to.equal('replied')
  })

  it('with three waiting, says to pick one by its number rather than "它"', async () => {
    const tickets = [await writes('路口红绿灯时间太短'), await writes('小区门口的垃圾没人清运'), await writes('楼道灯坏了')]
    for (const ticket of tickets) await answered(ticket, '已联系物业处理。')
    const thanks = await say('5')
    expect(thanks)
      .to.include('您还有 2 条留言的答复等着打分：')
      .and.include(`给哪条打分，就发送"评价"、它的编号和分数，如：评价 ${tickets[1].slice(-4)} 5`)
      .and.not.include('给它打分')
  })

  it('when the list of his messages cannot be read just then, the rating is still thanked, not held and later refused', async () => {
    const { first, second } = await residentWithTwoAnsweredMessages()
    // The backend is gone between storing the rating and listing the others.
    story.bot.bot.client.cases = () => Promise.reject(new BackendUnavailableError('connection refused'))
    const thanks = await say('5')
    expect(thanks).to.include('已记下您的评分：5 分。谢谢您的评价！')
    expect(story.bot.bot.inbox.heldCount, 'nothing held to be replayed').to.equal(0)
    expect(await stored(second)).to.include({ status: 'closed', rating: 5 })
  })

  /** WeChat's 引用 of one of the bot's messages, with her words under it. */
  const quoting = (notice: string, words: string) => `「联络站小助手：${notice}」\n- - - - - - - - - - - - - - -\n${words}`

  it('a score written under a quoted answer notice rates that message, not the one answered last', async () => {
    const { first, second, firstNotice } = await residentWithTwoAnsweredMessages({
      replies: ['已和交警大队沟通，下周起延长到 40 秒。', '已联系环卫所，明天起每天清运两次。'],
    })

    expect(await say(quoting(firstNotice, '4')))
      .to.include(`已记下您对留言 ${first.slice(-4)} 的评分：4 分。谢谢您的评价！`)
      .and.include(`· ${second.slice(-4)} 小区门口的垃圾好几天没人清运`)
    expect(await stored(first)).to.include({ status: 'closed', rating: 4 })
    expect(await stored(second), 'the latest still waits').to.include({ status: 'replied', rating: null })

    expect(await say('5'), 'the bare number still means the latest').to.include('已记下您的评分：5 分。谢谢您的评价！')
    expect(await stored(second)).to.include({ status: 'closed', rating: 5 })
  })

  it('"不满意，…" under a quoted answer notice is for that message, and "1" handles it again with what she said, not asked twice', async () => {
    const { first, second, firstNotice } = await residentWithTwoAnsweredMessages({
      texts: ['楼道的灯坏了，晚上看不见', '小区门口的垃圾好几天没人清运'],
      replies: ['已联系物业，灯已经修好了。', '已联系环卫所。'],
    })

    const offer = await say(quoting(firstNotice, '不满意，灯还是不亮，你们再去看看'))
    expect(offer)
      .to.include(`已记下您对留言 ${first.slice(-4)} 的评分：2 分。很抱歉没能让您满意。`)
      .and.include('您说的"灯还是不亮，你们再去看看"也记下了')
      .and.include('1. 重新办理')
    expect(offer, 'not the menu').to.not.include('3. 帮助')
    expect(await stored(first)).to.include({ status: 'closed', rating: 2, ratingComment: '灯还是不亮，你们再去看看' })

    const reopened = await say('1')
    expect(reopened).to.include(`已申请重新办理留言 ${first}。您说的"灯还是不亮，你们再去看看"已经转给代表`)
    expect(reopened, 'the reason is not asked for again').to.not.include('还有哪些问题')
    const c = (await stored(first))!
    expect(c.status).to.equal('reopened')
    expect((await story.app.liaison.store.cases.events(c.id)).find((e) => e.type === 'reopened')?.note).to.equal('灯还是不亮，你们再去看看')
    expect(await stored(second), 'the other one is untouched').to.include({ status: 'replied', rating: null })
  })

  it('"不满意啊灯还是不亮…" answering the rating question is recorded as 2 with its reason, and "1" reopens with it', async () => {
    const first = await writes('楼道的灯坏了，晚上看不见')
    await answered(first, '已联系物业，灯已经修好了。')
    const offer = await say('不满意啊灯还是不亮你们再去看看')
    expect(offer).to.include('已记下您的评分：2 分。很抱歉没能让您满意。').and.include('您说的"灯还是不亮你们再去看看"也记下了').and.not.include('3. 帮助')
    expect(await say('1'))
      .to.include(`已申请重新办理留言 ${first}`)
      .and.not.include('还有哪些问题')
    const c = (await stored(first))!
    expect(c.status).to.equal('reopened')
    expect((await story.app.liaison.store.cases.events(c.id)).find((e) => e.type === 'reopened')?.note).to.equal('灯还是不亮你们再去看看')
  })

  it('a score in ordinary words is recorded: "很满意👍", "满意[强]", "5分 谢谢代表"', async () => {
    for (const [said, score, text] of [
      ['很满意👍', 5, '路口红绿灯时间太短'],
      ['满意[强]', 4, '小区门口的垃圾没人清运'],
      ['5分 谢谢代表', 5, '楼道灯坏了'],
    ] as const) {
      const ticket = await writes(text)
      await answered(ticket, '已联系物业处理。')
      const thanks = await say(said)
      expect(thanks, said).to.include(`已记下您的评分：${score} 分。谢谢您的评价！`).and.not.include('3. 帮助')
      expect(await stored(ticket), said).to.include({ status: 'closed', rating: score })
    }
  })

  it('a bare "5" while she writes a new message rates the answer that came meanwhile, and the new message goes on', async () => {
    const first = await writes('路口红绿灯时间太短，老人过不去马路')
    await writingWhenAnswered(first, '小区门口的垃圾好几天没人清运', '已和交警大队沟通，下周起延长到 40 秒。')

    const five = await say('5')
    expect(five).to.include('已记下您的评分：5 分。谢谢您的评价！').and.include('您的新留言还在写，接着说就行；说完了回复"好了"。')
    expect(await stored(first)).to.include({ status: 'closed', rating: 5 })

    expect(await say('早上七点前要清走')).to.equal('')
    expect(await say('好了')).to.include('内容：小区门口的垃圾好几天没人清运\n早上七点前要清走\n')
    const second = ticketIn(await say('1'))
    expect((await stored(second))!.text, 'no "5" in it').to.equal('小区门口的垃圾好几天没人清运\n早上七点前要清走')
  })

  it('a low bare score while she writes a new message offers 重新办理 first, then the new message goes on', async () => {
    const first = await writes('楼道的灯坏了，晚上看不见')
    await writingWhenAnswered(first, '小区门口的垃圾好几天没人清运', '已联系物业。')

    expect(await say('2'))
      .to.include('已记下您的评分：2 分。很抱歉没能让您满意。')
      .and.include('1. 重新办理')
    expect(await say('1')).to.include('还有哪些问题')
    expect(await say('灯还是不亮'))
      .to.include(`已申请重新办理留言 ${first}`)
      .and.include('您的新留言还在写，接着说就行；说完了回复"好了"。')
    expect(await stored(first)).to.include({ status: 'reopened' })
    expect(await say('好了')).to.include('内容：小区门口的垃圾好几天没人清运\n')
    const second = ticketIn(await say('1'))
    expect((await stored(second))!.text).to.equal('小区门口的垃圾好几天没人清运')
  })

  it('answers in words a number that is not his, and one rated already', async () => {
    const first = await writes('路口红绿灯时间太短，老人过不去马路')
    await answered(first, '已和交警大队沟通。')
    expect(await say('评价 9999 5')).to.include('没有找到编号为 9999 的留言')
    expect(await say(`评价 ${first.slice(-4)} 5`)).to.include('已记下您的评分：5 分')
    const again = await say(`评价 ${first.slice(-4)} 5`)
    expect(again, 'said as it is, not 不能执行此操作').to.equal(`留言 ${first} 您已经打过分了（5 分），不用再打。谢谢您！`)
    expect(await say(`评价 ${first.slice(-4)} 3`), 'another score: it stays, and she hears what she can do').to.equal(
      `留言 ${first} 您已经打过分了（5 分），分数打过就不能再改了。\n问题还没有解决的话，可以发送"留言"再写一条。`,
    )
    expect(await stored(first)).to.include({ rating: 5 })
    expect(await say(`评价 ${first.slice(-4)} 8`), 'a score past 5 hears the scale, not the menu').to.include('打分请回复 1 到 5 中的一个数字')
  })
})

describe('bot text: "评价 0042 5" is read as a rating of that message', () => {
  it('takes the ways people write it, and leaves a message that merely starts with 评价 as text', () => {
    expect(parseCommand('评价 0042 5')).to.deep.equal({ kind: 'rate', ref: '0042', value: 5 })
    expect(parseCommand('评价０９９５　４分')).to.deep.equal({ kind: 'rate', ref: '0995', value: 4 })
    expect(parseCommand('评分：20261122-0042，3')).to.deep.equal({ kind: 'rate', ref: '20261122-0042', value: 3 })
    expect(parseCommand('打分 0042 2星')).to.deep.equal({ kind: 'rate', ref: '0042', value: 2 })
    expect(parseCommand('评价一下新修的公园，很好').kind).to.equal('text')
    expect(parseCommand('评价 0042 6'), 'no such score: read, so the 1-to-5 rule is said').to.deep.equal({ kind: 'rate', ref: '0042', value: 6 })
  })
})
