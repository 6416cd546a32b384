import type { Clock } from '../../clock.js'
import type { Deputy, Region, Station } from '../../domain/directory.js'
import { personPlaces, standingJudge, type JudgedDeputy } from '../../domain/meeting-selector.js'
import type { InviteeWithdrawal, MeetingInvitee, MeetingRecord } from '../../domain/meeting.js'
import { checkInOpensAt, rsvpClosesAt } from '../../domain/meeting-timing.js'
import { ConflictError } from '../../errors.js'
import type { InviteeMark, Store } from '../../store/ports.js'
import type { DirectoryCache } from '../directory/directory-cache.js'
import { invitationMessage, noticesToReturning } from './deadline-rewrites.js'

/** A meeting ahead a deputy is no longer expected at, or expected at again, or newly invited to, after a change of his. */
export interface InvitationChange {
  deputyId: string
  meeting: MeetingRecord
  /** The mark now: null when he is expected again (or joined). */
  withdrawn: InviteeWithdrawal | null
  /** He was put on its list: it invites his new station's deputies, and he was sent its 会议通知. */
  joined?: boolean
}

/** A deputy as the lists are judged (standingJudge), with the name his stations are told. */
type NamedDeputy = JudgedDeputy & Pick<Deputy, 'name'>
/** The directory as the lists are judged against it: places, and the deputies by id and by station. */
interface Judged {
  regions: Region[]
  stations: Map<string, Station>
  deputies: Map<string, NamedDeputy>
  /** The deputies in office at each station. */
  atStation: Map<string, string[]>
  /** Standing and joining judged on these places, each station's worked out once. */
  judge: ReturnType<typeof standingJudge>
}

/** Meetings the maintenance job judges at a time: their invitees are one read. */
const MEND_BATCH = 200

/**
 * Keeps the invitations of meetings not yet begun true to the directory: a deputy who left office, or moved
 * away from the stations (districts, streets) a meeting is for, stays on its list marked 已离任 / 已调到…, and
 * is counted, reminded and asked for nothing there; one back in office or back at the station is expected
 * again (and told of it anew if he must be: tellReturning); one who came to a station whose deputies a meeting
 * invites (by station, not by name) is put on its list and sent its 会议通知, while its check-in has not opened.
 * Meetings under way or over are history and stay as they were.
 *
 * `reconsider` runs after each change of deputies' stations or tenure (an edit on 名册 → 代表, an import), after
 * the change committed: a request that stops halfway leaves some lists unjudged, so the maintenance job runs
 * `mend` over every list ahead, and what a crash left is put right within the hour. Both read in batches (the
 * invitations of all the deputies at once, the meetings ahead once) and write each mark only if it still
 * stands as read, so a judgement on an older read never undoes a newer one.
 */
export class MeetingDepartures {
  constructor(
    private readonly store: Pick<Store, 'meetings' | 'directory' | 'outbox'>,
    private readonly directory: Pick<DirectoryCache, 'prepared'>,
    private readonly clock: Clock,
    /** The deputies' check-in opens this long before the start: from then a list takes nobody new (join). */
    private readonly settings: { timeZone: string; checkInOpensMinutesBefore: number },
  ) {}

  async reconsider(deputyIds: readonly string[]): Promise<InvitationChange[]> {
    const ids = [...new Set(deputyIds)]
    if (!ids.length) return []
    const now = this.clock.now()
    // Read after the change: the cache was told of it (DirectoryService and the import call onChange first).
    const prepared = await this.directory.prepared()
    const regions = [...prepared.regions.values()]
    const dir: Judged = {
      regions,
      stations: prepared.stations,
      deputies: prepared.deputies,
      atStation: prepared.deputiesByStation,
      judge: standingJudge({ regions, stations: [...prepared.stations.values()] }),
    }
    const people = ids.flatMap((id) => (dir.deputies.has(id) ? [{ kind: 'deputy' as const, id }] : []))
    const invitations = (await this.store.meetings.invitationsOfMany(people, { statuses: ['published'], endFrom: now })).filter(
      (x) => x.meeting.startAt.getTime() > now.getTime(),
    )
    const joiners = people.map((p) => dir.deputies.get(p.id)!).filter((d) => d.active && d.stationIds.length)
    // The lists a joiner may belong on: meetings ahead naming stations (a list by name or by level is not added to).
    const ahead = joiners.length ? (await this.meetingsAhead(now)).filter((m) => m.selector.stationIds?.length) : []
    return this.apply(dir, now, invitations, ahead, joiners)
  }

  /**
   * The maintenance job's pass over every published meeting ahead: each deputy's mark judged again, and each
   * by-station list given the deputies now at its stations, as `reconsider` would have; the directory read from
   * the store (not a cache another instance's change may not have reached). Returns what it put right.
   */
  async mend(): Promise<{ marked: number; cleared: number; joined: number }> {
    const now = this.clock.now()
    const ahead = await this.meetingsAhead(now)
    const done = { marked: 0, cleared: 0, joined: 0 }
    if (!ahead.length) return done
    const snapshot = await this.store.directory.snapshot()
    const atStation = new Map<string, string[]>()
    for (const d of snapshot.deputies) if (d.active) for (const s of d.stationIds) atStation.set(s, [...(atStation.get(s) ?? []), d.id])
    const dir: Judged = {
      regions: snapshot.regions,
      stations: new Map(snapshot.stations.map((s) => [s.id, s])),
      deputies: new Map(snapshot.deputies.map((d) => [d.id, d])),
      atStation,
      judge: standingJudge(snapshot),
    }
    for (let from = 0; from < ahead.length; from += MEND_BATCH) {
      const batch = ahead.slice(from, from + MEND_BATCH)
      const byId = new Map(batch.map((m) => [m.id, m]))
      const invitations = (await this.store.meetings.invitees(batch.map((m) => m.id)))
        .filter((i) => i.personKind === 'deputy')
        .map((invitation) => ({ meeting: byId.get(invitation.meetingId)!, invitation }))
      const byStation = batch.filter((m) => m.selector.stationIds?.length)
      const joiners = [...new Set(byStation.flatMap((m) => m.selector.stationIds!.flatMap((s) => dir.atStation.get(s) ?? [])))].map((id) =>
        dir.deputies.get(id)!,
      )
      for (const c of await this.apply(dir, now, invitations, byStation, joiners)) {
        if (c.joined) done.joined++
        else if (c.withdrawn) done.marked++
        else done.cleared++
      }
    }
    return done
  }

  /** Published meetings not yet begun, earliest first: the only lists that follow the directory. */
  private async meetingsAhead(now: Date): Promise<MeetingRecord[]> {
    return (await this.store.meetings.list({ statuses: ['published'], startFrom: now })).filter((m) => m.startAt.getTime() > now.getTime())
  }

  /**
   * Judges these invitations (marks written in one batch) and puts each joiner on the lists of `byStation` he now
   * belongs on and is not on (one write per meeting, with its notices).
   */
  private async apply(
    dir: Judged,
    now: Date,
    invitations: Array<{ meeting: MeetingRecord; invitation: MeetingInvitee }>,
    byStation: MeetingRecord[],
    joiners: NamedDeputy[],
  ): Promise<InvitationChange[]> {
    const { judge } = dir
    const marks: Array<InviteeMark & { meeting: MeetingRecord }> = []
    for (const { meeting, invitation } of invitations) {
      const deputy = dir.deputies.get(invitation.personId)
      if (!deputy) continue
      const reason = judge.standing(meeting, deputy)
      const to = reason === 'moved' ? deputy.stationIds.flatMap((id) => dir.stations.get(id)?.name ?? []).join('、') || null : null
      const was = invitation.withdrawn ?? null
      if (reason === (was?.reason ?? null) && to === (was?.to ?? null)) continue
      const withdrawn = reason ? { reason, at: now, to } : null
      marks.push({ meetingId: meeting.id, person: { kind: 'deputy', id: deputy.id }, withdrawn, was, meeting })
    }
    await this.tellReturning(marks, invitations, now)
    const written = await this.store.meetings.withdrawInvitees(marks.map(({ meeting: _m, ...mark }) => mark))
    const writtenKeys = new Set(written.map((x) => `${x.meetingId}:${x.person.id}`))
    const changes: InvitationChange[] = marks
      .filter((x) => writtenKeys.has(`${x.meetingId}:${x.person.id}`))
      .map((x) => ({ deputyId: x.person.id, meeting: x.meeting, withdrawn: x.withdrawn }))

    const invited = new Set(invitations.map((x) => `${x.meeting.id}:${x.invitation.personId}`))
    const placesOf = personPlaces({ regions: dir.regions, stations: [...dir.stations.values()], deputies: joiners, staff: [] })
    // Each list looks only at the joiners of its own stations (the job has every deputy at every station ahead).
    const joinersAt = new Map<string, NamedDeputy[]>()
    for (const d of joiners) for (const s of d.stationIds) joinersAt.set(s, [...(joinersAt.get(s) ?? []), d])
    // Not once its door is open (check-in): told within the hour, he could not come, and would be counted absent.
    for (const m of byStation.filter((x) => now.getTime() < checkInOpensAt(x, this.settings.checkInOpensMinutesBefore).getTime())) {
      const near = new Set((m.selector.stationIds ?? []).flatMap((s) => joinersAt.get(s) ?? []))
      const fresh = [...near].filter((d) => !invited.has(`${m.id}:${d.id}`) && judge.joins(m, d))
      if (fresh.length) changes.push(...(await this.join(m, fresh, placesOf, now)))
    }
    return changes
  }

  /**
   * Gives each mark that clears (he is back at the meeting's stations, or in office) his 会议通知 if he must be told of
   * the meeting anew (noticesToReturning: his notice was dropped while he was marked, or the meeting moved meanwhile
   * and he was not told), invited from now as one invited late; written with the clearing, or not at all.
   */
  private async tellReturning(marks: Array<InviteeMark & { meeting: MeetingRecord }>, invitations: Array<{ invitation: MeetingInvitee }>, now: Date) {
    const clearing = marks.filter((x) => !x.withdrawn)
    if (!clearing.length) return
    const invitationOf = new Map(invitations.map(({ invitation: i }) => [`${i.meetingId}:${i.personKind}:${i.personId}`, i]))
    for (const meetingId of new Set(clearing.map((x) => x.meetingId))) {
      const here = clearing.filter((x) => x.meetingId === meetingId)
      const back = here.map((x) => ({ ...invitationOf.get(`${meetingId}:${x.person.kind}:${x.person.id}`)!, withdrawn: null, invitedAt: now }))
      const messages = await noticesToReturning(this.store, here[0].meeting, back, now, this.settings.timeZone, { retell: false })
      for (const x of here) {
        const his = messages.filter((r) => r.recipientKind === x.person.kind && r.recipientId === x.person.id)
        if (his.length) x.tell = { at: now, messages: his }
      }
    }
  }

  /**
   * Puts deputies on a meeting's list as inviting more people does (meetings.ts addInvitees): after the others,
   * no answer yet, invited now (so they may answer until the start if the deadline has passed), each sent the
   * 会议通知; the meeting's audience widened to their places. Not by name: the list still invites by station, so
   * one who moves away again is marked as the others. An organizer's edit meanwhile: read again, once; after
   * that the next maintenance run does it.
   */
  private async join(m: MeetingRecord, deputies: NamedDeputy[], placesOf: (kind: 'deputy', id: string) => string[], now: Date): Promise<InvitationChange[]> {
    for (let attempt = 0, meeting: MeetingRecord | null = m; meeting && attempt < 2; attempt++) {
      const next: MeetingRecord = {
        ...meeting,
        updatedAt: now,
        audienceDistrictIds: [...new Set([...meeting.audienceDistrictIds, ...deputies.flatMap((d) => placesOf('deputy', d.id))])].sort(),
      }
      const invitees: MeetingInvitee[] = deputies.map((d) => ({
        meetingId: m.id,
        personKind: 'deputy',
        personId: d.id,
        name: d.name,
        rsvp: 'pending',
        reason: null,
        rsvpAt: null,
        checkedInAt: null,
        invitedAt: now,
      }))
      const closesAt = rsvpClosesAt(next, { invitedAt: now })
      const messages = deputies.map((d) => invitationMessage(next, { kind: 'deputy', id: d.id }, closesAt, this.settings.timeZone, now))
      try {
        const { meeting: saved, added } = await this.store.meetings.addInvitees(next, invitees, messages)
        return added.map((i) => ({ deputyId: i.personId, meeting: saved, withdrawn: null, joined: true }))
      } catch (e) {
        if (!(e instanceof ConflictError)) throw e
        const again = await this.store.meetings.get(m.id)
        meeting = again && again.status === 'published' && again.startAt.getTime() > now.getTime() ? again : null
      }
    }
    return []
  }
}
