import type { Clock } from '../../clock.js'
import { canManageCampaign, type AudienceSelector, type CampaignRecord } from '../../domain/campaign.js'
import { ForbiddenError, NotFoundError } from '../../errors.js'
import type { PageQuery, Store } from '../../store/ports.js'
import type { AuditTrail } from '../audit.js'
import type { CampaignAudience, NamedDirectory } from './campaign-audience.js'
import { requireRole, type StaffPrincipal } from '../accounts/principal.js'
import type { ReadingPublisher } from './reading-publisher.js'
import type { CampaignSeries } from './campaign-series.js'
import { scopeOwnerIds, type StaffScope } from '../../domain/staff-scope.js'
import type { DirectoryCache } from '../directory/directory-cache.js'
import { wholeInstallationRefusal } from '../../domain/office-name.js'

/** What CampaignService is built from (one object: the parameters are many). */
export interface CampaignServiceDeps {
  store: Pick<Store, 'campaigns'>
  audience: CampaignAudience
  publisher: ReadingPublisher
  clock: Clock
  audit: Pick<AuditTrail, 'record'>
  /** Opens a new series' issue for the month now under way, without waiting for the job. */
  series: Pick<CampaignSeries, 'openDue' | 'issueEnd' | 'followSeries'>
  /** Where a console user may look (the scope rule every area judges by). */
  directory: Pick<DirectoryCache, 'scopeOf' | 'prepared'>
}

/**
 * Which campaigns a console user sees and which they manage (CampaignService's ground, as CasePlacing is
 * CaseWorkflow's): organizers of some districts or streets see their own places' campaigns and the city's that
 * reach them, and manage only their own.
 */
export class CampaignAccess {
  protected readonly store: Pick<Store, 'campaigns'>
  protected readonly audience: CampaignAudience
  protected readonly publisher: ReadingPublisher
  protected readonly clock: Clock
  protected readonly audit: Pick<AuditTrail, 'record'>
  protected readonly series: Pick<CampaignSeries, 'openDue' | 'issueEnd' | 'followSeries'>
  protected readonly directory: Pick<DirectoryCache, 'scopeOf' | 'prepared'>

  constructor(deps: CampaignServiceDeps) {
    ;({
      store: this.store,
      audience: this.audience,
      publisher: this.publisher,
      clock: this.clock,
      audit: this.audit,
      series: this.series,
      directory: this.directory,
    } = deps)
  }

  /**
   * How many people a selector names now, deputies and station staff apart, within the organizer's
   * districts or streets: the console's count while the organizer chooses, as creating would resolve them.
   */
  async previewAudience(staff: StaffPrincipal, selector: AudienceSelector): Promise<{ count: number; deputies: number; staff: number }> {
    requireRole(staff, 'organizer', 'admin')
    const scope = (await this.directory.scopeOf(staff)).regionIds
    const people = this.audience.resolve({ audience: selector, scopeDistrictIds: [...scope] }, await this.audience.directory())
    const deputies = people.filter((p) => p.kind === 'deputy').length
    return { count: people.length, deputies, staff: people.length - deputies }
  }

  /** An organizer's list: the campaigns of their districts or streets and of the places under them, and the city's that reach them. */
  /** The campaigns the staff member sees, newest first; with `createdBy: 'me'`, only those they created (只看我创建的). */
  async list(staff: StaffPrincipal, query: PageQuery & { createdBy?: 'me' }) {
    requireRole(staff, 'organizer', 'admin')
    const scope = await this.directory.scopeOf(staff)
    const page = { cursor: query.cursor, limit: query.limit, ...(query.createdBy === 'me' ? { createdBy: staff.id } : {}) }
    if (scope.kind !== 'regions') return this.store.campaigns.search(page)
    const found = await this.store.campaigns.search({ ...page, scopeDistrictIds: scopeOwnerIds(scope) ?? [], cityWide: true })
    const dir = await this.audience.directory()
    // The cursor stays the repository's, so a page may come back shorter but paging never skips.
    return { ...found, items: found.items.filter((c) => canManageCampaign(scope, c) || this.reaches(scope, c, dir)) }
  }

  /**
   * Not visible is not found: nobody learns which campaigns exist elsewhere. An organizer
   * sees the campaigns they manage and the city's that reach their districts or streets.
   */
  async get(staff: StaffPrincipal, id: string): Promise<CampaignRecord> {
    return (await this.visible(staff, id)).campaign
  }

  /** For changes: an organizer follows a city-level campaign but does not change it. */
  async manageable(staff: StaffPrincipal, id: string): Promise<CampaignRecord> {
    const { campaign, manages } = await this.visible(staff, id)
    // Named as the installation names its office: a district's own Liaison has no 市人大常委会办公室 and no 区县 below.
    if (!manages) throw new ForbiddenError(wholeInstallationRefusal((await this.directory.prepared()).index.office, '活动', '进度'), 'city_level')
    return campaign
  }

  /** A campaign this console user may see, and whether they manage it (the scope worked out once). */
  private async visible(staff: StaffPrincipal, id: string): Promise<{ campaign: CampaignRecord; manages: boolean }> {
    requireRole(staff, 'organizer', 'admin')
    const campaign = await this.store.campaigns.get(id)
    if (!campaign) throw new NotFoundError('活动不存在')
    const scope = await this.directory.scopeOf(staff)
    const manages = canManageCampaign(scope, campaign)
    if (!manages && !this.reaches(scope, campaign, await this.audience.directory())) throw new NotFoundError('活动不存在')
    return { campaign, manages }
  }

  /** The districts or streets whose share an organizer sees of a city-level campaign; null when they see it whole. */
  async districtView(staff: StaffPrincipal, c: Pick<CampaignRecord, 'scopeDistrictIds'>): Promise<string[] | null> {
    const scope = await this.directory.scopeOf(staff)
    return canManageCampaign(scope, c) ? null : [...scope.regionIds]
  }

  /** Whether a city-level campaign reaches an organizer's places (he follows it without managing it). */
  protected reaches(scope: StaffScope, c: CampaignRecord, dir: NamedDirectory): boolean {
    return !c.scopeDistrictIds.length && this.audience.resolve({ audience: c.audience, scopeDistrictIds: [...scope.regionIds] }, dir).length > 0
  }
}
