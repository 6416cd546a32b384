import { OPEN_STATUSES } from '../../domain/case.js'
import { phonesWrittenIn } from '../../domain/pii-mask.js'
import { residentPhoneNote } from '../../domain/resident-phone-note.js'
import type { StaffCaseDetail } from '../../services/cases/case-queries.js'

/**
 * The case page's line beside the masked 留言人电话 (residentPhoneNote): whether she left a number and wrote one, who
 * handles her message while it is still handled, and whether that deputy can be reached at all (the page's
 * deputyNotice: `reachable: false` when neither the mini-program nor the chat helper reaches him). Null when there is
 * nothing to say.
 */
export function presentResidentPhoneNote(d: StaffCaseDetail, notice: { reachable: boolean } | null): string | null {
  const open = OPEN_STATUSES.includes(d.case.status) && !d.case.mergedInto
  return residentPhoneNote({
    anonymous: d.case.anonymous,
    phoneField: d.phoneMasked !== null,
    phoneInWords: phonesWrittenIn(d.case.text).length > 0,
    open,
    deputy: open && d.case.deputyId ? d.names.deputy : null,
    deputyUnreachable: notice?.reachable === false,
  })
}
