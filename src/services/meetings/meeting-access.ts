import type { InviteeSelector, MeetingRecord, MeetingStatus } from '../../domain/meeting.js'
import { canFollowMeeting, canManageMeeting, stillInvited } from '../../domain/meeting.js'
import { resolveInvitees } from '../../domain/meeting-selector.js'
import { scopeOwnerIds, type StaffScope } from '../../domain/staff-scope.js'
import { ForbiddenError, NotFoundError, UnprocessableError } from '../../errors.js'
import type { MeetingFilter, Store } from '../../store/ports.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import type { DirectoryCache } from '../directory/directory-cache.js'

/**
 * Who may see and who may change a meeting, and whom an invitee selector names: the reads the console's
 * meeting pages, reports and staff entries share, and the checks every organizer's write starts from
 * (MeetingService, meetings.ts). An organizer of some districts or streets sees only their regions'
 * meetings (a district's include its streets') and the ones they made.
 */
export class MeetingAccess {
  constructor(
    protected readonly store: Pick<Store, 'directory' | 'meetings'>,
    private readonly directory: Pick<DirectoryCache, 'scopeOf'>,
  ) {}

  /** Where the staff member may look (domain/staff-scope.ts). */
  scopeOf(staff: StaffPrincipal): Promise<StaffScope> {
    return this.directory.scopeOf(staff)
  }

  /** The meetings a staff member may see, as a store filter, from their scope. */
  filterOf(staff: StaffPrincipal, scope: StaffScope): Pick<MeetingFilter, 'visibleTo'> {
    return scope.kind === 'regions' ? { visibleTo: { districtIds: scopeOwnerIds(scope) ?? [] } } : {}
  }

  async list(staff: StaffPrincipal, query: { status?: MeetingStatus; from?: Date; to?: Date; cursor?: string; limit: number }) {
    return this.store.meetings.search({
      ...this.filterOf(staff, await this.scopeOf(staff)),
      statuses: query.status ? [query.status] : undefined,
      startFrom: query.from,
      startTo: query.to,
      cursor: query.cursor,
      limit: query.limit,
    })
  }

  /**
   * A meeting the staff member may read: one they manage, or a city-level one inviting
   * people of their district. Not visible is not found: nobody learns which meetings exist elsewhere.
   */
  async visible(staff: StaffPrincipal, id: string, scope?: StaffScope): Promise<MeetingRecord> {
    const m = await this.store.meetings.get(id)
    if (!m || !canFollowMeeting(m, scope ?? (await this.scopeOf(staff)))) throw new NotFoundError('会议不存在')
    return m
  }

  /** Whether the staff member manages the meeting (else they only follow their district's answers). */
  manages(staff: StaffPrincipal, m: MeetingRecord, scope: StaffScope) {
    return canManageMeeting(m, scope)
  }

  /** A meeting the staff member may change: writes are held to what they manage, a followed meeting is read-only (403). */
  async managed(staff: StaffPrincipal, id: string): Promise<{ m: MeetingRecord; scope: StaffScope }> {
    const scope = await this.scopeOf(staff)
    const m = await this.visible(staff, id, scope)
    if (!canManageMeeting(m, scope)) throw new ForbiddenError('此会议由上级组织，您可以查看本区的回复情况，不能修改', 'meeting_read_only')
    return { m, scope }
  }

  /**
   * Who a selector would invite, for the console's live preview while the organizer picks:
   * the same people and problems as creating would give, except that nobody yet is an empty list.
   */
  async previewInvitees(staff: StaffPrincipal, selector: InviteeSelector) {
    return this.previewIn(await this.scopeOf(staff), selector)
  }

  /**
   * The live preview of 增加参会人员: who the selector would add to a meeting, apart from those
   * already on its list (they get no second notice), and how many of those it names.
   */
  async previewAdditions(staff: StaffPrincipal, id: string, selector: InviteeSelector) {
    const { m, scope } = await this.managed(staff, id)
    const people = await this.previewIn(scope, selector)
    // One marked 已调到… is not on the list any more for this: naming him again brings him back.
    const already = new Set((await this.store.meetings.invitees([m.id])).filter(stillInvited).map((i) => `${i.personKind}:${i.personId}`))
    const fresh = people.filter((p) => !already.has(`${p.kind}:${p.id}`))
    return { people: fresh, alreadyInvited: people.length - fresh.length }
  }

  private async previewIn(scope: StaffScope, selector: InviteeSelector) {
    try {
      return await this.resolve(scope, selector)
    } catch (e) {
      if (e instanceof UnprocessableError && e.code === 'no_invitees') return []
      throw e
    }
  }

  /** The people a selector names within what the organizer looks after; 422 listing every problem. */
  protected async resolve(scope: StaffScope, selector: InviteeSelector) {
    const dir = await this.store.directory.snapshot()
    const { invitees, problems } = resolveInvitees(selector, dir, scope.kind === 'regions' ? scope : null)
    if (problems.length) {
      const nobody = problems.length === 1 && problems[0].path === 'selector'
      throw new UnprocessableError(
        nobody ? '所选范围内没有任何人，请调整参会人员' : '参会人员有误',
        problems.map((p) => ({ ...p, path: `body.${p.path}` })),
        nobody ? 'no_invitees' : 'invalid_invitees',
      )
    }
    return invitees
  }
}
