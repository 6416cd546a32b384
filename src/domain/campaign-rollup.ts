/**
 * 上下同题, progress rolled up: a city-level campaign and the local campaigns districts and
 * streets adopted from it, each as a row, and a total that counts each person once however
 * many of the campaigns they are in. Pure: the service gathers each campaign's people.
 */
import type { CampaignLevel } from './campaign.js'
import { totalsOf, type GroupProgress, type PersonProgress } from './campaign-progress.js'

export interface LevelPart {
  campaignId: string
  level: CampaignLevel
  /** The district or street; null for the city's own campaign. */
  areaId: string | null
  people: PersonProgress[]
}

export interface RolledUp {
  parts: Array<Omit<LevelPart, 'people'> & { progress: GroupProgress }>
  /** Everyone in any part once: reached, read or checked in where they did it in any of them. */
  total: GroupProgress
}

const RANK: Record<CampaignLevel, number> = { city: 0, district: 1, street: 2 }

export function rollUp(parts: LevelPart[]): RolledUp {
  const everyone = new Map<string, PersonProgress>()
  for (const part of parts) {
    for (const p of part.people) {
      const key = `${p.kind}:${p.id}`
      const seen = everyone.get(key)
      everyone.set(key, seen ? { ...seen, reached: seen.reached || p.reached, read: seen.read || p.read, checkedIn: seen.checkedIn || p.checkedIn } : p)
    }
  }
  const ordered = [...parts].sort(
    (a, b) => RANK[a.level] - RANK[b.level] || (a.areaId ?? '').localeCompare(b.areaId ?? '') || a.campaignId.localeCompare(b.campaignId),
  )
  return {
    parts: ordered.map(({ people, ...rest }) => ({ ...rest, progress: totalsOf(people, rest.areaId) })),
    total: totalsOf([...everyone.values()]),
  }
}
