import type { Clock } from '../../clock.js'
import { canTransition, type CaseRecord } from '../../domain/case.js'
import { maskPersonalData, MASKS } from '../../domain/pii-mask.js'
import { ConflictError, ForbiddenError, ValidationError } from '../../errors.js'
import type { Store } from '../../store/ports.js'
import { ERASED_RESIDENT } from '../../store/privacy-ports.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import type { AuditTrail } from '../audit.js'
import type { CaseQueries } from '../cases/case-queries.js'
import { caseEvent, staffActor } from '../cases/case-changes.js'
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
  '这是匿名留言，联络站看不到留言人是谁，不能在这里删除这位群众的信息。可以做的：这位群众说的称呼可以用“隐去漏掉的称呼”从这条留言里去掉；要删除全部信息，请这位群众在小程序“我的—我的信息”里点“删除我的信息”，或在微信聊天里给留言小助手发送“删除我的信息”。'

/** The withdrawal note on her open messages when staff erase for her: not her own 群众申请删除个人信息. */
export const STAFF_ERASURE_NOTE = '联络站工作人员按群众本人要求删除个人信息'

/**
 * What 隐去 may take out of a message: one name or 称呼, never her complaint. A 称呼 is a few characters with no digit,
 * punctuation or space ("物业不作为，张主任收钱" and "30" are not); one that stands in many places, or takes much of the
 * text, is a word of the complaint, not a name ("物业不作为" in a message of 26 characters). Said in the dialog too.
 */
export const HIDE_RULES = { minChars: 2, maxChars: 6, maxPlaces: 3, maxShareOfText: 1 / 6 }
const NAME_LIKE = /^[\p{L}]+$/u
const NOT_A_NAME = '只能隐去人名或称呼：'

/** A reason says how she asked: at least 4 characters that are words, not "。" (counted without spaces and punctuation). */
const REASON_MIN_CHARS = 4
const REASON_REFUSED = '请写明是怎么提出的，例如：居民来电要求'

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
   * read from then on — and in its public copy's question (公开选登) when it has one; never the deputy's answer, which
   * is his, not hers. Only a name or 称呼 (HIDE_RULES, words_not_a_name). Her timeline says it was done (she and the
   * deputy read 隐去了 N 处称呼); 操作记录 keeps the words, for the office, who may read the message anyway, to check a
   * wrong hiding. Written only over the message as read (the store's version check): a change made meanwhile is a 409.
   * Refused (words_not_in_message) when the text does not hold them.
   */
  async hideWords(staff: StaffPrincipal, caseId: string, typed: string) {
    const words = typed.trim()
    const c = await this.caseFor(staff, caseId)
    const chars = Array.from(words).length
    if (chars < HIDE_RULES.minChars || chars > HIDE_RULES.maxChars || !NAME_LIKE.test(words))
      throw notAName(`${HIDE_RULES.minChars} 到 ${HIDE_RULES.maxChars} 个字，不能有数字、标点或空格。什么都没有改。`)
    const places = c.text.split(words).length - 1
    if (!places)
      throw new ValidationError(
        '留言里没有找到这几个字，什么都没有改。请照留言里的原样输入（一个字都不能差）。',
        [{ path: 'body.words', message: '留言里没有' }],
        'words_not_in_message',
      )
    if (places > HIDE_RULES.maxPlaces) throw notAName(`这几个字在留言里有 ${places} 处，超过 ${HIDE_RULES.maxPlaces} 处，不像是称呼。什么都没有改。`)
    if (places * chars > Array.from(c.text).length * HIDE_RULES.maxShareOfText)
      throw notAName('隐去的字加起来不能超过留言字数的六分之一，这几个字占得太多了。什么都没有改。')
    const mask = maskFor(words)
    const hide = (text: string) => text.split(words).join(mask)
    const now = this.clock.now()
    const step = caseEvent(c, 'words_hidden', staffActor(staff), now, { data: { places, staffName: staff.name } })
    const entry = this.audit.entry(staff, 'case.words_hidden', { kind: 'case', id: c.id }, { ticket: c.ticket, places, words, mask })
    await this.store.cases.update({ ...c, text: hide(c.text), updatedAt: now }, [step], [], { audit: [entry] })
    // The public copy was masked when published and may have been edited then: the words go wherever they stand in its
    // question, her words. The answer is the deputy's, published as he gave it.
    const published = await this.store.publications.get(c.id)
    if (published && published.question.includes(words)) await this.store.publications.publish({ ...published, question: hide(published.question) })
    return { ticket: c.ticket, places, mask }
  }

  /** What 按本人要求删除其个人信息 will do, said before the clerk confirms it; for an anonymous message, what to offer instead. */
  async erasurePreview(staff: StaffPrincipal, caseId: string): Promise<ErasurePreview> {
    const c = await this.caseFor(staff, caseId)
    if (c.anonymous) return { offered: false, ticket: c.ticket, lines: [ANONYMOUS_ERASURE] }
    await this.residentOf(c)
    const cases = await this.casesOf(c.residentId)
    const open = cases.filter((m) => canTransition('withdraw', m.status))
    // Her messages elsewhere are withdrawn too: the clerk says so before, not only the count.
    const elsewhere = open.filter((m) => m.stationId !== c.stationId).length
    return {
      offered: true,
      ticket: c.ticket,
      lines: [
        `会删除写留言 ${c.ticket} 的居民在本系统里的个人信息，和这位群众本人点“删除我的信息”完全一样，删除后不能恢复。`,
        open.length
          ? `这位群众还没办完的 ${open.length} 条留言会撤回，不再办理${elsewhere ? `（其中 ${elsewhere} 条在其他联络站）` : ''}；已经分给代表的，代表会收到“留言已被群众撤回”的通知。`
          : '这位群众没有还在办理的留言，不用撤回。',
        '这位群众的账号、电话、图片和订阅记录都会清除，会退出登录；留言里的姓名、电话、门牌号等会去掉。',
        `这位群众的 ${cases.length} 条留言、问卷答案和答题成绩留着用于统计，不再与本人关联，统计数字不变。办理记录和操作记录照常保存。`,
      ],
    }
  }

  /**
   * 按本人要求删除其个人信息: PersonalDataErasure.erase, as her own 删除我的信息, audited under the clerk with the
   * reason typed (居民来电/来访要求). Not from an anonymous message (ANONYMOUS_ERASURE), nor twice.
   */
  async erase(staff: StaffPrincipal, caseId: string, typed: string): Promise<ErasureOutcome & { ticket: string }> {
    const reason = typed.trim()
    if ((reason.match(/[\p{L}\p{N}]/gu) ?? []).length < REASON_MIN_CHARS)
      throw new ValidationError(REASON_REFUSED, [{ path: 'body.reason', message: REASON_REFUSED }])
    const c = await this.caseFor(staff, caseId)
    if (c.anonymous) throw new ConflictError(ANONYMOUS_ERASURE, [], 'anonymous_message')
    const resident = await this.residentOf(c)
    const outcome = await this.erasure.erase(
      { kind: 'mp_user', id: resident.id, deputyId: null },
      { staffId: staff.id, caseId: c.id, ticket: c.ticket, reason, withdrawalNote: STAFF_ERASURE_NOTE },
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

/** 隐去 refused: the words are not a name or 称呼, said with the rule they break. */
const notAName = (why: string) => new ValidationError(`${NOT_A_NAME}${why}`, [{ path: 'body.words', message: `${NOT_A_NAME}${why}` }], 'words_not_a_name')

/** pii-mask's own replacement for the words when it recognises them ("老赵大哥" → 某大哥, "老王" → 老某), else 某某. */
export function maskFor(words: string): string {
  const masked = maskPersonalData(words)
  return masked !== words ? masked : MASKS.name
}
