import type { CaseRecord, CaseStatus } from './case.js'

/**
 * Where a message stands, as the resident who wrote it reads it: who has it and what happens next,
 * in plain words. The office's labels (待分派, 已分派, 已交办 …, STATUS_LABELS) name steps of its own
 * procedure, which an elderly resident does not know; staff and deputies keep those.
 */
const WORDS: Record<CaseStatus, string> = {
  submitted: '联络站正在安排代表',
  assigned: '已交给代表，等代表受理',
  acknowledged: '代表已受理，正在办理',
  forwarded: '已交有关部门办理',
  replied: '代表已答复，请评价',
  closed: '已办结',
  reopened: '正在重新办理',
  withdrawn: '已撤回',
  rejected: '不予受理',
}

/**
 * The resident's words for her message's state. A message waiting at an office (no station covers
 * her place) is placed by its staff, not a station's; one folded into another (合并办理) is closed
 * without being done on its own, and its answer comes with the other's.
 */
export function residentStatusWords(c: Pick<CaseRecord, 'status' | 'stationId' | 'mergedInto'>): string {
  if (c.status === 'submitted' && !c.stationId) return '工作人员正在安排代表'
  if (c.status === 'closed' && c.mergedInto) return '已和相同问题的留言一起办理'
  return WORDS[c.status]
}

/**
 * Where her message stands on its own page, as one sentence naming the deputy who has it: whether he has
 * read it yet ("已交给张伟代表，代表还没有看" → "张伟代表已看到，正在办"). The page says this once, with the date
 * he is to answer by, in place of a short label beside a second sentence of its own; lists and the chat
 * keep the short words (residentStatusWords). Without a deputy, the short words.
 */
export function residentStatusSentence(c: Pick<CaseRecord, 'status' | 'stationId' | 'mergedInto'>, deputyName: string | null): string {
  if (deputyName) {
    if (c.status === 'assigned') return `已交给${deputyName}代表，代表还没有看`
    if (c.status === 'acknowledged') return `${deputyName}代表已看到，正在办`
    if (c.status === 'reopened') return `已请${deputyName}代表重新办理，代表还没有看`
  }
  return residentStatusWords(c)
}
