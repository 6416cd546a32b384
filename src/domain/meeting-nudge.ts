/**
 * Who an organizer's "please answer" round (提醒未回复) may go to: only invitees whose meeting
 * notice has been sent, long enough ago to have been read. A nudge queued behind a notice that
 * still waits (quiet hours, no channel yet) would arrive with it, nagging about a message the
 * deputy has just received. Pure: the notice states are read from the outbox rows
 * (notice-delivery.ts), times are passed in.
 */
import { momentLabel, type MeetingInvitee } from './meeting.js'
import type { NoticeState } from './notice-delivery.js'

const MINUTE = 60_000

export interface NudgeSplit {
  /** Their notice went out long enough ago: they may be asked again. */
  ready: MeetingInvitee[]
  /** Their notice still waits to be sent… */
  notSent: MeetingInvitee[]
  /** …and why, as the outbox says it (夜间免打扰，08:00 后发送), for the first of them that says. */
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

/**
 * Why those a round leaves out are not asked, in words an organizer reads beside the button or
 * after pressing it; null when nobody is left out. Said without a count when nobody is asked
 * for one reason only ("通知待发送（夜间免打扰，08:00 后发送），发出后可以提醒还没回复的人"), else with one.
 */
export function nudgeHeldWords(split: NudgeSplit, timeZone: string): string | null {
  const groups = [split.notSent, split.justSent, split.undeliverable].filter((g) => g.length)
  if (!groups.length) return null
  const whose = (people: MeetingInvitee[]) =>
    split.ready.length ? `另有 ${people.length} 人的通知` : groups.length === 1 ? '通知' : `${people.length} 人的通知`
  const words: string[] = []
  // In the 通知送达 column's word (待发送), and when she may remind them instead of "不用提醒" with no button in sight.
  if (split.notSent.length)
    words.push(
      `${whose(split.notSent)}待发送${split.waitingReason ? `（${split.waitingReason}）` : ''}，发出后可以提醒${split.ready.length || groups.length > 1 ? '' : '还没回复的人'}`,
    )
  if (split.justSent.length) words.push(`${whose(split.justSent)}刚发出不久，请在 ${momentLabel(split.readyAt!, timeZone)} 以后再提醒，给大家留出看通知的时间`)
  if (split.undeliverable.length) words.push(`${whose(split.undeliverable)}没有送达，提醒也发不到，请电话联系`)
  return words.join('；')
}

/** The code of the refusal when nobody may be asked yet: the first reason that holds. */
export function nudgeHeldCode(split: NudgeSplit): 'notice_not_sent' | 'notice_just_sent' | 'notice_undeliverable' {
  return split.notSent.length ? 'notice_not_sent' : split.justSent.length ? 'notice_just_sent' : 'notice_undeliverable'
}
