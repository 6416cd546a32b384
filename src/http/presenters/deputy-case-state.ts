import { DEPUTY_LOAD_STATUSES, type CaseEvent, type CaseRecord } from '../../domain/case.js'
import { ackLateWords, dueWords, replyLateWords } from '../../domain/tasks.js'
import { deputyReopenNote, deputyStatusWords, deputyTaskStatusWords, urgedByWords, type HandedBy } from '../../domain/deputy-case-words.js'
import { spokenDeadline, withoutWeekday } from '../../domain/spoken-dates.js'
import { handedToHimBy, placedByStaff } from '../../domain/case-hand-backs.js'
import type { CaseDetail } from '../../services/cases/case-queries.js'
import { maskPhoneAndIdNumbers } from '../../domain/pii-mask.js'
import { urgedAtText } from '../../domain/case-urging.js'
import { staffName } from './case-steps.js'

type Deadlines = Pick<CaseRecord, 'status' | 'acknowledgedAt' | 'ackDueAt' | 'replyDueAt'>

/** Whether the message waits on its deputy (to acknowledge or to reply): only then are its deadlines theirs. */
export const waitsOnDeputy = (c: Pick<CaseRecord, 'status'>) => DEPUTY_LOAD_STATUSES.includes(c.status)

/**
 * The deadlines that are the deputy's now, only while the message waits on him: acknowledging until he has
 * (受理), replying until it is answered. "请于…受理" on a withdrawn or merged message would send him to work
 * on what nobody needs any more. The one selection his page's words (and the chat's, which take them) are made from.
 */
export function deputyDueDates(c: Deadlines): { acknowledgeBy: Date | null; replyBy: Date | null } {
  const waiting = waitsOnDeputy(c)
  return { acknowledgeBy: waiting && !c.acknowledgedAt ? c.ackDueAt : null, replyBy: waiting ? c.replyDueAt : null }
}

/**
 * A deadline gone by, as his workbench counts it (dueWords, deputyCaseDue), said as a fact with the date it was, not
 * as an instruction for a day already gone: the reply's is 超期 ("答复已超期 2 天（应于12月14日前（含当日）答复），请尽快
 * 答复"), the acknowledgement's its own words, never 超期 ("已过受理期限 4 天（应于11月27日上午10:00前受理），请尽快受理"),
 * as the office's 超期 is the reply deadline's alone (case-stats.ts waitingLate); null while it is still to come.
 */
function lateText(act: '受理' | '答复', dueAt: Date, timeZone: string, now: Date): string | null {
  if (dueAt.getTime() >= now.getTime()) return null
  const { days } = dueWords(dueAt, now, timeZone)
  return `${act === '受理' ? ackLateWords(days) : replyLateWords(days)}（应于${withoutWeekday(spokenDeadline(dueAt, timeZone, now))}${act}），请尽快${act}`
}

/**
 * The deadlines of his message page and list (deputyDueDates), as his 待办 and digest say them (spokenDeadline:
 * "12月7日（星期一）前（含当日）" when the whole day counts, "11月27日（星期五）上午10:00前" at a time of day), never
 * "24:00", which an older reader does not say; and, once one has gone by, the words for that (`…Late`).
 * His chat's 待办 and his notices say them alike.
 */
export function deputyPageDeadlines(c: Deadlines, timeZone: string, now: Date) {
  const { acknowledgeBy: ack, replyBy: reply } = deputyDueDates(c)
  const replyLate = reply && lateText('答复', reply, timeZone, now)
  // Both gone by: one red line, the answer's (what his 待办 and the office count), asking for both steps; two red
  // orders at once read as two different messages.
  const both = Boolean(ack && replyLate)
  return {
    acknowledgeByText: both ? null : ack && spokenDeadline(ack, timeZone, now),
    replyByText: reply && spokenDeadline(reply, timeZone, now),
    /** "已过受理期限 4 天（应于11月27日上午10:00前受理），请尽快受理"; null while there is time, or once the answer is late too. */
    acknowledgeLate: both ? null : ack && lateText('受理', ack, timeZone, now),
    /** "答复已超期 2 天（应于12月14日前（含当日）答复），请尽快答复" (请尽快受理并答复 before he took it); null while there is time. */
    replyLate: both ? replyLate!.replace(/请尽快答复$/, '请尽快受理并答复') : replyLate,
  }
}

/**
 * The top of his message page in one line: where it stands and what to do by when, as his 我的待办 says it (spokenDeadline):
 * "已受理，请在12月14日（星期一）前（含当日）答复群众", "新留言，请在11月24日（星期二）上午10:00前受理". "当前状态：已受理，待答复"
 * over "请于12月14日前（含当日）答复" (and, once he tapped 受理, a green box saying it again) told him the day three times.
 * `replyByLine`: the answer's deadline while the line above asks him to 受理 first, null when said there or gone by; a
 * deadline gone by keeps its own red words (deputyPageDeadlines) under the bare state ("新留言，还没受理").
 */
export function deputyStanding(c: Deadlines & Pick<CaseRecord, 'mergedInto'>, handedBy: HandedBy | null, timeZone: string, now: Date) {
  const late = deputyPageDeadlines(c, timeZone, now)
  const { acknowledgeBy: ack, replyBy: reply } = deputyDueDates(c)
  const ackLine = ack && !late.acknowledgeLate && !late.replyLate ? `请在${spokenDeadline(ack, timeZone, now)}受理` : null
  const replyLine = reply && !late.replyLate ? `请在${spokenDeadline(reply, timeZone, now)}答复群众` : null
  const short = deputyTaskStatusWords(c, handedBy)
  if (ackLine) return { standing: `${short}，${ackLine}`, replyByLine: replyLine }
  if (replyLine && !ack) return { standing: `${short}，${replyLine}`, replyByLine: null }
  return { standing: deputyStatusWords(c, handedBy), replyByLine: replyLine }
}

/** Where a message the deputy has nothing more to do on stands, in words; null while it waits on them. */
export function deputyStateNote(c: Pick<CaseRecord, 'status' | 'mergedInto'>): string | null {
  switch (c.status) {
    case 'withdrawn':
      return '群众已撤回这条留言，不用再办理。'
    case 'rejected':
      return '这条留言不予受理，不用再办理。'
    case 'closed':
      return c.mergedInto ? '这条留言已和相同问题的留言合并办理，不用再单独办理。' : '这条留言已办结。'
    // 已答复: the status says it waits for her rating (已答复，等群众评价); said once, not again here.
    default:
      return null
  }
}

/**
 * 重新办理 at the top of his page: her score and words, and the last answer (deputyReopenNote, the rule); null when
 * she did not send it back.
 */
export function presentDeputyReopenNote(d: Pick<CaseDetail, 'case' | 'events' | 'timelineNames'>) {
  const note = deputyReopenNote(d.case, d.events, d.timelineNames)
  // Her words as his page shows her message (presentDeputyCase): phone and ID numbers masked.
  return note && { opinion: maskPhoneAndIdNumbers(note.opinion), lastReply: note.lastReply }
}

/**
 * The colleague who handed him this message (转交, handedToHimBy), by the timeline's name, when that is how it last
 * came to him, or staff who gave it back to him (placedByStaff, again); null when routing placed it with him, or staff
 * gave it to him the first time. His page's status then says so, as his 我的待办 does.
 */
export function handedToHim(d: Pick<CaseDetail, 'case' | 'events' | 'timelineNames'>): HandedBy | null {
  if (!d.case.deputyId) return null
  const by = handedToHimBy(d.events, d.case.deputyId)
  if (by) return { name: d.timelineNames[`deputy:${by.fromDeputyId}`] ?? '', back: by.back }
  return placedByStaff(d.events, d.case.deputyId)?.again ? { name: '', back: true, staff: true } : null
}

/** Who of staff took a step, as the deputy reads it: her office and name ("湛河区人大常委会办公室孙丽"), by the step's names. */
export function staffStepBy(step: CaseEvent, names: CaseDetail['timelineNames']): string {
  const office = step.actorId ? (names[`staffOffice:${step.actorId}`] ?? null) : null
  return urgedByWords(step.actorRole, staffName(step, step.actorId ? (names[`staff:${step.actorId}`] ?? null) : null), office)
}

/**
 * Staff's words to him with the step that put the message in his hands, at the top of his page while it waits on him
 * in that round, naming who and when, and whether it had been his before: "湛河区人大常委会办公室孙丽 11月18日（星期三）上午10:00
 * 再次交给您办理：区人大办已协调区城管局牵头，请刘代表跟进并答复群众". At the bottom of 办理经过 alone, with no name, he
 * took an office's instruction for the same message handed back as nothing new. Null when a colleague or routing placed
 * it, when staff gave it to him the first time without a word, and once a later round began (重新办理).
 */
export function presentDeputyAssignNote(d: Pick<CaseDetail, 'case' | 'events' | 'timelineNames'>, timeZone: string): string | null {
  if (!d.case.deputyId || !waitsOnDeputy(d.case)) return null
  const placed = placedByStaff(d.events, d.case.deputyId)
  if (!placed) return null
  const { step, again } = placed
  if (d.events.slice(d.events.indexOf(step)).some((e) => e.type === 'reopened')) return null
  const note = step.note?.trim() ? maskPhoneAndIdNumbers(step.note.trim()) : ''
  if (!note && !again) return null
  const done = `${staffStepBy(step, d.timelineNames)} ${urgedAtText(step.at, timeZone)} ${again ? '再次' : ''}交给您办理`
  return note ? `${done}：${note}` : `${done}。`
}
