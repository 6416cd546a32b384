import type { LivelihoodProject } from '../domain/livelihood.js'

/** One project in a form that compares equal only when every field does, whatever order its keys were stored in. */
const canonical = (p: LivelihoodProject) =>
  JSON.stringify(
    Object.keys(p)
      .sort()
      .map((key) => [key, (p as unknown as Record<string, unknown>)[key]]),
  )

/**
 * Whether a cycle's stored candidates are those a request read, each unchanged (startVoting): the same ids and, for
 * each, the same fields. Compared whole rather than by `updatedAt`, which two corrections in one millisecond share.
 */
export function candidatesAsRead(stored: LivelihoodProject[], read: LivelihoodProject[]): boolean {
  if (stored.length !== read.length) return false
  const before = new Map(read.map((p) => [p.id, canonical(p)]))
  return stored.every((p) => before.get(p.id) === canonical(p))
}
