import { DEPUTY_LOAD_STATUSES, type CaseRecord } from '../../domain/case.js'
import { latestReplyByDate } from '../../domain/reply-deadline.js'
import type { Clock } from '../../clock.js'
import { canSeeCase } from '../../domain/case-access.js'
import { slaBadge, type SlaBadge } from '../../domain/sla-badge.js'
import { dueDates, type DueDate } from '../../domain/deadline-words.js'
import { officeName } from '../../domain/office-name.js'
import { localDate } from '../../domain/dates.js'
import { awayStaffNote } from '../../domain/deputy-away.js'
import type { Store } from '../../store/ports.js'
import type { CaseQueries } from './case-queries.js'
import { carrierOf } from './case-whereabouts.js'
import type { DirectoryCache, PreparedDirectory } from '../directory/directory-cache.js'
import type { StaffPrincipal } from '../accounts/principal.js'

/** The states in which a message waits on its deputy: his being away matters only then. */
const WITH_DEPUTY: ReadonlySet<string> = new Set(DEPUTY_LOAD_STATUSES)

/** One line of the console's inbox: the case with the names, deadline words and similar count staff read. */
export interface InboxRow {
  case: CaseRecord
  stationName: string | null
  deputyName: string | null
  /** "代表请假至12月5日" while the deputy holding it is marked away (the clerk may 改派); null otherwise. */
  deputyAway: string | null
  /** A merged message: the one it is handled with, and that one's deputy (null when she may not read it, `seen`). */
  handledAlong: { ticket: string; seen: boolean; deputy: string | null } | null
  /** The office a case without a station waits at. */
  officeName: string | null
  /** The resident's place: her community (or the place she named), as the export's 地点 column says it. */
  placeName: string | null
  sla: SlaBadge | null
  /** The deadlines still running, next due first, said under the badge without its nearness again (dueDates); [] once answered or ended. */
  dueDates: DueDate[]
  /** The latest 要求答复日期 分派 may ask of it (YYYY-MM-DD, latestReplyByDate): 批量分派's date picker goes no further. */
  replyByLatest: string | null
  similarCount: number
}

/** What reading inbox lines needs: the cases, the names of the cached directory, and the business day. */
export interface InboxReading {
  store: Pick<Store, 'cases'>
  queries: CaseQueries
  directory: DirectoryCache
  clock: Clock
  timeZone: string
}

/** "代表请假至12月5日" while the message waits on a deputy marked away today, from the cached directory; null otherwise. */
export async function deputyAwayNote(
  { directory, clock, timeZone }: Pick<InboxReading, 'directory' | 'clock' | 'timeZone'>,
  c: Pick<CaseRecord, 'deputyId' | 'status' | 'mergedInto'>,
): Promise<string | null> {
  if (!c.deputyId || c.mergedInto || !WITH_DEPUTY.has(c.status)) return null
  const away = (await directory.prepared()).deputies.get(c.deputyId)?.away
  return away ? awayStaffNote(away, localDate(clock.now(), timeZone)) : null
}

/**
 * The inbox's lines for these cases, with names (not ids), deadlines in words, and (for the list, not the export) how
 * many messages are alike in words. `held`: the one directory a long export reads its names from.
 */
export async function inboxRows(
  { store, queries, directory, clock, timeZone }: InboxReading,
  cases: CaseRecord[],
  staff: StaffPrincipal,
  withSimilar: boolean,
  held?: PreparedDirectory,
): Promise<InboxRow[]> {
  const prepared = held ?? (await directory.prepared())
  const now = clock.now()
  const today = localDate(now, timeZone)
  const rows: InboxRow[] = []
  const similar = queries.similarFinder(staff)
  // A merged message is handled by the deputy of the one it joined (CaseRecord.mergedInto): its line names him, as its page does.
  const viewer = cases.some((c) => c.mergedInto) ? await directory.caseViewer(staff) : null
  const along = async (c: CaseRecord): Promise<InboxRow['handledAlong']> => {
    const carrier = viewer && c.mergedInto ? await carrierOf(store, c) : null
    if (!carrier) return null
    const seen = canSeeCase(viewer!, carrier)
    return { ticket: carrier.ticket, seen, deputy: seen && carrier.deputyId ? (prepared.deputies.get(carrier.deputyId)?.name ?? null) : null }
  }
  for (const c of cases) {
    const sla = slaBadge(c, now, timeZone)
    rows.push({
      case: c,
      stationName: c.stationId ? (prepared.stations.get(c.stationId)?.name ?? null) : null,
      deputyName: c.deputyId ? (prepared.deputies.get(c.deputyId)?.name ?? null) : null,
      // Only while the message waits on him: an answered one needs nobody moved.
      deputyAway: c.deputyId && !c.mergedInto && WITH_DEPUTY.has(c.status) ? awayStaffNote(prepared.deputies.get(c.deputyId)?.away, today) : null,
      handledAlong: await along(c),
      officeName: c.stationId ? null : officeName(c.officeRegionId ?? 'city', prepared),
      placeName: placeNameOf(c, prepared),
      sla,
      dueDates: dueDates(c, sla, now, timeZone),
      replyByLatest: latestReplyByDate(c, timeZone),
      similarCount: withSimilar ? (await similar(c)).length : 0,
    })
  }
  return rows
}

/** The resident's place by name: her community, else the place she named (a street, a district), else none. */
function placeNameOf(c: Pick<CaseRecord, 'communityId' | 'regionId' | 'districtId'>, prepared: PreparedDirectory): string | null {
  for (const id of [c.communityId, c.regionId, c.districtId]) {
    const name = id ? prepared.regions.get(id)?.name : undefined
    if (name) return name
  }
  return null
}
