import { UnprocessableError } from '../../errors.js'
import type { Store } from '../../store/ports.js'
import type { MpPrincipal } from '../accounts/mp-sessions.js'

/**
 * Whether the person agreed to the notice as it reads now. The session read her row for this request
 * (MpPrincipal.consentVersion); a principal made otherwise has it read here.
 */
export async function hasAgreed(person: MpPrincipal, noticeVersion: string, mpUsers: Pick<Store['mpUsers'], 'get'>): Promise<boolean> {
  const version = person.consentVersion !== undefined ? person.consentVersion : (await mpUsers.get(person.id))?.consentVersion
  return version === noticeVersion
}

/**
 * Refuses, changing nothing, one who has not agreed to the notice as it reads now: the same 422 consent_required a
 * message gets (CaseSubmitter), so the mini-program shows the notice the same way wherever it is asked.
 */
export async function requireConsent(person: MpPrincipal, noticeVersion: string, mpUsers: Pick<Store['mpUsers'], 'get'>): Promise<void> {
  if (await hasAgreed(person, noticeVersion, mpUsers)) return
  throw new UnprocessableError('请先阅读并同意个人信息保护说明', [{ path: 'consent', message: `需要同意第 ${noticeVersion} 版说明` }], 'consent_required')
}
