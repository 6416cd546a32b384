import type { StaffRole } from './directory.js'
import type { QuizPersonKind, QuizRecord } from './quiz.js'
import { stationInScope } from './campaign.js'

/** Who answers a quiz: a deputy as the deputy, whichever account they use (mini-program or bot); anyone else as themselves. */
export const quizPersonOf = (p: { id: string; deputyId: string | null }): { kind: QuizPersonKind; id: string } =>
  p.deputyId ? { kind: 'deputy', id: p.deputyId } : { kind: 'mp_user', id: p.id }

/** The directory as a quiz's notice needs it: people with their stations, and each station's district. */
export interface QuizNoticeDirectory {
  deputies: readonly { id: string; stationIds: string[]; active?: boolean }[]
  staff: readonly { id: string; role: StaffRole; stationIds: string[]; active?: boolean }[]
  stationDistrict: ReadonlyMap<string, string | null>
  /** Each station's street, for a street's quiz (absent: districts only). */
  stationStreet?: ReadonlyMap<string, string | null>
}

/**
 * Who a quiz's notice goes to: the deputies (audience deputies or everyone) or the station
 * staff (audience staff) within its districts or streets (all when it is the whole city's). Residents
 * cannot be listed one by one: they hear through the campaign they follow.
 */
export function quizRecipients(q: Pick<QuizRecord, 'audience' | 'scopeDistrictIds'>, dir: QuizNoticeDirectory): { kind: 'deputy' | 'staff'; id: string }[] {
  if (q.audience === 'residents') return []
  const within = (stationIds: string[]) => stationIds.some((s) => stationInScope(s, dir, q.scopeDistrictIds)) || !q.scopeDistrictIds.length
  if (q.audience === 'staff')
    return dir.staff.filter((s) => s.active !== false && s.role === 'station_staff' && within(s.stationIds)).map((s) => ({ kind: 'staff', id: s.id }))
  // A deputy who has left office is not invited (absent `active`: in office).
  return dir.deputies.filter((d) => d.active !== false && within(d.stationIds)).map((d) => ({ kind: 'deputy', id: d.id }))
}
