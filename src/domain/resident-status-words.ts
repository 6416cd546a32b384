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
