/**
 * What a person is told when a move is refused because of where the message stands now (409
 * illegal_transition): what has happened to it, in plain words, and what to do instead when
 * there is something to do. Pure, no I/O.
 *
 * Who reads them: residents in the mini-program and the bot (撤回, 评价, 重新办理), deputies in
 * the mini-program and the bot (受理, 交办, 答复, 转交), staff in the console (分派, 上报,
 * 不予受理, 合并, 催办). The console puts the staff's sentence inside its own, "这条留言刚有人办理过，
 * {sentence}。页面已更新为它现在的情况" when the state changed since the page was read, else
 * "这条留言{sentence}。" (CaseDetail.vue), or after a ticket and a colon in a bulk
 * assignment's summary: so a staff sentence starts with what happened, not with "这条留言", and no
 * sentence ends with a full stop (every reader adds its own).
 */
import type { CaseAction, CaseRecord, CaseStatus } from './case.js'

/** A refused move: one of the state machine's, or 催办 (urging), which changes no state but is refused alike. */
export type RefusedAction = CaseAction | 'urge'

/** What the words depend on: the state, and for a closed message how it closed (rated, merged, or on its own). */
export type RefusedCase = Pick<CaseRecord, 'status' | 'mergedInto' | 'rating'>

/** The state as a refusal tells it: a closed message is closed by a rating, by a merge, or on its own. */
type Standing = CaseStatus | 'merged' | 'rated'

function standingOf(c: RefusedCase): Standing {
  if (c.status !== 'closed') return c.status
  if (c.mergedInto) return 'merged'
  return c.rating !== null ? 'rated' : 'closed'
}

/** Where the message stands, for the general sentence: each state in words, never its label in brackets. */
const STANDING_WORDS: Record<Standing, string> = {
  submitted: '还在等联络站安排代表',
  assigned: '已交给代表，还在等代表受理',
  acknowledged: '代表已经受理，正在办理',
  forwarded: '已经交有关部门办理',
  replied: '代表已经答复了，在等群众评价',
  closed: '已经办结了',
  rated: '已经办结了',
  merged: '已和相同问题的留言合并办理',
  reopened: '正在重新办理',
  withdrawn: '已经撤回了',
  rejected: '已不予受理',
}

/** Each move as the person who makes it names it. */
const MOVE_WORDS: Record<RefusedAction, string> = {
  assign: '交给代表办理',
  acknowledge: '受理',
  forward: '交有关部门办理',
  reply: '答复',
  returnToStation: '退回联络站',
  deputyLeft: '交回联络站',
  handUp: '上报',
  reject: '标为不予受理',
  merge: '合并办理',
  withdraw: '撤回',
  rate: '评价',
  reopen: '申请重新办理',
  autoClose: '自动办结',
  unmerge: '单独办理',
  urge: '催办',
}

/** The moves staff make in the console: their sentences follow "这条留言刚有人办理过，". */
const STAFF_MOVES: ReadonlySet<RefusedAction> = new Set(['assign', 'handUp', 'reject', 'merge', 'urge'])

/** A deputy's message that no longer waits on him, whatever he tried to do with it. */
const DEPUTY_DONE: Partial<Record<Standing, string>> = {
  submitted: '这条留言已交回联络站重新安排，您不用再处理',
  closed: '这条留言已经办结了，您不用再处理',
  merged: '这条留言已和相同问题的留言合并办理，您不用再单独处理',
  withdrawn: '这条留言群众已经撤回了，您不用再处理',
  rejected: '这条留言已不予受理，您不用再处理',
}

const STILL_OPEN_FOR_RESIDENT = '这条留言还在办理中，请等代表答复'
const NOT_ANSWERED_YET = '这条留言代表还没有答复，等答复了再评价'
const NOBODY_TO_URGE = '现在没有代表在办理，不能催办。请先分派给代表'

/**
 * The particular sentences, by move and state. A state not listed gets the general sentence
 * (`refusalText`); 'rated' falls back to 'closed' first.
 */
const SAID: Record<RefusedAction, Partial<Record<Standing, string>>> = {
  // Staff assigning, and a deputy passing a message to another deputy (转交): words for both.
  assign: {
    forwarded: '已经交有关部门办理，不能再交给其他代表',
    replied: '代表已经答复了，正在等群众评价，不能再交给其他代表',
    closed: '已经办结了，不能再交给代表办理',
    merged: '已和相同问题的留言合并办理，不能再单独交给代表',
    withdrawn: '群众已经撤回了，不用再交给代表办理',
    rejected: '已不予受理，不能再交给代表办理',
  },
  acknowledge: {
    ...DEPUTY_DONE,
    acknowledged: '这条留言您已经受理了，请在期限内答复群众',
    forwarded: '这条留言您已经交有关部门办理了，不用再受理',
    replied: '这条留言您已经答复了，正在等群众评价',
  },
  forward: {
    ...DEPUTY_DONE,
    assigned: '这条留言请先受理，再交有关部门办理',
    reopened: '这条留言请先受理，再交有关部门办理',
    forwarded: '这条留言您已经交有关部门办理了',
    replied: '这条留言您已经答复了，不用再交办',
  },
  reply: {
    ...DEPUTY_DONE,
    replied: '这条留言您已经答复过了，正在等群众评价',
    merged: '这条留言已和相同问题的留言合并办理，答复那条留言就可以了',
  },
  returnToStation: {
    ...DEPUTY_DONE,
    submitted: '这条留言已经退回联络站了，您不用再处理',
    forwarded: '这条留言您已经交有关部门办理了，不能再退回。有了结果，请答复群众',
    replied: '这条留言您已经答复了，不能再退回',
  },
  deputyLeft: {},
  handUp: {
    // With a deputy who has not answered yet (assigned, acknowledged) 上报 is made, not refused (TRANSITIONS.handUp).
    forwarded: '代表已经交有关部门办理，不用再上报',
    replied: '代表已经答复了，不用再上报',
    closed: '已经办结了，不用再上报',
    merged: '已和相同问题的留言合并办理，不用再上报',
    reopened: '正在由代表重新办理，不用再上报',
    withdrawn: '群众已经撤回了，不用再上报',
    rejected: '已不予受理，不能再上报',
  },
  reject: {
    forwarded: '代表已经交有关部门办理，不能再标为不予受理',
    replied: '代表已经答复了，不能再标为不予受理',
    closed: '已经办结了，不能再标为不予受理',
    merged: '已和相同问题的留言合并办理，不能再标为不予受理',
    reopened: '群众申请了重新办理，正在由代表办理，不能再标为不予受理',
    withdrawn: '群众已经撤回了，不用再标为不予受理',
    rejected: '已经标为不予受理了',
  },
  merge: {
    forwarded: '代表已经交有关部门办理，不能再合并办理',
    replied: '代表已经答复了，不能再合并办理',
    closed: '已经办结了，不能再合并办理',
    merged: '已经合并办理了',
    reopened: '正在由代表重新办理，不能再合并办理',
    withdrawn: '群众已经撤回了，不用再合并办理',
    rejected: '已不予受理，不能再合并办理',
  },
  withdraw: {
    replied: '这条留言代表已经答复了，不能再撤回。您可以查看答复并评价',
    closed: '这条留言已经办结了，不能再撤回',
    merged: '这条留言已和相同问题的留言合并办理，不能再撤回',
    withdrawn: '这条留言您已经撤回了',
    rejected: '这条留言已不予受理，不用再撤回',
  },
  rate: {
    submitted: NOT_ANSWERED_YET,
    assigned: NOT_ANSWERED_YET,
    acknowledged: NOT_ANSWERED_YET,
    forwarded: NOT_ANSWERED_YET,
    reopened: NOT_ANSWERED_YET,
    rated: '这条留言您已经评价过了',
    // Closed unrated: the days to rate an answer passed and it closed on its own.
    closed: '这条留言已经办结了，不能再评价',
    merged: '这条留言已和相同问题的留言合并办理，不用单独评价',
    withdrawn: '这条留言您已经撤回了，不用评价',
    rejected: '这条留言已不予受理，不用评价',
  },
  reopen: {
    submitted: STILL_OPEN_FOR_RESIDENT,
    assigned: STILL_OPEN_FOR_RESIDENT,
    acknowledged: STILL_OPEN_FOR_RESIDENT,
    forwarded: STILL_OPEN_FOR_RESIDENT,
    replied: '这条留言请先给代表的答复评价。不满意的话，评价后可以申请重新办理',
    reopened: '这条留言已经在重新办理了，请等代表答复',
    withdrawn: '这条留言您已经撤回了，不能申请重新办理。问题还没有解决的话，您可以再写一条留言',
    rejected: '这条留言已不予受理，不能申请重新办理',
  },
  autoClose: {},
  unmerge: {},
  // 催办 is allowed while a deputy holds it, waiting on him (mayBeUrged): in those states it is refused only when no deputy does.
  urge: {
    submitted: NOBODY_TO_URGE,
    assigned: NOBODY_TO_URGE,
    acknowledged: NOBODY_TO_URGE,
    forwarded: NOBODY_TO_URGE,
    reopened: NOBODY_TO_URGE,
    replied: '代表已经答复了，不用再催办',
    closed: '已经办结了，不用再催办',
    merged: '已和相同问题的留言合并办理，不用再催办',
    withdrawn: '群众已经撤回了，不用再催办',
    rejected: '已不予受理，不用再催办',
  },
}

/**
 * Why this move cannot be made on this message now, in words: the particular sentence for the
 * move and the state, else a general one that still says the state in words and names the move.
 */
export function refusalText(action: RefusedAction, c: RefusedCase): string {
  const standing = standingOf(c)
  const said = SAID[action][standing] ?? (standing === 'rated' ? SAID[action].closed : undefined)
  if (said) return said
  const subject = STAFF_MOVES.has(action) ? '' : '这条留言'
  return `${subject}${STANDING_WORDS[standing]}，现在不能${MOVE_WORDS[action]}`
}

/**
 * A deputy acting on a message that has been taken from him since he opened it: given to another
 * deputy, or back with the station (or the office) to be placed again. `handedOnTo`: the colleague he
 * handed it to himself (转交, handedOnByHim), who holds it still: said as his own move, by name. `office`: the
 * office that holds it, by its name ("湛河区人大常委会办公室"), when no station does; unnamed only where the caller
 * cannot know it.
 */
export function notHisNowText(
  c: Pick<CaseRecord, 'deputyId' | 'stationId'>,
  subject = '这条留言',
  handedOnTo: string | null = null,
  office: string | null = null,
): string {
  if (c.deputyId && handedOnTo) return `${subject}您已转给${handedOnTo}代表办理，您不用再处理`
  if (c.deputyId) return `${subject}已改由其他代表办理，您不用再处理`
  return c.stationId ? `${subject}已交回联络站重新安排，您不用再处理` : `${subject}已交${office ?? '人大常委会办公室'}重新安排，您不用再处理`
}

/**
 * mayFollowHandedOn: where a message he handed on stands now, in his 已转出 list. He may know no more of it than reading it
 * again would tell him (notHisNowText, case_not_his): the colleague he handed it to by name while she holds it, else only
 * that another deputy, the station or the office has it. Never its state, its answer or the resident's rating: those
 * are for whoever handles it now (review 37, finding 5).
 */
export function handedOnNowText(c: Pick<CaseRecord, 'deputyId' | 'stationId'>, handedOnTo: string | null, office: string | null): string {
  if (c.deputyId && handedOnTo) return `由${handedOnTo}代表办理`
  if (c.deputyId) return '已改由其他代表办理'
  return c.stationId ? '已交回联络站重新安排' : `已交${office ?? '人大常委会办公室'}重新安排`
}

/**
 * What the deputy who has just handed a message on (转交) is told, by name: the colleague who has it
 * now, or the station (or office) that places it again. `to`: who handles it after the move.
 */
export function handedOnText(to: { deputy: string | null; station: string | null; office: string | null }): string {
  if (to.deputy) return `这条留言已转给${to.deputy}代表办理，您不用再处理`
  return `这条留言已交回${to.station ?? to.office ?? '联络站'}重新安排，您不用再处理`
}

/**
 * Why staff may not fold a message into this one (合并办理): it is no longer being handled, or is itself
 * folded into another (`root`: that one's number, where the work goes on); and what to do instead.
 */
export function mergeTargetText(into: RefusedCase & Pick<CaseRecord, 'ticket'>, root: string | null): string {
  if (into.mergedInto) return `留言 ${into.ticket} 本身已并入${root ? `留言 ${root} ` : '别的留言'}合并办理，请改为并入${root ? `留言 ${root}` : '那一条'}`
  return `留言 ${into.ticket} ${STANDING_WORDS[standingOf(into)]}，不能再把别的留言并入它。请选一条还在办理中的留言，或把这条单独交给代表办理`
}

/** What an answered message says in the 合并 dialog beside its state: why it may not be chosen, and what to do instead. */
export const MERGE_INTO_ANSWERED = '已经答复过，并进去的新留言不会再有人答复'
export const MERGE_INTO_ANSWERED_CHOICE = `不能并入：这条${MERGE_INTO_ANSWERED}。请把本条单独交给代表办理`

/**
 * Why staff may not fold a message into one already answered (已答复, waiting for its resident's score): its answer was
 * written before this message came, and nobody would answer this one (review 33: "又坏了" closed as 已办结 with nobody
 * acting). Reopened (重新办理), a message is open for work again and may take others.
 */
export function mergeIntoAnsweredText(into: Pick<CaseRecord, 'ticket'>): string {
  return `留言 ${into.ticket} ${MERGE_INTO_ANSWERED}，请把这条留言单独交给代表办理`
}

/**
 * Why staff may not fold a message into one about another place (合并办理): a merge closes this resident's message, so
 * the other gate's or building's problem would be left undone. `apart`: the places each names, as written (placesApart).
 */
export function mergePlacesText(c: Pick<CaseRecord, 'ticket'>, into: Pick<CaseRecord, 'ticket'>, apart: { here: string[]; there: string[] }): string {
  return `留言 ${c.ticket} 说的是${apart.here.join('、')}，留言 ${into.ticket} 说的是${apart.there.join('、')}，不是同一个地方的问题，不能合并。请把这条单独交给代表办理`
}

/** Whether a message was ever placed with this deputy: every placing (at submission, by staff, by a transfer) names him in its event. */
export function heldOnce(events: readonly { data: Record<string, unknown> }[], deputyId: string): boolean {
  return events.some((e) => e.data.deputyId === deputyId)
}

/** Why a closed message may not be handled again (重新办理): rated well, or answered too long ago; and what to do instead. */
export function reopenBlockedText(block: 'reopen_not_allowed' | 'reopen_window_passed', policy: { reopenMaxRating: number; reopenWindowDays: number }): string {
  return block === 'reopen_not_allowed'
    ? `只有评价为 ${policy.reopenMaxRating} 分及以下的留言可以申请重新办理。问题还没有解决的话，您可以再写一条留言`
    : `答复已经超过 ${policy.reopenWindowDays} 天，不能再申请重新办理了。问题还没有解决的话，您可以再写一条留言`
}
