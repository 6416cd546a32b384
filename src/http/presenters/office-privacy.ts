import type { ErasureOutcome } from '../../services/privacy/personal-data-erasure.js'

/** 隐去漏掉的称呼, answered: what stands there now and how many places (the clerk typed the words; 操作记录 keeps them). */
export const wordsHiddenAnswer = (done: { ticket: string; places: number; mask: string }) => ({
  ticket: done.ticket,
  places: done.places,
  mask: done.mask,
  message: `已在留言 ${done.ticket} 里隐去 ${done.places} 处，现在显示为“${done.mask}”。代表、联络站和公开的页面都只能看到“${done.mask}”。`,
})

/**
 * 按本人要求删除, answered to the clerk: what was done, to read back to her on the phone. Counts only: which of her
 * other messages were withdrawn is hers, not the clerk's (some may be another station's).
 */
export const officeErasureAnswer = (done: ErasureOutcome & { ticket: string }) => ({
  erased: true as const,
  ticket: done.ticket,
  withdrawn: done.withdrawn.length,
  anonymised: done.anonymised,
  message: [
    `已删除写留言 ${done.ticket} 的居民的个人信息。`,
    done.withdrawn.length ? `这位群众还没办完的 ${done.withdrawn.length} 条留言已撤回，已分给代表的，代表会收到通知。` : '',
    `这位群众的 ${done.anonymised} 条留言已去掉姓名、电话、门牌号等，只留内容用于统计。`,
  ].join(''),
})
