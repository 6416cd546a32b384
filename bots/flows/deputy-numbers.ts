import { ApiError, type DeputyCase } from '../client.js'
import type { Command } from '../commands.js'
import { LIST_WINDOW_MS, type ShownLine } from './dialogue-state.js'
import { lineTold, TODO_LIST_MAX } from './deputy-todo.js'
import { askedAgain, labelledChoices, type FlowQuestion } from './flow-question.js'
import { flowOrLine, scoreOrLine } from './resident-question.js'
import { refusal } from './refusal.js'
import { lines, oneLine, shortTicket, type Turn } from './turn.js'
import { offerCommand } from './deputy-yes.js'

/**
 * The number in 回复, 受理, 转交 and 交回 as he may type it wrong. 待办 numbers its lines "1.【0003】… 2.【0001】…" and
 * the morning digest "1. 0003 …", while messages are numbered afresh from 0001 each day: "回复 2" is most likely line 2,
 * yet read as 0002 it names a real message of another resident. So one to three digits never act; he is told what he
 * probably meant, ready to copy, and nothing reaches any resident.
 */

/** A case command, or "电话 2" (no Command: deputy.ts reads it by PHONE_ASKED). */
type CaseCommand = Extract<Command, { kind: 'reply' | 'acknowledge' | 'transfer' | 'handBack' }> | { kind: 'phone'; ref: string }

/** The command when its number is too short to be a message's (the digits of a list's line, not the four in 【】); else null. */
export const withLineNumber = (cmd: Command): CaseCommand | null =>
  (cmd.kind === 'reply' || cmd.kind === 'acknowledge' || cmd.kind === 'transfer' || cmd.kind === 'handBack') && /^\d{1,3}$/.test(cmd.ref) ? cmd : null

/** Whether a number he typed names this case, as the backend reads it (1 → 0001). */
export const named = (c: DeputyCase, ref: string) => c.ticket === ref || c.ticket.endsWith(`-${ref.padStart(4, '0')}`)

/** What he is asked to do with the message, in the question's words. */
const DOING: Record<CaseCommand['kind'], string> = { reply: '答复', acknowledge: '受理', transfer: '转交', handBack: '交回', phone: '查看' }

/**
 * The command to send for the message numbered `short`, with the words he wrote after the number kept; those he did not
 * write shown as what to write there, or (`example` false: what his yes sends) left out, for the command to ask for them.
 */
function commandFor(cmd: CaseCommand, short: string, example = true): string {
  const or = (words: string, what: string) => ` ${words || (example ? what : '')}`.trimEnd()
  switch (cmd.kind) {
    case 'reply':
      return `回复 ${short}${or(cmd.text, '答复内容')}`
    case 'acknowledge':
      return `受理 ${short}`
    case 'transfer':
      return `转交 ${short}${or(cmd.reason, '代表的名字')}`
    case 'handBack':
      return `交回 ${short}${or(cmd.reason, '原因')}`
    case 'phone':
      return `电话 ${short}`
  }
}

/**
 * "回复 2 已修好": nothing is done. Line 2 of his 待办 as he saw it (the lines kept when 待办 or the digest showed them,
 * while they stand; else as it stands now) is named with its words and the command for it; otherwise he hears where the
 * number is written. `alone`: a bare "2" just after his lines, no command word: the line is said again with what to
 * send, and a number past the list says how many it has. A line whose message has left his 待办 since is said so.
 */
export async function lineNumberMeant(turn: Turn, cmd: CaseCommand, alone = false) {
  const all = await turn.client.deputyCases(turn.person.personId)
  const seen = linesSeen(turn)
  const items = all.slice(0, TODO_LIST_MAX)
  const n = Number(cmd.ref)
  const bare = cmd.kind === 'reply' && !cmd.text
  // "回复 2" alone while a flow of his own as a resident waits on a number, his 待办 lines shown since: either may be
  // meant; nothing is done, and that question is asked again beside the line.
  const asked = bare ? flowOrLine(turn.state, turn.now, n) : null
  // Or a score of his own asked for since his 待办 lines were shown: either may be meant; neither is done.
  const rating = bare && !asked && n >= 1 && n <= 5 ? scoreOrLine(turn.state, turn.now) : null
  const score = rating && `给自己的留言 ${shortTicket(rating.ticket)} 打 ${n} 分请发送：评价 ${shortTicket(rating.ticket)} ${n}`
  // Said by its number, a line of 待办 is what his next number means too; asked again, his question as a resident is
  // (resident-question.ts).
  if (asked) turn.state.flowAskedAt = turn.now
  else turn.state.todoShownAt = turn.now
  const shown = seen && n >= 1 ? seen[n - 1] : undefined
  const line = seen ? shown && all.find((c) => c.ticket === shown.ticket) : n >= 1 ? items[n - 1] : undefined
  if (shown && !line) {
    // Answered, handed on or closed since she read the list: that one said, never the message below it moved up.
    return turn.say(
      lines(
        asked && `${asked.notDone}。`,
        `待办第 ${n} 条（留言 ${shown.ticket}${shown.excerpt ? ` ${shown.excerpt}` : ''}）${await whereItWent(turn, shown.ticket)}`,
        cmd.kind === 'reply' && cmd.text && '您这次写的答复没有发出。',
        '发送"待办"可以看现在的待办。',
        score && `要${score}`,
        asked && askedAgain(asked, n),
      ),
    )
  }
  // As 待办 says it: whole numbers when two of his end alike (short), never "四位数" it may not show.
  const digits = (short: string) => (/^\d{4}$/.test(short) ? '四位数' : '号码')
  const k = seen ? seen.length : items.length
  if (!line && alone && !asked && !score) {
    return turn.say(k ? `待办列表里只有 ${k} 条，没有第 ${n} 条。要看哪一条，请回复${k === 1 ? ' 1' : ` 1 到 ${k} 之间的数字`}。` : '您目前没有待办留言。')
  }
  if (!line) {
    const where = `编号是"待办"列表里【】中的${digits(items[0]?.short ?? '0000')}`
    return turn.say(
      lines(
        // Her own thing first: she must not think her number sent, emptied or cancelled it.
        asked && `${asked.notDone}。`,
        // The list she read had fewer lines: said so, not only where numbers are written.
        seen && n >= 1 && `您看到的待办列表只有 ${k} 条，没有第 ${n} 条。`,
        items.length ? `${where}，发送"待办"可以查看。` : `${where}。您目前没有待办留言。`,
        score && `要${score}`,
        asked && askedAgain(asked, n),
      ),
    )
  }
  if (asked) {
    return turn.say(
      lines(
        `您是要回答刚才的问题（${asked.words}），还是答复待办第 ${n} 条？${asked.notDone}，待办也还没有答复。`,
        askedAgain(asked, n),
        `答复待办第 ${n} 条【${line.short}】（${oneLine(line.excerpt)}）请发送：${commandFor(cmd, line.short)}`,
      ),
    )
  }
  if (score) {
    return turn.say(
      lines(
        `您是要给自己的留言打分，还是答复待办第 ${n} 条？这次没有打分，也没有答复。`,
        score,
        `答复待办第 ${n} 条【${line.short}】（${oneLine(line.excerpt)}）请发送：${commandFor(cmd, line.short)}`,
      ),
    )
  }
  if (alone) return turn.say(lineTold(line, n))
  // "是" to this question is the command it offers, as if he had sent it (deputy-yes.ts).
  offerCommand(turn, commandFor(cmd, line.short, false))
  turn.say(
    `编号是【】里的${digits(line.short)}。您是要${DOING[cmd.kind]}待办第 ${n} 条【${line.short}】（${oneLine(line.excerpt)}）${cmd.kind === 'phone' ? '的群众电话' : ''}吗？是的话请发送：${commandFor(cmd, line.short)}`,
  )
}

/** His 待办 lines as he saw them (待办, the digest), while a number may still mean one of them; null when none were kept. */
export function linesSeen(turn: Turn): ShownLine[] | null {
  const { todoShownAt, todoShownLines } = turn.state
  return todoShownLines?.length && todoShownAt !== undefined && turn.now - todoShownAt < LIST_WINDOW_MS ? todoShownLines : null
}

/**
 * What became of a message no longer in his 待办, in the backend's words for it (您已经答复过了, 已交回联络站…, 已被群众撤回):
 * the read of whom it may be handed to is refused with them, and changes nothing.
 */
async function whereItWent(turn: Turn, ticket: string): Promise<string> {
  try {
    await turn.client.transferOptions(turn.person.personId, ticket)
    return '已经不在您的待办里了，不用再办。'
  } catch (err) {
    if (!(err instanceof ApiError)) throw err
    const words = refusal(err).replace(`留言 ${ticket} `, '')
    return /[。！？]$/.test(words) ? words : `${words}。`
  }
}

/**
 * A deputy's bare "1" with nothing numbered shown to him lately (no 待办, no digest, no residents' menu): more likely a
 * line of a list read long ago than the residents' 留言, so nothing is started; he is told how to do either.
 */
export async function noListShown(turn: Turn) {
  const waiting = (await turn.client.deputyCases(turn.person.personId)).length
  turn.say(`${waiting ? `您有 ${waiting} 条待办留言，发送"待办"查看；` : ''}要以群众身份给代表留言，请发送"留言"。`)
}

/**
 * "好的" after his 待办 lines, with a question of hers asked before them that a yes answers (her draft's summary):
 * nothing is sent or done; she is asked, every choice said with what it does, and her next answer is hers.
 */
export function yesMeant(turn: Turn, asked: FlowQuestion): true {
  turn.state.flowAskedAt = turn.now
  turn.say(
    lines(
      `您说的"${oneLine(turn.raw)}"，是要回答前面的问题（${asked.words}）吗？${asked.notDone}。`,
      '要回答，请回复数字：',
      labelledChoices(asked),
      '要答复待办里的留言，请发送：回复 编号 答复内容（编号是"待办"列表里【】中的数字）',
    ),
  )
  return true
}

/**
 * Words written under a quoted list of several messages (his 待办): none is answered or accepted, since any could be
 * meant; he is told to name it by its number, with his own words ready to copy (`words` null: he was accepting).
 */
export function whichQuoted(turn: Turn, tickets: string[], words: string | null) {
  const short = (t: string) => (t.includes('-') ? t.slice(-4) : t)
  turn.say(
    lines(
      `您引用的消息里有 ${tickets.length} 条留言，不知道您说的是哪一条，所以这次没有发出。`,
      `编号是【】里的四位数。请发送：${words === null ? `受理 ${short(tickets[0])}` : `回复 ${short(tickets[0])} ${oneLine(words)}`}`,
      '（把编号换成您要办的那一条）',
    ),
  )
  return true
}
