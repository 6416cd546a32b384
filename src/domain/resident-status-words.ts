import type { CaseRecord, CaseStatus } from './case.js'
import { UNHAPPY_AT_MOST } from './case-unhappy.js'

/** Her score in the words she was shown when she gave it (the mini-program's stars, case-dashboard's RATING_LABELS). */
const RATING_WORDS = ['', '很不满意', '不满意', '一般', '满意', '很满意']

/**
 * The states a deputy holds the message in, said of whoever has it ("代表", or "张伟代表" where the
 * name is known): whether he has read it yet. One sentence for each, with or without the name, so
 * that her list, her message's page and the chat say one state one way.
 */
const withDeputy = {
  assigned: (who: string) => `已交给${who}，代表还没有看`,
  acknowledged: (who: string) => `${who}已看到，正在办`,
  reopened: (who: string) => `已请${who}重新办理，代表还没有看`,
} satisfies Partial<Record<CaseStatus, (who: string) => string>>

/**
 * Where a message stands, as the resident who wrote it reads it: who has it and what happens next,
 * in plain words. The office's labels (待分派, 已分派, 已转交部门 …, STATUS_LABELS) name steps of its own
 * procedure, which an elderly resident does not know; staff and deputies keep those.
 */
const WORDS: Record<CaseStatus, string> = {
  submitted: '联络站正在安排代表',
  assigned: withDeputy.assigned('代表'),
  acknowledged: withDeputy.acknowledged('代表'),
  forwarded: '已交有关部门办理',
  replied: '代表已答复，请评价',
  closed: '已办结',
  reopened: withDeputy.reopened('代表'),
  withdrawn: '已撤回',
  // 不予受理 is the office's word for it: she reads what happened to her message.
  rejected: '没有接办',
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
 * Where her message stands, as one sentence naming the deputy who has it: whether he has read it yet
 * ("已交给张伟代表，代表还没有看" → "张伟代表已看到，正在办"). Her list, her message's page and the chat's
 * 查询 of one message all say this, the page once, with the date he is to answer by; the chat's list of
 * her messages says the same sentence of "代表" (residentStatusWords). Without a deputy, those words.
 */
export function residentStatusSentence(c: Pick<CaseRecord, 'status' | 'stationId' | 'mergedInto' | 'rating'>, deputyName: string | null): string {
  if (deputyName && (c.status === 'assigned' || c.status === 'acknowledged' || c.status === 'reopened')) return withDeputy[c.status](`${deputyName}代表`)
  // "已办结" alone, right after she gave 2 分, reads as if all were well: the office's end, and her word on it.
  if (ratedUnhappy(c)) return `已办结，您评了 ${c.rating} 分（${RATING_WORDS[c.rating!]}）`
  return residentStatusWords(c)
}

/**
 * Closed with her score of this round saying she was not satisfied (很不满意, 不满意): her pages do not
 * show it as done and well (✓ in green), and say her score beside 已办结.
 */
export function ratedUnhappy(c: Pick<CaseRecord, 'status' | 'mergedInto' | 'rating'>): boolean {
  return c.status === 'closed' && !c.mergedInto && c.rating !== null && c.rating <= UNHAPPY_AT_MOST
}
