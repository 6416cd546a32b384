import { moveSinceRouting, type Holder } from '../../domain/routing-since.js'
import type { CaseDetail } from '../../services/cases/case-queries.js'

/**
 * 为什么分到这里 shows the reasons of the day the message came in; this sentence says what changed
 * since (the topic corrected, the message in other hands), so that they do not read as a contradiction.
 * Null when nothing did.
 */
export function routingSinceText({ case: c, events, names }: CaseDetail): string | null {
  const changes: string[] = []
  if (events.some((e) => e.type === 'recategorized')) changes.push(`主题后来已更正为「${c.topic}」`)
  const now: Holder = { deputyId: c.deputyId, stationId: c.stationId, officeId: c.stationId ? null : (c.officeRegionId ?? 'city') }
  const move = moveSinceRouting(events, now, c.status)
  const placeName = names.station ?? names.office ?? '联络站'
  if (move?.kind === 'reassigned' || move?.kind === 'assigned') {
    changes.push(`后来已${move.kind === 'reassigned' ? '改派' : '分派'}给 ${names.deputy ?? '其他'}代表`)
  } else if (move?.kind === 'passed' || move?.kind === 'handedUp') {
    changes.push(`后来已${move.kind === 'passed' ? '转给' : '上报'} ${placeName}`)
  } else if (move?.kind === 'returned') {
    changes.push(`后来已交回 ${placeName}${move.waiting ? '，等待重新分派代表' : ''}`)
  }
  return changes.length ? `以上是收到留言时的分派依据；${changes.join('；')}。` : null
}
