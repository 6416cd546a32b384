import type { Clock } from '../../clock.js'
import { casePhoneRefusal, casePhoneStanding } from '../../domain/case-phone.js'
import { normalizePhone, phoneWord } from '../../domain/phone.js'
import { phoneRefused } from '../phone-refused.js'
import { ConflictError, NotFoundError } from '../../errors.js'
import type { PiiCipher } from '../../security/pii.js'
import type { Store } from '../../store/ports.js'
import type { MpPrincipal } from '../accounts/mp-sessions.js'
import { caseEvent } from '../cases/case-changes.js'
import type { CaseWorkflow } from '../cases/case-workflow.js'

/** What PersonalDataCorrection is built from. */
export interface PersonalDataCorrectionDeps {
  store: Pick<Store, 'audit' | 'cases' | 'mpUsers'>
  cipher: PiiCipher
  clock: Clock
  /** Whether a closed message may still be handled again: while it may, its phone may still be changed. */
  workflow: Pick<CaseWorkflow, 'reopenOffer'>
}

/**
 * Correcting what a person gave (PIPL art. 46): the phone on her account (from WeChat's button or typed), and the contact phone
 * on one of her own messages — changed while someone may still call it (casePhoneStanding), removed (null) at any time.
 * Only her own records: a message of anyone else is "not found", as every other read and write of a resident's.
 */
export class PersonalDataCorrection {
  private readonly store: Pick<Store, 'audit' | 'cases' | 'mpUsers'>
  private readonly cipher: PiiCipher
  private readonly clock: Clock
  private readonly workflow: Pick<CaseWorkflow, 'reopenOffer'>

  constructor(deps: PersonalDataCorrectionDeps) {
    ;({ store: this.store, cipher: this.cipher, clock: this.clock, workflow: this.workflow } = deps)
  }

  /**
   * Changes or removes the phone on her account; `word`, what the number is called to her: the new one's, or
   * the removed one's ("手机号" only for a mobile: a landline she typed is her "电话").
   */
  async accountPhone(person: MpPrincipal, phone: string | null): Promise<{ word: '手机号' | '电话' }> {
    const number = phone === null ? null : valid(phone)
    const user = await this.store.mpUsers.get(person.id)
    if (!user) throw new NotFoundError('用户不存在')
    const before = number === null && user.phoneEnc ? this.cipher.tryDecrypt(user.phoneEnc, person.id) : null
    await this.store.mpUsers.update(person.id, {
      phoneEnc: number ? this.cipher.encrypt(number, person.id) : null,
      phoneIndex: number ? this.cipher.blindIndex(number) : null,
    })
    await this.record(person, 'mp_user', person.id, number !== null)
    return { word: phoneWord(number ?? before) }
  }

  /**
   * The corrected phone of one of her messages, and what it means for her: an anonymous message's phone is never
   * shown to the deputy (case-queries deputyPhone), so she is not told he will call it.
   */
  async casePhone(person: MpPrincipal, caseId: string, phone: string | null): Promise<{ ticket: string; anonymous: boolean }> {
    const number = phone === null ? null : valid(phone)
    const c = await this.store.cases.get(caseId)
    if (!c || c.residentId !== person.id) throw new NotFoundError('留言不存在')
    const standing = casePhoneStanding(c, this.workflow.reopenOffer(c))
    if (number !== null && !standing.canChange) {
      // A merged message is "closed" while the work goes on under the other one, whose phone is the one used.
      const carrierTicket = c.mergedInto ? ((await this.store.cases.get(c.mergedInto))?.ticket ?? null) : null
      throw new ConflictError(casePhoneRefusal(standing, { status: c.status, carrierTicket }), [], standing.why === 'merged' ? 'case_merged' : 'case_ended')
    }
    const now = this.clock.now()
    // A step in its history, without the number: the deputy who noted the old one sees that it changed.
    const step = caseEvent(c, 'phone_corrected', { role: 'resident', id: person.id }, now)
    await this.store.cases.update({ ...c, phoneEnc: number ? this.cipher.encrypt(number, c.id) : null, updatedAt: now }, [step], [])
    await this.record(person, 'case', c.id, number !== null)
    return { ticket: c.ticket, anonymous: c.anonymous }
  }

  /** On record without the number: who changed which phone, and when (the deputy may have called the old one). */
  private record(person: MpPrincipal, targetKind: 'mp_user' | 'case', targetId: string, kept: boolean) {
    return this.store.audit.append({
      at: this.clock.now(),
      actorKind: 'mp_user',
      actorId: person.id,
      action: 'privacy.phone_corrected',
      targetKind,
      targetId,
      details: { removed: !kept },
    })
  }
}

function valid(phone: string) {
  const number = normalizePhone(phone)
  // The mini-program shows the field's words: what she typed and what to type instead (a landline with its area code too).
  if (!number) throw phoneRefused(phone)
  return number
}
