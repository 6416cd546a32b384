import type { PreparedDirectory } from '../directory/directory-cache.js'

/** Whatever holds the prepared directory (the routing cache): reports only read names from it. */
export interface DirectoryNames {
  prepared(): Promise<PreparedDirectory>
}

/** Names of regions, stations and deputies for reports; an unknown id stands for itself. */
export async function namer(directory: DirectoryNames): Promise<(kind: 'region' | 'station' | 'deputy', id: string) => string> {
  const d = await directory.prepared()
  return (kind, id) => (kind === 'region' ? d.regions.get(id)?.name : kind === 'station' ? d.stations.get(id)?.name : d.deputies.get(id)?.name) ?? id
}
