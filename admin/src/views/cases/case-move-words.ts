import { computed, type Ref } from 'vue'

/**
 * What the case page's moves say of themselves (CaseDetail.vue): each dialog's line of what the move does, and
 * the toast once it is made, true to whether the deputy holding it can be reached.
 */
export function useCaseMoveWords(c: Ref<any>, handUpTo: Ref<{ name: string; short: string }>) {
  /**
   * Whether the deputy now holding it hears of the move. Never a promise of a notice that will not arrive; why it
   * will not is said once, in the box beside the deputy, not again in the toast.
   */
  const unreached = (answer: any) => !!answer?.deputyNotice && !answer.deputyNotice.reachable

  /** 已分派给王芳代表 / 已改派给王芳代表 (a 改派 is said as one), and whether he hears of it. */
  function assigned(moving: boolean) {
    return (answer: any) => {
      const done = `已${moving ? '改派' : '分派'}给${answer?.handledBy?.deputy ?? ''}代表`
      // 代表, never 他: the directory has no sex field, and many deputies are women.
      return unreached(answer) ? { text: `${done}，代表收不到提醒`, warn: true } : { text: `${done}，代表会收到通知`, warn: false }
    }
  }
  const urged = (answer: any) =>
    unreached(answer) ? { text: '已催办，记在办理经过里；代表收不到提醒', warn: true } : { text: '已催办，代表会收到提醒', warn: false }

  /** 不予受理 frees the messages merged into this one (they go back to 待分派): said before she confirms, and after. */
  const mergedHere = computed<number>(() => c.value?.duplicates?.count ?? 0)
  const rejectHint = computed(() =>
    mergedHere.value
      ? `请写明原因，留言群众会看到这段话。合并在这条下的 ${mergedHere.value} 条留言会回到待分派，需要另行分派。`
      : '请写明原因，留言群众会看到这段话。',
  )
  /** What 催办 does, true to whether the deputy can be reached at all. */
  const urgeHint = computed(() => {
    const notice = c.value?.deputyNotice
    // Why he cannot be reached stands in the box on the page: here only what that means for 催办.
    if (notice && !notice.reachable) return `${c.value?.handledBy.deputy ?? ''}代表收不到提醒，催办只会记在办理经过里。同一位代表每天只能催办一次。`
    return `${c.value?.handledBy.deputy ?? '办理'}代表会收到催办提醒。同一位代表每天只能催办一次。`
  })

  /**
   * What 上报 does: the office places it, and a deputy holding it gives it up and is told, or (no reminder reaches him)
   * is to be phoned: the server's reach words stand beside him on the page.
   */
  const handUpHint = computed(() => {
    const placed = `上报后，这条留言由${handUpTo.value.short}分派，不再在本站的列表中。`
    const deputy = c.value?.deputyId ? c.value.handledBy.deputy : null
    if (!deputy) return placed
    const notice = c.value?.deputyNotice
    const told = notice && !notice.reachable ? `${deputy}代表收不到提醒，请电话告诉代表不用再办。` : `${deputy}代表会收到通知，不用再办。`
    return `${placed}留言从${deputy}代表手里收回，${told}`
  })

  return { assigned, urged, mergedHere, rejectHint, urgeHint, handUpHint }
}
