import type { Clock } from '../../../clock.js'
import type { CaseDeputyReach } from '../../../services/cases/case-deputy-reach.js'
import type { StaffCaseDetail } from '../../../services/cases/case-queries.js'
import { presentStaffCase } from '../../presenters/cases.js'
import { presentResidentPhoneNote } from '../../presenters/resident-phone-note.js'

/**
 * The case as the console's case page reads it (GET /cases/:id), which every write on that page answers
 * with too: the staff detail, and `deputyNotice`, what the page says beside the deputy when they cannot be
 * reached or the last notice about it failed (words ending in 请电话联系; null otherwise).
 */
export interface StaffCaseAnswerDeps {
  /** Also what became of each 逾期督办's report (escalationsOf): its step says whether the station or office heard of it. */
  deputyReach: Pick<CaseDeputyReach, 'of' | 'escalationsOf'>
  clock: Clock
  timeZone: string
  /** "代表请假至12月5日" for a deputy marked away today (the page says it beside him, for 改派); absent: never said. */
  awayNote?: (c: StaffCaseDetail['case']) => Promise<string | null>
}

export function staffCaseAnswer(deps: StaffCaseAnswerDeps) {
  return async (d: StaffCaseDetail) => {
    const deputyNotice = await deps.deputyReach.of(d.case, d.events, d.names.deputy)
    return {
      ...presentStaffCase(d, { timeZone: deps.timeZone, now: deps.clock.now() }, await deps.deputyReach.escalationsOf(d.case, d.events)),
      deputyNotice,
      deputyAway: deps.awayNote ? await deps.awayNote(d.case) : null,
      /** Beside the masked 留言人电话: that the number is the deputy's alone, and how she is reached (residentPhoneNote); null when nothing to say. */
      phoneNote: presentResidentPhoneNote(d, deputyNotice),
    }
  }
}
