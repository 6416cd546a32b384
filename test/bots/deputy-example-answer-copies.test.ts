import { expect } from 'chai'
import { copiedExample, type ExampleCopy } from '../../bots/flows/example-answers.js'

/**
 * A deputy's answer that copies the bot's own example (bots/flows/example-answers.ts): a reviewer, as Deputy Liu, sent
 * "已联系供电所，本周修好了" and "再写上办理结果：已修好" and both were offered to go to a resident. Each row: her answer,
 * what it copies, and why.
 */
const ROWS: Array<[answer: string, copies: ExampleCopy, why: string]> = [
  ['再写上答复', 'placeholder', 'the line as the bot writes it'],
  ['再写上办理结果吧', 'placeholder', 'a word added after it'],
  ['再写上办理结果：已修好', 'placeholder', 'the template words kept, her answer after them'],
  ['已修好，再写上办理结果', 'placeholder', 'the template words kept, her answer before them'],
  ['回复 0001 再写上办理结果吧', 'placeholder', 'the whole line copied again as her answer'],
  ['回复 0001 再写上原因', 'placeholder', 'the 交回 line’s words'],
  ['已联系供电所，本周修好。', 'example', 'the example answer as written'],
  ['已联系供电所，本周修好了', 'example', 'one word added'],
  ['已联系供电所，本周修', 'example', 'one word left out'],
  ['已联系供电所，路灯前天修好了', 'example', 'one word changed'],
  ['已联系供电所，本周修好，请您放心', 'example', 'the example whole, with words after it'],
  ['您好！已联系供电所，路灯昨天修好了', 'example', 'the other example whole, with words before it'],
  ['已联系物业，明天清理杂物', null, 'a real answer sharing 已联系 with it'],
  ['已联系供电所，明天修好', null, 'two words changed: what a deputy who did call them writes'],
  ['已联系供电所，这周内修好。', null, 'two words changed or added: a real answer as often'],
  ['已联系供电所，明天上午来换灯泡', null, 'a real answer about the same office, in her own words'],
  ['路灯已经修好了，请您放心', null, 'a real answer sharing 修好'],
  ['请在表上写上原因后交到社区', null, '写上原因 in a real answer, without the template’s 再'],
]

describe('bot: an answer copying the bot’s example, as written or with words changed', () => {
  for (const [answer, copies, why] of ROWS) {
    it(`"${answer}" → ${copies} (${why})`, () => {
      expect(copiedExample(answer)).to.equal(copies)
    })
  }
})
