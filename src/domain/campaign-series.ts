/**
 * 每月一次: a campaign that repeats monthly is a series; each month of its window gets an
 * issue of its own (a campaign with its own reading, check-ins and deadline), opened at the
 * month's start in the business time zone. Pure rules only.
 */
import { startOfLocalDate } from './business-calendar.js'
import type { CampaignRecord } from './campaign.js'
import { localDate, monthDayText } from './dates.js'

/** The month (YYYY-MM) an instant falls in, in the business time zone. */
export const monthOf = (at: Date, timeZone: string) => localDate(at, timeZone).slice(0, 7)

export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number)
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
}

/** 2026-12 → 2026年12月 */
export const monthLabel = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`

/**
 * The window of a series' issue for a month: the month itself, cut to the series' window
 * (an issue never starts before the series nor ends after it); null when they do not meet.
 */
export function periodWindow(series: Pick<CampaignRecord, 'startsAt' | 'endsAt'>, month: string, timeZone: string): { startsAt: Date; endsAt: Date } | null {
  const monthStart = startOfLocalDate(`${month}-01`, timeZone)
  const monthEnd = startOfLocalDate(`${nextMonth(month)}-01`, timeZone)
  const startsAt = series.startsAt > monthStart ? series.startsAt : monthStart
  const endsAt = series.endsAt < monthEnd ? series.endsAt : monthEnd
  return endsAt > startsAt ? { startsAt, endsAt } : null
}

/** An issue is named for its month: 学习贯彻代表法（2026年12月）. */
export const periodTitle = (title: string, month: string) => `${title}（${monthLabel(month)}）`

/** The issue of a series for a month, as the job opens it (the id is the caller's: it makes a re-run a no-op). */
export function periodOf(
  series: CampaignRecord,
  month: string,
  timeZone: string,
  ids: { id: string; adoptedFrom: string | null },
  now: Date,
): CampaignRecord | null {
  const window = periodWindow(series, month, timeZone)
  if (!window) return null
  return {
    ...series,
    ...window,
    id: ids.id,
    title: periodTitle(series.title, month),
    repeat: null,
    seriesId: series.id,
    period: month,
    adoptedFrom: ids.adoptedFrom,
    createdAt: now,
    updatedAt: now,
  }
}

/** Who a campaign comes from, as a deputy reads it: 市人大常委会, 湛河区人大常委会, 轻工街道人大工委. */
export function issuedBy(level: CampaignRecord['level'], areaName: string | null): string {
  if (level === 'city' || !areaName) return '市人大常委会'
  return level === 'street' ? `${areaName}人大工委` : `${areaName}人大常委会`
}

/** The last day of an issue, for the notice: 12月31日 (the day before it ends at midnight). */
export function deadlineText(endsAt: Date, timeZone: string): string {
  return monthDayText(localDate(new Date(endsAt.getTime() - 1), timeZone))
}
