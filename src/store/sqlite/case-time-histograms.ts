import type { Db } from './open.js'

/** Where the value of one rank lies in a place's times: its bucket's lower edge (null for the first bucket, which has none) and how many of that bucket's values come before it. */
export interface RankAt {
  from: number | null
  offset: number
}

/** One place's bucket counts as stored: read by its version first, the counts parsed only when needed. */
export interface PlaceCounts {
  version: number
  counts: string
}

/**
 * The counts per bucket of the times that migration 039 keeps by trigger, per station and over
 * every case (place ''), on the scale of case_time_edges. A rank's value is then sought from its
 * bucket's lower edge, stepping past only the values of that bucket before it.
 */
export function caseTimeHistograms(db: Db) {
  const edges = db.prepare('SELECT lo FROM case_time_edges ORDER BY bucket').pluck().all() as number[]
  const one = db.prepare('SELECT version, counts FROM case_time_histograms WHERE kind = ? AND place = ?')
  const stations = db.prepare("SELECT place, version FROM case_time_histograms WHERE kind = ? AND place <> ''").raw()
  return {
    /** One place's counts ('' for every case), or null when it has no times. */
    of(kind: 'ack' | 'reply', place: string) {
      return (one.get(kind, place) as PlaceCounts | undefined) ?? null
    },
    /** Every station's version (their counts are read only where a middle must be sought again): one read of a few thousand short rows for a province. */
    versionsOfStations(kind: 'ack' | 'reply') {
      return new Map(stations.all(kind) as Array<[string, number]>)
    },
    /** Where the value of a rank (0 the least) lies among the n counted times, or null when the counts are not of n times. */
    rankAt(place: PlaceCounts, rank: number, n: number): RankAt | null {
      const counts = JSON.parse(place.counts) as number[]
      if (counts.reduce((sum, c) => sum + c, 0) !== n) return null
      let before = 0
      for (let bucket = 0; bucket < counts.length; bucket++) {
        if (rank < before + counts[bucket]) return { from: bucket === 0 ? null : edges[bucket], offset: rank - before }
        before += counts[bucket]
      }
      return null
    },
  }
}
