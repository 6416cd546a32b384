import type { CaseRecord } from './case.js'
import { DEPUTY_LEVELS, type Deputy } from './directory.js'

/**
 * Who may take a message over from the deputy holding it (转交): a deputy in office, not the
 * one holding it, who serves at the message's station. The message stays with the station that
 * covers the resident's place: placing it elsewhere is for that station's staff or the office,
 * after he hands it back. Pure, no I/O.
 *
 * One rule for both the list the deputy chooses from and the transfer itself, so that the list
 * never offers someone the transfer refuses, nor leaves out someone it accepts.
 */
export type TransferRefusal = 'inactive' | 'holder' | 'other_station'

type Target = Pick<Deputy, 'id' | 'active' | 'stationIds'>

/** Why this deputy may not take the message over; null when he may. */
export function transferRefusal(c: Pick<CaseRecord, 'deputyId' | 'stationId'>, target: Target): TransferRefusal | null {
  if (!target.active) return 'inactive'
  if (target.id === c.deputyId) return 'holder'
  if (!c.stationId || !target.stationIds.includes(c.stationId)) return 'other_station'
  return null
}

const byName = new Intl.Collator('zh-CN')

/** The order a deputy reads his colleagues in, as a congress lists its deputies: by level from national down, then by name (pinyin). */
export function colleagueOrder(a: Pick<Deputy, 'level' | 'name'>, b: Pick<Deputy, 'level' | 'name'>) {
  return DEPUTY_LEVELS.indexOf(a.level) - DEPUTY_LEVELS.indexOf(b.level) || byName.compare(a.name, b.name)
}
