import { ApiError } from '../client.js'
import { compact, normalise, parseCommand, quotedTicket } from '../text.js'
import { EMOJI } from '../typed-text.js'
import { refusal } from './refusal.js'
import { lines, oneLine, type Conversation, type Turn } from './turn.js'

/**
 * Deputies (and staff) in a private chat. "绑定 123456" binds anyone who has a code from
 * the console; the case commands (待办, 回复, 受理, 转交) and meeting answers are for
 * bound deputies. Not a deputy command → false, and the resident conversation answers.
 */

/** How many open cases one "待办" lists; the mini-program shows the rest. */
const TODO_LIST_MAX = 10

export const deputyConversation: Conversation = async (turn) => {
  const cmd = turn.command
  if (cmd.kind === 'bind') return guarded(turn, () => bind(turn, cmd.code))
  // A resident who is not a deputy and types "待办" gets the backend's explanation.
  if (cmd.kind === 'todo') return guarded(turn, () => todo(turn))
  if (!turn.person.deputy) return false
  // A whole line copied from a notice ("受理请回复：受理 0001") is the command it shows.
  const copied = cmd.kind === 'text' ? /^(?:受理|答复)请(?:回复|发送)[:：]\s*(.+)$/.exec(normalise(cmd.text)) : null
  if (copied) return deputyConversation({ ...turn, command: parseCommand(copied[1]) })
  // Quoting a case's notice and writing underneath answers that case; 受理, 收到, 好的 alone acknowledge it.
  const quotedCase = quotedTicket(turn.quoted)
  if (quotedCase && (cmd.kind === 'text' || cmd.kind === 'confirm' || cmd.kind === 'pleasantry')) {
    const acknowledging = cmd.kind !== 'text' || /^(受理|收到)[。！!.]?$/.test(cmd.text.replace(/\s/g, ''))
    return deputyConversation({
      ...turn,
      command: acknowledging ? { kind: 'acknowledge', ref: quotedCase } : { kind: 'reply', ref: quotedCase, text: cmd.text },
    })
  }
  // "受理" or "回复 已经修好了" without the case's number: say which number to add, not the resident menu.
  const verb = cmd.kind === 'text' ? /^(回复|答复|受理|转交)/.exec(compact(cmd.text))?.[1] : undefined
  if (verb) return guarded(turn, () => askForNumber(turn, verb))
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
      // "收到，马上安排" is the deputy saying he has it, not the answer the resident is asked to rate.
      if (isOnlyAcknowledging(cmd.text)) return guarded(turn, () => acknowledgeInstead(turn, cmd.ref, cmd.text))
      return guarded(turn, async () => {
        const done = await turn.client.reply(turn.person.personId, cmd.ref, cmd.text)
        turn.say(`已答复留言 ${done.ticket}，群众会收到您的答复。谢谢您！`)
      })
    case 'acknowledge':
      return guarded(turn, async () => {
        const done = await acknowledged(turn, cmd.ref)
        turn.say(
          done
            ? `已受理留言 ${done.ticket}。请在期限内答复，答复时发送：回复 ${cmd.ref} 再写上答复`
            : `留言 ${cmd.ref} 您已经受理过了，不用再受理。办好后请发送：回复 ${cmd.ref} 再写上答复`,
        )
      })
    case 'transfer':
      if (!cmd.reason) {
        turn.say(lines('请写明转交的原因，例如：', `转交 ${cmd.ref} 不属于本站范围`))
        return true
      }
      return guarded(turn, async () => {
        const done = await turn.client.transfer(turn.person.personId, cmd.ref, cmd.reason)
        turn.say(`已把留言 ${done.ticket} 交回联络站工作人员处理。`)
      })
    case 'attend':
      return answerMeeting(turn, async () => {
        const m = await turn.client.answerMeeting(turn.person.personId, 'attend')
        turn.say(`已回复参加：${m.title}，${m.time}，地点 ${m.place}。到场后请用小程序扫会场二维码签到。`)
      })
    case 'excuse':
      if (!cmd.reason) {
        turn.say(lines('请写明请假原因，例如：', '请假 外出学习'))
        return true
      }
      return answerMeeting(turn, async () => {
        const m = await turn.client.answerMeeting(turn.person.personId, 'leave', cmd.reason)
        turn.say(`已为您请假：${m.title}（${m.time}）。原因：${m.reason ?? cmd.reason}`)
      })
    default:
      return false
  }
}

/** The words of the notice's own example, sent as they are. */
function isPlaceholder(text: string): boolean {
  return /^(答复内容|再写上答复|您的答复|答复|办理结果)[。.!！]?$/.test(compact(text))
}

/**
 * A short line that only says the deputy has it in hand (收到, 好的我明天去看看再回复), with no word that
 * something was done: sent as the answer, the resident would be asked to rate "收到".
 */
function isOnlyAcknowledging(text: string): boolean {
  const t = compact(text).replace(EMOJI, '')
  if ([...t].length > 20) return false
  if (/已经?(修|办|处理|解决|联系|落实|完成|答复|协调)|修好|办好|解决了|处理好|完成了/.test(t)) return false
  return /^(收到|好的|好|已阅|阅|知道了|明白|ok|嗯)/i.test(t) || /(再回复|再答复|马上安排|尽快|去看看|去现场|了解一下)/.test(t)
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
  const short = items[0].short
  const example = verb === '受理' ? `受理 ${short}` : verb === '转交' ? `转交 ${short} 原因` : `${verb} ${short} 答复内容`
  turn.say(
    lines(
      `请在"${verb}"后面写上留言编号，例如：`,
      example,
      items.length > 1 ? `您有 ${items.length} 件待办，编号请发送"待办"查看。` : `（${short} 是您待办里的留言：${oneLine(items[0].excerpt)}）`,
    ),
  )
}

/** An answer to a meeting notice; with none waiting, say how answering works. */
function answerMeeting(turn: Turn, action: () => Promise<void>): Promise<true> {
  return guarded(turn, async () => {
    try {
      await action()
    } catch (err) {
      if (!(err instanceof ApiError) || err.code !== 'no_meeting_awaiting') throw err
      turn.say(`${err.message}。收到会议通知后，回复"参加"或"请假 原因"即可。`)
    }
  })
}

/** A refusal from the backend (not a deputy, no such case, bad code) is shown as it is written. */
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
  const bound = await turn.client.bind(turn.person.personId, code)
  if (bound.deputy) {
    turn.say(lines(`绑定成功！${bound.deputy.name}代表，您好。`, '以后群众的留言、办理提醒会通过这里发给您。', '发送"待办"查看待办留言。'))
  } else if (bound.staff) {
    turn.say(lines(`绑定成功！${bound.staff.name}，您好。`, '在本站的微信群里发送"绑定站点 站点代码"（如：绑定站点 ST001），站点的通知就会发到群里。'))
  } else turn.say('绑定成功。')
}

async function todo(turn: Turn) {
  const items = await turn.client.deputyCases(turn.person.personId)
  if (items.length === 0) return turn.say('您目前没有待办留言。')
  const shown = items.slice(0, TODO_LIST_MAX)
  turn.say(
    lines(
      `您有 ${items.length} 件待办留言${items.some((c) => c.overdue) ? '（超期的在前）' : ''}：`,
      ...shown.map((c, i) => `${i + 1}.【${c.short}】${c.overdue ? '已超期 · ' : ''}${c.statusLabel} · ${oneLine(c.excerpt)}\n   请在${c.replyByText}答复`),
      items.length > shown.length && `还有 ${items.length - shown.length} 件，请在小程序里查看。`,
      '',
      '办理方法（编号用方括号里的四位数）：',
      `回复 ${shown[0].short} 答复内容`,
      `受理 ${shown[0].short}`,
      `转交 ${shown[0].short} 原因`,
    ),
  )
}
