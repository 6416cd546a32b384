import { awaitsAnswer, stillInvited, type InviteeKind, type MeetingInvitee, type MeetingRecord } from './meeting.js'

/** A share rounded to three places, or null when there is nothing to divide by. */
export const share = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000)

export interface MeetingAttendance {
  invited: number
  attend: number
  leave: number
  pending: number
  checkedIn: number
  /** Checked in of invited (实到 / 应到): the excused count as invited, as congress offices count. */
  rate: number | null
  /** On the list but no longer expected (已离任, 已调离 before it began): counted in none of the figures above. */
  withdrawn: number
}

/** The answers and check-ins of one meeting: of those still expected; one who left office or moved away before it is apart. */
export function meetingAttendance(all: MeetingInvitee[]): MeetingAttendance {
  // One who came all the same is counted as come: his check-in is what happened.
  const invitees = all.filter((i) => stillInvited(i) || i.checkedInAt !== null)
  const count = (keep: (i: MeetingInvitee) => boolean) => invitees.filter(keep).length
  const checkedIn = count((i) => i.checkedInAt !== null)
  return {
    withdrawn: all.length - invitees.length,
    invited: invitees.length,
    // Whoever came answered by coming: 参加, not 未回复, nor 请假 for one who asked for leave and came after all
    // (counted once; the three still add up to 邀请).
    attend: count((i) => i.rsvp === 'attend' || i.checkedInAt !== null),
    leave: count((i) => i.rsvp === 'leave' && i.checkedInAt === null),
    pending: count(awaitsAnswer),
    checkedIn,
    rate: share(checkedIn, invitees.length),
  }
}

export interface PersonAttendance {
  personKind: InviteeKind
  personId: string
  name: string
  invited: number
  attended: number
  /** Asked for leave and did not come. */
  excused: number
  absent: number
  rate: number | null
}

/**
 * Each person's record over a set of meetings: only published meetings that have begun
 * count (a meeting still ahead is nobody's absence, a cancelled one nobody's duty).
 * Someone who asked for leave and came anyway attended.
 */
export function attendanceByPerson(meetings: Pick<MeetingRecord, 'id' | 'status' | 'startAt'>[], invitees: MeetingInvitee[], now: Date): PersonAttendance[] {
  const held = new Set(meetings.filter((m) => m.status === 'published' && m.startAt <= now).map((m) => m.id))
  const people = new Map<string, PersonAttendance>()
  for (const i of invitees) {
    // Left office or moved away before it: the meeting was no longer his to come to (nor an absence), unless he came.
    if (!held.has(i.meetingId) || (!stillInvited(i) && !i.checkedInAt)) continue
    const key = `${i.personKind}:${i.personId}`
    const p = people.get(key) ?? { personKind: i.personKind, personId: i.personId, name: i.name, invited: 0, attended: 0, excused: 0, absent: 0, rate: null }
    p.invited++
    if (i.checkedInAt) p.attended++
    else if (i.rsvp === 'leave') p.excused++
    else p.absent++
    people.set(key, p)
  }
  return [...people.values()]
    .map((p) => ({ ...p, rate: share(p.attended, p.invited) }))
    .sort((a, b) => (a.personKind === b.personKind ? a.personId.localeCompare(b.personId) : a.personKind === 'deputy' ? -1 : 1))
}
