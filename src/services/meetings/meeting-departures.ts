import type { Clock } from '../../clock.js'
import { deputyStanding } from '../../domain/meeting-selector.js'
import type { InviteeWithdrawal, MeetingRecord } from '../../domain/meeting.js'
import type { Store } from '../../store/ports.js'
import type { DirectoryCache } from '../directory/directory-cache.js'

/** A meeting ahead a deputy is no longer expected at, or expected at again, after a change of his. */
export interface InvitationChange {
  deputyId: string
  meeting: MeetingRecord
  /** The mark now: null when he is expected again. */
  withdrawn: InviteeWithdrawal | null
}

/**
 * Keeps the invitations of meetings not yet begun true to the directory: a deputy who left office, or moved
 * away from the stations (districts, streets) a meeting is for, stays on its list marked 已离任 / 已调到…, and
 * is counted, reminded and asked for nothing there; one back in office or back at the station is expected
 * again. Meetings under way or over are history and stay as they were. Called after each change of deputies'
 * stations or tenure (an edit on 名册 → 代表, an import).
 */
export class MeetingDepartures {
  constructor(
    private readonly store: Pick<Store, 'deputies' | 'meetings'>,
    private readonly directory: Pick<DirectoryCache, 'prepared'>,
    private readonly clock: Clock,
  ) {}

  async reconsider(deputyIds: readonly string[]): Promise<InvitationChange[]> {
    const now = this.clock.now()
    const changes: InvitationChange[] = []
    if (!deputyIds.length) return changes
    // Read after the change: the cache was told of it (DirectoryService and the import call onChange first).
    const { regions, stations } = await this.directory.prepared()
    const dir = { regions: [...regions.values()], stations: [...stations.values()] }
    for (const deputyId of new Set(deputyIds)) {
      const deputy = await this.store.deputies.get(deputyId)
      if (!deputy) continue
      const ahead = (await this.store.meetings.invitationsOf({ kind: 'deputy', id: deputyId }, { statuses: ['published'], endFrom: now })).filter(
        (x) => x.meeting.startAt.getTime() > now.getTime(),
      )
      for (const { meeting, invitation } of ahead) {
        const reason = deputyStanding(meeting, deputy, dir)
        const to = reason === 'moved' ? deputy.stationIds.flatMap((id) => stations.get(id)?.name ?? []).join('、') || null : null
        const was = invitation.withdrawn ?? null
        if (reason === (was?.reason ?? null) && to === (was?.to ?? null)) continue
        const withdrawn = reason ? { reason, at: now, to } : null
        if (await this.store.meetings.withdrawInvitee(meeting.id, { kind: 'deputy', id: deputyId }, withdrawn)) changes.push({ deputyId, meeting, withdrawn })
      }
    }
    return changes
  }
}
