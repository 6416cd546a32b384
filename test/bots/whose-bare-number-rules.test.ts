import { expect } from 'chai'
import { emptyDialogue, type DialogueState } from '../../bots/flows/dialogue-state.js'
import { flowQuestion } from '../../bots/flows/flow-question.js'
import { flowOrLine, meantForTodo, numberForTodo, residentQuestionWaits, scoreOrLine, standingQuestion, yesOrLine } from '../../bots/flows/resident-question.js'
import type { Turn } from '../../bots/flows/turn.js'
import { parseCommand } from '../../bots/parse-command.js'

/**
 * Whose a bare "2" (or "回复 2") is from a deputy who is a resident too (bots/flows/resident-question.ts): her draft's
 * summary, her list of messages, the score an answer asked for, and his 待办 lines, each by when it was shown. The
 * stories are deputy-liu-says-a-number-of-her-score-or-list-or-her-todo.test.ts and
 * deputy-liu-says-a-number-of-her-flow-or-her-todo.test.ts; this is the rule table.
 */
const NOW = Date.UTC(2026, 10, 24, 9)
const minutes = (n: number) => NOW - n * 60_000
const days = (n: number) => NOW - n * 24 * 3_600_000

/**
 * - her question: her list picks, or her score is recorded ("回复 2" too);
 * - his 待办: the line of 待办 is named, nothing of hers is done;
 * - asked which: neither is done, he is asked whether he means the score (or her draft's question) or the line;
 * - as ever: nothing of hers decides: "回复 2" is a deputy's command, a bare "2" what it is to anyone.
 */
type Owner = 'her question' | 'his 待办' | 'asked which' | 'as ever'

interface Row {
  /** When her draft's summary (1 确认送出, 2 重新填写, 3 取消) was last shown, minutes ago. */
  summary?: number
  /** She is writing her message's words: nothing numbered asked. */
  writing?: boolean
  /** The number he types; 2 unless said. */
  n?: number
  /** When her list (撤回) was shown, minutes ago. */
  list?: number
  /** When the answer asked her score, as a time. */
  score?: number
  /** She has sent something since the score was asked. */
  spoken?: boolean
  /** When his 待办 lines were last shown, minutes ago. */
  todo?: number
  owner: Owner
}

const TABLE: Array<[string, Row]> = [
  ['her list, just shown', { list: 5, owner: 'her question' }],
  ['her list, lapsed (40 minutes)', { list: 40, owner: 'as ever' }],
  ['her list, then 待办', { list: 10, todo: 5, owner: 'his 待办' }],
  ['待办, then her list', { todo: 10, list: 5, owner: 'her question' }],
  ['her list lapsed, then 待办 (long ago too)', { list: 40, todo: 35, owner: 'as ever' }],
  ['her score, just asked', { score: minutes(5), owner: 'her question' }],
  ['her score, asked six days ago', { score: days(6), owner: 'her question' }],
  ['her score, lapsed (eight days)', { score: days(8), owner: 'as ever' }],
  ['her score, she has spoken since', { score: minutes(5), spoken: true, owner: 'as ever' }],
  ['her score, then 待办', { score: minutes(10), todo: 5, owner: 'his 待办' }],
  ['her score two hours ago, 待办 an hour ago', { score: minutes(120), todo: 60, owner: 'his 待办' }],
  ['待办 lately, then her score', { todo: 15, score: minutes(5), owner: 'asked which' }],
  ['待办 long ago, then her score', { todo: 120, score: minutes(5), owner: 'her question' }],
  ['her score, spoken since, then 待办', { score: minutes(10), spoken: true, todo: 5, owner: 'his 待办' }],
  ['待办 lately, her score, spoken since', { todo: 15, score: minutes(5), spoken: true, owner: 'asked which' }],
  ['her score, 待办, then her list', { score: minutes(20), todo: 15, list: 5, owner: 'her question' }],
  ['her list, 待办, then her score', { list: 20, todo: 15, score: minutes(5), owner: 'asked which' }],
  ['her summary, just shown', { summary: 5, owner: 'her question' }],
  ['her summary, then 待办', { summary: 10, todo: 5, owner: 'asked which' }],
  ['her summary and 待办 at the same moment', { summary: 5, todo: 5, owner: 'asked which' }],
  ['her summary, 待办, then "3" (取消 under it)', { summary: 10, todo: 5, n: 3, owner: 'asked which' }],
  ['her summary, 待办, then "5", a number it does not take', { summary: 10, todo: 5, n: 5, owner: 'his 待办' }],
  ['待办, then her summary', { todo: 10, summary: 5, owner: 'her question' }],
  ['her summary an hour ago, 待办 long ago too (40 minutes)', { summary: 60, todo: 40, owner: 'her question' }],
  ['her summary, 待办, then her score', { summary: 20, todo: 15, score: minutes(5), owner: 'asked which' }],
  ['writing her words, then 待办', { writing: true, todo: 5, owner: 'as ever' }],
  ['待办 only', { todo: 5, owner: 'his 待办' }],
  ['待办 only, long ago (40 minutes)', { todo: 40, owner: 'as ever' }],
  ['nothing shown', { owner: 'as ever' }],
]

function stateOf(row: Row): DialogueState {
  const state = emptyDialogue(NOW)
  if (row.list !== undefined) state.listed = { kind: 'withdraw', tickets: ['20261124-0001', '20261124-0002'], at: minutes(row.list) }
  if (row.score !== undefined) state.rating = { ticket: '20261120-0003', since: row.score, ...(row.spoken ? { spokeSince: true } : {}) }
  if (row.todo !== undefined) state.todoShownAt = minutes(row.todo)
  if (row.summary !== undefined || row.writing) {
    const target = { kind: 'deputy' as const, code: 'DP0001', label: '张伟代表' }
    state.flow = {
      name: 'message',
      stage: row.writing ? 'text' : 'confirm',
      draftId: 'd1',
      target,
      path: [],
      options: [],
      parts: ['路灯坏了'],
      lastPartAt: null,
    }
    if (row.summary !== undefined) state.flowAskedAt = minutes(row.summary)
  }
  return state
}

/** The owner as the conversations read it from the three decisions, each checked against the others. */
function ownerOf(state: DialogueState, n: number): Owner {
  const waits = residentQuestionWaits(state, NOW)
  const todo = meantForTodo(state, NOW)
  const either = flowOrLine(state, NOW, n) ?? scoreOrLine(state, NOW)
  expect(waits && todo, 'hers and his at once').to.equal(false)
  if (either) expect(todo, 'asked which only in place of a 待办 line').to.equal(true)
  return waits ? 'her question' : todo ? (either ? 'asked which' : 'his 待办') : 'as ever'
}

describe('bot: whose a bare number is, for a deputy who is a resident too', () => {
  for (const [what, row] of TABLE) {
    it(`${what}: ${row.owner}`, () => {
      expect(ownerOf(stateOf(row), row.n ?? 2)).to.equal(row.owner)
    })
  }

  it('names the list and the score that still stand, and neither once lapsed', () => {
    const live = standingQuestion(stateOf({ list: 5, score: days(6), owner: 'her question' }), NOW)
    expect(live.list?.listed.tickets).to.deep.equal(['20261124-0001', '20261124-0002'])
    expect(live.score?.rating.ticket).to.equal('20261120-0003')
    expect(standingQuestion(stateOf({ list: 30, score: days(7), owner: 'as ever' }), NOW)).to.deep.equal({ flow: null, list: null, score: null })
  })

  it("names her draft's question in a few words, and what the number he typed would do there", () => {
    const state = stateOf({ summary: 10, todo: 5, owner: 'asked which' })
    expect(flowOrLine(state, NOW, 1)?.words).to.equal('核对您的留言')
    expect([1, 2, 3].map((n) => flowOrLine(state, NOW, n)?.label(n))).to.deep.equal(['确认送出', '重新填写（刚才写的不要了）', '取消这条留言'])
    expect(flowOrLine(state, NOW, 1)?.notDone).to.equal('您的留言还没有送出')
  })

  /** A deputy's words to the bot, as the conversations read them. */
  const said = (state: DialogueState, words: string) =>
    ({ person: { deputy: { id: 'dp0005' } }, command: parseCommand(words), raw: words, quoted: null, state, now: NOW }) as unknown as Turn

  const YES: Array<[string, Row, boolean]> = [
    ['her summary, then 待办', { summary: 10, todo: 5, owner: 'asked which' }, true],
    ['her summary and 待办 at the same moment', { summary: 5, todo: 5, owner: 'asked which' }, true],
    ['待办, then her summary', { todo: 10, summary: 5, owner: 'her question' }, false],
    ['her summary, 待办 long ago too', { summary: 60, todo: 40, owner: 'her question' }, false],
    ['writing her words, then 待办', { writing: true, todo: 5, owner: 'as ever' }, false],
  ]
  for (const [what, row, asked] of YES) {
    for (const words of ['好的', '好了', '嗯']) {
      it(`"${words}": ${what}: ${asked ? 'asked which, nothing sent' : 'as her flow reads it'}`, () => {
        expect(yesOrLine(said(stateOf(row), words)) !== null).to.equal(asked)
      })
    }
  }

  it('a bare number handed to his 待办 is no answer of her flow (not marked as asked); one of hers is', () => {
    expect(numberForTodo(said(stateOf({ summary: 10, todo: 5, owner: 'asked which' }), '1'))).to.equal(true)
    expect(numberForTodo(said(stateOf({ todo: 10, summary: 5, owner: 'her question' }), '1'))).to.equal(false)
  })

  /** Each yes/no step of hers, with what 1 and 2 do there, as its own prompt says. */
  const STEPS: Array<[string, DialogueState['flow'], string, string, string]> = [
    [
      'the same place as last time',
      {
        ...stateOf({ summary: 5, owner: 'her question' }).flow!,
        stage: 'samePlace',
        lastPlace: [{ id: 'c1', name: '光明社区', kind: 'community' }],
      } as DialogueState['flow'],
      '留言还发到上次的地方吗',
      '发到上次的地方（光明社区）',
      '换个地方',
    ],
    ['the 重新办理 offer', { name: 'reopen', stage: 'offer', ticket: '20261120-0003' }, '要不要重新办理', '申请重新办理留言 0003', '不用重新办理了'],
    [
      'the verdict',
      { name: 'reopen', stage: 'verdict', ticket: '20261120-0003', reason: '根本没修好' },
      '留言 0003 的问题是不是还没有解决',
      '没有解决，给留言 0003 记为不满意',
      '不是，这是另一件事，把"根本没修好"写成一条新留言',
    ],
    [
      'her words after a score',
      { name: 'comment', ticket: '20261120-0003', words: '路灯还是不亮' },
      '您评价后说的那段话是对答复的意见，还是新的问题',
      '是对答复的意见，和评分一起转给代表',
      '是新的问题，写成一条新留言',
    ],
    [
      'her words too late for the score',
      { name: 'comment', ticket: '20261120-0003', words: '路灯还是不亮', stage: 'late' },
      '要不要把您评价后说的那段话作为新留言',
      '把这段话作为一条新留言发给代表',
      '不用了，这段话不发',
    ],
  ]
  it('her 重新办理 list, asked again, names each message as it was listed; one saved before first words were kept, by number', () => {
    const shown = [
      { ticket: '20261120-0003', statusLabel: '已办结', excerpt: '小区门口的垃圾\n好几天没人清运' },
      { ticket: '20261118-0001', statusLabel: '已办结', excerpt: '楼道的灯坏了' },
    ]
    const pick = { name: 'reopen', stage: 'pick', ticket: '', choices: shown.map((c) => c.ticket) } as const
    const q = flowQuestion({ ...pick, shown })!
    expect(q.list).to.equal(
      ['要重新办理的留言：', '1. 20261120-0003【已办结】小区门口的垃圾 好几天没人清运', '2. 20261118-0001【已办结】楼道的灯坏了'].join('\n'),
    )
    expect(q.label(2)).to.equal('重新办理留言 20261118-0001（楼道的灯坏了）')
    expect(flowQuestion(pick)!.list).to.equal(['要重新办理的留言：', '1. 留言 20261120-0003', '2. 留言 20261118-0001'].join('\n'))
  })

  for (const [what, flow, words, one, two] of STEPS) {
    it(`${what}: asked as "${words}", 1 and 2 said by what they do`, () => {
      const q = flowQuestion(flow!)!
      expect([q.words, q.label(1), q.label(2)]).to.deep.equal([words, one, two])
    })
  }
})
