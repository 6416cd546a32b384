import type { Store } from '../../store/ports.js'

/** The marker recorded once the activation codes waiting at the upgrade have been dated (MarkerRepo). */
export const ACTIVATIONS_DATED_MARKER = 'activation-codes-dated'

/**
 * Activation codes expire a set number of days after they first appeared; a code waiting from before that rule
 * has no such date and, left alone, would open its account for ever (the next sync file dates it only if it comes).
 * Run at start until it has once gone through: dates those codes at `now`, as sqlite's migration 051 did, so they
 * expire from now, neither at once nor never, then records a marker so later starts skip it. Every code issued
 * since is dated when it is written. Returns how many codes it dated.
 */
export async function dateWaitingActivations(store: Pick<Store, 'staff' | 'markers'>, now: Date): Promise<number> {
  if (await store.markers.doneAt(ACTIVATIONS_DATED_MARKER)) return 0
  const dated = await store.staff.dateUndatedActivations(now)
  await store.markers.markDone(ACTIVATIONS_DATED_MARKER, now)
  return dated
}
