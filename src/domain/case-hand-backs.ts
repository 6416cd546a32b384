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

/** The steps that put a message in someone's hands: 分派, 转交 (a deputy's, or staff's 改派), 上报. */
export const PLACING_STEPS = ['assigned', 'transferred', 'referred'] as const satisfies ReadonlyArray<CaseEvent['type']>
const PLACINGS = new Set<CaseEvent['type']>(PLACING_STEPS)

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

type Step = Pick<CaseEvent, 'type' | 'actorRole' | 'actorId' | 'data'>

/** The last step that put the message in someone's hands (PLACING_STEPS), and where it is in the timeline; null when none did. */
function lastPlacing(events: readonly Step[]): { step: Step; at: number } | null {
  for (let at = events.length - 1; at >= 0; at--) if (PLACINGS.has(events[at].type)) return { step: events[at], at }
  return null
}

/**
 * The colleague this deputy himself handed the message on to (his own 转交), when that colleague holds it still
 * (`holder`); null when staff moved it, when he handed it back to the station, or when it has moved on since.
 * His page then says where it went in his own words (您已转给张伟代表办理), not as something done to him.
 */
export function handedOnByHim(events: readonly Step[], deputyId: string, holder: string | null): string | null {
  const last = lastPlacing(events)?.step
  if (!last || last.type !== 'transferred' || last.actorRole !== 'deputy' || last.actorId !== deputyId) return null
  return holder && last.data.deputyId === holder ? holder : null
}

/**
 * How the message last came into this deputy's hands when a colleague handed it to him (转交): who, and whether it
 * had been his before (`back`: 交回, not 转来); null when staff or routing placed it with him. His 我的待办 says so,
 * as the notice he got did, not "新留言".
 */
export function handedToHimBy(events: readonly Step[], deputyId: string): { fromDeputyId: string; back: boolean } | null {
  const last = lastPlacing(events)
  if (!last) return null
  const { step } = last
  if (step.type !== 'transferred' || step.actorRole !== 'deputy' || !step.actorId || step.actorId === deputyId || step.data.deputyId !== deputyId) return null
  return { fromDeputyId: step.actorId, back: events.slice(0, last.at).some((e) => e.data.deputyId === deputyId) }
}

/** Who may place a message with a deputy by hand: staff of a station or an office (never the system or a resident). */
const PLACED_BY_STAFF = new Set<CaseEvent['actorRole']>(['station_staff', 'organizer', 'admin', 'unit_staff'])

/**
 * The step by which staff (a station's clerk, an office's organizer) last put the message in this deputy's hands, when
 * that is how it came to him, with whether it had been his before (`again`: he handed it back, or it was moved from
 * him, and now it comes back); null when a colleague handed it to him (handedToHimBy), routing placed it, or it is not
 * in his hands. The office's words that came with it are the step's note.
 */
export function placedByStaff<T extends Step & Pick<CaseEvent, 'note' | 'at'>>(events: readonly T[], deputyId: string): { step: T; again: boolean } | null {
  const last = lastPlacing(events)
  if (!last) return null
  const step = events[last.at]
  if (!PLACED_BY_STAFF.has(step.actorRole) || step.data.deputyId !== deputyId) return null
  return { step, again: events.slice(0, last.at).some((e) => e.data.deputyId === deputyId) }
}
