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
 * Whether she has withdrawn her agreement (or never gave one): agreed to no version at all. What she began under an
 * agreement (a quiz paper) is refused only then, not because the notice gained a version meanwhile.
 */
export async function hasWithdrawn(person: MpPrincipal, mpUsers: Pick<Store['mpUsers'], 'get'>): Promise<boolean> {
  const version = person.consentVersion !== undefined ? person.consentVersion : (await mpUsers.get(person.id))?.consentVersion
  return !version
}

const consentRequired = (noticeVersion: string) =>
  new UnprocessableError('请先阅读并同意个人信息保护说明', [{ path: 'consent', message: `需要同意第 ${noticeVersion} 版说明` }], 'consent_required')

/**
 * Refuses, changing nothing, one who has not agreed to the notice as it reads now: the same 422 consent_required a
 * message gets (CaseSubmitter), so the mini-program shows the notice the same way wherever it is asked.
 */
export async function requireConsent(person: MpPrincipal, noticeVersion: string, mpUsers: Pick<Store['mpUsers'], 'get'>): Promise<void> {
  if (await hasAgreed(person, noticeVersion, mpUsers)) return
  throw consentRequired(noticeVersion)
}

/**
 * Refuses, changing nothing, one who withdrew her agreement: for what she began while she agreed (a quiz paper). A
 * notice that changed meanwhile does not hold it back: she agreed to what the paper keeps when she began it, and being
 * asked again at 交卷 could cost her the paper once its time runs out.
 */
export async function requireNotWithdrawn(person: MpPrincipal, noticeVersion: string, mpUsers: Pick<Store['mpUsers'], 'get'>): Promise<void> {
  if (await hasWithdrawn(person, mpUsers)) throw consentRequired(noticeVersion)
}
