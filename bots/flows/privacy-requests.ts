import { ApiError } from '../client.js'
import { parseCommand } from '../parse-command.js'
import { everydayWordsHeard, privacyInEverydayWords } from '../privacy-words.js'
import { compact } from '../typed-text.js'
import { askBeforeWithdrawingConsent, askedBackAnswer, askWhichDeletion } from './privacy-ask.js'
import { changePhoneAnswer, staffToTell } from './station-to-ask.js'
import { lines, type Conversation, type Turn } from './turn.js'
import { withdraw, withdrawListAnswer } from './withdraw-message.js'

/**
 * A resident's rights from the chat: 撤回 (withdraw a message nobody has answered yet,
 * by the case workflow's own rule: withdraw-message.ts), 撤回同意 (no new messages until they agree again, asked
 * first: privacy-ask.ts) and 删除我的信息 (erasure, after a confirmation). Everything is decided by the backend
 * (/api/bot/people/…), as the mini-program's routes decide it.
 */

export type PrivacyRequest =
  /** `words`: her own words for which one, when she named it in answer to "删除还是撤回？" (privacy-ask.ts). */
  | { kind: 'withdraw'; ref: string | null; words?: string }
  /** `confirmed`: her yes to what it means was given (privacy-ask.ts). */
  | { kind: 'withdrawConsent'; confirmed?: boolean }
  | { kind: 'erase' }
  | { kind: 'myData' }
  | { kind: 'notice' }
  | { kind: 'fullNotice' }
  | { kind: 'changePhone' }
  | { kind: 'unjoin' }
  | { kind: 'deleteWhich' }

const ERASE_WORDS = new Set(['删除我的信息', '删除我的个人信息', '删除个人信息', '删除我的资料', '删除我的数据', '注销', '注销账号', '注销我的账号'])
const WITHDRAW_CONSENT_WORDS = new Set(['撤回同意', '取消同意', '不同意了', '撤销同意'])
/** Asking what is kept about her, or for a copy: answered here, never a message for a deputy. */
const MY_DATA_WORDS = new Set([
  '我的信息',
  '我的个人信息',
  '我的资料',
  '导出我的信息',
  '导出我的个人信息',
  '导出信息',
  '查看我的信息',
  '查看我的个人信息',
  '查我的信息',
  '你们存了我什么信息',
  '修改电话',
  '修改我的电话',
  '修改联系电话',
  '更正电话',
  '更正我的信息',
  '修改我的信息',
])
/** Asking to read the notice again. */
const NOTICE_WORDS = new Set(['隐私', '隐私说明', '隐私政策', '隐私保护', '个人信息保护说明', '个人信息保护', '个人信息说明'])
/** Asking for the whole notice, after the short one said how ("全文"). */
const FULL_NOTICE_WORDS = new Set(['全文', '看全文', '查看全文', '隐私全文', '说明全文', '个人信息保护说明全文', '完整说明', '看完整说明'])
/** Under the short notice: how to read all of it. */
export const FULL_NOTICE_HINT = '看完整的说明请回复"全文"。'
/**
 * Undoing her chat's join to a mini-program account, from the chat: the word the bot's notice after a join asks for
 * ("如果不是您自己在小程序里确认的，请回复“解除”"), and how else people say it.
 */
const UNJOIN_WORDS = new Set(['解除', '解除连接', '解除关联', '取消连接', '取消关联', '解除小程序'])
const CONFIRM_ERASE = '确认删除'

/** Whole-message requests only, so "我想撤回之前说的话，路灯还是坏的" stays part of a message. */
export function parsePrivacyRequest(input: string): PrivacyRequest | null {
  // "我的信息？" is how most people ask it.
  const t = compact(input).replace(/[!！~～。.?？]+$/, '')
  if (ERASE_WORDS.has(t)) return { kind: 'erase' }
  if (WITHDRAW_CONSENT_WORDS.has(t)) return { kind: 'withdrawConsent' }
  if (MY_DATA_WORDS.has(t)) return { kind: 'myData' }
  if (NOTICE_WORDS.has(t)) return { kind: 'notice' }
  if (FULL_NOTICE_WORDS.has(t)) return { kind: 'fullNotice' }
  // The notice quotes the word (回复“解除”): copied with its quotes, it is the same answer.
  if (UNJOIN_WORDS.has(t.replace(/^[“"‘'「]+|[”"’'」]+$/g, ''))) return { kind: 'unjoin' }
  const withdraw = /^(?:撤回|撤销)(?:留言|我的留言)?[:：,，]?(\d{8}-\d{4,}|\d{4})?$/.exec(t)
  if (withdraw) return { kind: 'withdraw', ref: withdraw[1] ?? null }
  return null
}

export const privacyConversation: Conversation = async (turn) => {
  const { state } = turn
  if (state.flow?.name === 'erase') {
    // "确认删除。" as people type it, full stop and all, is the same answer.
    const confirmed = compact(turn.raw).replace(/[!！~～。.]+$/, '') === CONFIRM_ERASE
    // A bare "确认"/"好的" means yes, but deleting cannot be undone: ask for the exact words again, not "没有删除".
    if (!confirmed && parseCommand(turn.raw).kind === 'confirm') {
      turn.say(`删除后不能恢复。确定要删除，请回复"${CONFIRM_ERASE}"四个字；不删除请回复"取消"。`)
      return true
    }
    state.flow = null
    if (!confirmed) {
      turn.say('好的，没有删除您的信息。')
      return true
    }
    await erase(turn)
    return true
  }
  // A request asked back (privacy-ask.ts): her yes or her pick does it; else what went on before goes on, with her words.
  const asked = state.flow?.name === 'privacyAsk' ? askedBackAnswer(turn, state.flow) : null
  if (asked && !asked.then && !asked.goesOn) return true
  // Her own words too ("我要看我的信息", "我想改一下电话"), where they cannot be words of a message (privacy-words.ts);
  // "修改电话" is answered about the phone, not with the whole list.
  const everyday = everydayWordsHeard(state.flow, turn.person) ? privacyInEverydayWords(turn.raw) : null
  const request = asked?.then ?? (everyday?.kind === 'changePhone' ? everyday : (parsePrivacyRequest(turn.raw) ?? everyday))
  // Words after the 撤回 list may name the message meant ("路灯那个").
  if (!request) return withdrawListAnswer(turn)
  // "删除" alone while something else is under way stays part of it.
  if (request.kind === 'deleteWhich' && state.flow) return false
  // "解除" as part of a message she is writing stays in it, unless her chat is joined: then the notice asked for it.
  if (request.kind === 'unjoin' && turn.person.joined !== true && state.flow) return false
  switch (request.kind) {
    case 'unjoin':
      await unjoin(turn)
      return true
    case 'erase':
      // Her chat joined to her mini-program account: that account is deleted in the mini-program only (the backend
      // refuses it here too), so whoever holds this chat cannot delete her account.
      if (turn.person.joined === true) {
        state.flow = null
        turn.say(ERASE_IN_MINI_PROGRAM)
        return true
      }
      await warnBeforeErasing(turn)
      return true
    case 'deleteWhich':
      askWhichDeletion(turn)
      return true
    case 'withdrawConsent':
      // Asked first, as the mini-program asks: it stops her new messages. Not agreed to, she loses nothing by it.
      if (!request.confirmed && turn.person.consented) {
        askBeforeWithdrawingConsent(turn)
        return true
      }
      state.flow = null
      turn.say((await turn.client.withdrawConsent(turn.person.personId)).message)
      return true
    case 'withdraw':
      await withdraw(turn, request.ref, request.words)
      return true
    case 'myData':
      // A message she is writing, or her word on an answer, waits as it was: this was not part of it.
      turn.say(myDataAnswer(turn.person.joined === true, await staffToTell(turn)))
      return true
    case 'changePhone':
      // As "我的信息": whatever waited on her still waits.
      turn.say(await changePhoneAnswer(turn))
      return true
    case 'notice': {
      const notice = await turn.client.privacy()
      turn.say(lines(`【${notice.title}】`, notice.summary ?? notice.text, '', FULL_NOTICE_HINT, afterNotice(turn)))
      return true
    }
    case 'fullNotice': {
      const notice = await turn.client.privacy()
      turn.say(lines(`【${notice.title}】（全文）`, notice.text, '', afterNotice(turn)))
      return true
    }
  }
}

/** Under the notice: while it waits for her yes, how to give it; otherwise what she can do here. */
function afterNotice(turn: Turn) {
  return turn.state.flow?.name === 'privacy' ? '同意请回复"同意"，不同意请回复"取消"。' : MY_DATA_HINT
}

/** 删除我的信息 from a chat joined to her mini-program account (the backend's ChatJoin words: ERASE_IN_MINI_PROGRAM). */
const ERASE_IN_MINI_PROGRAM = lines(
  '您在这里发的留言已经放到小程序里了，这里和小程序是同一个账号。为了防止别人用这个聊天删掉您的账号，删除请在小程序里做：打开小程序，点“我的—我的信息”，再点“删除我的信息”。',
  '只想让这个聊天不再连着小程序：在小程序“我的”里点“解除”。',
)

/** After the notice, which is the mini-program's too: what a chat resident does here. */
const MY_DATA_HINT = '您在这里聊天留言的：发送"我的信息"，看我们保存了您的哪些信息、怎么查看和更正；发送"删除我的信息"可以删除。'

/**
 * What is kept of a chat resident and what she can do, as it is. Until she joins her chat to her mini-program account
 * (chat-join.ts), her messages are here and only here (the mini-program signs in as another account, which holds none
 * of them): "查询" shows them to this contact alone, a phone written into a message is corrected by telling the
 * station (staff have no tool for it: they pass it on), she erases here, and she is told how to bring them to the
 * mini-program. Once joined (`joined`), the mini-program's 我的信息 holds them too: there she sees, corrects and deletes
 * (only there: whoever holds the chat must not delete her account), and 我的 undoes the join.
 */
export function myDataAnswer(joined: boolean, staff = '联络站的工作人员') {
  return lines(
    '我们保存的您的信息：您在这里发的留言和每一步办理经过，还有您的微信联系人（用来把答复发给您）。您在留言里写的电话，就在留言里。',
    '· 看您的留言和办理情况：发送"查询"，只发给您这个微信；',
    joined ? `· 留言里的电话写错了：在小程序“我的—我的信息”里改，或者告诉${staff}；` : `· 留言里的电话写错了：请告诉${staff}，由他们转告代表；`,
    '· 看个人信息保护说明：发送"隐私"；',
    joined
      ? '· 删除您的信息：在小程序“我的—我的信息”里删除，两边一起删（为了防止别人用这个聊天删掉您的账号，这里不能删）；不想连在一起了，在小程序“我的”里点“解除”。'
      : '· 删除您的信息：在这里发送"删除我的信息"。',
    joined
      ? '您在这里发的留言已经放到小程序里了，在小程序“我的留言”里也能看到。'
      : '小程序里的“我的信息”是另一个账号，看不到您在这里发的留言。想在小程序里也看到：在小程序“我的”里点“把聊天里的留言放到这里”，把那里给的一句话发到这里。',
    '这句话不会转给代表。',
  )
}

/**
 * 解除 said here: the backend gives this chat back what it brought to the mini-program account (chat-join.ts
 * undoFromChat). What waited on an answer of that account (a score, a numbered list) is dropped: those messages may
 * stay the account's. A message she is writing goes on: it is hers, written here.
 */
async function unjoin(turn: Turn) {
  try {
    turn.say((await turn.client.unjoinChat(turn.person.personId)).message)
    turn.state.rating = null
    turn.state.listed = null
    turn.state.rated = null
  } catch (err) {
    if (!(err instanceof ApiError)) throw err
    turn.say(err.message)
  }
}

/**
 * What goes, in a chat's terms (her phone and her WeChat; the chat takes no photos), and for a staff member's chat that
 * her staff binding stays and where she lets go of it: the backend's words, which its answer after erasure says again
 * (chat-erasure.ts), then how she confirms here. Refused (a chat joined meanwhile), she is told why, and nothing waits.
 */
async function warnBeforeErasing(turn: Turn) {
  try {
    const { message } = await turn.client.erasureWarning(turn.person.personId)
    turn.state.flow = { name: 'erase' }
    turn.say(lines(message, `确定删除请回复"${CONFIRM_ERASE}"，不删除请回复"取消"。`))
  } catch (err) {
    if (!(err instanceof ApiError)) throw err
    turn.state.flow = null
    turn.say(err.message)
  }
}

async function erase(turn: Turn) {
  try {
    turn.say((await turn.client.erasePerson(turn.person.personId)).message)
    turn.state.rating = null
  } catch (err) {
    if (!(err instanceof ApiError)) throw err
    turn.say(err.message)
  }
}
