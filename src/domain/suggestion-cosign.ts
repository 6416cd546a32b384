/**
 * 附议: where a suggestion's co-signing stands, and the words its lead deputy reads about it (on his page and in
 * the notice when a colleague answers). Pure.
 */
import type { SuggestionInvitee, SuggestionRecord } from './suggestion.js'

/** What the co-signing rules need (config suggestions): the co-signers a suggestion must have before it is submitted. */
export interface CosignRules {
  minCoSigners: number
}

export type InviteeAnswer = 'waiting' | 'cosigned' | 'declined'
export const INVITEE_ANSWER_LABELS: Record<InviteeAnswer, string> = { waiting: '还没有回复', cosigned: '已附议', declined: '不附议' }

/** How an invited deputy has answered: co-signing wins over an earlier 不附议 (he changed his mind). */
export function inviteeAnswer(s: Pick<SuggestionRecord, 'coSigners'>, i: Pick<SuggestionInvitee, 'deputyId' | 'declinedAt'>): InviteeAnswer {
  if (s.coSigners.some((c) => c.deputyId === i.deputyId)) return 'cosigned'
  return i.declinedAt ? 'declined' : 'waiting'
}

export interface CosignStanding {
  /** config suggestions.minCoSigners: 0 when one deputy may submit alone, as the law has it for 代表建议. */
  needed: number
  cosigned: number
  /** How many more co-signers the rule asks for before he may submit. */
  missing: number
  /** Asked by name and not yet answered. */
  waiting: SuggestionInvitee[]
  /**
   * Submitting now leaves nobody out: enough co-signers, and everyone asked has answered (with nobody asked, someone
   * co-signed), or the window has closed. Until then his page shows 等待附议, not the button that ends it.
   */
  ready: boolean
}

export function cosignStanding(s: Pick<SuggestionRecord, 'coSigners' | 'invitees' | 'cosignUntil'>, needed: number, now: Date): CosignStanding {
  const missing = Math.max(0, needed - s.coSigners.length)
  const waiting = s.invitees.filter((i) => inviteeAnswer(s, i) === 'waiting')
  const open = !!s.cosignUntil && now < s.cosignUntil
  const answered = waiting.length === 0 && (s.invitees.length > 0 || s.coSigners.length > 0)
  return { needed, cosigned: s.coSigners.length, missing, waiting, ready: missing === 0 && (answered || !open) }
}

/**
 * "已有 1 位代表附议，还需 1 位代表附议才能提交。李强还没有回复。": the count, the number still needed (said only when the
 * rule asks for co-signers), who has not answered, and what he may do. Without a rule, that co-signing is not
 * required, so that he neither waits for nothing nor submits while colleagues he asked are still reading.
 */
export function cosignWords(st: CosignStanding): string {
  const have = st.cosigned ? `已有 ${st.cosigned} 位代表附议` : '还没有代表附议'
  const parts = [st.missing ? `${have}，还需 ${st.missing} 位代表附议才能提交。` : `${have}。`]
  if (st.waiting.length) parts.push(`${st.waiting.map((i) => i.name).join('、')}还没有回复。`)
  if (st.ready) parts.push('可以提交了。')
  else if (!st.missing) parts.push(st.needed ? '想等其他代表附议，就先不要提交。' : '附议不是必须的；想等其他代表附议，就先不要提交。')
  return parts.join('')
}
