import { WAITING_STATUSES, type CaseRecord } from './case.js'
import { localDate } from './dates.js'
import { closingText, lastOpenDate } from './due-date-text.js'
import { addDays } from './local-days.js'
import type { SlaBadge } from './sla-badge.js'

/**
 * Both deadlines of a message that still matter, in words, as staff read them on the case page and on each line of
 * the inbox without hovering over the badge (review 37 § 6): "受理期限 12月7日 10:00（明天） · 答复期限 12月25日",
 * the one due first first. 受理期限 only while nobody has acknowledged it (a reply counts as one); 答复期限 until it is
 * answered; null once answered or ended (withdrawn, refused, merged). A reply deadline staff set at 分派, earlier than
 * the rules', says so ("（分派时要求）"): it is why the date is not the one the rules would give. A deadline at the end
 * of a day is its date alone ("12月25日": that whole day counts), one at a time of day has the time ("12月7日 10:00").
 */
export function deadlineWords(
  c: Pick<CaseRecord, 'status' | 'acknowledgedAt' | 'repliedAt' | 'ackDueAt' | 'replyDueAt' | 'slaReplyDueAt' | 'mergedInto'>,
  now: Date,
  timeZone: string,
): string | null {
  const due = runningDeadlines(c)
  if (!due) return null
  const today = localDate(now, timeZone)
  return due
    .map(({ step, at, asked }) => {
      const notes = [dayWord(at, now, today, timeZone), asked ? '分派时要求' : null].filter(Boolean)
      return `${step === 'acknowledge' ? '受理期限' : '答复期限'} ${dueWhen(at, timeZone, now)}${notes.length ? `（${notes.join('，')}）` : ''}`
    })
    .join(' · ')
}

/** One deadline under the inbox's 期限 tag: "受理" and "12月7日 10:00", and what else is worth saying ("分派时要求"). */
export interface DueDate {
  step: 'acknowledge' | 'reply'
  label: '受理' | '答复'
  /** "12月25日" (that whole day counts) or "12月7日 10:00": a date read whole, never broken. */
  when: string
  /** "已过", "明天", "分派时要求", "已过，分派时要求"; null when the date says it all. */
  note: string | null
}

/**
 * The deadlines of deadlineWords for the inbox's 期限 column, under its tag (slaBadge: 明天到期, 已超期 3 天): which
 * ones and when, next due first, without what the tag says already. The deadline the tag counts carries no 今天,
 * 明天 or 已过 beside it (明天到期 over "受理 12月7日（明天）" says it twice); the other one keeps its own. Empty once
 * answered or ended.
 */
export function dueDates(c: Parameters<typeof deadlineWords>[0], badge: Pick<SlaBadge, 'step'> | null, now: Date, timeZone: string): DueDate[] {
  const today = localDate(now, timeZone)
  return (runningDeadlines(c) ?? []).map(({ step, at, asked }) => {
    const near = badge?.step === step ? null : dayWord(at, now, today, timeZone)
    const notes = [near, asked ? '分派时要求' : null].filter(Boolean)
    return { step, label: step === 'acknowledge' ? '受理' : '答复', when: dueWhen(at, timeZone, now), note: notes.length ? notes.join('，') : null }
  })
}

/**
 * The deadlines still running, next due first: 受理 only while nobody has acknowledged it (a reply counts as one),
 * 答复 until it is answered (`asked`: set earlier at 分派 than the rules'); null once answered or ended.
 */
function runningDeadlines(c: Parameters<typeof deadlineWords>[0]): Array<{ step: DueDate['step']; at: Date; asked: boolean }> | null {
  if (!WAITING_STATUSES.includes(c.status) || c.mergedInto || c.repliedAt) return null
  const due: Array<{ step: DueDate['step']; at: Date; asked: boolean }> = []
  if (!c.acknowledgedAt) due.push({ step: 'acknowledge', at: c.ackDueAt, asked: false })
  due.push({ step: 'reply', at: c.replyDueAt, asked: !!c.slaReplyDueAt })
  return due.sort((a, b) => a.at.getTime() - b.at.getTime())
}

/**
 * Whether the deadline line (deadlineWords) already says what the badge says: （今天） or （明天） beside the deadline the
 * badge is about, where the badge says 今天到期 or 明天到期. The case page then says it once, in the line, which also names
 * that deadline and its date without a hover. A badge that says more than the line (已超期 3 天, 未按时受理, 还有 5 天)
 * is kept.
 */
export function badgeSaidInDeadlines(badge: Pick<SlaBadge, 'step'> | null, c: Parameters<typeof deadlineWords>[0], now: Date, timeZone: string): boolean {
  if (!badge || deadlineWords(c, now, timeZone) === null) return false
  const at = badge.step === 'acknowledge' ? c.ackDueAt : c.replyDueAt
  const word = dayWord(at, now, localDate(now, timeZone), timeZone)
  return word === '今天' || word === '明天'
}

/** "12月25日" for a deadline at the end of that day, "12月7日 10:00" at a time of day: closingText without its 前（含当日）. */
const dueWhen = (at: Date, timeZone: string, now: Date) =>
  closingText(at, timeZone, now)
    .replace(/前（含当日）$/, '')
    .replace(/前$/, '')

/** 已过, 今天 or 明天 for a deadline near or gone, as people count days; null further off (the date says it). */
function dayWord(at: Date, now: Date, today: string, timeZone: string): string | null {
  if (at.getTime() < now.getTime()) return '已过'
  const day = lastOpenDate(at, timeZone)
  if (day === today) return '今天'
  return day === addDays(today, 1) ? '明天' : null
}
