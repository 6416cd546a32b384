import type { CaseEvent } from './case.js'
import { localDate, monthDayText } from './dates.js'

/**
 * A deputy who gave this message up himself (转交): back to its station, or on to a colleague,
 * with the reason he wrote ("这段时间在外地学习，请站里另派代表"). Staff placing it again must
 * see that beside his name, not a recommendation. Pure, no I/O.
 */
export interface HandBack {
  deputyId: string
  at: Date
  /** His reason, as he wrote it. */
  note: string | null
  /** Back to the station's (or office's) queue, or on to another deputy. */
  to: 'station' | 'deputy'
  /** Nobody has held the message since: this is why it waits now. */
  latest: boolean
}

const PLACINGS = new Set<CaseEvent['type']>(['assigned', 'transferred', 'referred'])

/** Each deputy's last hand-back of this message, by deputy id (a timeline in order, oldest first). */
export function handBacks(events: readonly CaseEvent[]): Map<string, HandBack> {
  const found = new Map<string, HandBack>()
  let last: HandBack | null = null
  for (const e of events) {
    if (!PLACINGS.has(e.type)) continue
    const from = e.data.fromDeputyId
    // Moved by staff or by the system (the deputy left office), it is not his choice: only his own move counts.
    if (e.type === 'transferred' && e.actorRole === 'deputy' && typeof from === 'string' && from) {
      last = { deputyId: from, at: e.at, note: e.note, to: typeof e.data.deputyId === 'string' && e.data.deputyId ? 'deputy' : 'station', latest: false }
      found.set(from, last)
    } else last = null
  }
  if (last) last.latest = true
  return found
}

/**
 * The words beside his name in the assign dialog: "刚把这条留言交回：<his reason>" while it is why the
 * message waits, else the day he did ("今天曾…", "12月3日曾把这条留言交回：…"). With a ticket, when
 * several messages are assigned at once, it names which: "刚把留言 20261204-0002 交回：…".
 */
export function handBackText(h: HandBack, timeZone: string, now: Date, ticket: string | null = null): string {
  const day = localDate(h.at, timeZone)
  const when = h.latest ? '刚' : day === localDate(now, timeZone) ? '今天曾' : `${monthDayText(day)}曾`
  const message = ticket ? `留言 ${ticket} ` : '这条留言'
  const what = h.to === 'station' ? `把${message}交回` : `把${message}转给了其他代表`
  return `${when}${what}${h.note ? `：${h.note}` : ''}`
}
