import type { Clock } from '../../clock.js'
import { canTransition, type CaseRecord } from '../../domain/case.js'
import { maskPersonalData, MASKS } from '../../domain/pii-mask.js'
import { ConflictError, ForbiddenError, ValidationError } from '../../errors.js'
import type { Store } from '../../store/ports.js'
import { ERASED_RESIDENT } from '../../store/privacy-ports.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import type { AuditTrail } from '../audit.js'
import type { CaseQueries } from '../cases/case-queries.js'
import type { ErasureOutcome, PersonalDataErasure } from './personal-data-erasure.js'

/**
 * What the privacy notice promises she may ask of the 联络站 (“也可以联系联络站”, “如有发现，请联系联络站处理”), done by
 * a clerk on the message she phones or comes in about: a name or 称呼 the masking missed hidden from her message, and
 * her personal information deleted — the very erasure her own 删除我的信息 runs. Scoped as reading the message is: a
 * message the clerk may not read is not found, and nothing changes.
 */
export interface OfficePrivacyRequestsDeps {
  store: Pick<Store, 'cases' | 'mpUsers' | 'privacy' | 'publications'>
  queries: Pick<CaseQueries, 'forStaff'>
  erasure: Pick<PersonalDataErasure, 'erase'>
  audit: Pick<AuditTrail, 'entry'>
  clock: Clock
}

/** Who may act for a resident: the congress's own staff, never a handling unit's (they never see who wrote). */
const ACTING_ROLES = new Set(['station_staff', 'organizer', 'admin'])

/** What the clerk tells a resident of an anonymous message, whom the office cannot know (never who she is). */
export const ANONYMOUS_ERASURE =
  '这是匿名留言，联络站看不到留言人是谁，不能在这里删除她的信息。可以做的：她说的称呼可以用“隐去漏掉的称呼”从这条留言里去掉；要删除她的全部信息，请她在小程序“我的—我的信息”里点“删除我的信息”，或在微信聊天里给留言小助手发送“删除我的信息”。'

export interface ErasurePreview {
  /** Whether the clerk may erase for her from this message (false: anonymous; `lines` say what to tell her instead). */
  offered: boolean
  ticket: string
  /** What happens, one sentence a line, in the words the confirmation shows. */
  lines: string[]
}

export class OfficePrivacyRequests {
  private readonly store: OfficePrivacyRequestsDeps['store']
  private readonly queries: OfficePrivacyRequestsDeps['queries']
  private readonly erasure: OfficePrivacyRequestsDeps['erasure']
  private readonly audit: OfficePrivacyRequestsDeps['audit']
  private readonly clock: Clock

  constructor(deps: OfficePrivacyRequestsDeps) {
    ;({ store: this.store, queries: this.queries, erasure: this.erasure, audit: this.audit, clock: this.clock } = deps)
  }

  /**
   * 隐去漏掉的称呼: every place `words` stand in the message's text replaced by pii-mask's own shape for them ("老赵大哥"
   * → 某大哥, else 某某), in the message itself — what the deputy, the station and every list and notice made from it
   * read from then on — and in its public copy (公开选登) when it has one. Audited without the words themselves.
   * Refused (words_not_in_message) when the text does not hold them.
   */
  async hideWords(staff: StaffPrincipal, caseId: string, words: string) {
    const c = await this.caseFor(staff, caseId)
    const places = c.text.split(words).length - 1
    if (!places)
      throw new ValidationError(
        '留言里没有找到这几个字，什么都没有改。请照留言里的原样输入（一个字都不能差）。',
        [{ path: 'body.words', message: '留言里没有' }],
        'words_not_in_message',
      )
    const mask = maskFor(words)
    const hide = (text: string) => text.split(words).join(mask)
    const entry = this.audit.entry(staff, 'case.words_hidden', { kind: 'case', id: c.id }, { ticket: c.ticket, places })
    await this.store.cases.update({ ...c, text: hide(c.text), updatedAt: this.clock.now() }, [], [], { audit: [entry] })
    // The public copy was masked when published and may have been edited then: the words go wherever they stand in it.
    const published = await this.store.publications.get(c.id)
    if (published && (published.question.includes(words) || published.answer.includes(words)))
      await this.store.publications.publish({ ...published, question: hide(published.question), answer: hide(published.answer) })
    return { ticket: c.ticket, places, mask }
  }

  /** What 按本人要求删除其个人信息 will do, said before the clerk confirms it; for an anonymous message, what to offer instead. */
  async erasurePreview(staff: StaffPrincipal, caseId: string): Promise<ErasurePreview> {
    const c = await this.caseFor(staff, caseId)
    if (c.anonymous) return { offered: false, ticket: c.ticket, lines: [ANONYMOUS_ERASURE] }
    await this.residentOf(c)
    const cases = await this.casesOf(c.residentId)
    const open = cases.filter((m) => canTransition('withdraw', m.status)).length
    return {
      offered: true,
      ticket: c.ticket,
      lines: [
        `会删除写留言 ${c.ticket} 的居民在本系统里的个人信息，和她本人点“删除我的信息”完全一样，删除后不能恢复。`,
        open ? `她还没办完的 ${open} 条留言会撤回，不再办理；已经分给代表的，代表会收到“留言已被群众撤回”的通知。` : '她没有还在办理的留言，不用撤回。',
        '她的账号、电话、图片和订阅记录都会清除，她会退出登录；留言里她的姓名、电话、门牌号等会去掉。',
        `她的 ${cases.length} 条留言、问卷答案和答题成绩留着用于统计，不再与她关联，统计数字不变。办理记录和操作记录照常保存。`,
      ],
    }
  }

  /**
   * 按本人要求删除其个人信息: PersonalDataErasure.erase, as her own 删除我的信息, audited under the clerk with the
   * reason typed (居民来电/来访要求). Not from an anonymous message (ANONYMOUS_ERASURE), nor twice.
   */
  async erase(staff: StaffPrincipal, caseId: string, reason: string): Promise<ErasureOutcome & { ticket: string }> {
    const c = await this.caseFor(staff, caseId)
    if (c.anonymous) throw new ConflictError(ANONYMOUS_ERASURE, [], 'anonymous_message')
    const resident = await this.residentOf(c)
    const outcome = await this.erasure.erase(
      { kind: 'mp_user', id: resident.id, deputyId: null },
      { staffId: staff.id, caseId: c.id, ticket: c.ticket, reason },
    )
    return { ...outcome, ticket: c.ticket }
  }

  private async caseFor(staff: StaffPrincipal, caseId: string): Promise<CaseRecord> {
    if (!ACTING_ROLES.has(staff.role)) throw new ForbiddenError('只有联络站和人大办的工作人员可以办理居民的个人信息要求', 'forbidden')
    return (await this.queries.forStaff(staff, caseId)).case
  }

  /** The account that wrote the message, while it still holds anything of her. */
  private async residentOf(c: CaseRecord) {
    const gone = () => new ConflictError('写这条留言的居民的个人信息已经删除了，不用再删。', [], 'already_erased')
    if (c.residentId === ERASED_RESIDENT) throw gone()
    const user = await this.store.mpUsers.get(c.residentId)
    if (!user || (await this.store.privacy.erasedAt(user.id))) throw gone()
    // A deputy's bound account holds his work too: only he may empty it, in his own 我的信息.
    if (user.deputyId)
      throw new ConflictError('这条留言是用人大代表绑定的账号写的，不能在这里删除；请代表本人在小程序“我的—我的信息”里删除。', [], 'resident_is_deputy')
    return user
  }

  private async casesOf(residentId: string) {
    const all: CaseRecord[] = []
    let cursor: string | null = null
    do {
      const page = await this.store.cases.search({ residentId, limit: 100, cursor })
      all.push(...page.items)
      cursor = page.nextCursor
    } while (cursor)
    return all
  }
}

/** pii-mask's own replacement for the words when it recognises them ("老赵大哥" → 某大哥, "老王" → 老某), else 某某. */
export function maskFor(words: string): string {
  const masked = maskPersonalData(words)
  return masked !== words ? masked : MASKS.name
}
