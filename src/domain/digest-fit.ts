import type { CaseRecord } from './case.js'
import { nextDeadline } from './case.js'
import { ackLate, waitingLate } from './case-stats.js'
import { localDate } from './dates.js'
import { lastOpenMoment } from './due-date-text.js'

/**
 * The daily digest kept to one chat message, and the order its messages are listed in. Pure, no I/O.
 */

/**
 * Characters the digest may have: what the bot sends as one message (bots/long-texts.ts MESSAGE_LIMIT). Past it the
 * digest arrived in two or three pieces, the later ones read as other messages or not read at all.
 */
export const DIGEST_MAX = 1500

/**
 * A section of the digest: its `full` text and, for one that may give way, its `short` one, its heading's count and
 * where to see the rest ("【新学习材料 6 篇】请打开小程序查看"): never dropped, so that nothing he has to do goes
 * unsaid. `yields`: the order in which sections give way, highest first; sections with the same number give way
 * together (the 办理方法's example numbers with the messages they name). Without it, a section always stays whole.
 */
export interface DigestPart {
  full: string
  short?: string
  yields?: number
}

const length = (text: string) => Array.from(text).length

/**
 * The parts joined into one message of at most `max` characters: while it is too long, the section lowest down (the
 * highest `yields`) gives way to its short text (an empty one leaves nothing), then the next. What never yields (late, due today, today's meetings)
 * stays whole even when the rest cannot make it fit.
 */
export function fitDigest(parts: DigestPart[], max = DIGEST_MAX): string {
  const shortened = new Set<number>()
  const text = () =>
    parts
      .map((p) => (p.yields !== undefined && shortened.has(p.yields) && p.short !== undefined ? p.short : p.full))
      .filter(Boolean)
      .join('\n\n')
  const order = [...new Set(parts.flatMap((p) => (p.yields === undefined ? [] : [p.yields])))].sort((a, b) => b - a)
  for (const step of order) {
    if (length(text()) <= max) break
    shortened.add(step)
  }
  return text()
}

/** "【近 7 天会议活动 3 个】请打开小程序查看": a section as its heading's count, with where he finds the rest. */
export const inTheApp = (heading: string) => `${heading}请打开小程序查看`

/** Messages late or due today are all listed, up to as many as 待办 lists (bots' TODO_LIST_MAX): the digest stays short. */
const PRESSING_MAX = 10
/**
 * Of those lines, the late keep at least this many when more are due today than the rest leaves room for: the heading's
 * "答复已超期 12 条" still has a few named under it.
 */
const LATE_SHOWN_MIN = 3

/**
 * The pressing messages the digest lists, in the order given (late first): every one due today (`rank` 1), what she
 * can still do on time, and the late ones (`rank` above 1) in the lines left. Twelve late took all ten lines, and the
 * six due today, counted in the heading, were nowhere to be read. Only when more than PRESSING_MAX − LATE_SHOWN_MIN are
 * due today do some of them wait for 待办 too, so that the late are still named.
 */
export function pressingListed<T>(items: T[], rank: (item: T) => number): T[] {
  const late = items.filter((x) => rank(x) > 1)
  const today = items.filter((x) => rank(x) === 1)
  const todayShown = Math.min(today.length, PRESSING_MAX - Math.min(late.length, LATE_SHOWN_MIN))
  const shown = new Set([...late.slice(0, PRESSING_MAX - todayShown), ...today.slice(0, todayShown)])
  return items.filter((x) => shown.has(x))
}

/** What a message is ordered by in the digest (its DigestCase), and in the chat's 待办 (inDigestOrder). */
export interface OrderedCase {
  ticket: string
  overdue: boolean
  ackLate?: boolean
  /** News since the last digest: the digest alone knows it (the chat's 待办 has none). */
  isNew?: boolean
  due?: { at: Date } | null
}

/**
 * How pressing a message is: 答复已超期, then 已过受理期限, then due today (its deadline falls on the digest's date), then
 * the rest. Whatever is above 0 is listed before any other (pressingListed).
 */
export function pressing(c: OrderedCase, date: string, timeZone: string): number {
  if (c.overdue) return 3
  if (c.ackLate) return 2
  return c.due && localDate(lastOpenMoment(c.due.at, timeZone), timeZone) === date ? 1 : 0
}

/**
 * Late first, then due today, then new, then the rest; within each the nearest deadline first; ties by ticket so the
 * order is stable. A message due today comes before five new ones: it is what she must do this day.
 */
export function caseOrder<T extends OrderedCase>(rank: (c: T) => number) {
  const due = (c: T) => c.due?.at.getTime() ?? Infinity
  return (a: T, b: T) => rank(b) - rank(a) || Number(!!b.isNew) - Number(!!a.isNew) || due(a) - due(b) || a.ticket.localeCompare(b.ticket)
}

/**
 * A deputy's open messages in the order his digest lists them that day (late, due today, then the nearest deadline), so
 * that the chat's 待办 numbers its lines as the digest does: "第 1 条" is one message in both. Late and due are judged as
 * the digest's gathering judges them (waitingLate, ackLate, nextDeadline).
 */
export function inDigestOrder(cases: readonly CaseRecord[], now: Date, timeZone: string): CaseRecord[] {
  const date = localDate(now, timeZone)
  const ordered = new Map(
    cases.map((c) => [c, { ticket: c.ticket, overdue: waitingLate(c, now), ackLate: ackLate(c, now), due: ((at) => at && { at })(nextDeadline(c)) }]),
  )
  const order = caseOrder((o: OrderedCase) => pressing(o, date, timeZone))
  return [...cases].sort((a, b) => order(ordered.get(a)!, ordered.get(b)!))
}
