import { expect } from 'chai'
import { commentOrNewChoice } from '../../bots/short-answers.js'
import { STREET_LIGHT_LINE, useAnsweredMessage } from './rated-answer.js'

/**
 * 老李 wrote about the street light (路灯) under her window, 张伟 answered, she scored it "5". What she says next
 * is taken as her comment on that answer only when it is about the light: "垃圾还是没人收" is another thing, and she
 * is asked one plain question (the backend, which has the message's text, says so). When the rating can no longer
 * take her words (past the half hour) or cannot take them whole (over 500 characters), she is told so, and her
 * words can still reach the deputy whole as a new message with one reply.
 */
describe('bot: her words after a score, when they are about another thing, late, or long', function () {
  this.timeout(60_000)
  const story = useAnsweredMessage({ rated: '5' })
  const { say, stored, ratingReachesDeputy, later } = story
  const SUBJECT_QUESTION = '您说的是刚才评价的"路灯"那件事，还是一件新的事？\n回复 1 是"路灯"那件事，回复 2 是新的事'

  describe('words about another thing', () => {
    it('"垃圾还是没人收" after an answer about the 路灯 is asked about, and "2" makes it a new message', async () => {
      expect(await say('垃圾还是没人收')).to.equal(SUBJECT_QUESTION)
      expect(await stored(), 'not added to the rating of the 路灯').to.include({ rating: 5, ratingComment: null })

      const draft = await say('2')
      expect(draft).to.include('好的，这段话记下了，作为一条新留言，选好发给谁，就可以送出。')
      for (const pick of ['1', '1']) await say(pick)
      expect(await say('1'))
        .to.include('请核对您的留言')
        .and.include('内容：垃圾还是没人收')
      expect(await stored()).to.include({ ratingComment: null })

      expect(await ratingReachesDeputy(), 'the score alone reaches the deputy').to.deep.equal([
        `您答复的留言 ${story.ticket} 获得 5 分评价。${STREET_LIGHT_LINE}`,
      ])
    })

    it('"路灯那件事" under the question sends her words to the deputy with the score', async () => {
      expect(await say('垃圾还是没人收')).to.equal(SUBJECT_QUESTION)
      expect(await say('路灯那件事')).to.include('您说的"垃圾还是没人收"已经转给代表了，谢谢您！')
      expect(await stored()).to.include({ rating: 5, ratingComment: '垃圾还是没人收' })
    })

    it('words about the light, or naming nothing, still go to the deputy at once', async () => {
      expect(await say('灯还是不亮')).to.include('您说的"灯还是不亮"已经转给代表了，谢谢您！')
      expect(await stored()).to.include({ ratingComment: '灯还是不亮' })
    })
  })

  describe('words the rating can no longer take', () => {
    const WORDS = '代表说周五前修好，可是我们已经等了三个星期，晚上还是黑的'

    it('her "1" past the half hour is refused, her words kept, and "1" again makes them a new message', async () => {
      later(20)
      expect(await say(WORDS)).to.include('还是要反映新的问题')
      later(15)
      expect(await say('1')).to.equal('这次评价已经过了可以补充的时间，您这段话没有转给代表。\n要把这段话作为一条新留言发给代表，请回复 1；不用了，请回复 2。')
      expect(await stored()).to.include({ ratingComment: null })

      expect(await say('1')).to.include('好的，这段话记下了，作为一条新留言，选好发给谁，就可以送出。')
      for (const pick of ['1', '1']) await say(pick)
      expect(await say('1')).to.include(`内容：${WORDS}`)
    })

    it('"2" leaves her words, and says so', async () => {
      later(20)
      await say(WORDS)
      later(15)
      await say('1')
      expect(await say('2')).to.equal('好的，这段话就不发了。需要时请再发送"留言"。')
      expect(await say('谢谢'), 'nothing waits any more').to.include('不客气')
    })
  })

  describe('words longer than a rating keeps', () => {
    const LONG = `我再详细说说路灯的事。${'晚上八点以后整条路都是黑的，老人出门只能打手电，上个月还有人在楼下摔倒了。'.repeat(20)}`.slice(0, 620)

    it('the first 500 characters go with the score, she is told how much did not, and "1" sends the whole as a new message', async () => {
      expect(LONG).to.have.length(620)
      expect(await say(LONG)).to.include('还是要反映新的问题')
      const said = await say('1')
      expect(said).to.equal(
        [
          `您说的"${LONG.slice(0, 30)}…"已经转给代表了，谢谢您！`,
          '不过这段话有 620 字，和评分一起最多只能转 500 字，后面还有 120 字没有转过去。',
          '要让代表看到整段话，请回复 1，把整段话作为一条新留言发给代表；不用了，请回复 2。',
        ].join('\n'),
      )
      expect((await stored())!.ratingComment).to.equal(LONG.slice(0, 500))

      expect(await say('1')).to.include('好的，这段话记下了，作为一条新留言')
      for (const pick of ['1', '1']) await say(pick)
      expect(await say('1'), 'the whole of it, to the last character').to.include(`内容：${LONG}`)
    })

    it('left unanswered, the offer ends saying only the first part reached the deputy', async () => {
      await say(LONG)
      await say('1')
      expect(await story.silentHalfHour()).to.equal(
        '您好，您有半个小时没有回话，您那段话只有前 500 字转给了代表，整段话没有作为留言送出。需要反映的话，请发送"留言"。',
      )
    })
  })
})

/**
 * 老李 gave a 2 and said "不用了" to 重新办理; an hour later she sends "评价 0001 1" to say it is worse than that. A
 * score cannot be changed, and she hears what she can still do: her 2 allows 重新办理 (reopenMaxRating is 2 here).
 */
describe('bot: another score for an answer already rated', function () {
  this.timeout(60_000)
  const story = useAnsweredMessage()
  const { say, stored, later } = story

  it('says the score stays, and offers 重新办理 when her score allows it; "重新办理" then works', async () => {
    const { ticket } = story
    expect(story.app.liaison.config.cases.reopenMaxRating, 'the configured scores that may ask for it').to.equal(2)
    expect(await say('2')).to.include('1. 重新办理')
    expect(await say('2')).to.include('好的，谢谢您！')
    later(60)

    expect(await say(`评价 ${ticket.slice(-4)} 1`)).to.equal(
      `留言 ${ticket} 您已经打过分了（2 分），分数打过就不能再改了。\n问题还没有解决的话，可以发送"重新办理"，请代表再办一次。`,
    )
    expect(await stored()).to.include({ rating: 2 })
    expect(await say('重新办理')).to.include('请简单说说还有哪些问题没有解决')
    expect(await say('灯还是不亮')).to.include(`已申请重新办理留言 ${ticket}`)
  })
})

describe('bot: reading her answer to "刚才评价的那件事，还是一件新的事？"', () => {
  it('takes the rated thing by name or as 刚才那件事, and a new thing as 2', () => {
    for (const one of ['路灯那件事', '是路灯的事', '是刚才那件事', '刚才的事', '说的是路灯那件']) expect(commentOrNewChoice(one, '路灯'), one).to.equal(1)
    for (const two of ['一件新的事', '新的事', '是新的问题', '另一件事']) expect(commentOrNewChoice(two, '路灯'), two).to.equal(2)
    for (const neither of ['是的', '垃圾', '路灯坏了']) expect(commentOrNewChoice(neither, '路灯'), neither).to.equal(null)
  })
})
