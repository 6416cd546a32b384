import { isNod } from '../short-answers.js'
import { bare } from '../typed-text.js'
import type { PrivacyAskFlow } from './dialogue-state.js'
import { lines, type Turn } from './turn.js'

/**
 * Two privacy requests asked back before anything is done, as the mini-program asks before its buttons act: "删除"
 * alone, which may mean her information or one of her messages; and 撤回同意, which stops her new messages, said
 * plainly and done only on her yes. A no, or anything else, leaves things as they were, and she is told so.
 */

/** What her answer asks for, in privacy-requests.ts's terms; null when nothing is to be done. */
export type AskedBack = { kind: 'erase' } | { kind: 'withdraw'; ref: null; words?: string } | { kind: 'withdrawConsent'; confirmed: true }

const WHICH_QUESTION = lines('删除您的信息，还是撤回一条留言？请回复数字：', '1. 删除我的信息', '2. 撤回一条还没答复的留言', '都不要，请回复"取消"。')

/** "我要删除": which she means. */
export function askWhichDeletion(turn: Turn) {
  turn.state.flow = { name: 'privacyAsk', asks: 'which' }
  turn.say(WHICH_QUESTION)
}

/** 撤回同意: what it means, then her yes. What was going on is kept for a no. */
export function askBeforeWithdrawingConsent(turn: Turn) {
  const resume = turn.state.flow
  turn.state.flow = { name: 'privacyAsk', asks: 'consent', ...(resume ? { resume } : {}) }
  // A chat joined to her mini-program account withdraws for the account too (the backend's CHAT_WITHDRAWN_CONSENT_MESSAGE).
  const alsoThere = turn.person.joined === true ? '，小程序里也不能再填问卷、提意见、答题' : ''
  turn.say(
    lines(
      `撤回同意以后，就不能再送出新的留言了${alsoThere}；已经送出的留言照常办理，已经保存的信息也不会删掉。`,
      '确定要撤回吗？撤回请回复"是"，不撤回请回复"不"。',
    ),
  )
}

/** "撤回", "确定撤回", "撤回吧": the yes the question asks for, in its own word. */
const WITHDRAW_YES = /^(?:是的?|确定|确认|我要|要|就)?撤回(?:同意)?(?:吧|了|啊)?$/
/** "是", "确认": the yes the question names. */
const PLAIN_YES = /^(?:是|是的|确认|确定)$/
/**
 * Asked again when her answer was a yes of another kind ("好的", "行", "嗯"): under a long sentence it may only say she
 * read it, and withdrawing stops her new messages.
 */
const ASKED_AGAIN = '撤回以后，就不能再送出新的留言了。您是要撤回同意吗？要撤回请回复"撤回"两个字，不撤回请回复"不"。'
/** "不", "不撤了", "不要", "先不了": no. */
const SAYS_NO = /^(?:不|不是|不要|不用|不撤|不撤回|别撤|先不|没有|不了)(?:了|啦|吧|用了)?$/
/** Her information, said in words: 1 of the question. */
const MEANS_DATA = /信息|资料|数据|账号|账户|电话|微信|个人/
/** A message, said in words: 2 of the question. */
const MEANS_MESSAGE = /留言|撤回|撤销|那条|一条/

/**
 * Her answer to the question asked back. Null when nothing more is to be done here: what was going on before is given
 * back, she is told nothing happened, and (`goesOn`) her words are read as if nothing had been asked.
 */
export function askedBackAnswer(turn: Turn, flow: PrivacyAskFlow): { then: AskedBack | null; goesOn: boolean } {
  const cmd = turn.command
  const t = bare(turn.raw)
  const declined = cmd.kind === 'cancel' || SAYS_NO.test(t)
  if (flow.asks === 'consent') {
    if (PLAIN_YES.test(t) || WITHDRAW_YES.test(t)) {
      turn.state.flow = null
      return { then: { kind: 'withdrawConsent', confirmed: true }, goesOn: false }
    }
    // Once: a second such yes is still no clear one, and nothing is done on it.
    const unclearYes = cmd.kind === 'confirm' || isNod(turn.raw)
    if (unclearYes && !flow.askedAgain) {
      turn.state.flow = { ...flow, askedAgain: true }
      turn.say(ASKED_AGAIN)
      return { then: null, goesOn: false }
    }
    turn.state.flow = flow.resume ?? null
    turn.say(declined ? '好的，没有撤回，您的同意还在，可以照常留言。' : '没有撤回同意，您的同意还在。')
    return { then: null, goesOn: !declined && !unclearYes }
  }
  const pick = cmd.kind === 'number' ? cmd.value : MEANS_DATA.test(t) ? 1 : MEANS_MESSAGE.test(t) && !t.includes('同意') ? 2 : null
  if (pick === 1 || pick === 2) {
    turn.state.flow = null
    // Words for 2 may name the message too ("路灯那条"): the withdraw list then shows that one alone.
    const words = cmd.kind === 'number' ? undefined : turn.raw
    return { then: pick === 1 ? { kind: 'erase' } : { kind: 'withdraw', ref: null, words }, goesOn: false }
  }
  if (pick !== null) {
    turn.say(lines('请回复 1 或 2：', WHICH_QUESTION))
    return { then: null, goesOn: false }
  }
  turn.state.flow = null
  turn.say('好的，没有删除您的信息，也没有撤回留言。')
  return { then: null, goesOn: !declined }
}
