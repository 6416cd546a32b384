import type { Region } from './directory.js'

/** What the whole installation's office is called when nothing tells otherwise. */
const CITY_OFFICE = '市人大常委会办公室'

/**
 * The office of the whole installation, as people call it: the configured name (business.officeName),
 * else the district's office when the directory is one district's (a 区 or 县 running Liaison for
 * itself has no 市 office above it in Liaison), else the city's.
 */
export function installationOfficeName(configured: string | null, regions: Iterable<Region>): string {
  if (configured) return configured
  const districts = [...regions].filter((r) => r.kind === 'district')
  return districts.length === 1 ? `${districts[0].name}人大常委会办公室` : CITY_OFFICE
}
