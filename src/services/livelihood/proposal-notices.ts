import type { LivelihoodProposal } from '../../domain/livelihood.js'
import type { Recipient } from '../delivery/outbox-message.js'

/** Who hears what became of a proposal: the resident's account, or the deputy; no one once the resident erased their data. */
export const proposerOf = (p: Pick<LivelihoodProposal, 'mpUserId' | 'deputyId'>): Recipient | null =>
  p.mpUserId ? { kind: 'mp_user', id: p.mpUserId } : p.deputyId ? { kind: 'deputy', id: p.deputyId } : null
