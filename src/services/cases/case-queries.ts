import type { Clock } from '../../clock.js'
import { OPEN_STATUSES, STATUS_LABELS, type CaseEvent, type CaseRecord, type CaseStatus } from '../../domain/case.js'
import { canSeeCase } from '../../domain/case-access.js'
import { addressedDeputyId } from '../../domain/case-addressee.js'
import { heldOnce } from '../../domain/case-refusals.js'
import { urgedCaseIds, urgeStanding, type UrgeStanding } from '../../domain/case-urging.js'
import { staffCaseActions, type StaffCaseAction } from '../../domain/case-staff-actions.js'
import { namedIds } from '../../domain/case-timeline.js'
import { subtree } from '../../domain/region-tree.js'
import { parseCaseSearch, shortNumberSearch, type ShortNumberSearch } from '../../domain/case-search.js'
import { localDate } from '../../domain/dates.js'
import { phonesWrittenIn } from '../../domain/pii-mask.js'
import { contentGrams, mostSimilar, type ContentGrams } from '../../domain/similarity.js'
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError } from '../../errors.js'
import { maskPhone, PHONE_UNREADABLE, type PiiCipher } from '../../security/pii.js'
import type { CaseQuery, Page, Store } from '../../store/ports.js'
import type { AuditTrail } from '../audit.js'
import type { DirectoryCache, PreparedDirectory } from '../directory/directory-cache.js'
import type { MpPrincipal } from '../accounts/mp-sessions.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import { carrierOf, handedAwayMatches, officeName, type HandedUpMatch } from './case-whereabouts.js'
import { handedToHim, notHisNowSaid } from './deputy-hand-ons.js'

// Where a message went is read in case-whereabouts.ts; these names stay importable from here.
export { officeName, type HandedUpMatch }

export interface CaseFilters {
  status?: CaseStatus
  topic?: string
  regionId?: string
  stationId?: string
  deputyId?: string
  overdue?: boolean
  from?: Date
  to?: Date
  /** Still waiting for someone (any open status), as the dashboard's "open" count means. */
  open?: boolean
  /** The resident's latest rating, 1–5. */
  rating?: number
  /** 群众不满意: a low score, or reopened and not rated again (domain/case-unhappy). */
  unhappy?: boolean
  /** The place's district or the district handling it (the dashboard's bars by district). */
  districtId?: string
  /** At an office, no station holding it: handed up (上报), or no station covers its place (the dashboard's 区人大办). */
  atOffice?: boolean
  /** The console's search box: a ticket, a short number, or words the message contains (see parseCaseSearch). */
  q?: string
  /** Only these cases: the messages behind a hot issue (在留言列表中查看), at most CASE_IDS_MAX. */
  ids?: string[]
}

/** Cases one list may be narrowed to by id: a hot issue's, in one address the browser can send. */
export const CASE_IDS_MAX = 200

export interface CaseDetail {
  case: CaseRecord
  events: CaseEvent[]
  names: { station: string | null; deputy: string | null; office: string | null }
  /** Names of everyone and everything the timeline mentions, by "deputy:ID", "staff:ID", "station:ID", "office:ID". */
  timelineNames: Record<string, string>
  phoneMasked: string | null
  /**
   * The deputy she wrote to by name (addressedDeputyId), by the public code a new message to them
   * takes and whether they are still in office; null when she wrote by place or to a station.
   */
  addressedDeputy: { code: string; name: string; inOffice: boolean } | null
}

/** The console's case page: the detail with what staff weigh it against and may do with it. */
export interface StaffCaseDetail extends CaseDetail {
  /** The duplicates merged into this message that the staff member may read, oldest first. */
  duplicates: CaseRecord[]
  urge: UrgeStanding
  /** The moves this staff member may make on it now: the page offers these and no others. */
  actions: StaffCaseAction[]
  /**
   * A merged message's work is done on the one it was merged into (followed to the end of a chain of
   * merges): its number, and who handles it when this staff member may see it (null when not merged).
   */
  carrier: { id: string; ticket: string; seen: boolean; deputy: string | null } | null
}

/** What CaseQueries is built from (one object: the parameters are many). */
export interface CaseQueriesDeps {
  store: Pick<Store, 'cases' | 'deputies' | 'staff'>
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
  private readonly store: Pick<Store, 'cases' | 'deputies' | 'staff'>
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
   * The cases a staff member may see, as a store filter (canSeeCase's rule): an organizer's
   * districts by the cases' districts, their streets by the stations in them, both together
   * as one "either" filter (the plain station filter serves a street organizer's figures as it
   * serves station staff's).
   */
  async scope(staff: StaffPrincipal): Promise<Pick<CaseQuery, 'stationIds' | 'districtIds' | 'districtsOrStations'>> {
    if (staff.role === 'station_staff') return { stationIds: staff.stationIds }
    const cases = await this.directory.caseScopeOf(staff)
    if (!cases) return {}
    if (!cases.stationIds.length) return { districtIds: cases.districtIds }
    if (!cases.districtIds.length) return { stationIds: cases.stationIds }
    return { districtsOrStations: cases }
  }

  /** A console user as canSeeCase judges them (a street organizer: with their street's stations). */
  viewerOf(staff: StaffPrincipal) {
    return this.directory.caseViewer(staff)
  }

  async filterQuery(f: CaseFilters): Promise<Partial<CaseQuery>> {
    const q: Partial<CaseQuery> = {}
    if (f.status) q.statuses = [f.status]
    else if (f.open) q.statuses = [...OPEN_STATUSES]
    if (f.rating !== undefined) q.rating = f.rating
    if (f.unhappy) q.unhappy = true
    if (f.districtId) q.districtIds = [f.districtId]
    // Every office there is: a district's, or the city's (null). The caller's scope keeps those she may see.
    if (f.atOffice) q.officeRegionIds = [...[...(await this.directory.prepared()).regions.values()].filter((r) => r.kind === 'district').map((r) => r.id), null]
    if (f.topic) q.topic = f.topic
    // A merged message is counted for no deputy (migration 060): the 代表 filter lists what his figures count.
    if (f.deputyId) Object.assign(q, { deputyId: f.deputyId, unmerged: true })
    if (f.stationId) q.stationIds = [f.stationId]
    if (f.overdue) q.overdueAt = this.clock.now()
    if (f.from) q.createdFrom = f.from
    if (f.to) q.createdTo = f.to
    if (f.q) {
      const search = parseCaseSearch(f.q)
      if ('ticket' in search) q.ticket = search.ticket
      else if ('shortNumber' in search) q.tickets = this.shortNumberSearch(f.q)!.tickets
      else q.textWords = search.words
    }
    if (f.regionId) q.regionIds = [...subtree(f.regionId, [...(await this.directory.prepared()).regions.values()])]
    if (f.ids) {
      const ids = [...new Set(f.ids)]
      if (ids.length > CASE_IDS_MAX)
        throw new UnprocessableError(`一次最多查看 ${CASE_IDS_MAX} 条留言，请分几次查看`, [{ path: 'query.ids', message: `最多 ${CASE_IDS_MAX} 条` }])
      q.ids = ids
    }
    return q
  }

  /**
   * The days and tickets a short number ("0002") of the search box stands for, counted from today
   * in the business time zone as tickets are dated; null for any other search.
   */
  shortNumberSearch(q: string | undefined): ShortNumberSearch | null {
    const search = q ? parseCaseSearch(q) : null
    if (!search || !('shortNumber' in search)) return null
    return shortNumberSearch(search.shortNumber, localDate(this.clock.now(), this.timeZone))
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
    const detail = await this.detail(c)
    // A chat resident is never asked for a phone field: the number she wrote in her words is the one he calls back
    // on (打电话给群众 reads it as revealPhone does, audited), shown masked here as a phone field is.
    if (detail.phoneMasked !== null || c.anonymous) return detail
    return { ...detail, phoneMasked: maskPhone(phonesWrittenIn(c.text)[0] ?? null) }
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
    // Handed on by himself to a colleague who has it still: said as his own move, by the colleague's name.
    if (c && deputy.deputyId && heldOnce(events, deputy.deputyId))
      throw new ForbiddenError(await notHisNowSaid(this.store, deputy.deputyId, c, events), 'case_not_his')
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
    return {
      ...detail,
      duplicates,
      urge,
      actions: staffCaseActions(staff.role, detail.case, urge.allowed),
      carrier: carrier && {
        id: carrier.id,
        ticket: carrier.ticket,
        seen,
        deputy: seen && carrier.deputyId ? ((await this.directory.prepared()).deputies.get(carrier.deputyId)?.name ?? null) : null,
      },
    }
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

  /** Who and what a timeline names, looked up once per case view. */
  private async timelineNames(events: CaseEvent[], prepared: PreparedDirectory) {
    const ids = namedIds(events)
    const names: Record<string, string> = {}
    for (const id of ids.deputies) {
      const name = prepared.deputies.get(id)?.name ?? (await this.store.deputies.get(id))?.name
      if (name) names[`deputy:${id}`] = name
    }
    for (const id of ids.stations) {
      const name = prepared.stations.get(id)?.name
      if (name) names[`station:${id}`] = name
    }
    for (const id of ids.offices) names[`office:${id}`] = officeName(id, prepared)
    for (const id of ids.staff) {
      const name = (await this.store.staff.get(id))?.name
      if (name) names[`staff:${id}`] = name
    }
    return names
  }

  /** The name of the office a case waits at ("市人大常委会办公室" when none). */
  async officeNameOf(regionId: string | null) {
    return officeName(regionId ?? 'city', await this.directory.prepared())
  }

  private async visible(caseId: string, allowed: (c: CaseRecord) => boolean) {
    const c = await this.store.cases.get(caseId)
    if (!c || !allowed(c)) throw new NotFoundError('留言不存在')
    return c
  }

  private async detail(c: CaseRecord, written?: CaseEvent[]): Promise<CaseDetail> {
    const prepared = await this.directory.prepared()
    const events = written ?? (await this.store.cases.events(c.id))
    const now = this.clock.now()
    return {
      case: this.images ? { ...c, images: c.images.map((url) => this.images!.signedLink(url, now)) } : c,
      events,
      names: {
        station: c.stationId ? (prepared.stations.get(c.stationId)?.name ?? null) : null,
        deputy: c.deputyId ? (prepared.deputies.get(c.deputyId)?.name ?? null) : null,
        office: c.stationId ? null : officeName(c.officeRegionId ?? 'city', prepared),
      },
      timelineNames: await this.timelineNames(events, prepared),
      phoneMasked: c.anonymous || !c.phoneEnc ? null : (maskPhone(this.cipher.tryDecrypt(c.phoneEnc, c.id)) ?? PHONE_UNREADABLE),
      addressedDeputy: addressee(c, events, prepared),
    }
  }
}

function addressee(c: CaseRecord, events: CaseEvent[], prepared: PreparedDirectory): CaseDetail['addressedDeputy'] {
  const id = addressedDeputyId(c, events)
  const deputy = id ? prepared.deputies.get(id) : undefined
  return deputy ? { code: deputy.code, name: deputy.name, inOffice: deputy.active !== false } : null
}
