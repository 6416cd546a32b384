import { expect } from 'chai'
import { useAnsweredMessage } from './rated-answer.js'

/**
 * 老李 (72) sends one thought as several chat bubbles. Around the rating of 张伟's answer about the street light
 * (路灯) none of them may be dropped without a word: under a question every bubble is kept with the first, words
 * typed under the 重新办理 offer are its reason, more bubbles after his comment was passed on are offered to him,
 * and a short complaint later is offered as a new message, not lost under the menu.
 */
describe('bot: 老李 never loses a bubble around a rating', function () {
  this.timeout(60_000)
  const story = useAnsweredMessage()
  const { say, stored } = story

  it('a second short line under "意见还是新的问题" is kept, and "1" sends both lines to the deputy', async () => {
    expect(await say('3')).to.include('还有什么想对代表说的')
    expect(await say('灯是修了')).to.equal('您这句话是对刚才答复的意见，还是要反映新的问题？\n回复 1 是对答复的意见，回复 2 是新的问题')
    expect(await say('但是不太亮')).to.equal('这句话也记下了。\n您这几段话是对刚才答复的意见，还是要反映新的问题？\n回复 1 是对答复的意见，回复 2 是新的问题')
    expect(await say('1')).to.include('您说的"灯是修了 但是不太亮"已经转给代表了，谢谢您！')
    expect(await stored()).to.include({ rating: 3, ratingComment: '灯是修了\n但是不太亮' })
  })

  it('words typed under the 重新办理 offer are its reason: "1" reopens with them and does not ask again', async () => {
    expect(await say('2')).to.include('1. 重新办理')
    expect(await say('路灯还是不亮，晚上黑乎乎的')).to.equal(
      '您说的"路灯还是不亮，晚上黑乎乎的"记下了，重新办理时会转给代表。\n要重新办理，请回复 1；不用了，请回复 2。',
    )
    const done = await say('1')
    expect(done).to.include('已申请重新办理留言').and.include('您说的"路灯还是不亮，晚上黑乎乎的"已经转给代表')
    expect(done).to.not.include('请简单说说')
    expect(await stored()).to.include({ status: 'reopened' })
  })

  it('words typed under the offer, then "2. 不用了": they still reach the deputy with the score', async () => {
    await say('2')
    await say('路灯还是不亮')
    expect(await say('2')).to.include('您说的"路灯还是不亮"已经转给代表了，谢谢您！')
    expect(await stored()).to.include({ rating: 2, ratingComment: '路灯还是不亮', status: 'closed' })
  })

  it('words typed under the offer and then silence: the chat ends saying they went nowhere', async () => {
    await say('2')
    await say('路灯还是不亮')
    expect(await story.silentHalfHour()).to.equal('您好，您有半个小时没有回话，您刚才说的话没有转给代表，也没有申请重新办理。需要的话，请发送"重新办理"。')
  })

  it('more bubbles after his comment was passed on are offered to him, kept together, and "1" makes them a new message', async () => {
    await say('5')
    expect(await say('路灯还是不亮')).to.include('已经转给代表了')
    expect(await say('晚上黑得很')).to.equal(
      '您刚才又说的"晚上黑得很"还没有转给代表（一次评价只能转一段话，前面那段已经转过去了）。\n要把它也告诉代表，请回复 1，作为一条新留言发给代表；不用了，请回复 2。',
    )
    expect(await say('麻烦代表再催催供电所'))
      .to.include('这段话也记下了。')
      .and.include('要把它也告诉代表，请回复 1')
    expect(await say('1')).to.include('好的，这段话记下了，作为一条新留言')
    for (const pick of ['1', '1']) await say(pick)
    expect(await say('1'))
      .to.include('请核对您的留言')
      .and.include('内容：晚上黑得很\n麻烦代表再催催供电所')
    expect(await stored(), 'the comment he gave stays as it was').to.include({ ratingComment: '路灯还是不亮' })
  })

  it('a short complaint after the half hour is offered as a new message, not answered with the menu', async () => {
    await say('5')
    story.later(40)
    expect(await say('灯又不亮了')).to.equal(
      '您刚才说的"灯又不亮了"还没有发出去。\n要把刚才这句话作为一条新留言发给代表，请回复 1；不用了，请回复 2。\n要办别的事，请回复"帮助"看菜单。',
    )
    expect(await say('1')).to.include('好的，这段话记下了，作为一条新留言')
    for (const pick of ['1', '1']) await say(pick)
    expect(await say('1')).to.include('内容：灯又不亮了')
  })

  it('"2" leaves the short words and says so; a greeting still gets the menu', async () => {
    await say('5')
    story.later(40)
    await say('灯又不亮了')
    expect(await say('2')).to.equal('好的，这段话就不发了。需要时请再发送"留言"。')
    expect(await say('你好')).to.include('请回复数字或文字')
  })
})

describe('bot: 老李 answers the 1/2 questions in his own words, scores twice, and asks a question', function () {
  this.timeout(60_000)
  const story = useAnsweredMessage({ rated: '5' })
  const { say, stored } = story
  const NEW_PROBLEM = '还有我家门口垃圾没人收，已经一个礼拜了'

  it('"新的" is 2: his words become a new message', async () => {
    expect(await say(NEW_PROBLEM)).to.include('还是要反映新的问题')
    expect(await say('新的')).to.include('好的，这段话记下了，作为一条新留言')
    expect(await stored()).to.include({ ratingComment: null })
  })

  it('"刚才那个" is 1: his words go to the deputy with the score', async () => {
    await say(NEW_PROBLEM)
    expect(await say('刚才那个')).to.include(`您说的"${NEW_PROBLEM}"已经转给代表了`)
    expect(await stored()).to.include({ ratingComment: NEW_PROBLEM })
  })

  it('"垃圾的事" under the named question ("路灯" or a new thing) is the new thing', async () => {
    expect(await say('垃圾还是没人收')).to.include('刚才评价的"路灯"那件事，还是一件新的事')
    expect(await say('垃圾的事')).to.include('好的，这段话记下了，作为一条新留言')
    expect(await stored()).to.include({ ratingComment: null })
  })

  it('a word only of his new words ("垃圾"), not of the rated message, is 2: a new message', async () => {
    await say(NEW_PROBLEM)
    expect(await say('垃圾')).to.include('好的，这段话记下了，作为一条新留言')
    expect(await stored()).to.include({ ratingComment: null })
  })

  it('"路灯的事" (a word of the rated message) under the question means that message: his words go with the score', async () => {
    await say(NEW_PROBLEM)
    expect(await say('路灯的事')).to.include(`您说的"${NEW_PROBLEM}"已经转给代表了`)
    expect(await stored()).to.include({ ratingComment: NEW_PROBLEM })
  })

  it('"嗯" is not understood: only the two numbers are asked for, not the whole question again', async () => {
    await say(NEW_PROBLEM)
    expect(await say('嗯')).to.equal('没看懂，请回复数字 1 或 2：1 是对答复的意见，2 是新的问题。')
  })

  it('the score typed again is answered as given; another one cannot change it; his words still reach the deputy', async () => {
    expect(await say('5')).to.equal('您已经打过分了（5 分），不用再打。谢谢您！')
    expect(await say('5分')).to.equal('您已经打过分了（5 分），不用再打。谢谢您！')
    expect(await say('4')).to.include('您已经打过分了（5 分），分数打过就不能再改了。')
    expect(await say('灯修得很好')).to.include('已经转给代表了')
    expect(await stored()).to.include({ rating: 5, ratingComment: '灯修得很好' })
  })

  it('"满意" after the score is still his comment, not a score typed again', async () => {
    expect(await say('满意')).to.include('您说的"满意"已经转给代表了')
    expect(await stored()).to.include({ rating: 5, ratingComment: '满意' })
  })

  it('a question sent as a comment: he is told the deputy reads it but does not answer, and how to get an answer', async () => {
    const said = await say('周五要是修不好怎么办？')
    expect(said).to.include('已经转给代表了')
    expect(said).to.include('代表会看到您的话，但评价后补充的话代表不会单独答复。').and.include('请发送"留言"，写一条新留言')
  })
})
