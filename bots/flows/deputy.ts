import { ApiError, type DeputyCase } from '../client.js'
import type { Command } from '../commands.js'
import { parseCommand } from '../parse-command.js'
import { quotedTicket, quotedTickets } from '../quotes.js'
import { compact, normalise } from '../typed-text.js'
import { asksAboutCheckIn, checkInHelp } from './deputy-check-in.js'
import { attend, excuse, leaveReason, meetingPicked, meetingWords } from './deputy-meetings.js'
import { doneElsewhere } from './deputy-elsewhere.js'
import { awaitsAcknowledging } from './deputy-menu.js'
import { lineNumberMeant, named, TODO_LIST_MAX, whichQuoted, withLineNumber } from './deputy-numbers.js'
import { askToConfirm, askToHandBack, noSuchColleague, transferAnswer, transferTarget } from './deputy-transfer.js'
import { isBareDone, isMalformedBinding, isOnlyAcknowledging, isPlaceholder, PHONE_ASKED, readsLikeAnswer } from './deputy-words.js'
import { refusal } from './refusal.js'
import { RESIDENT_MENU } from './resident-menu.js'
import { lines, oneLine, type Conversation, type Turn } from './turn.js'

/**
 * Deputies (and staff) in a private chat. "绑定 123456" binds anyone who has a code from
 * the console, and joins a resident's chat to her mini-program account with the code it gave her; the case commands (待办, 回复, 受理, 转交) and meeting answers are for
 * bound deputies. Not a deputy command → false, and the resident conversation answers.
 */

export const deputyConversation: Conversation = async (turn) => {
  const cmd = turn.command
  // "是" to "要把留言 0002 转给王芳代表办理吗？"; other words drop the question and are read as ever.
  if (turn.person.deputy && turn.state.transferAsk && (await answering(turn, () => transferAnswer(turn)))) return true
  // His reason after "请写明请假原因": for the meeting asked about, whatever else waits.
  if ((turn.person.deputy || turn.person.staff) && turn.state.leaveAsk && (await answering(turn, () => leaveReason(turn)))) return true
  // His number under "要请假的是哪一个？": that meeting, and no other.
  if ((turn.person.deputy || turn.person.staff) && turn.state.meetingPick && (await answering(turn, () => meetingPicked(turn)))) return true
  if (cmd.kind === 'bind') return guarded(turn, () => bind(turn, cmd.code))
  if (cmd.kind === 'text' && isMalformedBinding(cmd.text)) {
    turn.say('绑定码是 6 位数字，例如：绑定 123456')
    return true
  }
  // A resident who is not a deputy and types "待办", or "受理 0001" / "回复 0001 …" with a number as a
  // notice writes it, gets the backend's explanation of binding. ("回复1" may be a resident's menu choice.)
  if (cmd.kind === 'todo' || (!turn.person.deputy && namesACase(cmd))) return guarded(turn, () => todo(turn))
  // Staff invited to a meeting answer it in the chat as deputies do: the backend takes either's answer.
  if (!turn.person.deputy && turn.person.staff && cmd.kind === 'attend') return guarded(turn, () => attend(turn))
  if (!turn.person.deputy && turn.person.staff && cmd.kind === 'excuse') return guarded(turn, () => excuse(turn, cmd.reason, cmd.runOn))
  if (!turn.person.deputy) return false
  // A whole line copied from a notice ("受理请回复：受理 0001") is the command it shows.
  const copied = cmd.kind === 'text' ? /^(?:受理|答复)请(?:回复|发送)[:：]\s*(.+)$/.exec(normalise(cmd.text)) : null
  if (copied) return deputyConversation({ ...turn, command: parseCommand(copied[1]) })
  // Quoting a case's notice and writing underneath answers that case; 受理, 收到, 好的 alone acknowledge it.
  const quotedCase = quotedTicket(turn.quoted)
  const underQuote = cmd.kind === 'text' || cmd.kind === 'confirm' || cmd.kind === 'pleasantry'
  const acknowledging = cmd.kind !== 'text' || /^(受理|收到)[。！!.]?$/.test(cmd.text.replace(/\s/g, ''))
  // Written under a quoted list of several (his 待办): nothing is done, he is asked which, as for "回复 2"
  // (deputy-numbers.ts). His "好的" under the morning digest is no answer to any: read as ever.
  const several = cmd.kind === 'text' && !quotedCase && !PHONE_ASKED.test(compact(cmd.text)) ? quotedTickets(turn.quoted) : []
  if (several.length > 1) return whichQuoted(turn, several, acknowledging ? null : turn.raw)
  if (quotedCase && underQuote) {
    return deputyConversation({
      ...turn,
      command: acknowledging ? { kind: 'acknowledge', ref: quotedCase } : { kind: 'reply', ref: quotedCase, text: cmd.text },
    })
  }
  // "电话 0001": the resident's number, as the mini-program's 打电话给群众 gives it.
  const phoneOf = cmd.kind === 'text' ? PHONE_ASKED.exec(compact(cmd.text)) : null
  if (phoneOf?.[1] && /^\d{1,3}$/.test(phoneOf[1])) return guarded(turn, () => lineNumberMeant(turn, { kind: 'phone', ref: phoneOf[1] }))
  if (phoneOf) return guarded(turn, () => (phoneOf[1] ? residentPhone(turn, phoneOf[1]) : askForNumber(turn, '电话')))
  // "受理" or "回复 已经修好了" without the case's number: say which number to add, not the resident menu.
  const verb = cmd.kind === 'text' ? /^(回复|答复|受理|转交|交回)/.exec(compact(cmd.text))?.[1] : undefined
  if (verb) return guarded(turn, () => askForNumber(turn, verb))
  // "回复 2 …": a line of 待办, not message 0002 of another resident; nothing is done (deputy-numbers.ts).
  const lineNumber = withLineNumber(cmd)
  if (lineNumber) return guarded(turn, () => lineNumberMeant(turn, lineNumber))
  switch (cmd.kind) {
    case 'reply':
      if (!cmd.text) {
        turn.say(lines('请在编号后面写上答复内容，例如：', `回复 ${cmd.ref} 已联系供电所，本周修好。`))
        return true
      }
      if (isPlaceholder(cmd.text)) {
        turn.say(lines('请把"答复内容"换成您要对群众说的话，例如：', `回复 ${cmd.ref} 已联系供电所，本周修好。`))
        return true
      }
      // "已处理" alone tells the resident nothing she could rate.
      if (isBareDone(cmd.text)) {
        turn.say(`请写明怎么处理的，群众才知道结果，例如：回复 ${cmd.ref} 已联系供电所，路灯昨天修好了`)
        return true
      }
      // "收到，马上安排" is the deputy saying he has it, not the answer the resident is asked to rate.
      if (isOnlyAcknowledging(cmd.text)) return guarded(turn, () => acknowledgeInstead(turn, cmd.ref, cmd.text))
      return guarded(turn, async () => {
        const done = await turn.client.reply(turn.person.personId, cmd.ref, cmd.text)
        turn.say(`已答复留言 ${done.ticket}，群众会收到您的答复。谢谢您！`)
      })
    case 'acknowledge':
      return guarded(turn, async () => {
        const done = await acknowledged(turn, cmd.ref)
        // The day his answer is due, as 待办 says it (an older backend sends none).
        const by = done?.replyByText ? `请在${done.replyByText}答复` : '请在期限内答复'
        if (done) return turn.say(`已受理留言 ${done.ticket}。${by}，答复时发送：回复 ${cmd.ref} 再写上答复`)
        // "受理1": the message named in full, and the number he writes it by, as 待办 shows it.
        const it = (await turn.client.deputyCases(turn.person.personId)).find((c) => named(c, cmd.ref))
        turn.say(`留言 ${it?.ticket ?? cmd.ref} 您已经受理过了，不用再受理。办好后请发送：回复 ${it?.short ?? cmd.ref} 再写上答复`)
      })
    case 'transfer':
      if (!cmd.reason) {
        // A colleague who may really take it, by name: never a made-up one he might copy.
        const colleague = (await turn.client.transferOptions(turn.person.personId, cmd.ref).catch(() => [])).find((c) => c.kind === 'deputy')
        turn.say(
          lines(
            colleague ? `要转给同站的代表，请写上代表的名字，例如：转交 ${cmd.ref} ${colleague.name}` : '本站没有别的代表可以接手这条留言。',
            `要交回联络站重新安排，请发送：交回 ${cmd.ref} 再写上原因`,
          ),
        )
        return true
      }
      return guarded(turn, () => transfer(turn, cmd.ref, cmd.reason))
    case 'handBack':
      return guarded(turn, () => askToHandBack(turn, cmd.ref, cmd.reason))
    case 'attend':
      return guarded(turn, () => attend(turn))
    case 'excuse':
      return guarded(turn, () => excuse(turn, cmd.reason, cmd.runOn))
    default:
      // Plain words, with nothing else going on (a message of his own being written takes its "好的").
      if (turn.state.flow) return false
      // Voting, questionnaires, study, his record: where they are done, not the case menu.
      if (cmd.kind === 'text') {
        const where = doneElsewhere(cmd.text)
        if (where) {
          turn.say(where)
          return true
        }
        // His help names the residents' menu in one line (resident-menu.ts); here it is whole.
        if (/^群众菜单$/.test(compact(cmd.text))) {
          turn.say(RESIDENT_MENU)
          return true
        }
        // "忘记签到了怎么办": his meetings begun lately, and how 补签 is asked for.
        if (asksAboutCheckIn(cmd.text)) return guarded(turn, () => checkInHelp(turn))
      }
      try {
        return (await meetingWords(turn)) || (await offerToAnswer(turn))
      } catch (err) {
        if (!(err instanceof ApiError)) throw err
        turn.say(refusal(err))
        return true
      }
  }
}

/**
 * "转交 0002 王芳": to that colleague, once he says "是"; a name that is none of those who may take it
 * over hears who may; "转交 0002 原因": back to the station's staff, asked first as 交回 is.
 */
async function transfer(turn: Turn, ref: string, words: string) {
  const choices = await turn.client.transferOptions(turn.person.personId, ref)
  const target = transferTarget(
    words,
    choices.filter((c) => c.kind === 'deputy'),
  )
  if (target.kind === 'unknown') return noSuchColleague(turn, ref, target.name, choices)
  if (target.kind === 'colleague') {
    const it = (await turn.client.deputyCases(turn.person.personId)).find((c) => named(c, ref))
    const ask = { ref, ticket: it?.ticket ?? ref, deputyCode: target.choice.deputyCode!, deputyName: target.choice.name, note: target.note, at: turn.now }
    return askToConfirm(turn, ask, it?.excerpt ?? null)
  }
  // A reason: back to the station, asked first as 交回 is.
  return askToHandBack(turn, ref, words)
}

/** A case command with a number as notices and 待办 write it (0001, 20261122-0001). */
const namesACase = (cmd: Command) =>
  (cmd.kind === 'reply' || cmd.kind === 'acknowledge' || cmd.kind === 'transfer' || cmd.kind === 'handBack') && /^(\d{4}|\d{8}-\d{4,})$/.test(cmd.ref)

/**
 * "路灯已经修好了" from a deputy with messages open: probably his answer, without "回复 0001". It is only
 * offered, never sent: he may be a resident too, writing about his own street.
 */
async function offerToAnswer(turn: Turn): Promise<boolean> {
  if (turn.command.kind !== 'text' || !readsLikeAnswer(turn.raw)) return false
  const items = await turn.client.deputyCases(turn.person.personId)
  if (items.length === 0) return false
  const words = oneLine(turn.raw)
  const yours = '如果这是您自己要反映的问题，请发送"留言"。'
  if (items.length === 1) {
    const c = items[0]
    turn.say(lines(`是要答复留言 ${c.short}（${oneLine(c.excerpt)}）吗？请发送：回复 ${c.short} ${words}`, yours))
  } else {
    turn.say(
      lines(`是要答复留言吗？请把留言编号写在前面，例如：回复 ${items[0].short} ${words}`, `您有 ${items.length} 条待办留言，编号请发送"待办"查看。`, yours),
    )
  }
  return true
}

/** Acknowledges the message if it still waits for that; false when it was acknowledged already. */
async function acknowledged(turn: Turn, ref: string) {
  try {
    return await turn.client.acknowledge(turn.person.personId, ref)
  } catch (err) {
    if (err instanceof ApiError && err.code === 'illegal_transition') return null
    throw err
  }
}

async function acknowledgeInstead(turn: Turn, ref: string, text: string) {
  const done = await acknowledged(turn, ref)
  turn.say(
    lines(
      `${done ? `已受理留言 ${done.ticket}。` : ''}您写的"${oneLine(text)}"像是表示收到，没有作为答复发给群众。`,
      `办好后请发送：回复 ${ref} 再写上办理结果，如：回复 ${ref} 已联系供电所，本周修好。`,
    ),
  )
}

/** The deputy's command lacked a case number: an example with a number of theirs, ready to copy. */
async function askForNumber(turn: Turn, verb: string) {
  const items = await turn.client.deputyCases(turn.person.personId)
  if (items.length === 0) return turn.say('您目前没有待办留言。')
  const toAck = items.find(awaitsAcknowledging)
  if (verb === '受理' && !toAck) return turn.say(`您的待办留言都已受理。办好后请发送：回复 ${items[0].short} 答复内容`)
  const short = verb === '受理' ? toAck!.short : items[0].short
  const example =
    verb === '受理' || verb === '电话' ? `${verb} ${short}` : verb === '转交' || verb === '交回' ? `${verb} ${short} 原因` : `${verb} ${short} 答复内容`
  turn.say(
    lines(
      `请在"${verb}"后面写上留言编号，例如：`,
      example,
      items.length > 1 ? `您有 ${items.length} 条待办留言，编号请发送"待办"查看。` : `（${short} 是您待办里的留言：${oneLine(items[0].excerpt)}）`,
    ),
  )
}

/** The resident's number on one of his open messages, or that she left none (the backend refuses any other message). */
async function residentPhone(turn: Turn, ref: string) {
  const { ticket, phone, answered, inMessage } = await turn.client.residentPhone(turn.person.personId, ref)
  // Answered already: a reply cannot be sent twice, so he is told where it stands and what may still come back to him.
  if (!phone && answered)
    return turn.say(
      lines(`留言 ${ticket} 已答复，群众没有留电话。`, '您的答复已经发给群众，请等群众评价。', '群众如果不满意、要求重新办理，这条留言会再交给您。'),
    )
  if (!phone) return turn.say(lines(`留言 ${ticket}：群众没有留电话。`, `要答复群众，请发送：回复 ${ref} 答复内容`))
  // A chat resident fills in no phone field: the number is the one she wrote in her message, and he is told so.
  turn.say(lines(`留言 ${ticket} 群众${inMessage ? '在留言里写的' : '留的'}电话：${phone}`, '请只用于办理这条留言，不要转给别人。'))
}

/** A refusal from the backend (not a deputy, no such case, bad code) is shown as it is written. */
/**
 * An answer to a question the bot asked (`step`: true when the words answered it): a refusal from the backend is said
 * and ends the turn, as guarded's; false lets the words be read as ever.
 */
async function answering(turn: Turn, step: () => Promise<boolean>): Promise<boolean> {
  try {
    return await step()
  } catch (err) {
    if (!(err instanceof ApiError)) throw err
    turn.say(refusal(err))
    return true
  }
}

async function guarded(turn: Turn, action: () => Promise<void>): Promise<true> {
  try {
    await action()
  } catch (err) {
    if (!(err instanceof ApiError)) throw err
    turn.say(refusal(err))
  }
  return true
}

async function bind(turn: Turn, code: string) {
  const bound = await turn.client.bind(turn.person.personId, code, turn.name).catch((err) => {
    // The code he already used, sent again: he is bound, and needs nothing more.
    const { deputy, staff } = turn.person
    if (!(err instanceof ApiError) || err.code !== 'invalid_binding_code' || !(deputy || staff)) throw err
    return null
  })
  if (!bound) {
    const who = turn.person.deputy ? `${turn.person.deputy.name}代表` : turn.person.staff!.name
    return turn.say(lines(`您已经绑定为${who}了，不用再绑定。`, '如需改绑，请向联络站工作人员重新获取绑定码。'))
  }
  if (bound.joinAsked) {
    // A resident's code from the mini-program: nothing moves until she says there that this WeChat is hers (chat-join.ts).
    turn.say(
      lines(
        '收到。还差一步，请回到小程序确认：',
        `小程序的“我的”里会问这个微信是不是您本人的，点“是我的，放到这里”，您在这里发的留言才会放到小程序里。请在 ${bound.joinAsked.minutes} 分钟内确认。`,
        '这个码要是您自己在小程序里取的；别人给的码不要发到这里，您的码也不要给别人。',
      ),
    )
  } else if (bound.deputy) {
    turn.say(lines(`绑定成功！${bound.deputy.name}代表，您好。`, '以后群众的留言、办理提醒会通过这里发给您。', '发送"待办"查看待办留言。'))
  } else if (bound.staff) {
    turn.say(
      lines(
        `绑定成功！${bound.staff.name}，您好。`,
        '在本站的微信群里发送"绑定站点 站点代码"（如：绑定站点 ST001），站点的通知就会发到群里。',
        '邀请您参加的会议，回复"参加"或"请假 原因"即可。',
      ),
    )
  } else turn.say('绑定成功。')
}

async function todo(turn: Turn) {
  const items = await turn.client.deputyCases(turn.person.personId)
  if (items.length === 0) return turn.say('您目前没有待办留言。')
  const shown = items.slice(0, TODO_LIST_MAX)
  // 受理 is shown only with a message that still waits for it: one accepted already waits for his answer.
  const toAck = shown.find(awaitsAcknowledging)
  turn.say(
    lines(
      `您有 ${items.length} 条待办留言${lateWords(items)}：`,
      // 已催办: the station is waiting on him for this one.
      ...shown.map((c, i) => `${i + 1}.【${c.short}】${standing(c)}${c.urged ? '（已催办）' : ''} · ${oneLine(c.excerpt)}\n   ${owed(c)}`),
      items.length > shown.length && `还有 ${items.length - shown.length} 条，请在小程序里查看。`,
      '',
      // Said as the list shows them: the last four digits, or whole numbers when two of his end alike (short).
      `办理方法（编号用方括号里的${shown.every((c) => /^\d{4}$/.test(c.short)) ? '四位数' : '号码'}）：`,
      `回复 ${shown[0].short} 答复内容`,
      toAck && `受理 ${toAck.short}`,
      `交回 ${shown[0].short} 原因`,
      `电话 ${shown[0].short}（看群众留的电话）`,
    ),
  )
}

/**
 * How many of his messages are late, each kind in its own words, as each message's line says it: 答复已超期 is past the
 * reply deadline (`overdue`), one only late in being acknowledged is 已过受理期限 (`ackLate`), never both. The list is in
 * deadline order (nearest first), so the late ones lead it.
 */
function lateWords(items: DeputyCase[]): string {
  const overdue = items.filter((c) => c.overdue).length
  const ackLate = items.filter((c) => c.ackLate).length
  const parts = [overdue && `答复已超期 ${overdue} 条`, ackLate && `已过受理期限 ${ackLate} 条`].filter(Boolean)
  return parts.length ? `（${parts.join('，')}，排在前面）` : ''
}

/**
 * The deadline he owes next, as the mini-program's 待办 says it: 受理 first while the message waits for it. 超期 is
 * the reply deadline's alone; a 受理 gone by is said in its own words (已过受理期限).
 */
function owed(c: DeputyCase): string {
  if (c.acknowledgeByText) {
    if (c.overdue) return `答复已超期（应在${c.replyByText}答复），请尽快受理并答复`
    return c.ackLate ? `已过受理期限（应在${c.acknowledgeByText}受理），请尽快受理` : `请在${c.acknowledgeByText}受理`
  }
  return c.overdue ? `答复已超期（应在${c.replyByText}答复），请尽快答复` : `请在${c.replyByText}答复`
}

/**
 * Where a message in his hands stands, in his words rather than the office's (已分派): as his page says it, which the
 * backend sends ("张伟代表转给您，待受理" for one a colleague handed him, not 新留言); an older backend's, worked out here.
 */
function standing(c: DeputyCase): string {
  if (c.standing) return c.standing
  if (c.status === 'assigned') return '新留言，待受理'
  if (c.status === 'reopened') return '群众要求重新办理，待受理'
  if (c.status === 'acknowledged') return '已受理，待答复'
  if (c.status === 'forwarded') return '已交有关部门，待答复'
  return c.statusLabel
}
