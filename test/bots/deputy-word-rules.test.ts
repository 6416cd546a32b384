import { expect } from 'chai'
import { attendsMeeting, cannotCome, isMeetingYes, readsLikeAnswer } from '../../bots/flows/deputy-words.js'

/**
 * The word rules behind a deputy's plain words (bots/flows/deputy-words.ts): what they take, and what they leave alone.
 * What may not go as an answer (收到, 已处理) is the server's rule too: test/unit/reply-words.test.ts.
 */
describe('bot: rules for a deputy’s plain words', () => {
  it('reads "去不了" and its kin as a leave, with the reason he gave or none', () => {
    expect(cannotCome('去不了')).to.equal('')
    expect(cannotCome('我这次恐怕去不了')).to.equal('')
    expect(cannotCome('明天的会去不了')).to.equal('')
    expect(cannotCome('去不了，家里有事')).to.equal('家里有事')
    expect(cannotCome('家里有事，来不了')).to.equal('家里有事')
    expect(cannotCome('我去不了了，要去省里开会')).to.equal('要去省里开会')
    expect(cannotCome('去不了吗？'), 'a question').to.equal(null)
    expect(cannotCome('参加'), 'no such words').to.equal(null)
    expect(cannotCome('不参加')).to.equal('')
    expect(cannotCome('我还不确定能不能去'), 'asking himself whether, no answer').to.equal(null)
  })

  it('hears "我准时参加", "能去", "准时到" as coming, and never a sentence with a negation or a maybe', () => {
    for (const t of ['好的，我准时参加', '我又能去了', '能去', '准时到', '我会去的', '一定到', '没问题，准时参加', '不好意思，我能去'])
      expect(attendsMeeting(t), t).to.equal('yes')
    for (const t of ['尽量参加', '我还不确定能不能去', '如果身体好就参加', '那天我要参加区里的培训', '可能参加不了', '我不参加'])
      expect(attendsMeeting(t), t).to.equal('unclear')
    for (const t of ['我需要参加吗？', '几点开会', '路灯已经修好了', '好的']) expect(attendsMeeting(t), t).to.equal(null)
  })

  it('reads a sentence as an answer only when it says something was done, and nothing is still wrong', () => {
    for (const t of ['路灯已经修好了', '垃圾已经清运了', '已联系供电所，明天来修']) expect(readsLikeAnswer(t), t).to.equal(true)
    for (const t of ['我家楼下的路灯已经坏了一个星期', '物业已经联系过了，但是没人来修', '路灯还是没修好', '已经处理了吗', '谢谢代表，路灯修好了'])
      expect(readsLikeAnswer(t), t).to.equal(false)
  })

  it('hears a plain yes to a meeting notice, with emoji and punctuation', () => {
    for (const t of ['好的', '收到', '行', '可以', '好的👍', '收到！']) expect(isMeetingYes(t), t).to.equal(true)
    for (const t of ['参加', '好了', '好的，我有个问题']) expect(isMeetingYes(t), t).to.equal(false)
  })
})
