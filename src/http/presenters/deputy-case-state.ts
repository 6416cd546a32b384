import { DEPUTY_LOAD_STATUSES, type CaseRecord } from '../../domain/case.js'
import { dueDateText } from '../../domain/due-date-text.js'

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

/** Where a message the deputy has nothing more to do on stands, in words; null while it waits on them. */
export function deputyStateNote(c: Pick<CaseRecord, 'status' | 'mergedInto'>): string | null {
  switch (c.status) {
    case 'withdrawn':
      return '群众已撤回这条留言，不用再办理。'
    case 'rejected':
      return '这条留言不予受理，不用再办理。'
    case 'closed':
      return c.mergedInto ? '这条留言已和相同问题的留言合并办理，不用再单独办理。' : '这条留言已办结。'
    case 'replied':
      return '您已答复，正在等群众评价。'
    default:
      return null
  }
}
