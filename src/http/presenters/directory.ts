import type { Region, Station, Unit } from '../../domain/directory.js'
import { LEVEL_LABELS, UNIT_KIND_LABELS } from '../../domain/directory.js'
import { receptionDaysText } from '../../domain/reception-days.js'
import { dutyDatesAt } from '../../domain/duty-days.js'
import type { RegionNode } from '../../domain/region-tree.js'
import { activationStanding, type ActivationStanding } from '../../domain/activation-standing.js'
import type { DeputyView } from '../../services/directory/directory.js'
import type { DeputyRecord, DirectoryCounts, StaffRecord } from '../../services/records.js'
import type { StaffPrincipal } from '../../services/accounts/principal.js'

// Presenters name every field they return, so a new column never leaks by default.

export const presentRegion = (r: Region) => ({ id: r.id, name: r.name, kind: r.kind, parentId: r.parentId })

export const presentRegionNode = (r: RegionNode): ReturnType<typeof presentRegion> & { children: unknown[] } => ({
  ...presentRegion(r),
  children: r.children.map(presentRegionNode),
})

export const presentStation = (s: Station) => ({
  id: s.id,
  code: s.code,
  name: s.name,
  kind: s.kind,
  address: s.address,
  regionIds: s.regionIds,
  receptionDays: s.receptionDays,
  /** { from: "8:30", to: "11:30" }, or null when the station names no hours. */
  receptionHours: s.receptionHours ?? null,
  /** "每星期三 8:30–11:30接待", as the mini-program, the bot and the poster say it; null when no day is named. */
  receptionText: receptionDaysText(s.receptionDays, s.receptionHours),
})

/** A station as residents see it. */
export const presentPublicStation = (s: Station) => ({
  code: s.code,
  name: s.name,
  kind: s.kind,
  address: s.address,
  receptionDays: s.receptionDays,
  receptionHours: s.receptionHours ?? null,
  /** "每星期三 8:30–11:30接待"; null when no day is named. */
  receptionText: receptionDaysText(s.receptionDays, s.receptionHours),
})

/**
 * A deputy's public card: never the phone, never internal ids. One who has left office says so
 * (`inOffice` false, `notice`) and invites no message. One away says until when (`awayNotice`,
 * "暂停接收留言至12月5日", never why); a message to him then goes to his station's staff.
 */
export const presentPublicDeputy = (
  d: Pick<DeputyRecord, 'code' | 'name' | 'level' | 'topics' | 'active'>,
  stations: Station[],
  awayNotice: string | null = null,
  /** As people say it where he serves (deputyLevelLabel: 区人大代表 in a 区), else the list's label. */
  levelLabel: string = LEVEL_LABELS[d.level],
) => ({
  code: d.code,
  name: d.name,
  level: d.level,
  levelLabel,
  topics: d.topics,
  stations: stations.map(presentPublicStation),
  inOffice: d.active,
  notice: d.active ? null : leftOfficeNotice(d.name),
  awayNotice,
})

/** Said on the card of one who has left, above the page's 找我的代表 button it points to. */
export const leftOfficeNotice = (name: string) => `${name}代表已经不是人大代表了，不再收留言。有事请点下面的按钮，找您住的地方的代表。`

/** A station's public page: the places it covers and its deputies' cards. */
export const presentPublicStationPage = (p: {
  station: Station
  regions: Region[]
  deputies: Array<Pick<DeputyRecord, 'code' | 'name' | 'level' | 'topics' | 'dutyByStation' | 'active'> & { awayNotice?: string | null; levelLabel?: string }>
}) => ({
  ...presentPublicStation(p.station),
  regions: p.regions.map((r) => ({ id: r.id, name: r.name })),
  // Reception duty dates are posted at the station, this station's only; the mini-program marks today's duty deputy.
  deputies: p.deputies
    .map((d) => ({ ...presentPublicDeputy(d, [], d.awayNotice ?? null, d.levelLabel), dutyDates: dutyDatesAt(d.dutyByStation, p.station.id) }))
    .map(({ stations: _s, inOffice: _i, notice: _n, ...card }) => card),
})

export const presentDeputy = (d: DeputyView) => ({
  id: d.id,
  code: d.code,
  name: d.name,
  level: d.level,
  /** 区人大代表 / 县人大代表 by his station's district, as the mini-program says it (deputyLevelLabel). */
  levelLabel: d.levelLabel,
  stationIds: d.stationIds,
  /** Each station's name, as `stationIds`: the console names his other stations without reading a list of them. */
  stationNames: d.stationNames,
  topics: d.topics,
  phoneMasked: d.phoneMasked,
  /** At the station in view (the list's stationId, the one just edited), else at every station the reader looks after. */
  dutyDates: d.dutyDates,
  /** Station id → duty dates there, for the stations the reader looks after only. */
  dutyByStation: d.dutyByStation,
  active: d.active,
  /** 在任 / 已离任, for lists. */
  statusLabel: d.active ? '在任' : '已离任',
  /** 暂停接收留言 as set (staff of his scope only read this), null when none is now or ahead. */
  away: d.awayState && d.away ? { from: d.away.from, until: d.away.until, reason: d.away.reason, note: d.away.note } : null,
  awayState: d.awayState,
  /** "暂停接收留言 12月1日至12月5日（请假）", or "将暂停…" when it starts later. */
  awayText: d.awayText,
})

/** One who sat reception duty at a station and has moved since: his days there, and where he is now (in words). */
export const presentPastDuty = (p: { deputy: DeputyRecord; dutyDates: string[]; nowAt: Station[] }) => ({
  deputyId: p.deputy.id,
  name: p.deputy.name,
  dutyDates: p.dutyDates,
  active: p.deputy.active,
  /** 已调到桂花镇代表联络站, or 已离任 for one who has left office since. */
  nowText: !p.deputy.active ? '已离任' : p.nowAt.length ? `已调到${p.nowAt.map((s) => s.name).join('、')}` : '已调离',
})

/** How an account's activation stands now, for `presentStaff` (null when the route was given no activation settings). */
export const staffActivation = (s: StaffRecord, activation: { now: Date; validDays: number; timeZone: string } | undefined) =>
  activation ? activationStanding(s, activation.now, activation.validDays, activation.timeZone) : null

/**
 * A console account as the accounts page shows it; `locked`: failed logins keep it out now (an admin may lift it);
 * `activation`: not activated yet, and how its code stands (activation-standing.ts), null once it has a password.
 */
export const presentStaff = (s: StaffRecord, locked: boolean, activation: ActivationStanding | null = null) => ({
  id: s.id,
  username: s.username,
  name: s.name,
  role: s.role,
  stationIds: s.stationIds,
  regionIds: s.regionIds,
  unitIds: s.unitIds ?? [],
  active: s.active,
  hasPassword: s.passwordHash !== null,
  /** The password is an initial or reset one, not changed yet. */
  mustChangePassword: s.mustChangePassword,
  locked,
  activation: activation && {
    state: activation.state,
    label: activation.label,
    hint: activation.hint,
    validUntil: activation.validUntil?.toISOString() ?? null,
  },
})

export const presentPrincipal = (s: StaffPrincipal) => ({
  id: s.id,
  username: s.username,
  name: s.name,
  role: s.role,
  stationIds: s.stationIds,
  regionIds: s.regionIds,
  unitIds: s.unitIds,
  /** Until it is changed, the console shows only the screen that changes it (the API refuses the rest). */
  mustChangePassword: s.mustChangePassword === true,
})

/** How big the directory is, for the console's summary. */
export const presentDirectoryCounts = (c: DirectoryCounts) => ({
  regions: c.regions,
  stations: c.stations,
  units: c.units,
  deputies: c.deputies,
  staff: c.staff,
})

export const presentUnit = (u: Unit) => ({
  id: u.id,
  code: u.code,
  name: u.name,
  kind: u.kind,
  kindLabel: UNIT_KIND_LABELS[u.kind],
  regionId: u.regionId,
  contact: u.contact,
  active: u.active,
})
