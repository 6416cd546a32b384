import { personPlaces } from '../../domain/meeting-selector.js'
import type { MeetingInvitee } from '../../domain/meeting.js'
import { ConflictError } from '../../errors.js'
import type { Store } from '../../store/ports.js'

/** The marker recorded once the meetings of a store have been widened (MarkerRepo). */
export const AUDIENCE_STREETS_MARKER = 'meeting-audience-streets'

/**
 * Meetings published before streets were kept in a meeting's audience hold their invitees'
 * districts only, so a street's organizer never saw a city meeting inviting his people. Run
 * at start until it has once gone through: adds the districts and streets of each meeting's
 * invitees, as publishing now does, then records a marker, so that later starts read no
 * meeting (every meeting published since names its streets). A meeting already naming a
 * street, or with nothing to add, is not written again. Returns how many meetings it widened.
 */
export async function widenMeetingAudiences(store: Pick<Store, 'meetings' | 'regions' | 'directory' | 'markers'>, now: Date): Promise<number> {
  if (await store.markers.doneAt(AUDIENCE_STREETS_MARKER)) return 0
  const widened = await widenPublished(store)
  // Only after every meeting went through: a start stopped halfway does the rest next time.
  await store.markers.markDone(AUDIENCE_STREETS_MARKER, now)
  return widened
}

async function widenPublished(store: Pick<Store, 'meetings' | 'regions' | 'directory'>): Promise<number> {
  const published = (await store.meetings.list({})).filter((m) => m.publishedAt !== null)
  if (!published.length) return 0
  const streets = new Set((await store.regions.list()).filter((r) => r.kind === 'street').map((r) => r.id))
  // One naming a street was published (or widened) since: only the others can miss theirs.
  const candidates = published.filter((m) => !m.audienceDistrictIds.some((id) => streets.has(id)))
  if (!candidates.length) return 0
  const placesOf = personPlaces(await store.directory.snapshot())
  const invited = new Map<string, MeetingInvitee[]>()
  for (const i of await store.meetings.invitees(candidates.map((m) => m.id))) {
    const list = invited.get(i.meetingId)
    if (list) list.push(i)
    else invited.set(i.meetingId, [i])
  }
  let widened = 0
  for (const m of candidates) {
    const people = invited.get(m.id) ?? []
    const places = [...new Set([...m.audienceDistrictIds, ...people.flatMap((i) => placesOf(i.personKind, i.personId))])].sort()
    if (places.length === m.audienceDistrictIds.length) continue
    try {
      await store.meetings.update({ ...m, audienceDistrictIds: places }, [])
      widened++
    } catch (e) {
      // Changed meanwhile (another instance starting, or an organizer adding people): that write set its places.
      if (!(e instanceof ConflictError)) throw e
    }
  }
  return widened
}
