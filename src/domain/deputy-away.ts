/**
 * A deputy marked away (暂停接收留言: on leave, away studying, in hospital) from one local date to
 * another, both included. While away, routing gives him no new message; the messages he already
 * holds stay his. The mark ends by itself: it is judged on the dates, so nothing has to clear it.
 */
import { monthDayText } from './dates.js'

export const AWAY_REASONS = ['leave', 'study', 'other'] as const
export type AwayReason = (typeof AWAY_REASONS)[number]

/** As the console's choice reads them. Staff only: residents are told the dates, never why. */
export const AWAY_REASON_LABELS: Record<AwayReason, string> = { leave: '请假', study: '外出学习', other: '其他' }

/** The same kinds as a deputy chooses his own on his phone, with what each covers in his words. */
export const AWAY_REASON_CHOICES: ReadonlyArray<{ value: AwayReason; label: string }> = [
  { value: 'leave', label: '请假（生病、住院、家里有事）' },
  { value: 'study', label: '外出学习、培训、开会' },
  { value: 'other', label: '其他' },
]

export interface DeputyAway {
  /** First local date away, YYYY-MM-DD in the business time zone. */
  from: string
  /** Last local date away, included. */
  until: string
  reason: AwayReason
  /** A few words for staff ("住院"), or null. */
  note: string | null
  /** He set it himself, from the mini-program (migration 064); absent when staff did, as on every mark before. */
  bySelf?: true
}

/** The longest mark: a term's study course; a longer absence is a matter for the directory (离任). */
export const AWAY_MAX_DAYS = 366

/** Whether the mark covers this local date (YYYY-MM-DD): string order is date order for this format. */
export function isAwayOn(away: Pick<DeputyAway, 'from' | 'until'> | null | undefined, date: string): boolean {
  return !!away && away.from <= date && date <= away.until
}

/** The mark as it stands on `today`: away now, away later, or over (or none). */
export function awayState(away: DeputyAway | null | undefined, today: string): 'now' | 'ahead' | null {
  if (!away || away.until < today) return null
  return away.from <= today ? 'now' : 'ahead'
}

/** "暂停接收留言至12月5日" while away on `today`, else null: what residents read beside his name. */
export function awayNotice(away: DeputyAway | null | undefined, today: string): string | null {
  return isAwayOn(away, today) ? `暂停接收留言至${monthDayText(away!.until)}` : null
}

/** "代表请假至12月5日" (外出学习至 …, 暂停接收留言至 …) while away on `today`: what a clerk reads beside his messages. */
export function awayStaffNote(away: DeputyAway | null | undefined, today: string): string | null {
  if (!isAwayOn(away, today)) return null
  const how = away!.reason === 'leave' ? '请假' : away!.reason === 'study' ? '外出学习' : '暂停接收留言'
  return `代表${how}至${monthDayText(away!.until)}`
}

/**
 * The word beside his name on a reception day the mark covers (值班表, 近期接待值班): 请假, 外出学习, or 暂停接收留言 for
 * any other reason; null on a day it does not cover. Routing skips him those days, so the duty displays say so. The
 * console's 值班表 imports it too (admin/src/components/away-duty.ts): one rule on both sides.
 */
export function awayDutyWord(away: Pick<DeputyAway, 'from' | 'until' | 'reason'> | null | undefined, date: string): string | null {
  if (!isAwayOn(away, date)) return null
  return away!.reason === 'leave' ? '请假' : away!.reason === 'study' ? '外出学习' : '暂停接收留言'
}

/**
 * The console's line for the mark, now or ahead, its kind first: "请假 12月1日至12月5日（住院）", "将外出学习 …";
 * "暂停接收留言 12月1日至12月5日" for any other reason. Then the note, and "代表本人设置" when he set it himself;
 * null when over. The kind leads so that a narrow column (代表与值班) that wraps it still reads what it is first.
 */
export function awayLine(away: DeputyAway | null | undefined, today: string): string | null {
  const state = awayState(away, today)
  if (!state) return null
  const kind = away!.reason === 'other' ? '暂停接收留言' : AWAY_REASON_LABELS[away!.reason]
  const aside = [away!.note, away!.bySelf ? '代表本人设置' : null].filter(Boolean).join('；')
  return `${state === 'ahead' ? '将' : ''}${kind} ${monthDayText(away!.from)}至${monthDayText(away!.until)}${aside ? `（${aside}）` : ''}`
}

/** What is wrong with the dates of a new mark, in words for the form's fields; empty when nothing is. */
export function awayDateProblems(from: string, until: string, today: string): Array<{ path: 'from' | 'until'; message: string }> {
  if (until < from) return [{ path: 'until', message: '结束日期不能早于开始日期' }]
  if (until < today) return [{ path: 'until', message: '结束日期已经过去了' }]
  if (daysBetween(from, until) + 1 > AWAY_MAX_DAYS) return [{ path: 'until', message: `最长暂停 ${AWAY_MAX_DAYS} 天` }]
  return []
}

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000)
}

/** "11月28日至12月4日" (one day: "12月1日"): the dates of a mark, as every word to the deputy says them. */
export function awayDatesText(away: Pick<DeputyAway, 'from' | 'until'>): string {
  return away.from === away.until ? monthDayText(away.from) : `${monthDayText(away.from)}至${monthDayText(away.until)}`
}

/**
 * His own workbench's line while a mark stands (now or ahead), else null: who set it, the dates, and that the
 * messages he holds stay his ("联络站已为您暂停接收新留言（11月28日至12月4日），您手上的留言仍由您办理"; one he
 * set himself: "您已暂停接收新留言（…），…").
 */
export function awayDeputyLine(away: DeputyAway | null | undefined, today: string): string | null {
  const state = awayState(away, today)
  if (!state) return null
  const when = state === 'now' ? '已' : '将'
  const who = away!.bySelf ? `您${when}` : `联络站${when}为您`
  return `${who}暂停接收新留言（${awayDatesText(away!)}），您手上的留言仍由您办理`
}

/**
 * What a deputy is told when staff mark him away (`setBy`: the station, or the office by its name), in the chat and on a card:
 * the dates, where new messages go meanwhile, that those he holds stay his, and whom to ask to change it (`contact`,
 * his station). The reason and note are staff's: he knows why he is away.
 */
export function awaySetWords(deputyName: string, away: Pick<DeputyAway, 'from' | 'until'>, setBy: string, contact: string) {
  const dates = awayDatesText(away)
  return {
    text:
      `${deputyName}代表，${setBy}已为您暂停接收新留言：${dates}。这几天群众的新留言会交给联络站或其他代表办理；` +
      `您手上的留言仍由您办理。日期要改或提前恢复，请联系${contact}。`,
    cardText: Array.from(`${dates}暂停接收新留言`).length <= 20 ? `${dates}暂停接收新留言` : '暂停接收新留言，手上的照常办理',
  }
}

/** What he is told when the mark is ended (or dropped before it began): new messages come to him again. */
export function awayEndedWords(deputyName: string, away: Pick<DeputyAway, 'from' | 'until'>, setBy: string) {
  const dates = awayDatesText(away)
  return {
    text: `${deputyName}代表，${setBy}已取消您${dates}的暂停接收新留言，群众的新留言会照常交给您。`,
    cardText: Array.from(`已取消${dates}的暂停`).length <= 20 ? `已取消${dates}的暂停` : '已恢复接收新留言',
  }
}

/**
 * What his station's staff read when he pauses his new messages himself (from the mini-program), in their group: who,
 * the dates and the kind (never his note, which may name an illness: the console shows it to them), and what it means
 * for them: messages written to him go to their queue meanwhile; those he holds stay his.
 */
export function awaySelfSetWords(deputyName: string, away: Pick<DeputyAway, 'from' | 'until' | 'reason'>) {
  const dates = awayDatesText(away)
  return {
    text:
      `${deputyName}代表在小程序里自己设置了暂停接收新留言：${dates}（${AWAY_REASON_LABELS[away.reason]}）。` +
      `这几天群众写给他的新留言会交到联络站，请安排其他代表办理；他手上的留言仍由他办理。`,
    cardTitle: Array.from(`${deputyName}代表暂停接收新留言`).length <= 20 ? `${deputyName}代表暂停接收新留言` : '代表暂停接收新留言',
    cardText: Array.from(`${dates}暂停接收新留言`).length <= 20 ? `${dates}暂停接收新留言` : '暂停接收新留言，手上的照常办理',
  }
}

/**
 * Why he may not change or end a mark his station (or the office) set, in the mini-program: it is theirs, they set it
 * for a reason (he is in hospital) and were told it stands, and his notice told him to ask them (awaySetWords). Whom
 * he asks (`contact`): his station. Also shown on his page in place of the form while such a mark stands.
 */
export function awaySetForYouWords(away: Pick<DeputyAway, 'from' | 'until'>, contact: string): string {
  return `联络站已为您暂停接收新留言（${awayDatesText(away)}）。日期要改或提前恢复，请联系${contact}。`
}

/** What his station's staff read when he ends (or drops) a pause himself: new messages go to him again. */
export function awaySelfEndedWords(deputyName: string, away: Pick<DeputyAway, 'from' | 'until'>) {
  const dates = awayDatesText(away)
  return {
    text: `${deputyName}代表在小程序里自己取消了${dates}的暂停接收新留言，群众的新留言会照常交给这位代表。`,
    cardTitle: Array.from(`${deputyName}代表恢复接收新留言`).length <= 20 ? `${deputyName}代表恢复接收新留言` : '代表恢复接收新留言',
    cardText: Array.from(`已取消${dates}的暂停`).length <= 20 ? `已取消${dates}的暂停` : '已恢复接收新留言',
  }
}
