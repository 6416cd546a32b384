/**
 * Quiz leaderboards (排行榜): people by their best attempt (score, then time), and
 * stations and districts by average score and participation against their audience size.
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
  /** Time taken by the best attempt. */
  durationMs: number
  finishedAt: Date
  attempts: number
}

const duration = (a: AttemptRecord) => (a.finishedAt ?? a.deadline).getTime() - a.startedAt.getTime()

/** Higher score first; at the same score the quicker one, then the earlier one. */
const better = (a: AttemptRecord, b: AttemptRecord) =>
  (b.score ?? 0) - (a.score ?? 0) || duration(a) - duration(b) || (a.finishedAt?.getTime() ?? 0) - (b.finishedAt?.getTime() ?? 0)

/**
 * Each person once, by their best finished attempt. Equal score and time share a rank
 * (1, 1, 3), so nobody is placed below someone who did exactly as well.
 */
export function peopleBoard(attempts: readonly AttemptRecord[]): PersonStanding[] {
  const best = new Map<string, { attempt: AttemptRecord; count: number }>()
  for (const a of attempts) {
    if (a.status === 'open') continue
    const key = `${a.personKind}:${a.personId}`
    const seen = best.get(key)
    if (!seen) best.set(key, { attempt: a, count: 1 })
    else best.set(key, { attempt: better(a, seen.attempt) < 0 ? a : seen.attempt, count: seen.count + 1 })
  }
  const sorted = [...best.values()].sort((x, y) => better(x.attempt, y.attempt) || x.attempt.personId.localeCompare(y.attempt.personId))
  const out: PersonStanding[] = []
  sorted.forEach(({ attempt: a, count }, i) => {
    const prev = out[i - 1]
    const tied = prev && prev.score === (a.score ?? 0) && prev.durationMs === duration(a)
    out.push({
      rank: tied ? prev.rank : i + 1, personKind: a.personKind, personId: a.personId, stationId: a.stationId, districtId: a.districtId,
      score: a.score ?? 0, maxScore: a.maxScore, durationMs: duration(a), finishedAt: a.finishedAt ?? a.deadline, attempts: count,
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
}

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places

/**
 * Stations or districts by the average of their people's best scores, then by
 * participation. `sizes` is how many people of the audience each place has; a place with
 * an audience and nobody taking part is listed too, at the bottom, with average 0.
 */
export function groupBoard(people: readonly PersonStanding[], by: 'station' | 'district', sizes: ReadonlyMap<string, number> | null): GroupStanding[] {
  const groups = new Map<string, number[]>()
  for (const p of people) {
    const id = by === 'station' ? p.stationId : p.districtId
    if (id === null) continue
    groups.set(id, [...(groups.get(id) ?? []), p.score])
  }
  for (const [id, size] of sizes ?? []) if (size > 0 && !groups.has(id)) groups.set(id, [])
  const rows = [...groups].map(([groupId, scores]) => {
    const size = sizes?.get(groupId) ?? null
    return {
      rank: 0, groupId, participants: scores.length, audienceSize: size,
      participationRate: size ? round(Math.min(1, scores.length / size), 4) : null,
      averageScore: scores.length ? round(scores.reduce((s, x) => s + x, 0) / scores.length, 2) : 0,
    }
  })
  rows.sort((a, b) => b.averageScore - a.averageScore || (b.participationRate ?? 0) - (a.participationRate ?? 0) || a.groupId.localeCompare(b.groupId))
  rows.forEach((r, i) => {
    const prev = rows[i - 1]
    r.rank = prev && prev.averageScore === r.averageScore && prev.participationRate === r.participationRate ? prev.rank : i + 1
  })
  return rows
}
