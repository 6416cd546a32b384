/**
 * 催办: staff press the deputy holding a message that is slow or overdue. Allowed while the
 * message waits on its deputy, at most once per message per business day. Pure, no I/O.
 */
import { DEPUTY_LOAD_STATUSES, type CaseEvent, type CaseEventType, type CaseRecord } from './case.js'
import { localDate } from './dates.js'
import { spokenMoment } from './spoken-dates.js'
import { offsetMs } from './zone-offset.js'

/** Whether the message is in a deputy's hands, waiting on them (受理 or 答复): what may be urged. */
export const mayBeUrged = (c: Pick<CaseRecord, 'status' | 'deputyId'>) => c.deputyId !== null && DEPUTY_LOAD_STATUSES.includes(c.status)

/**
 * The handling round the timeline (oldest first) is in: 0 at first, one more at each 重新办理 (a reopen,
 * or a message handled on its own again after its merge ended). A new round is new work for a deputy.
 */
export const urgeRound = (events: readonly CaseEvent[]) => events.filter((e) => e.type === 'reopened').length

/**
 * The urge already made to `deputyId` on the local day of `now` in the current round, if any (the last
 * one): an urge of the round before a reopen pressed for the answer she has since found wanting, not for
 * the new one; an urge made to the deputy who held it before (转交, 改派) pressed him, not the one who
 * holds it now, who may be urged the same day. An urge recorded without its deputy counts for anyone.
 */
export function urgedToday(events: readonly CaseEvent[], now: Date, timeZone: string, deputyId: string | null): CaseEvent | null {
  const today = localDate(now, timeZone)
  const roundStart = events.map((e) => e.type).lastIndexOf('reopened')
  const pressed = (e: CaseEvent) => e.data.deputyId === undefined || e.data.deputyId === deputyId
  const found = events.slice(roundStart + 1).filter((e) => e.type === 'urged' && localDate(e.at, timeZone) === today && pressed(e))
  return found.length ? found[found.length - 1] : null
}

/**
 * The steps after which an earlier 催办 presses nobody: each puts the message in a deputy's hands
 * afresh (分派 by routing or staff, 改派, a colleague's 转交, a move or hand-up) or opens a new round (重新办理).
 * An urge made before pressed whoever held it then, or for the answer she has since found wanting.
 */
export const URGE_ENDING_STEPS: readonly CaseEventType[] = ['assigned', 'transferred', 'referred', 'reopened']

/**
 * The urge that presses `deputyId` now, if any: the last one made to him since the message last came
 * into his hands (or its round began). One rule for his message page and his 待办's 已催办 (urgedCaseIds,
 * read through CaseRepo.latestUrges): urged, handed to a colleague, urged again and handed back, he
 * was pressed on it by neither urge since he got it back.
 */
export function currentUrge(events: readonly CaseEvent[], deputyId: string | null): CaseEvent | null {
  if (!deputyId) return null
  let since = -1
  events.forEach((e, i) => URGE_ENDING_STEPS.includes(e.type) && (since = i))
  const found = events.slice(since + 1).filter((e) => e.type === 'urged' && e.data.deputyId === deputyId)
  return found.length ? found[found.length - 1] : null
}

/**
 * Of the cases whose latest urges these are (CaseRepo.latestUrges: each case's last urge with no
 * URGE_ENDING_STEPS after it), those they press `deputyId` on: what his 待办 marks 已催办, by
 * currentUrge's rule.
 */
export const urgedCaseIds = (latestUrges: readonly CaseEvent[], deputyId: string): Set<string> =>
  new Set(latestUrges.filter((e) => e.data.deputyId === deputyId).map((e) => e.caseId))

/** Who urged, as the refusal and the case page name them ("工作人员" when the record has no name). */
const urgedBy = (e: CaseEvent): string => (typeof e.data.staffName === 'string' && e.data.staffName ? e.data.staffName : '工作人员')

/** Whether the message may be urged at `now`, and the urge already made that business day if any: what the 催办 button is judged by. */
export interface UrgeStanding {
  allowed: boolean
  urgedToday: { at: Date; by: string; timeOfDay: string } | null
}

/**
 * The refusal's rule: in its deputy's hands and that deputy not yet urged on it on the business day of `now`
 * (the server's clock, not the browser's).
 */
export function urgeStanding(c: Pick<CaseRecord, 'status' | 'deputyId'>, events: readonly CaseEvent[], now: Date, timeZone: string): UrgeStanding {
  const earlier = urgedToday(events, now, timeZone, c.deputyId)
  return {
    allowed: mayBeUrged(c) && !earlier,
    urgedToday: earlier && { at: earlier.at, by: urgedBy(earlier), timeOfDay: timeOfDay(earlier.at, timeZone) },
  }
}

/** "10:32", "9:05": the wall-clock time of an instant in the business time zone, the hour as people write it. */
export function timeOfDay(at: Date, timeZone: string): string {
  const wall = new Date(at.getTime() + offsetMs(at.getTime(), timeZone))
  return `${wall.getUTCHours()}:${String(wall.getUTCMinutes()).padStart(2, '0')}`
}

/**
 * "12月3日（星期四）上午10:32": when an urge was made (or the message given him), as every other line of the deputy's
 * message page says a moment (spokenMoment, the mini-program's when.dayTime): the day alone did not tell him how long
 * they had waited since, and "周四" beside their "（星期四）" read as something else.
 */
export function urgedAtText(at: Date, timeZone: string): string {
  return spokenMoment(at, timeZone)
}
