import type { Clock } from '../../clock.js'
import { canSeeCase } from '../../domain/case-access.js'
import type { CaseRecord } from '../../domain/case.js'
import { maskPersonalData } from '../../domain/pii-mask.js'
import { ConflictError, NotFoundError } from '../../errors.js'
import type { PublicationQuery, PublicationRecord, Store } from '../../store/ports.js'
import { ERASED_RESIDENT } from '../../store/privacy-ports.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import type { MpPrincipal } from '../accounts/mp-sessions.js'
import type { AuditTrail } from '../audit.js'
import type { CaseQueries } from '../cases/case-queries.js'
import { namer, type DirectoryNames } from './directory-names.js'

export type { PublicationRecord }

const ANSWERED = ['replied', 'closed'] as const
const CANDIDATES = 50

export interface PublicationServiceDeps {
  store: Pick<Store, 'cases' | 'publications'>
  queries: Pick<CaseQueries, 'scopedFilter' | 'viewerOf'>
  directory: DirectoryNames
  audit: AuditTrail
  clock: Clock
}

/**
 * 公开选登: staff choose answered cases whose residents agreed to publication, check the
 * masked texts (and may edit them) and publish them; anyone can read them without logging
 * in. A resident who takes back their agreement, withdraws consent to the privacy notice or
 * erases their data is taken off the list at once.
 */
export class PublicationService {
  private readonly store: Pick<Store, 'cases' | 'publications'>
  private readonly queries: Pick<CaseQueries, 'scopedFilter' | 'viewerOf'>
  private readonly directory: DirectoryNames
  private readonly audit: AuditTrail
  private readonly clock: Clock

  constructor(deps: PublicationServiceDeps) {
    ;({ store: this.store, queries: this.queries, directory: this.directory, audit: this.audit, clock: this.clock } = deps)
  }

  /** Answered, agreed, not yet published cases within the caller's scope, latest answers first, with their masked texts. */
  async candidates(staff: StaffPrincipal, filters: { topic?: string; regionId?: string }) {
    const scoped = await this.queries.scopedFilter(staff, filters)
    const answered = (await this.store.cases.listForStats({ ...scoped, statuses: [...ANSWERED] })).filter(publishable)
    const published = await this.store.publications.publishedAmong(answered.map((c) => c.id))
    return answered
      .filter((c) => !published.has(c.id))
      .sort((a, b) => (b.repliedAt?.getTime() ?? 0) - (a.repliedAt?.getTime() ?? 0) || a.id.localeCompare(b.id))
      .slice(0, CANDIDATES)
      .map((c) => ({ case: c, draft: draftOf(c) }))
  }

  /** The masked texts staff check before publishing, and what is published now. */
  async draft(staff: StaffPrincipal, caseId: string) {
    const c = await this.visible(staff, caseId)
    return { case: c, draft: draftOf(c), published: await this.store.publications.get(c.id), publishable: publishable(c) }
  }

  async publish(staff: StaffPrincipal, caseId: string, texts: { question: string; answer: string }) {
    const c = await this.visible(staff, caseId)
    if (!c.publicConsent) throw new ConflictError('留言人没有同意公开，不能选登', [], 'no_public_consent')
    if (!publishable(c)) throw new ConflictError('只有已答复的留言可以公开选登', [], 'not_answered')
    // Staff may have typed a name or a number back in while editing: masked again.
    const record = {
      caseId: c.id,
      residentId: c.residentId,
      ticket: c.ticket,
      topic: c.topic,
      districtId: c.districtId,
      stationId: c.stationId,
      question: maskPersonalData(texts.question.trim()),
      answer: maskPersonalData(texts.answer.trim()),
      askedAt: c.createdAt,
      answeredAt: c.repliedAt!,
      publishedBy: staff.id,
      publishedAt: this.clock.now(),
    }
    await this.store.publications.publish(record)
    await this.audit.record(staff, 'case.published', { kind: 'case', id: c.id }, { ticket: c.ticket })
    return record
  }

  async unpublish(staff: StaffPrincipal, caseId: string) {
    const c = await this.visible(staff, caseId)
    if (!(await this.store.publications.unpublish(c.id))) throw new NotFoundError('这条留言没有公开')
    await this.audit.record(staff, 'case.unpublished', { kind: 'case', id: c.id }, { ticket: c.ticket })
  }

  /** The resident takes back their agreement to publication: off the public list at once. */
  async withdrawConsent(resident: MpPrincipal, caseId: string) {
    const c = await this.store.cases.get(caseId)
    if (!c || !canSeeCase(resident, c)) throw new NotFoundError('留言不存在')
    const updated = c.publicConsent ? await this.store.cases.update({ ...c, publicConsent: false, updatedAt: this.clock.now(), version: c.version }, [], []) : c
    const unpublished = await this.store.publications.unpublish(c.id)
    return { case: updated, unpublished }
  }

  /** Everything a resident agreed to publish, off the list (privacy consent withdrawn, data erased). */
  unpublishResident(residentId: string) {
    return this.store.publications.unpublishResident(residentId)
  }

  async publicList(query: PublicationQuery) {
    const page = await this.store.publications.list(query)
    const name = await namer(this.directory)
    return {
      items: page.items.map((p) => ({
        ...p,
        districtName: p.districtId ? name('region', p.districtId) : null,
        stationName: p.stationId ? name('station', p.stationId) : null,
      })),
      nextCursor: page.nextCursor,
    }
  }

  private async visible(staff: StaffPrincipal, caseId: string) {
    const c = await this.store.cases.get(caseId)
    if (!c || !canSeeCase(await this.queries.viewerOf(staff), c)) throw new NotFoundError('留言不存在')
    return c
  }
}

const publishable = (c: CaseRecord) => c.publicConsent && c.reply !== null && c.repliedAt !== null && c.residentId !== ERASED_RESIDENT && !c.mergedInto

const draftOf = (c: CaseRecord) => ({ question: maskPersonalData(c.text), answer: maskPersonalData(c.reply ?? '') })
