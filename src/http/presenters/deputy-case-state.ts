import { DEPUTY_LOAD_STATUSES, type CaseRecord } from '../../domain/case.js'
import { closingText, dueDateText } from '../../domain/due-date-text.js'
import { dueWords } from '../../domain/tasks.js'
import type { CaseDetail } from '../../services/cases/case-queries.js'

type Deadlines = Pick<CaseRecord, 'status' | 'acknowledgedAt' | 'ackDueAt' | 'replyDueAt'>

/** Whether the message waits on its deputy (to acknowledge or to reply): only then are its deadlines theirs. */
export const waitsOnDeputy = (c: Pick<CaseRecord, 'status'>) => DEPUTY_LOAD_STATUSES.includes(c.status)

/**
 * A deputy's deadlines, only while the message waits on them: "请于…受理" on a withdrawn or
 * merged message would send them to work on what nobody needs any more.
 */
export function deputyDeadlineTexts(c: Deadlines, timeZone: string, now: Date) {
  const waiting = waitsOnDeputy(c)
  return {
    acknowledgeByText: waiting && !c.acknowledgedAt ? dueDateText(c.ackDueAt, timeZone, now) : null,
    replyByText: waiting ? dueDateText(c.replyDueAt, timeZone, now) : null,
  }
}

/**
 * A deadline gone by, as his workbench counts it (dueWords: "已超期 4 天"), said as a fact with the date it was
 * ("受理已超期 4 天（应于11月27日 10:00前受理），请尽快受理"), not as an instruction for a day already gone; null
 * while it is still to come.
 */
function lateText(act: '受理' | '答复', dueAt: Date, timeZone: string, now: Date): string | null {
  if (dueAt.getTime() >= now.getTime()) return null
  return `${act}${dueWords(dueAt, now, timeZone).words}（应于${closingText(dueAt, timeZone, now)}${act}），请尽快${act}`
}

/**
 * The deadlines of his message page and list, while it waits on him: as the resident reads hers
 * ("12月7日前（含当日）" when the whole day counts, "11月27日 10:00前" at a time of day), never "24:00",
 * which an older reader does not say; and, once one has gone by, the words for that (`…Late`).
 * The chat keeps deputyDeadlineTexts.
 */
export function deputyPageDeadlines(c: Deadlines, timeZone: string, now: Date) {
  const waiting = waitsOnDeputy(c)
  const ack = waiting && !c.acknowledgedAt ? c.ackDueAt : null
  const reply = waiting ? c.replyDueAt : null
  return {
    acknowledgeByText: ack && closingText(ack, timeZone, now),
    replyByText: reply && closingText(reply, timeZone, now),
    /** "受理已超期 4 天（应于11月27日 10:00前受理），请尽快受理"; null while there is time. */
    acknowledgeLate: ack && lateText('受理', ack, timeZone, now),
    /** "答复已超期 2 天（应于12月14日前（含当日）答复），请尽快答复"; null while there is time. */
    replyLate: reply && lateText('答复', reply, timeZone, now),
  }
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
 * A message she sent back (重新办理) while it waits on its deputy: why, with her score, and the answer she
 * was unhappy with, for the top of his page ("群众的意见（2 分）：…", "您上次的答复：…"), not only at the
 * bottom of 办理经过. Null otherwise, and for the system's reopening (a merge undone), which is not hers.
 */
export function deputyReopenNote(d: Pick<CaseDetail, 'case' | 'events' | 'timelineNames'>) {
  if (!waitsOnDeputy(d.case)) return null
  const at = d.events.map((e) => e.type).lastIndexOf('reopened')
  const reopened = at < 0 ? null : d.events[at]
  if (!reopened || reopened.actorRole !== 'resident') return null
  const score = typeof reopened.data.previousRating === 'number' ? reopened.data.previousRating : (d.case.ratings.at(-1)?.rating ?? null)
  const reason = (reopened.note ?? '').trim()
  // Her words with the score, when they say more than her reason (the chat takes a comment after the score).
  const comment = (d.case.ratings.at(-1)?.comment ?? '').trim()
  const said = [reason, comment && comment !== reason ? `评价时说：${comment}` : ''].filter(Boolean).join('；')
  const replied = d.events
    .slice(0, at)
    .reverse()
    .find((e) => e.type === 'replied' && e.note)
  const by = !replied
    ? ''
    : replied.actorRole === 'deputy' && replied.actorId === d.case.deputyId
      ? '您'
      : replied.actorRole === 'deputy' && replied.actorId && d.timelineNames[`deputy:${replied.actorId}`]
        ? `${d.timelineNames[`deputy:${replied.actorId}`]}代表`
        : ''
  return {
    opinion: `群众的意见${score === null ? '' : `（${score} 分）`}：${said || '对答复不满意，要求重新办理'}`,
    lastReply: replied ? `${by}上次的答复：${replied.note}` : null,
  }
}
