import { ref, type Ref } from 'vue'
import type { ApiError } from '../../api'
import { dropCaseDraft, isDraftMove, keepCaseDraft, takeCaseDraft, type DraftMove } from './case-draft'

/** What of the case page the draft reads and sets (CaseDetail.vue). */
export interface CaseDraftPage {
  /** The message as shown (null before the first read). */
  c: Ref<any>
  /** The dialog open now, '' for none. */
  dialog: Ref<string>
  /** The dialog's words on the move's standing, and whether its confirm button goes. */
  refusal: Ref<string>
  moveGone: Ref<boolean>
  /** Whether the server offers the move now. */
  can: (move: DraftMove) => boolean
  /** Reads the message again behind what is shown. */
  reread: () => Promise<void>
}

/**
 * What she wrote and chose in the case page's move dialogs (分派/改派, 不予受理, 上报, 催办, 合并), kept while a
 * move is on its way (case-draft.ts): when her login ended meanwhile, the page opens the dialog again with
 * it once she is back. Also 分派's holder she saw, which the server checks (holder_changed).
 */
export function useCaseDraft(page: CaseDraftPage) {
  const deputyId = ref<string | null>(null)
  /** The deputy she saw holding it when she opened 分派: the server refuses the move if that changed meanwhile (holder_changed). */
  const seenHolder = ref<string | null>(null)
  const note = ref('')
  const reason = ref('')
  // Its own field: a reason for the office must never turn up in 不予受理's, which the resident reads.
  const handUpReason = ref('')
  /** 合并: the message chosen, and what she typed to find it (a number finds messages the offer does not list). */
  const mergeInto = ref<string>()
  const mergeQuery = ref('')

  /** A dialog opened afresh: 分派 and 上报 note the holder she sees (上报 takes it from him); 合并 starts with nothing chosen. */
  function opening(move: string) {
    if (move === 'assign' || move === 'handUp') seenHolder.value = page.c.value?.deputyId ?? null
    if (move === 'merge') {
      mergeInto.value = undefined
      mergeQuery.value = ''
    }
  }

  function keep() {
    const move = page.dialog.value
    if (!isDraftMove(move)) return
    keepCaseDraft(page.c.value.id, {
      move,
      deputyId: deputyId.value,
      seen: seenHolder.value,
      note: note.value,
      reason: reason.value,
      handUpReason: handUpReason.value,
      intoCaseId: mergeInto.value ?? null,
      mergeQuery: mergeQuery.value,
    })
  }

  const drop = () => page.c.value && dropCaseDraft(page.c.value.id)

  /** The words of the moves that take words, cleared once a move is made. */
  function clearWords() {
    note.value = ''
    reason.value = ''
    handUpReason.value = ''
  }

  /** The dialog kept for this message opened again with what she wrote, if the move is still offered. */
  function restore() {
    const draft = takeCaseDraft(page.c.value.id)
    // The move may be gone meanwhile (someone handled the message): the page then shows it as it is.
    if (!draft || !page.can(draft.move)) return
    ;({ deputyId: deputyId.value, seen: seenHolder.value, note: note.value, reason: reason.value, handUpReason: handUpReason.value } = draft)
    // Drafts kept before 合并 was kept have neither.
    mergeInto.value = draft.intoCaseId ?? undefined
    mergeQuery.value = draft.mergeQuery ?? ''
    page.moveGone.value = false
    page.dialog.value = draft.move
    page.refusal.value = '上次没有提交成功，您写的内容还在，请再点一次确认'
  }

  /**
   * Someone moved the message to another deputy (or back to the station) while her 分派 or 上报 dialog was open: the
   * page shows who holds it now, the dialog says who moved it where and keeps her choice and words; her next
   * 确认 is made against the holder she now sees.
   */
  async function holderChanged(err: ApiError, move: DraftMove = 'assign') {
    await page.reread()
    seenHolder.value = page.c.value?.deputyId ?? null
    page.moveGone.value = !page.can(move)
    page.refusal.value = err.message
  }

  return { deputyId, seenHolder, note, reason, handUpReason, mergeInto, mergeQuery, opening, keep, drop, clearWords, restore, holderChanged }
}
