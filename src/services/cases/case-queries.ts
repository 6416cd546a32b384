import type { Clock } from '../../clock.js'
import { OPEN_STATUSES, STATUS_LABELS, type CaseEvent, type CaseRecord, type CaseStatus } from '../../domain/case.js'
import { canSeeCase } from '../../domain/case-access.js'
import { heldOnce } from '../../domain/case-refusals.js'
import { urgedCaseIds, urgeStanding } from '../../domain/case-urging.js'
import { handUpDistrict, staffCaseActions } from '../../domain/case-staff-actions.js'
import { officeName, officesInScope, shortOfficeName } from '../../domain/office-name.js'
import { scopeKind } from '../../domain/staff-scope.js'
import { numberElsewhereText, parseCaseSearch, shortNumberSearch, type ShortNumberSearch } from '../../domain/case-search.js'
import { phonesWrittenIn } from '../../domain/pii-mask.js'
import { contentGrams, mostSimilar, type ContentGrams } from '../../domain/similarity.js'
import { ConflictError, ForbiddenError, NotFoundError } from '../../errors.js'
import { maskPhone, type PiiCipher } from '../../security/pii.js'
import type { CaseQuery, Page, Store } from '../../store/ports.js'
import type { AuditTrail } from '../audit.js'
import type { DirectoryCache } from '../directory/directory-cache.js'
import type { MpPrincipal } from '../accounts/mp-sessions.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import { carrierOf, handedAwayMatches, type HandedUpMatch } from './case-whereabouts.js'
import { handedOnByHimself, handedOnList, handedToHim, notHisNowSaid } from './deputy-hand-ons.js'
import { caseScope, filterQuery, shortNumberOf, type CaseFilters } from './case-filters.js'
import { caseDetail, type CaseDetail, type StaffCaseDetail } from './case-detail.js'
import { deputyOpened } from './holder-heard.js'

// Where a message went is read in case-whereabouts.ts; this name stays importable from here.
export type { HandedUpMatch }
// The lists' filters are read in case-filters.ts, a case's page put together in case-detail.ts; these names stay importable from here.
export { CASE_IDS_MAX, type CaseFilters } from './case-filters.js'
export type { CaseDetail, StaffCaseDetail } from './case-detail.js'

/** What CaseQueries is built from (one object: the parameters are many). */
export interface CaseQueriesDeps {
  store: Pick<Store, 'cases' | 'deputies' | 'staff' | 'audit'>
  directory: DirectoryCache
  cipher: PiiCipher
  audit: AuditTrail
  clock: Clock
  /** The business time zone: a day's one 催办 is counted by its calendar, not the browser's. */
  timeZone: string
  similar: { windowDays: number; threshold: number }
  /** Turns a stored image URL into a short-lived link: only callers who may see the case get one. */
  images?: { signedLink(url: string, now: Date): string } | null
}

/**
 * Reading cases, each caller only their own: residents their messages, deputies what is
 * assigned to them, station staff their station's, organizers their district's.
 */
export class CaseQueries {
  private readonly store: Pick<Store, 'cases' | 'deputies' | 'staff' | 'audit'>
  private readonly directory: DirectoryCache
  private readonly cipher: PiiCipher
  private readonly audit: AuditTrail
  private readonly clock: Clock
  private readonly timeZone: string
  private readonly similar: { windowDays: number; threshold: number }
  /** Turns a stored image URL into a short-lived link: only callers who may see the case get one. */
  private readonly images: { signedLink(url: string, now: Date): string } | null

  constructor(deps: CaseQueriesDeps) {
    ;({
      store: this.store,
      directory: this.directory,
      cipher: this.cipher,
      audit: this.audit,
      clock: this.clock,
      timeZone: this.timeZone,
      similar: this.similar,
      images: this.images = null,
    } = deps)
  }

  residentCases(resident: MpPrincipal, page: { cursor?: string; limit: number; statuses?: CaseStatus[] }) {
    return this.store.cases.search({ ...page, residentId: resident.id })
  }

  /**
   * Her messages for her list (我的留言), each with the name of the deputy who has it, as her message's page
   * names him (`detail`): the list says the same sentence of where it stands. Names come from the directory
   * at hand, not a read per line.
   */
  async residentCaseList(resident: MpPrincipal, page: { cursor?: string; limit: number }): Promise<Page<{ case: CaseRecord; deputy: string | null }>> {
    const [found, prepared] = await Promise.all([this.residentCases(resident, page), this.directory.prepared()])
    const deputyOf = (c: CaseRecord) => (c.deputyId ? (prepared.deputies.get(c.deputyId)?.name ?? null) : null)
    return { items: found.items.map((c) => ({ case: c, deputy: deputyOf(c) })), nextCursor: found.nextCursor }
  }

  /**
   * A deputy's messages: by default the open ones, nearest deadline first; `done`, those they
   * answered, that are closed, or that left their hands withdrawn or refused (我办过的留言), newest
   * first: a resident who rings about a message they took back is found there too.
   */
  deputyInbox(deputy: MpPrincipal, query: { status?: CaseStatus | 'done'; cursor?: string; limit: number }) {
    if (!deputy.deputyId) return Promise.resolve<Page<CaseRecord>>({ items: [], nextCursor: null })
    const page = { cursor: query.cursor, limit: query.limit, deputyId: deputy.deputyId }
    if (query.status === 'done') return this.store.cases.search({ ...page, statuses: ['replied', 'closed', 'withdrawn', 'rejected'], order: 'newest' })
    const statuses: CaseStatus[] = query.status ? [query.status] : ['assigned', 'acknowledged', 'forwarded', 'reopened']
    return this.store.cases.search({ ...page, statuses, order: 'due' })
  }

  /** 已转出: the messages this deputy handed on himself and holds no longer, newest first, with where they went (handedOnList). */
  deputyHandedOn(deputy: MpPrincipal, page: { cursor?: string; limit: number }) {
    if (!deputy.deputyId) return Promise.resolve({ items: [], nextCursor: null })
    return handedOnList(this.store, this.directory, deputy.deputyId, page)
  }

  /** Of a deputy's open cases, the new ones a colleague handed him (转交), by name: the bot's 待办 says so, as his 我的待办 does. */
  handedToHim(deputyId: string, cases: readonly CaseRecord[]) {
    return handedToHim(this.store, deputyId, cases)
  }

  /** Of a deputy's open cases, those the station pressed him on (催办) in their current round, in one read for all: the bot's 待办 marks them. */
  async urgedOf(deputyId: string, cases: readonly CaseRecord[]): Promise<Set<string>> {
    return urgedCaseIds(await this.store.cases.latestUrges(cases.map((c) => c.id)), deputyId)
  }

  async staffCases(staff: StaffPrincipal, filters: CaseFilters, page: { cursor?: string; limit: number; order?: 'newest' | 'due' }) {
    return this.store.cases.search({ ...page, ...(await this.scopedFilter(staff, filters)) })
  }

  /**
   * The caller's filters within what they may see: a filter narrows the scope, never
   * widens it (station staff asking for another station's cases get none).
   */
  async scopedFilter(staff: StaffPrincipal, filters: CaseFilters): Promise<Partial<CaseQuery>> {
    const scope = await this.scope(staff)
    const wanted = await this.filterQuery(filters)
    const query: Partial<CaseQuery> = { ...wanted, ...scope }
    if (scope.stationIds && wanted.stationIds) query.stationIds = wanted.stationIds.filter((id) => scope.stationIds!.includes(id))
    if (scope.districtIds && wanted.districtIds) query.districtIds = wanted.districtIds.filter((id) => scope.districtIds!.includes(id))
    return query
  }

  /**
   * The cases a staff member may see, as a store filter (canSeeCase's rule; caseScope in case-filters.ts).
   */
  async scope(staff: StaffPrincipal): Promise<Pick<CaseQuery, 'stationIds' | 'districtIds' | 'districtsOrStations'>> {
    return caseScope(this.directory, staff)
  }

  /** A console user as canSeeCase judges them (a street organizer: with their street's stations). */
  viewerOf(staff: StaffPrincipal) {
    return this.directory.caseViewer(staff)
  }

  /** The store filter a list's filters ask for, before the caller's scope (filterQuery in case-filters.ts). */
  async filterQuery(f: CaseFilters): Promise<Partial<CaseQuery>> {
    return filterQuery(f, this.directory, this.clock.now(), this.timeZone)
  }

  /**
   * The days and tickets a short number ("0002") of the search box stands for, counted from today
   * in the business time zone as tickets are dated; null for any other search.
   */

  shortNumberSearch(q: string | undefined): ShortNumberSearch | null {
    return shortNumberOf(q, this.clock.now(), this.timeZone)
  }

  /**
   * The messages a ticket or short number of the search box names that the clerk's station handed up
   * (上报) or that moved to another station since, and she can no longer open: she handled them, so
   * where they went (and a handed-up one's standing) are hers to know, never their content nor another
   * station's (case-whereabouts.ts). Station staff only, and with the first page of a number search, or
   * a later one the console `asks` it with (a page it comes back to, from a message or on reload, has
   * not got the note): it reads the timeline of each such message (up to 90 for a short number), so
   * paging on through the list does not read them again, and a search by words reads none.
   */
  async handedUpMatches(staff: StaffPrincipal, q: string | undefined, page: { cursor?: string; asks?: boolean } = {}): Promise<HandedUpMatch[]> {
    if (staff.role !== 'station_staff' || (page.cursor && !page.asks) || !q) return []
    const search = parseCaseSearch(q)
    const tickets = 'ticket' in search ? [search.ticket] : 'shortNumber' in search ? this.shortNumberSearch(q)!.tickets : []
    if (!tickets.length) return []
    return handedAwayMatches(this.store, await this.directory.prepared(), await this.viewerOf(staff), staff.stationIds, tickets)
  }

  /**
   * For a clerk or an organizer of some districts or streets whose number search found nothing in her scope (nor a
   * message her station handed on, `handedAway`): the words saying that a message with that number is another station's
   * or office's when one is, else null. Only how many exist is read (the tickets' unique index), never which or what
   * they say. The first page only, as handedUpMatches. The city's office and admins see every message: never asked.
   */
  async numberElsewhere(staff: StaffPrincipal, q: string | undefined, page: { cursor?: string; found: boolean; handedAway: boolean }): Promise<string | null> {
    if (scopeKind(staff) === 'city' || page.cursor || page.found || page.handedAway || !q) return null
    const search = parseCaseSearch(q)
    const short = 'shortNumber' in search ? this.shortNumberSearch(q)! : null
    const tickets = 'ticket' in search ? [search.ticket] : short ? short.tickets : []
    if (!tickets.length) return null
    // More with these numbers in the whole store than in her scope (the list's other filters may hide one of hers): one is another's.
    const [all, hers] = await Promise.all([
      this.store.cases.countUpTo({ tickets }, tickets.length),
      this.store.cases.countUpTo({ tickets, ...(await this.scope(staff)) }, tickets.length),
    ])
    if (all <= hers) return null
    const whose = staff.role === 'station_staff' ? 'station' : 'region'
    return numberElsewhereText(short ? short.number : tickets[0], short ? short.days : null, whose)
  }

  /** Who holds the messages at an office that she sees (officesInScope), short as the inbox's filter names it; null when she sees none. */
  async officesSeenBy(staff: StaffPrincipal): Promise<string | null> {
    const name = officesInScope(await this.scope(staff), await this.directory.prepared())
    return name && shortOfficeName(name)
  }

  async forResident(resident: MpPrincipal, caseId: string) {
    return this.detail(await this.visible(caseId, (c) => canSeeCase(resident, c)))
  }

  /** The resident's view of a case they have just written, from what was written: nothing is read back. */
  async justSubmitted(resident: MpPrincipal, submitted: { record: CaseRecord; events: CaseEvent[] }) {
    if (!canSeeCase(resident, submitted.record)) throw new NotFoundError('留言不存在')
    return this.detail(submitted.record, submitted.events)
  }

  async forDeputy(deputy: MpPrincipal, caseId: string) {
    const c = await this.deputyCase(deputy, caseId)
    if (deputy.deputyId) await this.noteOpened(c, deputy.deputyId, deputy.id)
    const detail = await this.detail(c)
    // A chat resident is never asked for a phone field: the number she wrote in her words is the one he calls back
    // on (打电话给群众 reads it as revealPhone does, audited), shown masked here as a phone field is.
    if (detail.phoneMasked !== null || c.anonymous) return detail
    return { ...detail, phoneMasked: maskPhone(phonesWrittenIn(c.text)[0] ?? null) }
  }

  /**
   * His first opening of a message he holds, on record (case.opened): having read it, he has heard of it even before its
   * 分派 notice went out, so a move away from him later tells him so (deputyHeardOf) rather than losing it without a word.
   */
  private async noteOpened(c: CaseRecord, deputyId: string, mpUserId: string) {
    if (await deputyOpened(this.store, c, deputyId)) return
    await this.audit.record(null, 'case.opened', { kind: 'case', id: c.id }, { deputyId, mpUserId })
  }

  /**
   * A case the deputy holds now. One he held once and that was taken from him since (a notice he opens
   * later, 打电话 on a page left open) is refused in the words of that move (case_not_his), not
   * "留言不存在": nothing he did not know already, only that it is no longer his. Any other: not found.
   */
  private async deputyCase(deputy: MpPrincipal, caseId: string) {
    const c = await this.store.cases.get(caseId)
    if (c && canSeeCase(deputy, c, true)) return c
    const events = c && deputy.deputyId ? await this.store.cases.events(c.id) : []
    // Handed on by himself to a colleague who has it still: said as his own move, by the colleague's name. One he handed
    // on himself (to anyone) is in his 已转出: the details say so (handedOnByYou), for his page's link there.
    if (c && deputy.deputyId && heldOnce(events, deputy.deputyId)) {
      const handedOn = handedOnByHimself(events, deputy.deputyId) ? [{ path: 'handedOnByYou', message: 'true' }] : []
      throw new ForbiddenError(await notHisNowSaid(this.store, this.directory, deputy.deputyId, c, events), 'case_not_his', handedOn)
    }
    throw new NotFoundError('留言不存在')
  }

  /**
   * The message a deputy has just handed on (转交), for the answer to that move: the workflow checked
   * he held it; read again afterwards, it is no longer his (forDeputy: case_not_his).
   */
  async handedOn(moved: CaseRecord) {
    return this.detail(moved)
  }

  /**
   * The console's case page: with the duplicates merged into it (only those this staff member may
   * read, as any case), and whether it may be urged now. Its 相似留言 are the 合并 dialog's choices
   * (MergeChoices), asked for by the page itself: not read again with every answer of the page.
   */
  async forStaff(staff: StaffPrincipal, caseId: string): Promise<StaffCaseDetail> {
    const viewer = await this.viewerOf(staff)
    const detail = await this.detail(await this.visible(caseId, (c) => canSeeCase(viewer, c)))
    const duplicates = (await this.store.cases.mergedInto(detail.case.id)).filter((m) => canSeeCase(viewer, m))
    const urge = urgeStanding(detail.case, detail.events, this.clock.now(), this.timeZone)
    const carrier = await carrierOf(this.store, detail.case)
    const seen = carrier !== null && canSeeCase(viewer, carrier)
    const actions = staffCaseActions(staff.role, detail.case, urge.allowed)
    return {
      ...detail,
      duplicates,
      urge,
      actions,
      handUpTo: actions.includes('handUp') ? officeName(handUpDistrict(detail.case) ?? 'city', await this.directory.prepared()) : null,
      carrier: carrier && {
        id: carrier.id,
        ticket: carrier.ticket,
        seen,
        deputy: seen && carrier.deputyId ? ((await this.directory.prepared()).deputies.get(carrier.deputyId)?.name ?? null) : null,
      },
    }
  }

  /**
   * 查看完整原文: the case page with what residents wrote there whole (her message, her comments and reopen reasons, the
   * duplicates merged into it), which the page shows masked. Only a case the staff member may read (forStaff: another
   * station's is not found), and audited before it is answered (DESIGN: every unmasked read by staff is audited): one
   * entry for the message, one for each duplicate shown with it (found by its own number on 操作记录). The contact phone
   * stays masked: it is not among her words.
   */
  async wholeWordsForStaff(staff: StaffPrincipal, caseId: string): Promise<StaffCaseDetail> {
    const d = await this.forStaff(staff, caseId)
    await this.audit.record(staff, 'case.text.read', { kind: 'case', id: d.case.id }, { source: 'text' })
    for (const m of d.duplicates) await this.audit.record(staff, 'case.text.read', { kind: 'case', id: m.id }, { source: 'text', withTicket: d.case.ticket })
    return d
  }

  /**
   * The whole number, for the deputy who must call back, while the message is open with them
   * (withdrawn, merged, refused or done, there is no call left to make); never for an anonymous
   * message. Audited. The phone field, else the number she wrote in her message (phoneToCall).
   */
  async revealPhone(deputy: MpPrincipal, caseId: string) {
    return (await this.phoneToCall(deputy, caseId)).phone
  }

  /**
   * revealPhone, with where the number comes from: the phone field she filled in, or, when there is none (the chat
   * never asks for one), the first number she wrote in her message (`inMessage`): the one she wrote so that he would
   * call, read and audited exactly as the field is. Null when there is neither.
   */
  async phoneToCall(deputy: MpPrincipal, caseId: string): Promise<{ phone: string | null; inMessage: boolean }> {
    const c = await this.deputyCase(deputy, caseId)
    if (!OPEN_STATUSES.includes(c.status) || c.mergedInto) {
      const state = c.mergedInto ? '已并入其他留言合并办理' : STATUS_LABELS[c.status]
      throw new ConflictError(`这条留言${state}，不再显示群众的完整电话`, [], 'case_not_open')
    }
    if (c.anonymous) return { phone: null, inMessage: false }
    const written = c.phoneEnc ? null : (phonesWrittenIn(c.text)[0] ?? null)
    if (!c.phoneEnc && !written) return { phone: null, inMessage: false }
    const phone = c.phoneEnc ? this.cipher.tryDecrypt(c.phoneEnc, c.id) : written
    // Said in words, not a 500: the station can reach her another way (the operator's log has the record).
    if (phone === null) throw new ConflictError('这条留言的电话无法读取，请联系联络站', [], 'phone_unreadable')
    // Where it came from (`source`): the field she filled in, or a number read out of her words, which may be someone
    // else's ("物业电话 0571-…"): an auditor tells the two apart.
    const source = written !== null ? 'text' : 'field'
    await this.audit.record(null, 'case.phone.read', { kind: 'case', id: c.id }, { deputyId: deputy.deputyId, mpUserId: deputy.id, source })
    return { phone, inMessage: written !== null }
  }

  /** Open messages of the same community in the last weeks that read alike. */
  async similarTo(c: CaseRecord, staff: StaffPrincipal) {
    return this.similarFinder(staff)(c)
  }

  /**
   * Finds similar cases for many cases at once (a page of the inbox): each community's recent
   * cases are read once per page, not once per line — a page filtered by place is one community.
   */
  similarFinder(staff: StaffPrincipal): (c: CaseRecord) => Promise<Array<{ case: CaseRecord; score: number }>> {
    const since = new Date(this.clock.now().getTime() - this.similar.windowDays * 86_400_000)
    const recent = new Map<string, Promise<CaseRecord[]>>()
    let viewer: ReturnType<CaseQueries['viewerOf']> | undefined
    // Each text's pairs once per page: every line of a community is compared with the same candidates.
    const grams = new Map<string, ContentGrams>()
    const gramsOf = (text: string) => grams.get(text) ?? grams.set(text, contentGrams(text)).get(text)!
    return async (c) => {
      if (!c.communityId) return []
      let visible = recent.get(c.communityId)
      if (!visible) {
        viewer ??= this.viewerOf(staff)
        visible = Promise.all([this.store.cases.recentInCommunity(c.communityId, since), viewer]).then(([all, seer]) => all.filter((x) => canSeeCase(seer, x)))
        recent.set(c.communityId, visible)
      }
      const candidates = (await visible).filter((x) => x.id !== c.id)
      return mostSimilar(c.text, candidates, this.similar.threshold, gramsOf).map(({ item, score }) => ({ case: item, score }))
    }
  }

  /** The name of the office a case waits at (the whole installation's, business.officeName or 市人大常委会办公室, when none). */
  async officeNameOf(regionId: string | null) {
    return officeName(regionId ?? 'city', await this.directory.prepared())
  }

  private async visible(caseId: string, allowed: (c: CaseRecord) => boolean) {
    const c = await this.store.cases.get(caseId)
    if (!c || !allowed(c)) throw new NotFoundError('留言不存在')
    return c
  }
  private async detail(c: CaseRecord, written?: CaseEvent[]): Promise<CaseDetail> {
    const { store, directory, clock, cipher, images } = this
    return caseDetail({ store, directory, clock, cipher, images }, c, written)
  }
}
