import { ApiError } from '../client.js'
import type { Command } from '../commands.js'
import { parseCommand } from '../parse-command.js'
import { quotedTicket, quotedTickets } from '../quotes.js'
import { compact, normalise } from '../typed-text.js'
import { acknowledged } from './deputy-acknowledge.js'
import { askForNumber } from './deputy-ask-number.js'
import { bind } from './deputy-bind.js'
import { asksAboutCheckIn, checkInHelp } from './deputy-check-in.js'
import { attend, excuse, leaveReason, meetingPicked, meetingWords } from './deputy-meetings.js'
import { doneElsewhere } from './deputy-elsewhere.js'
import { answering, guarded } from './deputy-guarded.js'
import { lineNumberMeant, named, whichQuoted, withLineNumber } from './deputy-numbers.js'
import { offerToAnswer } from './deputy-offer-answer.js'
import { residentPhone } from './deputy-resident-phone.js'
import { bareNumber, readAsked, readIfHis, readMessage } from './deputy-read.js'
import { todo } from './deputy-todo.js'
import { askToHandBack, transfer, transferAnswer } from './deputy-transfer.js'
import { answerCase, saidAfterSent, stillWaits } from './deputy-reply.js'
import { besideAnswer, forMeetings, replyAnswer } from './deputy-reply-waiting.js'
import { isMalformedBinding, PHONE_ASKED } from './deputy-words.js'
import { meetingsShown, yesToMeetings, yesToOffer } from './deputy-yes.js'
import { wordsAsked } from './deputy-words-asked.js'
import { refusal } from './refusal.js'
import { offerResidentNumbers, RESIDENT_MENU } from './resident-menu.js'
import { answersResidentQuestion } from './resident-question.js'
import { lines, type Conversation } from './turn.js'

/**
 * Deputies (and staff) in a private chat. "绑定 123456" binds anyone who has a code from
 * the console, and joins a resident's chat to her mini-program account with the code it gave her; the case commands (待办, 回复, 受理, 转交) and meeting answers are for
 * bound deputies. Not a deputy command → false, and the resident conversation answers.
 */

export const deputyConversation: Conversation = async (turn) => {
  const cmd = turn.command
  // Her words just after the bot asked for them ("回复 1" alone, then "是"): her answer to that message, shown back first.
  if (turn.person.deputy && (await wordsAsked(turn, deputyConversation))) return true
  // "是" just after "…吗？是的话请发送：回复 0001 …": that command, as if he had typed it; any other words end the offer.
  if (turn.person.deputy && (await yesToOffer(turn, deputyConversation))) return true
  // "是" to "要把留言 0002 转给王芳代表办理吗？"; other words drop the question and are read as ever.
  if (turn.person.deputy && turn.state.transferAsk && (await answering(turn, () => transferAnswer(turn)))) return true
  // "1 参加", "都参加" while her answer waits: her meetings are answered as ever; the answer keeps waiting (deputy-reply-waiting.ts).
  if (turn.person.deputy && forMeetings(turn)) return besideAnswer(turn, () => deputyConversation(turn))
  // "是" to "要把这段话作为答复，发给留言 … 的群众吗？"; more plain words join the answer (deputy-reply-waiting.ts).
  if (turn.person.deputy && turn.state.replyAsk && (await answering(turn, () => replyAnswer(turn)))) return true
  // His reason after "请写明请假原因": for the meeting asked about, whatever else waits.
  if ((turn.person.deputy || turn.person.staff) && turn.state.leaveAsk && (await answering(turn, () => leaveReason(turn)))) return true
  // His number under "要请假的是哪一个？": that meeting, and no other. An answer to a resident written meanwhile keeps the list.
  if ((turn.person.deputy || turn.person.staff) && turn.state.meetingPick && cmd.kind !== 'reply' && (await answering(turn, () => meetingPicked(turn))))
    return true
  if (cmd.kind === 'bind') return guarded(turn, () => bind(turn, cmd.code))
  if (cmd.kind === 'text' && isMalformedBinding(cmd.text)) {
    turn.say('绑定码是 6 位数字，例如：绑定 123456')
    return true
  }
  // A resident who is not a deputy and types "待办", or "受理 0001" / "回复 0001 …" with a number as a
  // notice writes it, gets the backend's explanation of binding. ("回复1" may be a resident's menu choice.)
  if (cmd.kind === 'todo' || (!turn.person.deputy && namesACase(cmd))) {
    await guarded(turn, () => todo(turn))
    stillWaits(turn)
    return true
  }
  // Staff invited to a meeting answer it in the chat as deputies do: the backend takes either's answer.
  if (!turn.person.deputy && turn.person.staff && cmd.kind === 'attend') return guarded(turn, () => attend(turn))
  if (!turn.person.deputy && turn.person.staff && cmd.kind === 'excuse') return guarded(turn, () => excuse(turn, cmd.reason, cmd.runOn))
  if (!turn.person.deputy) return false
  // "回复 1" or "5" right after the bot asked her, as a resident too, a numbered question: her answer to it.
  if (answersResidentQuestion(turn)) return false
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
  // "查看 0001": the message whole, as his page shows it (and counted as his opening it); "0001" alone, when it is his.
  const toRead = cmd.kind === 'text' ? readAsked(cmd.text) : null
  if (toRead) return guarded(turn, () => readMessage(turn, toRead))
  if (cmd.kind === 'text' && !turn.state.flow && bareNumber(cmd.text) && (await readIfHis(turn, compact(cmd.text)))) return true
  // "受理" or "回复 已经修好了" without the case's number: say which number to add, not the resident menu.
  const verb = cmd.kind === 'text' ? /^(回复|答复|受理|转交|交回)/.exec(compact(cmd.text))?.[1] : undefined
  if (verb) return guarded(turn, () => askForNumber(turn, verb))
  // "回复 2 …": a line of 待办, not message 0002 of another resident; nothing is done (deputy-numbers.ts).
  const lineNumber = withLineNumber(cmd)
  if (lineNumber) return guarded(turn, () => lineNumberMeant(turn, lineNumber))
  switch (cmd.kind) {
    case 'reply':
      // Shown back before it goes: only his "是" sends it (deputy-reply.ts).
      return guarded(turn, () => answerCase(turn, cmd.ref, cmd.text))
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
      meetingsShown(turn)
      return guarded(turn, () => attend(turn))
    case 'excuse':
      meetingsShown(turn)
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
          offerResidentNumbers(turn, RESIDENT_MENU)
          return true
        }
        // "忘记签到了怎么办": his meetings begun lately, and how 补签 is asked for.
        if (asksAboutCheckIn(cmd.text)) return guarded(turn, () => checkInHelp(turn))
      }
      try {
        // A yes just after his meetings were shown is to them (deputy-yes.ts), never to an answer that went before.
        if ((await meetingWords(turn)) || (await yesToMeetings(turn))) return meetingsShown(turn)
        // Words just after his answer went from here are told they did not follow it (deputy-reply.ts).
        return saidAfterSent(turn) || (await offerToAnswer(turn))
      } catch (err) {
        if (!(err instanceof ApiError)) throw err
        turn.say(refusal(err))
        return true
      }
  }
}

/** A case command with a number as notices and 待办 write it (0001, 20261122-0001). */
const namesACase = (cmd: Command) =>
  (cmd.kind === 'reply' || cmd.kind === 'acknowledge' || cmd.kind === 'transfer' || cmd.kind === 'handBack') && /^(\d{4}|\d{8}-\d{4,})$/.test(cmd.ref)
