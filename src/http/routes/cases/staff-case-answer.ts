import type { Clock } from '../../../clock.js'
import type { CaseDeputyReach } from '../../../services/cases/case-deputy-reach.js'
import type { StaffCaseDetail } from '../../../services/cases/case-queries.js'
import { presentStaffCase } from '../../presenters/cases.js'

/**
 * The case as the console's case page reads it (GET /cases/:id), which every write on that page answers
 * with too: the staff detail, and `deputyNotice`, what the page says beside the deputy when they cannot be
 * reached or the last notice about it failed (words ending in 请电话联系; null otherwise).
 */
export interface StaffCaseAnswerDeps {
  deputyReach: Pick<CaseDeputyReach, 'of'>
  clock: Clock
  timeZone: string
  /** "代表请假至12月5日" for a deputy marked away today (the page says it beside him, for 改派); absent: never said. */
  awayNote?: (c: StaffCaseDetail['case']) => Promise<string | null>
}

export function staffCaseAnswer(deps: StaffCaseAnswerDeps) {
  return async (d: StaffCaseDetail) => ({
    ...presentStaffCase(d, { timeZone: deps.timeZone, now: deps.clock.now() }),
    deputyNotice: await deps.deputyReach.of(d.case, d.events, d.names.deputy),
    deputyAway: deps.awayNote ? await deps.awayNote(d.case) : null,
  })
}
