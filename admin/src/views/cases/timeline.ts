/** A case's timeline as GET /api/admin/cases/:id presents it, and how its steps read. */

/** Who held the message: a deputy, a station, or a congress office (names). */
export interface Side {
  deputy: string | null
  station: string | null
  office: string | null
}

export interface TimelineEvent {
  at: string
  type: string
  label: string
  note: string | null
  actor: { role: string; roleLabel: string; name: string | null }
  from: Side | null
  to: Side | null
  department: string | null
  /** The department's reference number (文号), when the deputy gave one. */
  reference: string | null
  rating: number | null
  /** 分派 with a 要求答复日期, in words ("要求在12月10日前（含当日）答复"); absent otherwise. */
  replyBy?: string
  /** The message a duplicate was merged into, or whose answer it got; on the kept message (duplicate_merged), the one merged into it. */
  relatedCase: { id: string; ticket: string | null } | null
}

const who = (s: Side | null) => (s ? (s.deputy ? `${s.deputy}代表` : (s.station ?? s.office ?? '')) : '')

export const actorText = (e: TimelineEvent) => (e.actor.name ? `${e.actor.name}（${e.actor.roleLabel}）` : e.actor.roleLabel)

/** Where a step moved the message, in words; '' for a step that moved nothing. */
export function movementText(e: TimelineEvent) {
  if (e.type === 'urged') return e.to ? `请${who(e.to)}尽快办理` : ''
  if (!e.to && !e.from) return ''
  // Chinese reads without spaces between words: "从莫欣怡代表交给建设路街道代表联络站".
  if (e.from && e.to) return `从${who(e.from)}交给${who(e.to)}`
  return e.to ? `交给${who(e.to)}` : `离开${who(e.from)}`
}
