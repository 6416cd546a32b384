import { OPEN_STATUSES, WAITING_STATUSES } from '../../domain/case.js'

/** SQL fragments of the case figures (caseStats' definitions), shared by the tallies, the kept counts and the medians. */
export const quoted = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ')
export const WAITING = quoted(WAITING_STATUSES)
export const OPEN = quoted(OPEN_STATUSES)
/** When a case was acknowledged: a reply counts as one. */
export const ACKED = 'coalesce(acknowledged_at, replied_at)'
/** Milliseconds between two stored instants, exactly as Date arithmetic gives them (migration 037's indexes use this very text). */
export const msBetween = (later: string, earlier: string) => `CAST(round((unixepoch(${later}, 'subsec') - unixepoch(${earlier}, 'subsec')) * 1000) AS INTEGER)`
