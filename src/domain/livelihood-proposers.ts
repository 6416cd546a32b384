import type { LivelihoodProposal } from './livelihood.js'

/** Who hears what became of a proposal: the resident's account, or the deputy who wrote it. */
export interface Proposer {
  kind: 'mp_user' | 'deputy'
  id: string
}

/** Who hears what became of a proposal: the resident's account, or the deputy; no one once the resident erased their data. */
export const proposerOf = (p: Pick<LivelihoodProposal, 'mpUserId' | 'deputyId'>): Proposer | null =>
  p.mpUserId ? { kind: 'mp_user', id: p.mpUserId } : p.deputyId ? { kind: 'deputy', id: p.deputyId } : null

/** One proposer's key (`kind:id`): a resident and a deputy never share one, however their ids read. */
export const proposerKey = (to: Proposer) => `${to.kind}:${to.id}`

/**
 * Proposals grouped by who hears of them (proposerOf), in the order each proposer first appears: one message per
 * proposer, naming all hers. Proposals no one hears of (the resident erased her data) are left out.
 */
export function byProposer<P extends Pick<LivelihoodProposal, 'mpUserId' | 'deputyId'>>(
  proposals: readonly P[],
): Array<{ key: string; to: Proposer; mine: P[] }> {
  const groups = new Map<string, { key: string; to: Proposer; mine: P[] }>()
  for (const p of proposals) {
    const to = proposerOf(p)
    if (!to) continue
    const key = proposerKey(to)
    const group = groups.get(key) ?? { key, to, mine: [] }
    group.mine.push(p)
    groups.set(key, group)
  }
  return [...groups.values()]
}
