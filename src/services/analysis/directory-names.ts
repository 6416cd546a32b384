import type { PreparedDirectory } from '../directory/directory-cache.js'
import { officeName } from '../../domain/office-name.js'

/** Whatever holds the prepared directory (the routing cache): reports only read names from it. */
export interface DirectoryNames {
  prepared(): Promise<PreparedDirectory>
}

/** Names of regions, stations, deputies and offices (by district id, or 'city') for reports; an unknown id stands for itself. */
export async function namer(directory: DirectoryNames): Promise<(kind: 'region' | 'station' | 'deputy' | 'office', id: string) => string> {
  const d = await directory.prepared()
  return (kind, id) =>
    kind === 'office'
      ? officeName(id, d)
      : ((kind === 'region' ? d.regions.get(id)?.name : kind === 'station' ? d.stations.get(id)?.name : d.deputies.get(id)?.name) ?? id)
}
