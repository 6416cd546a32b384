import type { Region } from './directory.js'

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
  return { name: configured || (ofCity ? CITY_OFFICE : `${districts[0].name}人大常委会办公室`), ofCity }
}

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
