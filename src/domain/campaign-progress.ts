/**
 * How far a campaign has got: per person, and per station or district as shares of the
 * audience (reached, read, checked in). Pure: the service gathers the records.
 */
import type { AudienceMember, CheckInRecord, ReachRecord, ReadReceipt, ReadingItem } from './campaign.js'

export interface PersonProgress extends AudienceMember {
  itemsReached: number
  itemsRead: number
  requiredReached: number
  requiredRead: number
  checkIns: number
  lastCheckInAt: Date | null
  lastReflection: string | null
  /** At least one item reached them. */
  reached: boolean
  /** Read every required item that reached them (any item, when none is required). */
  read: boolean
  checkedIn: boolean
}

export interface GroupProgress {
  /** A station or district id; null for people with no place (residents who follow). */
  key: string | null
  audience: number
  reached: number
  read: number
  checkedIn: number
  reachedShare: number
  readShare: number
  checkedInShare: number
}

export interface ProgressInput {
  /** Everyone the campaign is for now; people reached earlier but no longer in it are added from `reach`. */
  audience: AudienceMember[]
  items: ReadonlyArray<Pick<ReadingItem, 'id' | 'required'>>
  reach: ReachRecord[]
  reads: ReadReceipt[]
  checkIns: CheckInRecord[]
  /** Names of people known only from their records (moved away, residents). */
  nameOf?: (kind: AudienceMember['kind'], id: string) => string
}

const keyOf = (kind: string, id: string) => `${kind}:${id}`
/** By code point, no place (null) last: localeCompare would sort punctuation first. */
const byPlace = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1)

/** Three decimals: enough for a percentage with one decimal, and stable in JSON. */
export const share = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000)

export function personProgress(input: ProgressInput): PersonProgress[] {
  const required = new Set(input.items.filter((i) => i.required).map((i) => i.id))
  const people = new Map<string, PersonProgress>()
  // Counted once, at stationId: the stations they are also reached at are the notices' business, not the figures'.
  const blank = ({ stationIds: _all, ...m }: AudienceMember): PersonProgress => ({
    ...m,
    itemsReached: 0,
    itemsRead: 0,
    requiredReached: 0,
    requiredRead: 0,
    checkIns: 0,
    lastCheckInAt: null,
    lastReflection: null,
    reached: false,
    read: false,
    checkedIn: false,
  })
  for (const m of input.audience) people.set(keyOf(m.kind, m.id), blank(m))
  const reachedItems = new Set<string>()
  for (const r of input.reach) {
    const key = keyOf(r.personKind, r.personId)
    let p = people.get(key)
    if (!p) {
      p = blank({
        kind: r.personKind,
        id: r.personId,
        name: input.nameOf?.(r.personKind, r.personId) ?? r.personId,
        stationId: r.stationId,
        districtId: r.districtId,
      })
      people.set(key, p)
    }
    reachedItems.add(`${key}|${r.itemId}`)
    p.itemsReached++
    if (required.has(r.itemId)) p.requiredReached++
  }
  for (const r of input.reads) {
    const key = keyOf(r.personKind, r.personId)
    const p = people.get(key)
    // A read counts only for an item that reached the person (what progress is about).
    if (!p || !reachedItems.has(`${key}|${r.itemId}`)) continue
    p.itemsRead++
    if (required.has(r.itemId)) p.requiredRead++
  }
  for (const c of [...input.checkIns].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    const p = people.get(keyOf(c.personKind, c.personId))
    if (!p) continue
    p.checkIns++
    p.lastCheckInAt = c.at
    if (c.reflection) p.lastReflection = c.reflection
  }
  for (const p of people.values()) {
    p.reached = p.itemsReached > 0
    p.read = p.requiredReached > 0 ? p.requiredRead === p.requiredReached : p.itemsRead > 0
    p.checkedIn = p.checkIns > 0
  }
  return [...people.values()].sort((a, b) => byPlace(a.stationId, b.stationId) || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id))
}

/** People grouped by station or district, with counts and shares of each group's audience. */
export function groupProgress(people: PersonProgress[], by: 'station' | 'district'): GroupProgress[] {
  const groups = new Map<string | null, PersonProgress[]>()
  for (const p of people) {
    const key = by === 'station' ? p.stationId : p.districtId
    groups.set(key, [...(groups.get(key) ?? []), p])
  }
  return [...groups.entries()].map(([key, members]) => totalsOf(members, key)).sort((a, b) => byPlace(a.key, b.key))
}

export function totalsOf(members: PersonProgress[], key: string | null = null): GroupProgress {
  const count = (f: (p: PersonProgress) => boolean) => members.filter(f).length
  const audience = members.length
  const reached = count((p) => p.reached)
  const read = count((p) => p.read)
  const checkedIn = count((p) => p.checkedIn)
  return {
    key,
    audience,
    reached,
    read,
    checkedIn,
    reachedShare: share(reached, audience),
    readShare: share(read, audience),
    checkedInShare: share(checkedIn, audience),
  }
}
