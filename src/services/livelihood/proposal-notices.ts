import type { LivelihoodProposal } from '../../domain/livelihood.js'
import type { Recipient } from '../delivery/outbox-message.js'

/** Who hears what became of a proposal: the resident's account, or the deputy. */
export const proposerOf = (p: Pick<LivelihoodProposal, 'mpUserId' | 'deputyId'>): Recipient =>
  p.mpUserId ? { kind: 'mp_user', id: p.mpUserId } : { kind: 'deputy', id: p.deputyId ?? '' }
