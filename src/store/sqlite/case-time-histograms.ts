import type { Db } from './open.js'

/** Where the value of one rank lies in a place's times: its bucket's lower edge (null for the first bucket, which has none) and how many of that bucket's values come before it. */
export interface RankAt {
  from: number | null
  offset: number
}

/**
 * The counts per bucket of the times that migration 039 keeps by trigger, per station and over
 * every case (place ''), on the scale of case_time_edges. A rank's value is then sought from its
 * bucket's lower edge, stepping past only the values of that bucket before it.
 */
export function caseTimeHistograms(db: Db) {
  const edges = db.prepare('SELECT lo FROM case_time_edges ORDER BY bucket').pluck().all() as number[]
  const one = db.prepare('SELECT counts FROM case_time_histograms WHERE kind = ? AND place = ?').pluck()
  const stations = db.prepare("SELECT place, counts FROM case_time_histograms WHERE kind = ? AND place <> ''").raw()
  const parse = (counts: string) => {
    const n = JSON.parse(counts) as number[]
    return { counts: n, total: n.reduce((sum, c) => sum + c, 0) }
  }
  return {
    /** One place's counts ('' for every case), or null when it has no times. */
    of(kind: 'ack' | 'reply', place: string) {
      const counts = one.get(kind, place) as string | undefined
      return counts === undefined ? null : parse(counts)
    },
    /** Every station's counts: one read of a few thousand short rows for a province. */
    ofStations(kind: 'ack' | 'reply') {
      return new Map((stations.all(kind) as Array<[string, string]>).map(([place, counts]) => [place, parse(counts)]))
    },
    /** Where the value of a rank (0 the least) lies among the counted times. */
    rankAt(counts: number[], rank: number): RankAt {
      let before = 0
      for (let bucket = 0; bucket < counts.length; bucket++) {
        if (rank < before + counts[bucket]) return { from: bucket === 0 ? null : edges[bucket], offset: rank - before }
        before += counts[bucket]
      }
      throw new Error(`rank ${rank} beyond the ${before} counted times`)
    },
  }
}
