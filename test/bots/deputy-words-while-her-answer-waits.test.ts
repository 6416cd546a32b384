import { expect } from 'chai'
import { readWaitingWords, type WaitingWords } from '../../bots/flows/reply-ask-words.js'

/**
 * Deputy Liu's words while her answer is shown back (bots/flows/reply-ask-words.ts): whatever is joined goes to a resident
 * on her next "是", so a stop, a yes or an unclear short word is never joined. Each row is what a reviewer typed.
 */
const RULES: Array<[string, WaitingWords]> = [
  // A stop drops the answer (it stays in her 待办).
  ...(['不', '不发了', '不对', '错了', '发错了', '不是这个', '别发了', '不要发', '先别发', '等一下', '撤回', '不对，是另一条', '算了'] as const).map(
    (w): [string, WaitingWords] => [w, 'no'],
  ),
  // A 不 that is a no: "no good, I will change it", "no need (to send)".
  ...(['不行，再改改', '不用了', '不用发了'] as const).map((w): [string, WaitingWords] => [w, 'no']),
  // A 不 that says it is fine as it is, with a whole yes after it: sent (a reviewer's "不用改了，发吧" dropped it).
  ...(['不用改了，发吧', '不改了，发出去吧', '不错，发吧'] as const).map((w): [string, WaitingWords] => [w, 'yes']),
  // A 不 that says it is fine, without a yes: "不错" (good), "不麻烦" (no trouble) never drop it, nor send it: asked again.
  ...(['不错', '不错，就这样', '不用改了', '不改了', '不麻烦', '不好意思'] as const).map((w): [string, WaitingWords] => [w, 'askAgain']),
  // A whole yes sends it.
  ...(
    [
      '是',
      '是的',
      '好',
      '好的',
      '对',
      '发吧',
      '可以',
      'OK',
      '好，发吧',
      '确认发送',
      '是的，发给她',
      '嗯嗯好的',
      '没问题',
      '好吧',
      '行的',
      '可以的',
      '对的对的',
      '确认送出',
      '提交',
    ] as const
  ).map((w): [string, WaitingWords] => [w, 'yes']),
  // Mixed, finished, a nod, a yes with other words: asked again, never joined, never sent.
  ...(['哎呀不对，是1号', '完了', '结束', '就这些', '嗯', '好像是吧', '发给谁了', '是不是发了'] as const).map((w): [string, WaitingWords] => [w, 'askAgain']),
  // Words for her meetings (notices come while it waits): never joined, never a stop; the meetings are answered.
  ...(['1 参加', '都参加', '第二个参加', '2 请假 外出开会', '参加', '不能参加', '我准时参加', '好的，我准时参加', '参加不了', '请假，外出开会'] as const).map(
    (w): [string, WaitingWords] => [w, 'meeting'],
  ),
  // More of her answer, even short and naming who takes part or is away: never taken for her own meeting reply (R5).
  ...(
    [
      '周五街道、物业和供电所的同志都会到现场参加协调，请您放心，有问题再联系我',
      '已请社区干部参加协调会，下周解决',
      '居委会主任也参加',
      '物业经理和供电所的同志都会参加',
      '不能参加的居民可以打我电话',
      '物业的人请假了，下周来修',
    ] as const
  ).map((w): [string, WaitingWords] => [w, 'join']),
  // More of her answer.
  ...(['他们说周五来修，请您放心', '周五来修', '已经修好了', '费用由物业承担'] as const).map((w): [string, WaitingWords] => [w, 'join']),
]

describe('bot: a deputy’s words while her answer waits for "是"', () => {
  for (const [words, meant] of RULES) {
    it(`"${words}" → ${meant}`, () => {
      expect(readWaitingWords(words)).to.equal(meant)
    })
  }
})
