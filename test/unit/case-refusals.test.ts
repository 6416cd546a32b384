import { expect } from 'chai'
import { CASE_STATUSES, TRANSITIONS, canTransition, type CaseAction, type CaseStatus } from '../../src/domain/case.js'
import { notHisNowText, refusalText, reopenBlockedText, type RefusedAction, type RefusedCase } from '../../src/domain/case-refusals.js'

/** A message in a state; a closed one closed by a rating, by a merge, or on its own. */
const inState = (status: CaseStatus, how: 'rated' | 'merged' | null = null): RefusedCase => ({
  status,
  rating: how === 'rated' ? 4 : null,
  mergedInto: how === 'merged' ? 'another-case' : null,
})
const closed = inState('closed')
const rated = inState('closed', 'rated')
const merged = inState('closed', 'merged')

/** What the console shows when a staff member's move is refused because someone else moved first (CaseDetail.vue). */
const inConsole = (sentence: string) => `这条留言刚有人办理过，${sentence}。页面已更新为它现在的情况`

/** Staff make these in the console: their sentences follow the console's "这条留言刚有人办理过，". */
const STAFF_MOVES: RefusedAction[] = ['assign', 'handUp', 'reject', 'merge', 'urge']

/**
 * One refusal each move may meet, as its reader sees it: residents (撤回, 评价, 重新办理), deputies
 * (受理, 交办, 答复, 退回), staff (分派, 上报, 不予受理, 合并, 催办), and the system's own moves.
 */
const SAID: Record<RefusedAction, Array<[RefusedCase, string]>> = {
  assign: [
    [closed, '已经办结了，不能再交给代表办理'],
    [inState('replied'), '代表已经答复了，正在等群众评价，不能再交给其他代表'],
    [inState('withdrawn'), '群众已经撤回了，不用再交给代表办理'],
  ],
  acknowledge: [
    [inState('acknowledged'), '这条留言您已经受理了，请在期限内答复群众'],
    [inState('withdrawn'), '这条留言群众已经撤回了，您不用再处理'],
    [merged, '这条留言已和相同问题的留言合并办理，您不用再单独处理'],
  ],
  forward: [
    [inState('assigned'), '这条留言请先受理，再交有关部门办理'],
    [inState('forwarded'), '这条留言您已经交有关部门办理了'],
  ],
  reply: [
    [inState('replied'), '这条留言您已经答复过了，正在等群众评价'],
    [merged, '这条留言已和相同问题的留言合并办理，答复那条留言就可以了'],
    [inState('rejected'), '这条留言已不予受理，您不用再处理'],
  ],
  returnToStation: [
    [inState('forwarded'), '这条留言您已经交有关部门办理了，不能再退回。有了结果，请答复群众'],
    [inState('submitted'), '这条留言已经退回联络站了，您不用再处理'],
  ],
  // The system's own moves: the general sentence, the state in words.
  deputyLeft: [[inState('replied'), '这条留言代表已经答复了，在等群众评价，现在不能交回联络站']],
  handUp: [
    // With a deputy who has not answered yet 上报 is made (review 37); once he has handed it to a department it is not.
    [inState('forwarded'), '代表已经交有关部门办理，不用再上报'],
    [inState('withdrawn'), '群众已经撤回了，不用再上报'],
  ],
  reject: [
    [inState('rejected'), '已经标为不予受理了'],
    [inState('reopened'), '群众申请了重新办理，正在由代表办理，不能再标为不予受理'],
  ],
  merge: [
    [merged, '已经合并办理了'],
    [inState('replied'), '代表已经答复了，不能再合并办理'],
  ],
  withdraw: [
    [inState('replied'), '这条留言代表已经答复了，不能再撤回。您可以查看答复并评价'],
    [inState('withdrawn'), '这条留言您已经撤回了'],
    [rated, '这条留言已经办结了，不能再撤回'],
  ],
  rate: [
    [rated, '这条留言您已经评价过了'],
    [closed, '这条留言已经办结了，不能再评价'],
    [inState('acknowledged'), '这条留言代表还没有答复，等答复了再评价'],
  ],
  reopen: [
    [inState('replied'), '这条留言请先给代表的答复评价。不满意的话，评价后可以申请重新办理'],
    [inState('reopened'), '这条留言已经在重新办理了，请等代表答复'],
    [inState('withdrawn'), '这条留言您已经撤回了，不能申请重新办理。问题还没有解决的话，您可以再写一条留言'],
  ],
  autoClose: [[closed, '这条留言已经办结了，现在不能自动办结']],
  unmerge: [[inState('submitted'), '这条留言还在等联络站安排代表，现在不能单独办理']],
  urge: [
    [inState('submitted'), '现在没有代表在办理，不能催办。请先分派给代表'],
    [inState('replied'), '代表已经答复了，不用再催办'],
  ],
}

/** Every state a move may be refused in, with a closed message's three ways of being closed. */
function refusedStates(action: CaseAction): RefusedCase[] {
  const states = CASE_STATUSES.filter((s) => !canTransition(action, s)).map((s) => inState(s))
  return canTransition(action, 'closed') ? states : [...states, rated, merged]
}

describe('a refused move in words: what happened to the message and what to do', () => {
  it('has words for every move of the closed loop, and for 催办', () => {
    expect(Object.keys(SAID)).to.have.members([...Object.keys(TRANSITIONS), 'urge'])
  })

  for (const [action, cases] of Object.entries(SAID) as Array<[RefusedAction, Array<[RefusedCase, string]>]>) {
    it(`${action}: says what has happened in plain words`, () => {
      for (const [c, sentence] of cases) expect(refusalText(action, c), `${action} × ${c.status}`).to.equal(sentence)
    })
  }

  it('for every move and every state that refuses it: a sentence in words, no bracketed label, no full stop for the reader to double', () => {
    for (const action of Object.keys(TRANSITIONS) as CaseAction[]) {
      for (const c of refusedStates(action)) {
        const sentence = refusalText(action, c)
        const what = `${action} × ${c.status}${c.mergedInto ? ' (merged)' : c.rating ? ' (rated)' : ''}: ${sentence}`
        expect(sentence, what).to.match(/\p{Script=Han}/u)
        expect(sentence, what).not.to.match(/[「」]|执行此操作|[。，；]$/)
        if (STAFF_MOVES.includes(action)) expect(sentence, what).not.to.match(/^这条留言/)
        else expect(sentence, what).to.match(/^这条留言/)
      }
    }
  })

  it("reads as one sentence inside the console's words when someone else moved the message first", () => {
    expect(inConsole(refusalText('assign', closed))).to.equal('这条留言刚有人办理过，已经办结了，不能再交给代表办理。页面已更新为它现在的情况')
    expect(inConsole(refusalText('reject', inState('rejected')))).to.equal('这条留言刚有人办理过，已经标为不予受理了。页面已更新为它现在的情况')
    expect(inConsole(refusalText('urge', inState('withdrawn')))).to.equal('这条留言刚有人办理过，群众已经撤回了，不用再催办。页面已更新为它现在的情况')
    for (const action of STAFF_MOVES)
      for (const status of CASE_STATUSES) expect(inConsole(refusalText(action, inState(status)))).not.to.match(/这条留言.*这条留言|。。/)
  })

  it('tells a deputy where a message taken from him went', () => {
    expect(notHisNowText({ deputyId: 'dp0002', stationId: 'st001' })).to.equal('这条留言已改由其他代表办理，您不用再处理')
    expect(notHisNowText({ deputyId: null, stationId: 'st001' })).to.equal('这条留言已交回联络站重新安排，您不用再处理')
    expect(notHisNowText({ deputyId: null, stationId: null })).to.equal('这条留言已交人大常委会办公室重新安排，您不用再处理')
    // The office that holds it, by its name, wherever it is known.
    expect(notHisNowText({ deputyId: null, stationId: null }, undefined, null, '湛河区人大常委会办公室')).to.equal(
      '这条留言已交湛河区人大常委会办公室重新安排，您不用再处理',
    )
  })

  it('tells a resident why an answer cannot be handled again, and that she may write again', () => {
    const policy = { reopenMaxRating: 3, reopenWindowDays: 15 }
    expect(reopenBlockedText('reopen_window_passed', policy)).to.equal('答复已经超过 15 天，不能再申请重新办理了。问题还没有解决的话，您可以再写一条留言')
    expect(reopenBlockedText('reopen_not_allowed', policy)).to.equal('只有评价为 3 分及以下的留言可以申请重新办理。问题还没有解决的话，您可以再写一条留言')
  })
})
