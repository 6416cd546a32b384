/**
 * What she wrote in a case page's move dialog, kept in this tab while the move is on its way: when her
 * login has ended meanwhile (401) the console sends her to log in, and back on the page the dialog opens
 * again with it (CaseDetail.vue). sessionStorage: the tab's own, gone when she closes it.
 */
export const DRAFT_MOVES = ['assign', 'reject', 'handUp', 'urge', 'merge'] as const
export type DraftMove = (typeof DRAFT_MOVES)[number]
export interface CaseDraft {
  move: DraftMove
  deputyId: string | null
  seen: string | null
  note: string
  reason: string
  handUpReason: string
  /** 合并: the message she chose to merge into, and the number she looked it up by (it may be found only so). */
  intoCaseId?: string | null
  mergeQuery?: string
}

const draftKey = (caseId: string) => `liaison.case-draft:${caseId}`

export const isDraftMove = (move: string): move is DraftMove => (DRAFT_MOVES as readonly string[]).includes(move)

export function keepCaseDraft(caseId: string, draft: CaseDraft) {
  sessionStorage.setItem(draftKey(caseId), JSON.stringify(draft))
}

export function dropCaseDraft(caseId: string) {
  sessionStorage.removeItem(draftKey(caseId))
}

/** The draft kept for this message, taken (read once, then gone); null when none or unreadable. */
export function takeCaseDraft(caseId: string): CaseDraft | null {
  const kept = sessionStorage.getItem(draftKey(caseId))
  if (!kept) return null
  dropCaseDraft(caseId)
  try {
    const draft = JSON.parse(kept) as CaseDraft
    return isDraftMove(draft.move) ? draft : null
  } catch {
    return null
  }
}
