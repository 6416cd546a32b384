/**
 * Who an organizer's "please answer" round (提醒未回复) may go to: only invitees whose meeting
 * notice has been sent, long enough ago to have been read. A nudge queued behind a notice that
 * still waits (quiet hours, no channel yet) would arrive with it, nagging about a message the
 * deputy has just received. Pure: the notice states are read from the outbox rows
 * (notice-delivery.ts), times are passed in.
 */
import { stillInvited, type MeetingInvitee } from './meeting.js'
import { momentLabel } from './meeting-words.js'
import type { NoticeState } from './notice-delivery.js'
import { waitsOnSubscription } from './subscription-wait.js'

const MINUTE = 60_000

export interface NudgeSplit {
  /** Their notice went out long enough ago: they may be asked again. */
  ready: MeetingInvitee[]
  /** Their notice still waits to be sent… */
  notSent: MeetingInvitee[]
  /** …and why, as the outbox says it (夜间免打扰，8:00 后发送), for the first of them that says. */
  waitingReason: string | null
  /** Their notice went out too recently to have been read… */
  justSent: MeetingInvitee[]
  /** …and when the first of them may be asked. */
  readyAt: Date | null
  /** Their notice could not be delivered: a nudge would not be either. */
  undeliverable: MeetingInvitee[]
}

/**
 * Sorts the invitees a round would ask by their notice: sent at least `readMinutes` ago, or not.
 * Someone with no notice row was invited before notices were recorded: told then, at `invitedAt`.
 */
export function splitForNudge(invitees: MeetingInvitee[], noticeOf: (i: MeetingInvitee) => NoticeState, now: Date, readMinutes: number): NudgeSplit {
  const split: NudgeSplit = { ready: [], notSent: [], waitingReason: null, justSent: [], readyAt: null, undeliverable: [] }
  for (const i of invitees) {
    const notice = noticeOf(i)
    if (notice.state === 'waiting') {
      split.notSent.push(i)
      split.waitingReason ??= notice.reason
      continue
    }
    if (notice.state === 'undeliverable') {
      split.undeliverable.push(i)
      continue
    }
    const sentAt = notice.state === 'none' ? i.invitedAt : notice.sentAt
    const readBy = sentAt ? sentAt.getTime() + readMinutes * MINUTE : 0
    if (readBy <= now.getTime()) {
      split.ready.push(i)
      continue
    }
    split.justSent.push(i)
    if (!split.readyAt || readBy < split.readyAt.getTime()) split.readyAt = new Date(readBy)
  }
  return split
}

/** Those a round does not ask because they answered, or were told already: what the words may say of them. */
export interface NudgeOthers {
  /** How many outside the round answered, came, or were sent their notice: then those left out are counted. */
  told: number
  /** How many of them were sent their notice: then a notice still waiting waits for a reason of its own. */
  sent: number
  /** When the meeting was published: whoever was invited after it was added later. */
  publishedAt: Date | null
}

const NO_OTHERS: NudgeOthers = { told: 0, sent: 0, publishedAt: null }

/**
 * The invitees of `all` outside the round (`asked`), as the words need them: with two "已回复" in sight,
 * "通知待发送" alone would read as if nobody had been told. Someone withdrawn is not counted.
 */
export function nudgeOthers(
  all: MeetingInvitee[],
  asked: MeetingInvitee[],
  noticeOf: (i: MeetingInvitee) => NoticeState,
  publishedAt: Date | null,
): NudgeOthers {
  const key = (i: MeetingInvitee) => `${i.personKind}:${i.personId}`
  const inRound = new Set(asked.map(key))
  const others = all.filter((i) => !inRound.has(key(i)) && stillInvited(i))
  const sent = others.filter((i) => noticeOf(i).state === 'delivered').length
  const told = others.filter((i) => i.rsvp !== 'pending' || !!i.checkedInAt || noticeOf(i).state === 'delivered').length
  return { told, sent, publishedAt }
}

/**
 * Why those a round leaves out are not asked, in words an organizer reads beside the button or
 * after pressing it; null when nobody is left out. Said without a count when nobody was told and
 * nobody is asked, for one reason only ("通知待发送（夜间免打扰，8:00 后发送），会自动发出，不用您操作；发出后可以提醒还没回复的人"),
 * else with one ("1 人是发布后加入的，通知会自动发出，不用您操作；发出后如果还没回复，可以再提醒").
 */
export function nudgeHeldWords(split: NudgeSplit, timeZone: string, others: NudgeOthers = NO_OTHERS): string | null {
  const groups = [split.notSent, split.justSent, split.undeliverable].filter((g) => g.length)
  if (!groups.length) return null
  const counted = split.ready.length > 0 || groups.length > 1 || others.told > 0
  const whose = (people: MeetingInvitee[]) => (split.ready.length ? `另有 ${people.length} 人的通知` : counted ? `${people.length} 人的通知` : '通知')
  const words: string[] = []
  // In the 通知送达 column's word (待发送), whether she must do anything (the outbox sends it by itself unless it waits
  // on the deputy's own subscription), and when she may remind them instead of "不用提醒" with no button in sight.
  if (split.notSent.length) words.push(notSentWords(split, others, whose, counted))
  if (split.justSent.length) words.push(`${whose(split.justSent)}刚发出不久，请在 ${momentLabel(split.readyAt!, timeZone)} 以后再提醒，给大家留出看通知的时间`)
  if (split.undeliverable.length) words.push(`${whose(split.undeliverable)}没有送达，提醒也发不到，请电话联系`)
  return words.join('；')
}

const LATE = '（发布后加入）'

/**
 * Those whose notice waits: added after publishing said as theirs (1 人是发布后加入的，通知会自动发出), else 待发送 with
 * the outbox's reason. The dispatcher sends a waiting notice by itself once quiet hours or the rate limit pass; one that
 * waits on the deputy subscribing again does not go by itself, so it is not promised.
 */
function notSentWords(split: NudgeSplit, others: NudgeOthers, whose: (people: MeetingInvitee[]) => string, counted: boolean): string {
  const why = waitsBecause(split, others)
  const later = counted ? '发出后如果还没回复，可以再提醒' : '发出后可以提醒还没回复的人'
  if (waitsOnSubscription(split.waitingReason)) return `${whose(split.notSent)}待发送${why}，${later}`
  const n = split.notSent.length
  if (why === LATE) return `${split.ready.length ? '另有 ' : ''}${n} 人是发布后加入的，通知会自动发出，不用您操作；${later}`
  return `${whose(split.notSent)}待发送${why}，会自动发出，不用您操作；${later}`
}

/**
 * Why the waiting notices wait, in brackets: the outbox's reason; else, when others' notices went out (not merely
 * answered: theirs may wait too) and every one waiting was added after publishing, that (发布后加入); else nothing,
 * rather than a guess.
 */
function waitsBecause(split: NudgeSplit, others: NudgeOthers): string {
  if (split.waitingReason) return `（${split.waitingReason}）`
  const othersOut = split.ready.length + split.justSent.length + others.sent > 0
  const publishedAt = others.publishedAt
  const addedLate = !!publishedAt && split.notSent.every((i) => !!i.invitedAt && i.invitedAt > publishedAt)
  return othersOut && addedLate ? LATE : ''
}

/** The code of the refusal when nobody may be asked yet: the first reason that holds. */
export function nudgeHeldCode(split: NudgeSplit): 'notice_not_sent' | 'notice_just_sent' | 'notice_undeliverable' {
  return split.notSent.length ? 'notice_not_sent' : split.justSent.length ? 'notice_just_sent' : 'notice_undeliverable'
}
