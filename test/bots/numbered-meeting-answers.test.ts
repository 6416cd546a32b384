import { expect } from 'chai'
import { numberedAnswer } from '../../bots/flows/deputy-meeting-list.js'

/** Her reply under a numbered list of meetings (deputy-meeting-list.ts): which one, and 参加 or 请假 with its reason. */
describe('bot: a reply to the numbered meeting list', () => {
  const rows: Array<[string, ReturnType<typeof numberedAnswer>]> = [
    ['2 参加', { kind: 'one', n: 2, to: 'attend', reason: '' }],
    ['2参加', { kind: 'one', n: 2, to: 'attend', reason: '' }],
    ['第二个参加。', { kind: 'one', n: 2, to: 'attend', reason: '' }],
    ['参加 1', { kind: 'one', n: 1, to: 'attend', reason: '' }],
    ['1、请假 外出开会', { kind: 'one', n: 1, to: 'leave', reason: '外出开会' }],
    ['１ 请假', { kind: 'one', n: 1, to: 'leave', reason: '' }],
    ['请假 2 那天住院', { kind: 'one', n: 2, to: 'leave', reason: '那天住院' }],
    ['都参加', { kind: 'all' }],
    ['两个都参加！', { kind: 'all' }],
    ['全部参加', { kind: 'all' }],
    // Not an answer to the list: read as ever.
    ['2 去不了', null],
    ['好的', null],
    ['参加', null],
    ['2', null],
  ]
  for (const [words, read] of rows) it(`"${words}"`, () => expect(numberedAnswer(words)).to.deep.equal(read))
})
