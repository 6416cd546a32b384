/**
 * Quiz leaderboards (排行榜): people by their best attempt (share of the points on their
 * paper, then time), and stations and districts by that share on average and participation
 * against their audience size. A draw from a pool with different points per question can
 * give two papers different totals, so 40 of 40 ranks above 45 of 50; when every paper has
 * the same total, this is the order by score.
 */
import type { AttemptRecord, QuizPersonKind } from './quiz.js'

export interface PersonStanding {
  rank: number
  personKind: QuizPersonKind
  personId: string
  stationId: string | null
  districtId: string | null
  score: number
  maxScore: number
  /** Score as a percentage of the paper's total points, two decimals. */
  percent: number
  /** Time taken by the best attempt. */
  durationMs: number
  finishedAt: Date
  attempts: number
}

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places

const duration = (a: AttemptRecord) => (a.finishedAt ?? a.deadline).getTime() - a.startedAt.getTime()

/** b's share of its points against a's, compared exactly (no rounding): negative when a did better. */
const shareOrder = (a: AttemptRecord, b: AttemptRecord) => (b.score ?? 0) * a.maxScore - (a.score ?? 0) * b.maxScore

/** Higher share of the paper's points first; at the same share the quicker one, then the earlier one. */
const better = (a: AttemptRecord, b: AttemptRecord) =>
  shareOrder(a, b) || duration(a) - duration(b) || (a.finishedAt?.getTime() ?? 0) - (b.finishedAt?.getTime() ?? 0)

const percentOf = (a: AttemptRecord) => (a.maxScore > 0 ? round(((a.score ?? 0) * 100) / a.maxScore, 2) : 0)

/**
 * Each person once, by their best attempt handed in in time. One handed in late (expired) is
 * not counted, as its result page tells her ("不计入排名"): it ranks nobody and, alone, makes
 * nobody a participant (here, in the group boards built from this, and in 参与人数); it still
 * counts among the tries used. Equal score and time share a rank (1, 1, 3), so nobody is
 * placed below someone who did exactly as well.
 */
export function peopleBoard(attempts: readonly AttemptRecord[]): PersonStanding[] {
  const keyOf = (a: AttemptRecord) => `${a.personKind}:${a.personId}`
  const finished = new Map<string, number>()
  for (const a of attempts) if (a.status !== 'open') finished.set(keyOf(a), (finished.get(keyOf(a)) ?? 0) + 1)
  const best = new Map<string, { attempt: AttemptRecord; count: number }>()
  for (const a of attempts) {
    if (a.status !== 'submitted') continue
    const key = keyOf(a)
    const seen = best.get(key)
    const count = finished.get(key) ?? 1
    best.set(key, { attempt: seen && better(a, seen.attempt) >= 0 ? seen.attempt : a, count })
  }
  const sorted = [...best.values()].sort((x, y) => better(x.attempt, y.attempt) || x.attempt.personId.localeCompare(y.attempt.personId))
  const out: PersonStanding[] = []
  sorted.forEach(({ attempt: a, count }, i) => {
    const prev = out[i - 1]
    const prevAttempt = sorted[i - 1]?.attempt
    const tied = prev && prevAttempt && shareOrder(prevAttempt, a) === 0 && prev.durationMs === duration(a)
    out.push({
      rank: tied ? prev.rank : i + 1,
      personKind: a.personKind,
      personId: a.personId,
      stationId: a.stationId,
      districtId: a.districtId,
      score: a.score ?? 0,
      maxScore: a.maxScore,
      percent: percentOf(a),
      durationMs: duration(a),
      finishedAt: a.finishedAt ?? a.deadline,
      attempts: count,
    })
  })
  return out
}

export interface GroupStanding {
  rank: number
  groupId: string
  participants: number
  /** Null when the audience there is not known (residents have no station). */
  audienceSize: number | null
  participationRate: number | null
  averageScore: number
  /** The average of the people's percentages: what groups are ranked by. */
  averagePercent: number
}

/**
 * Stations or districts by the average of their people's best percentages (the same order
 * as by score when every paper has the same total), then by participation. `sizes` is how many people of the audience each place has; a place with
 * an audience and nobody taking part is listed too, at the bottom, with average 0.
 */
export function groupBoard(
  people: readonly PersonStanding[],
  by: 'station' | 'district',
  sizes: ReadonlyMap<string, number> | null,
  /** The places a person counts at (a deputy at each of his stations, as `sizes` counts him); absent: where the paper was made. */
  placesOf: (p: PersonStanding) => readonly string[] = (p) => {
    const id = by === 'station' ? p.stationId : p.districtId
    return id === null ? [] : [id]
  },
): GroupStanding[] {
  const groups = new Map<string, PersonStanding[]>()
  for (const p of people) for (const id of new Set(placesOf(p))) groups.set(id, [...(groups.get(id) ?? []), p])
  for (const [id, size] of sizes ?? []) if (size > 0 && !groups.has(id)) groups.set(id, [])
  const average = (xs: number[]) => (xs.length ? round(xs.reduce((s, x) => s + x, 0) / xs.length, 2) : 0)
  const rows = [...groups].map(([groupId, members]) => {
    const size = sizes?.get(groupId) ?? null
    return {
      rank: 0,
      groupId,
      participants: members.length,
      audienceSize: size,
      participationRate: size ? round(Math.min(1, members.length / size), 4) : null,
      averageScore: average(members.map((p) => p.score)),
      // From the exact shares, rounded once.
      averagePercent: members.length ? round((members.reduce((s, p) => s + (p.maxScore > 0 ? p.score / p.maxScore : 0), 0) * 100) / members.length, 2) : 0,
    }
  })
  rows.sort((a, b) => b.averagePercent - a.averagePercent || (b.participationRate ?? 0) - (a.participationRate ?? 0) || a.groupId.localeCompare(b.groupId))
  rows.forEach((r, i) => {
    const prev = rows[i - 1]
    r.rank = prev && prev.averagePercent === r.averagePercent && prev.participationRate === r.participationRate ? prev.rank : i + 1
  })
  return rows
}

/**
 * Residents are not named on a board: each gets a number in the order they first started this quiz
 * (群众1号, 群众2号 …), the same on every board and in the export, telling nothing about her account.
 */
export function residentNumbers(attempts: readonly Pick<AttemptRecord, 'personKind' | 'personId' | 'startedAt'>[]): Map<string, number> {
  const numbers = new Map<string, number>()
  const firsts = [...attempts].filter((a) => a.personKind === 'mp_user').sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime())
  for (const a of firsts) if (!numbers.has(a.personId)) numbers.set(a.personId, numbers.size + 1)
  return numbers
}

/** A resident as boards show her: anonymous, yet told apart from the others. */
export const residentLabel = (n: number | undefined) => (n ? `群众${n}号` : '群众')
