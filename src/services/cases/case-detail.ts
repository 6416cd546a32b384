import type { Clock } from '../../clock.js'
import type { CaseEvent, CaseRecord } from '../../domain/case.js'
import { addressedDeputyId } from '../../domain/case-addressee.js'
import type { StaffCaseAction } from '../../domain/case-staff-actions.js'
import { namedIds } from '../../domain/case-timeline.js'
import type { UrgeStanding } from '../../domain/case-urging.js'
import { maskPhone, PHONE_UNREADABLE, type PiiCipher } from '../../security/pii.js'
import type { Store } from '../../store/ports.js'
import type { DirectoryCache, PreparedDirectory } from '../directory/directory-cache.js'
import { officeName, organizerOfficeName } from '../../domain/office-name.js'

// A case as its page shows it: the record with the names its timeline mentions and the phone masked.

export interface CaseDetail {
  case: CaseRecord
  events: CaseEvent[]
  names: { station: string | null; deputy: string | null; office: string | null }
  /**
   * Names of everyone and everything the timeline mentions, by "deputy:ID", "staff:ID", "station:ID", "office:ID", and
   * an organizer's office by "staffOffice:ID".
   */
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
  /** The office 上报 hands it to, by its name ("澜江区人大常委会办公室"), when she may hand it up now; null otherwise. */
  handUpTo: string | null
  /**
   * A merged message's work is done on the one it was merged into (followed to the end of a chain of
   * merges): its number, and who handles it when this staff member may see it (null when not merged).
   */
  carrier: { id: string; ticket: string; seen: boolean; deputy: string | null } | null
}

/** What a case's page is put together from (CaseQueries's own). */
export interface CaseDetailDeps {
  store: Pick<Store, 'cases' | 'deputies' | 'staff'>
  directory: Pick<DirectoryCache, 'prepared'>
  clock: Clock
  cipher: PiiCipher
  /** Turns a stored image URL into a short-lived link: only callers who may see the case get one. */
  images: { signedLink(url: string, now: Date): string } | null
}

export async function caseDetail({ store, directory, clock, cipher, images }: CaseDetailDeps, c: CaseRecord, written?: CaseEvent[]): Promise<CaseDetail> {
  const prepared = await directory.prepared()
  const events = written ?? (await store.cases.events(c.id))
  const now = clock.now()
  return {
    case: images ? { ...c, images: c.images.map((url) => images!.signedLink(url, now)) } : c,
    events,
    names: {
      station: c.stationId ? (prepared.stations.get(c.stationId)?.name ?? null) : null,
      deputy: c.deputyId ? (prepared.deputies.get(c.deputyId)?.name ?? null) : null,
      office: c.stationId ? null : officeName(c.officeRegionId ?? 'city', prepared),
    },
    timelineNames: await timelineNames(store, events, prepared),
    phoneMasked: c.anonymous || !c.phoneEnc ? null : (maskPhone(cipher.tryDecrypt(c.phoneEnc, c.id)) ?? PHONE_UNREADABLE),
    addressedDeputy: addressee(c, events, prepared),
  }
}

/** Who and what a timeline names, looked up once per case view. */
async function timelineNames(store: Pick<Store, 'deputies' | 'staff'>, events: CaseEvent[], prepared: PreparedDirectory) {
  const ids = namedIds(events)
  const names: Record<string, string> = {}
  for (const id of ids.deputies) {
    const name = prepared.deputies.get(id)?.name ?? (await store.deputies.get(id))?.name
    if (name) names[`deputy:${id}`] = name
  }
  for (const id of ids.stations) {
    const name = prepared.stations.get(id)?.name
    if (name) names[`station:${id}`] = name
  }
  for (const id of ids.offices) names[`office:${id}`] = officeName(id, prepared)
  for (const id of ids.staff) {
    const person = await store.staff.get(id)
    if (person?.name) names[`staff:${id}`] = person.name
    // An organizer by her office's own name ("催办 赵丽华（澜江区人大常委会办公室）"), as the rest of the console names it.
    if (person?.role === 'organizer')
      names[`staffOffice:${id}`] = organizerOfficeName(prepared.regions.get(person.regionIds[0] ?? ''), prepared.index.officeName)
  }
  return names
}

function addressee(c: CaseRecord, events: CaseEvent[], prepared: PreparedDirectory): CaseDetail['addressedDeputy'] {
  const id = addressedDeputyId(c, events)
  const deputy = id ? prepared.deputies.get(id) : undefined
  return deputy ? { code: deputy.code, name: deputy.name, inOffice: deputy.active !== false } : null
}
