import type { Region, Station } from './directory.js'

/** What the whole installation's office is called when nothing tells otherwise. */
export const CITY_OFFICE = '市人大常委会办公室'

/**
 * The office of the whole installation: its name, and whether the installation is a city's (a 市 above districts) or
 * one district's own (a 区 or 县 running Liaison for itself has no 市 office above it in Liaison). Which one is told
 * by the directory (one district: a district's own), never by the name, which business.officeName may set either way.
 */
export interface InstallationOffice {
  name: string
  ofCity: boolean
}

/** The installation's office (see InstallationOffice): named by business.officeName, else the directory's one district's office, else the city's. */
export function installationOffice(configured: string | null, regions: Iterable<Region>): InstallationOffice {
  const districts = [...regions].filter((r) => r.kind === 'district')
  const ofCity = districts.length !== 1
  return { name: configured || (ofCity ? CITY_OFFICE : districtOfficeName(districts[0].name)), ofCity }
}

/** A district's (区 or 县) congress office by its name: "澜江区" → "澜江区人大常委会办公室", "石门县" → "石门县人大常委会办公室". */
export const districtOfficeName = (district: string): string => `${district}人大常委会办公室`

/** "澜江区人大常委会办公室" → "澜江区人大办": an office as a button, a chip or a short line names it (other names as they are). */
export const shortOfficeName = (office: string): string => office.replace(/人大常委会办公室$/, '人大办')

/** The name of the office of the whole installation, as people call it (installationOffice). */
export const installationOfficeName = (configured: string | null, regions: Iterable<Region>): string => installationOffice(configured, regions).name

/**
 * Refusing an organizer of some districts or streets a change to a record of the whole installation (a `thing` they
 * follow, and whose `view` they may read, but do not change). In a city's Liaison it is 市级 and the districts read
 * their share; in a district's own there is no 市级 and no 区县 below, only the organizer's part.
 */
export function wholeInstallationRefusal(office: InstallationOffice, thing: string, view: string): string {
  return office.ofCity ? `市级${thing}由${office.name}管理，区县可查看本区县的${view}` : `该${thing}由${office.name}管理，您可查看本辖区的${view}`
}

/**
 * What the naming rules below read of the directory (the routing cache's prepared directory has it all): places by id,
 * stations, each place's district (routing index `districts`) and the whole installation's office (`officeName`).
 */
export interface NamingDirectory {
  regions: ReadonlyMap<string, Pick<Region, 'name' | 'kind'>>
  stations: ReadonlyMap<string, Pick<Station, 'name' | 'regionIds'>>
  index: { officeName: string; districts: ReadonlyMap<string, Pick<Region, 'id'>> }
}

/** The congress office of a district by its id, or the whole installation's ('city': business.officeName, 市人大常委会办公室, or a district's own). */
export function officeName(regionId: string, directory: Pick<NamingDirectory, 'regions' | 'index'>): string {
  return regionId === 'city' ? directory.index.officeName : districtOfficeName(directory.regions.get(regionId)?.name ?? '')
}

/**
 * The office an organizer works for, by her first place: a street's 人大工委, a district's office, or with no place the
 * whole installation's (`installation`: business.officeName, 市人大常委会办公室, or a district's own).
 */
export function organizerOfficeName(region: Pick<Region, 'name' | 'kind'> | undefined, installation: string): string {
  if (!region) return installation
  return region.kind === 'street' ? `${region.name}人大工委` : districtOfficeName(region.name)
}

/**
 * "各区人大办", "各县人大办", or "各区县人大办" when both (or a 县级市) are among them: the districts' offices together,
 * as their names end; a county's office is a 县's, never a fixed 区's.
 */
export function everyDistrictOffice(districts: Iterable<Pick<Region, 'name'>>): string {
  const ends = new Set([...districts].map((d) => d.name.slice(-1)))
  const word = ends.size === 1 && (ends.has('区') || ends.has('县')) ? [...ends][0] : '区县'
  return `各${word}人大办`
}

/** A case scope as the store filters by it: stations alone, some districts, or districts and stations; none of them is everything. */
export interface OfficeScope {
  stationIds?: readonly string[]
  districtIds?: readonly string[]
  districtsOrStations?: { districtIds: readonly string[] }
}

/**
 * Who holds the messages at an office (上报, or no station covers the place) that a case scope sees, in one name: the
 * office of its one district ("澜江区人大常委会办公室"; a district's own Liaison has but the one), its districts' offices
 * ("澜江区人大办、青石区人大办"), or, seeing the whole city, every district's office and the city's ("各区人大办和市人大办",
 * "各县人大办和…" where the districts are counties). Null for a scope of stations alone (a clerk's, a street's), which
 * holds no message at an office.
 */
export function officesInScope(scope: OfficeScope, directory: Pick<NamingDirectory, 'regions' | 'index'>): string | null {
  if (scope.stationIds) return null
  const own = scope.districtIds ?? scope.districtsOrStations?.districtIds
  if (own?.length) return own.length === 1 ? officeName(own[0], directory) : own.map((id) => shortOfficeName(officeName(id, directory))).join('、')
  // A district's own Liaison (one district: installationOffice) has its one office; a city's, its districts' and its own.
  const districts = [...directory.regions.values()].filter((r) => r.kind === 'district')
  if (districts.length === 1) return districtOfficeName(districts[0].name)
  return `${everyDistrictOffice(districts)}和${shortOfficeName(directory.index.officeName)}`
}

/**
 * The office a clerk or an organizer asks about a message outside her scope: her district's office when all her
 * stations or streets lie in one district, else the whole installation's (a district's organizer is her district's office).
 */
export function officeToAsk(staff: { role: string; stationIds: readonly string[]; regionIds: readonly string[] }, directory: NamingDirectory): string {
  const places = staff.role === 'station_staff' ? staff.stationIds.flatMap((id) => directory.stations.get(id)?.regionIds ?? []) : staff.regionIds
  const districts = new Set(places.map((id) => directory.index.districts.get(id)?.id ?? null))
  const [district] = districts
  const belowDistrict = places.every((id) => directory.regions.get(id)?.kind !== 'district')
  return districts.size === 1 && district && belowDistrict ? officeName(district, directory) : directory.index.officeName
}

/**
 * The office a console user works for, by name: an organizer's own (organizerOfficeName: her street's 人大工委, her
 * district's office, or with no place the whole installation's), a clerk's the office of her stations' district
 * (officeToAsk), and for admins and handling units' staff the whole installation's.
 */
export function staffOfficeName(staff: { role: string; stationIds: readonly string[]; regionIds: readonly string[] }, directory: NamingDirectory): string {
  if (staff.role === 'organizer') return organizerOfficeName(directory.regions.get(staff.regionIds[0] ?? ''), directory.index.officeName)
  if (staff.role === 'station_staff') return officeToAsk(staff, directory)
  return directory.index.officeName
}

/** Places by name, as a report's or a download's name begins ("澜江区", "澜江区、青石区"); none is 全市. An unknown id stands for itself. */
export function placesName(regionIds: readonly string[], regions: ReadonlyMap<string, Pick<Region, 'name'>>): string {
  return regionIds.map((id) => regions.get(id)?.name ?? id).join('、') || '全市'
}

/**
 * Whose messages a staff member's lists hold, as a file name begins: her district's or districts' names (澜江区), her
 * station's (a clerk), or 全市 for the city's office and admins.
 */
export function staffScopeName(
  staff: { role: string; regionIds: readonly string[]; stationIds: readonly string[] },
  directory: Pick<NamingDirectory, 'regions' | 'stations'>,
): string {
  if (staff.role === 'station_staff') return staff.stationIds.map((id) => directory.stations.get(id)?.name ?? id).join('、') || '联络站'
  return placesName(staff.role === 'organizer' ? staff.regionIds : [], directory.regions)
}
