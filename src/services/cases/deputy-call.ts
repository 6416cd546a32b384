import { NotFoundError } from '../../errors.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import type { DirectoryService } from '../directory/directory.js'
import type { CaseRecord } from '../../domain/case.js'
import type { DeputyCall } from './case-deputy-reach.js'

/**
 * Whether she may ring the deputy holding a case, as the directory decides it for 查看电话 (a deputy of her stations,
 * her district's, or any for the city): his number masked, or null when none is on file. A deputy outside her reach
 * is no number to say, not a 404 of the case she may read. Merged, the message's work is done on the other one:
 * nobody to ring about this one.
 */
export async function deputyCall(
  directory: Pick<DirectoryService, 'deputy'>,
  c: Pick<CaseRecord, 'deputyId' | 'mergedInto'>,
  staff: StaffPrincipal,
): Promise<DeputyCall> {
  if (!c.deputyId || c.mergedInto) return null
  try {
    return { phone: (await directory.deputy(staff, c.deputyId)).phoneMasked }
  } catch (err) {
    if (err instanceof NotFoundError) return null
    throw err
  }
}
