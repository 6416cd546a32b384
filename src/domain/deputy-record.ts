/**
 * 履职档案: a deputy's year joined from what Liaison already knows — meetings, cases, reception
 * duty, study and quizzes, ballots, suggestions and the activities they reported. Pure: the
 * service reads the records, these functions count them. Points are in record-points.ts.
 */
import type { CaseRecord } from './case.js'
import { inTimeShare, replyInTime, waitingLate } from './case-stats.js'
import { NO_ROUNDS_SENT_BACK } from './rounds-sent-back.js'
import type { MeetingInvitee, MeetingRecord } from './meeting.js'
import type { AttemptRecord } from './quiz.js'
import { ACTIVITY_KINDS, type ActivityKind, type ActivityRecord } from './record-activity.js'

export interface DeputyYearRecord {
  deputyId: string
  year: number
  meetings: { held: number; attended: number; excused: number; absent: number }
  /**
   * `answered`: messages he answered at least once, one sent back for 重新办理 included (`sentBack`, not
   * yet answered again): answeredOnTime + answeredLate + sentBack = answered.
   */
  cases: {
    handled: number
    answered: number
    answeredOnTime: number
    answeredLate: number
    sentBack: number
    open: number
    /** Of those open, waiting past the reply deadline (超期): caseStats' overdueOpen. */
    overdueOpen: number
    /** Of `sentBack`, those past the deadline of their new round (among overdueOpen too). */
    sentBackOverdue: number
    /**
     * 按时答复 as 统计分析 counts it for him (caseStats): of the messages answered or past their reply deadline, those
     * answered by it. A message past its reply deadline he has not answered counts as not in time.
     */
    repliedInTimeShare: number | null
    rated: number
    averageSatisfaction: number | null
    /**
     * `handled` by the district handling each message (CaseRecord.handlingDistrictId, else its own): a deputy of
     * stations in two districts holds messages of both, and his record says how many are the other district's.
     */
    byDistrict: Record<string, number>
  }
  /** `served`: rostered days up to today with a record that he came (an approved 进站接待 activity that day). */
  duty: { scheduled: number; served: number }
  study: { checkIns: number; quizzesTaken: number; averageScorePercent: number | null }
  ballots: { onRoll: number; cast: number }
  /** Null until suggestions are known to Liaison (shown as 暂无). */
  suggestions: { made: number; coSigned: number } | null
  activities: { approved: number; byKind: Record<ActivityKind, number> }
}

export interface RecordSources {
  deputyId: string
  year: number
  /** The local date today: what lies ahead is nobody's duty yet. */
  today: string
  now: Date
  invitations: Array<{ meeting: Pick<MeetingRecord, 'status' | 'startAt'>; invitation: Pick<MeetingInvitee, 'rsvp' | 'checkedInAt'> }>
  cases: Pick<
    CaseRecord,
    | 'status'
    | 'mergedInto'
    | 'acknowledgedAt'
    | 'repliedAt'
    | 'ackDueAt'
    | 'replyDueAt'
    | 'rating'
    | 'ratings'
    | 'sentBack'
    | 'districtId'
    | 'handlingDistrictId'
  >[]
  dutyDates: string[]
  checkIns: number
  attempts: Pick<AttemptRecord, 'quizId' | 'status' | 'score' | 'maxScore'>[]
  ballots: Array<{ cast: boolean }>
  suggestions: { made: number; coSigned: number } | null
  activities: Pick<ActivityRecord, 'status' | 'kind' | 'date'>[]
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits
const OPEN = new Set(['submitted', 'assigned', 'acknowledged', 'forwarded', 'reopened'])

/** The year's figures. Every source is already limited to the year by the caller; `today` keeps duty days ahead out. */
export function deputyYearRecord(s: RecordSources): DeputyYearRecord {
  // Only meetings held count: one still ahead is nobody's absence, a cancelled one nobody's duty.
  const held = s.invitations.filter((i) => i.meeting.status === 'published' && i.meeting.startAt <= s.now)
  const attended = held.filter((i) => i.invitation.checkedInAt).length
  const excused = held.filter((i) => !i.invitation.checkedInAt && i.invitation.rsvp === 'leave').length

  // Withdrawn, rejected and merged messages were never the deputy's to answer.
  const handled = s.cases.filter((c) => c.status !== 'withdrawn' && c.status !== 'rejected' && !c.mergedInto)
  // One story in every figure: an answer counts once given, also when the resident, unhappy, sent it back
  // for 重新办理 (a reopen clears repliedAt but keeps her rating: a rating is only ever of an answer given).
  // In these counts of messages it is neither on time nor late but `sentBack` until answered again — no points
  // for it meanwhile, as before; 按时答复's share below judges each round by its own deadline (rounds-sent-back.ts). Satisfaction is the latest rating of each answered message:
  // the 2 that sent an answer back belongs to an answer the same line counts.
  const answered = handled.filter((c) => c.repliedAt || c.ratings.length > 0)
  const current = answered.filter((c) => c.repliedAt)
  const onTime = current.filter((c) => c.repliedAt! <= c.replyDueAt).length
  // 按时答复 by 统计分析's rule, not over the answered alone: 100% beside his overdue messages would be untrue. The
  // rounds she sent back count too, each by its own deadline, as 统计分析 counts them (rounds-sent-back.ts): the answer
  // of a sent-back message is then judged where it happened, though the line's counts of messages say `sentBack`.
  const replies = handled.flatMap((c) => {
    const sent = c.sentBack ?? NO_ROUNDS_SENT_BACK
    const rounds = Array.from({ length: sent.rounds }, (_, i) => ({ due: true, ok: i < sent.replyInTime }))
    return [replyInTime(c, s.now), ...rounds]
  })
  const ratings = answered.map((c) => (c.ratings.length ? c.ratings[c.ratings.length - 1]!.rating : c.rating)).filter((r): r is number => r !== null)

  const scheduled = s.dutyDates.filter((d) => d.startsWith(`${s.year}-`))
  const submitted = s.attempts.filter((a) => a.status === 'submitted')
  const best = new Map<string, number>()
  for (const a of submitted) best.set(a.quizId, Math.max(best.get(a.quizId) ?? 0, a.maxScore ? (a.score ?? 0) / a.maxScore : 0))

  const approved = s.activities.filter((a) => a.status === 'approved')
  // A rostered day is not a day served: only a day he is recorded to have come counts (已值班, and its
  // points), i.e. a 进站接待 he reported for that day and staff approved. Liaison has no check-in at the door.
  const receptionDays = new Set(approved.filter((a) => a.kind === 'reception').map((a) => a.date))
  const byKind = Object.fromEntries(ACTIVITY_KINDS.map((k) => [k, approved.filter((a) => a.kind === k).length])) as Record<ActivityKind, number>
  return {
    deputyId: s.deputyId,
    year: s.year,
    meetings: { held: held.length, attended, excused, absent: held.length - attended - excused },
    cases: {
      handled: handled.length,
      answered: answered.length,
      answeredOnTime: onTime,
      answeredLate: current.length - onTime,
      sentBack: answered.length - current.length,
      open: handled.filter((c) => OPEN.has(c.status)).length,
      overdueOpen: handled.filter((c) => waitingLate(c, s.now)).length,
      sentBackOverdue: answered.filter((c) => !c.repliedAt && waitingLate(c, s.now)).length,
      repliedInTimeShare: inTimeShare(replies.filter((r) => r.ok).length, replies.filter((r) => r.due).length),
      rated: ratings.length,
      averageSatisfaction: ratings.length ? round(ratings.reduce((a, b) => a + b, 0) / ratings.length) : null,
      byDistrict: countBy(handled, (c) => c.handlingDistrictId ?? c.districtId ?? null),
    },
    duty: { scheduled: scheduled.length, served: scheduled.filter((d) => d <= s.today && receptionDays.has(d)).length },
    study: {
      checkIns: s.checkIns,
      quizzesTaken: best.size,
      averageScorePercent: best.size ? round(([...best.values()].reduce((a, b) => a + b, 0) / best.size) * 100, 1) : null,
    },
    ballots: { onRoll: s.ballots.length, cast: s.ballots.filter((b) => b.cast).length },
    suggestions: s.suggestions,
    activities: { approved: approved.length, byKind },
  }
}

function countBy<T>(items: readonly T[], keyOf: (item: T) => string | null): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const item of items) {
    const key = keyOf(item)
    if (key !== null) counts[key] = (counts[key] ?? 0) + 1
  }
  return counts
}

/** The year's first and last instants are the caller's (time zones); this names the year a local date falls in. */
export const yearOf = (localDate: string) => Number(localDate.slice(0, 4))
