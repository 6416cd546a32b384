/**
 * What a resident has turned on of WeChat's subscribe messages for the notice she waits for: the answer to her message
 * (case.replied, the first of RESIDENT_NOTICE_KINDS). Each yes is to one template, and the one-time sends of a meeting's
 * or a survey's template bring her no answer: added up, "下一条通知会发给您" stayed on after her answer's yes was used.
 */
export interface NoticesOn {
  /** The answer's template is on for good (a long-term subscription). */
  longTerm: boolean
  /** How many one-time sends of the answer's template are left (each accepted prompt allows one message). */
  left: number
  /** She ever turned any template on (all used up is not the same as never asked). */
  ever: boolean
  /** Another template than the answer's still has a send left or is on for good (a meeting's, a survey's). */
  othersOn: boolean
}

/**
 * From her credits, a row per template she said yes to, and `answerTemplateId`, the template the answer to her message
 * is sent with (null while the office has set none up: then nothing of hers is about the answer).
 */
export function noticesOn(credits: ReadonlyArray<{ templateId: string; oneTime: number; longTerm: boolean }>, answerTemplateId: string | null): NoticesOn {
  const answer = credits.filter((c) => answerTemplateId !== null && c.templateId === answerTemplateId)
  const others = credits.filter((c) => !answer.includes(c))
  return {
    longTerm: answer.some((c) => c.longTerm),
    left: answer.reduce((sum, c) => sum + Math.max(0, c.oneTime), 0),
    ever: credits.length > 0,
    othersOn: others.some((c) => c.longTerm || c.oneTime > 0),
  }
}

/**
 * The same in a few words beside "微信通知：" on 我的信息, as 我的 says it (miniprogram/pages/deputy/notice-words.js): what
 * holds for the answer to her message, never how many sends are left, which is not hers to keep count of; null when she
 * never turned any on.
 */
export function noticesOnShort(n: NoticesOn): string | null {
  if (n.longTerm) return '已开通，代表的答复会一直发给您'
  // The next one, not how many: each yes covers one.
  if (n.left) return '已开通，代表的下一条答复会发给您'
  // A meeting's or a survey's yes is left: true of those, not of the answer she waits for.
  if (n.othersOn) return '代表答复时现在收不到通知，别的通知还能收到'
  return n.ever ? '已用完，现在收不到' : null
}
