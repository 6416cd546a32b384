import { expect } from 'chai'
import { isBareDone, isOnlyAcknowledging, replyRefusal } from '../../src/domain/reply-words.js'

/**
 * What may not go to a resident as a deputy's answer (src/domain/reply-words.ts): the one rule the
 * chat and the server both keep. A line that only says he has it, or that it was done without what,
 * is refused; anything that says what was done passes, however it begins.
 */
describe('reply words: what may not go to a resident as the answer', () => {
  it('takes "收到", "好的，我明天去看看" and their kin as only saying he has it', () => {
    for (const t of [
      '收到',
      '收到！',
      '好的',
      '好的👍',
      '好的，我明天去看看',
      '收到，马上安排人去看看',
      '知道了[抱拳]',
      'ＯＫ',
      '嗯嗯',
      '我尽快去现场了解一下',
    ])
      expect(isOnlyAcknowledging(t), t).to.equal(true)
  })

  it('lets through a short line that says something was done, and any long one', () => {
    for (const t of [
      '已联系供电所，路灯昨天修好了',
      '收到，已联系物业',
      '好的，路灯修好了',
      '已报修，尽快处理',
      '已安排人员，尽快处理',
      '已请物业换了新扶手。',
      '已经联系相关部门，正在处理，有进展会再告诉您。',
      '好的，这件事我去问了区住建局，他们说下个月统一更换全小区的路灯，到时候我再跟进',
    ])
      expect(isOnlyAcknowledging(t), t).to.equal(false)
  })

  it('takes only a bare "已处理" as saying nothing of what was done', () => {
    for (const t of ['已处理', '已解决', '已办', '已办理', '处理了', '办好了', '已经处理了', '已处理。', ' 已 处理 ！']) expect(isBareDone(t), t).to.equal(true)
    for (const t of ['已联系供电所，路灯昨天修好了', '已处理，路灯换了新的', '已修好。']) expect(isBareDone(t), t).to.equal(false)
  })

  it('says why in words a deputy understands, with 受理 only while the message waits for it', () => {
    expect(replyRefusal('收到', true)).to.deep.equal({
      code: 'reply_only_acknowledges',
      message: '这句话只告诉了群众“收到了”，还没说怎么办的。请先点“受理”，办好以后再答复，写明做了什么、结果怎样。',
    })
    expect(replyRefusal('好的，我明天去看看', false)).to.deep.equal({
      code: 'reply_only_acknowledges',
      message: '这句话只告诉了群众“收到了”，还没说怎么办的。请办好以后再答复，写明做了什么、结果怎样。',
    })
    expect(replyRefusal(' 已处理 ', false)).to.deep.equal({
      code: 'reply_says_no_result',
      message: '“已处理”没有说做了什么，群众看了不知道结果。请写明做了什么、结果怎样，例如：已联系供电所，路灯昨天修好了。',
    })
    expect(replyRefusal('已联系供电所，路灯昨天修好了', true)).to.equal(null)
  })
})
