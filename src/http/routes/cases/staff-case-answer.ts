import type { Clock } from '../../../clock.js'
import type { StaffPrincipal } from '../../../services/accounts/principal.js'
import type { CaseDeputyReach } from '../../../services/cases/case-deputy-reach.js'
import { deputyCall } from '../../../services/cases/deputy-call.js'
import type { StaffCaseDetail } from '../../../services/cases/case-queries.js'
import type { DirectoryService } from '../../../services/directory/directory.js'
import { presentStaffCase } from '../../presenters/cases.js'
import { presentResidentPhoneNote } from '../../presenters/resident-phone-note.js'

/**
 * The case as the console's case page reads it (GET /cases/:id), which every write on that page answers
 * with too: the staff detail, and `deputyNotice`, what the page says beside the deputy when they cannot be
 * reached or the last notice about it failed (words ending in the number to ring, or 请电话联系; null otherwise).
 */
export interface StaffCaseAnswerDeps {
  /** Also what became of each 逾期督办's report (escalationsOf): its step says whether the station or office heard of it. */
  deputyReach: Pick<CaseDeputyReach, 'of' | 'escalationsOf'>
  clock: Clock
  timeZone: string
  /** "代表请假至12月5日" for a deputy marked away today (the page says it beside him, for 改派); absent: never said. */
  awayNote?: (c: StaffCaseDetail['case']) => Promise<string | null>
  /**
   * The directory's own rule for whose deputies a staff member reads (and may ring: 查看电话). Required: left out by
   * mistake, the page would drop his number (请打电话告诉张伟代表（电话 …）, 查看电话) with nothing to tell it was missing.
   */
  directory: Pick<DirectoryService, 'deputy'>
}

export function staffCaseAnswer(deps: StaffCaseAnswerDeps) {
  return async (d: StaffCaseDetail, staff?: StaffPrincipal) => {
    const call = staff ? await deputyCall(deps.directory, d.case, staff) : null
    const deputyNotice = await deps.deputyReach.of(d.case, d.events, d.names.deputy, call)
    return {
      ...presentStaffCase(d, { timeZone: deps.timeZone, now: deps.clock.now() }, await deps.deputyReach.escalationsOf(d.case, d.events)),
      deputyNotice,
      deputyAway: deps.awayNote ? await deps.awayNote(d.case) : null,
      /** Beside the masked 留言人电话: that the number is the deputy's alone, and how she is reached (residentPhoneNote); null when nothing to say. */
      phoneNote: presentResidentPhoneNote(d, deputyNotice),
      /**
       * Under 办理代表: the deputy's number, masked (查看电话 reads it whole, recorded: GET /deputies/:id/phone), `phone` null
       * when none is on file; null when no deputy holds it here or his number is not hers to read. Staff only: never residents'.
       */
      deputyPhone: call && d.case.deputyId ? { deputyId: d.case.deputyId, phone: call.phone } : null,
    }
  }
}
