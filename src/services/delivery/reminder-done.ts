import { campaignPhase, isLive } from '../../domain/campaign.js'
import { personProgress } from '../../domain/campaign-progress.js'
import { rsvpOpen } from '../../domain/meeting-timing.js'
import { promisedBy } from '../../domain/suggestion.js'
import { surveyPhase, type SurveyRecord } from '../../domain/survey.js'
import type { OutboxMessage, Store } from '../../store/ports.js'
import type { SurveyResponses } from '../surveys/survey-responses.js'
import { answerWordsHold, untrueAnswerWords } from '../meetings/deadline-rewrites.js'

/** What each reminder asks of a deputy, said once it is done: the console's reason it was not sent. */
const DONE_WORDS: Record<string, string> = {
  'ballot.reminder': '（代表已经投票，不用再提醒）',
  'survey.reminder': '（代表已经填写，不用再提醒）',
  'reading.reminder': '（代表已经读完，不用再提醒）',
  // The notice that a ballot or survey has begun ("…已开始，请在…投票"), held by quiet hours or a missing subscription
  // credit: once he has voted or answered, "请投票" would make him wonder whether his vote counted.
  'ballot.published': '（代表已经投票，不再通知）',
  'survey.published': '（代表已经填写，不再通知）',
}

/** The 票决通知 or 问卷通知 once it can no longer be acted on: it names a deadline and asks for what is now refused. */
const NOTICE_OVER = {
  ballot: '（投票已经截止，不再通知）',
  consultation: '（征求意见已经截止，不再通知）',
  survey: '（问卷已经截止，不再通知）',
  full: '（提交人数已满，不再通知）',
} as const

/** What the reminder's deadline ("请在…前完成") was for, said once it has passed: nobody can act on it any more. */
const OVER_WORDS = {
  ballot: '（投票已经截止，不用再提醒）',
  consultation: '（征求意见已经截止，不用再提醒）',
  survey: '（问卷已经截止，不用再提醒）',
  full: '（提交人数已满，不用再提醒）',
  campaign: '（学习活动已经结束，不用再提醒）',
} as const

/** Why a meeting's 请回复参会情况 (提醒未回复) is no longer needed: the invitee answered, or answers closed. */
const MEETING_WORDS = {
  attend: '（已经回复参加，不用再提醒）',
  leave: '（已经请假，不用再提醒）',
  closed: '（回复已经截止，不用再提醒）',
  moved: '（回复截止时间已改，已按新的时间重新提醒）',
  withdrawn: '（已不在参会名单上：已离任或已调到别的联络站，不用再提醒）',
} as const

/**
 * Why a 承诺日期已过 notice (to the office: 请催办; to the unit: 请报告) went no further: the unit reported since it was
 * written (done, or a new day it is watched from), and the words "还没有报告" were no longer true.
 */
const PROMISE_REPORTED = {
  'suggestion.promise_late': '（单位已报告办理结果，不用再催办）',
  'suggestion.promise_late_unit': '（已报告办理结果，不用再提醒）',
} as const

/** Why a held 会议通知 or 会议变更 went no further to one who left office or moved away before it went. */
const NOT_INVITED_NOW = '（已不在参会名单上：已离任或已调到别的联络站，不再通知）'

/** Why a held 会议通知 or 会议变更 went no further: its words about answering were no longer true (deadline-rewrites.ts). */
const NOTICE_WORDS = {
  'meeting.notice': {
    moved: '（回复截止时间已改，已按新的时间重新发送会议通知）',
    closed: '（回复已经截止，已改发不要求回复的会议通知）',
  },
  'meeting.changed': {
    moved: '（回复截止时间已改，已按新的时间重新发送会议变更通知）',
    closed: '（回复已经截止，已改发不要求回复的会议变更通知）',
  },
} as const

/**
 * Whether the deputy a reminder (票决提醒, 填写提醒, 学习提醒) is for has since done what it asks:
 * voted or answered, or read what was asked of him (every required item that reached him; any
 * item, when none of them is required, as the campaign's progress counts him). A reminder pressed
 * at 22:00 waits for 08:00 (quiet hours), or for the bot to be logged in again, and he may have
 * voted at 07:30 meanwhile: asked again to vote, he would wonder whether his vote counted.
 * Nor does it go once what it asks can no longer be done: the ballot or survey closed (on time,
 * or early by its organizer) or took all the answers it may, the campaign ended. "请在…前完成"
 * after the deadline sends him to a page that refuses him. The notice that the ballot or survey began (票决通知,
 * 问卷通知), held the same way, likewise: not once he has voted or answered, nor once it has closed.
 * A meeting's 请回复参会情况 (提醒未回复) likewise, to a deputy or a staff member: not once they have
 * answered 参加 or 请假 (or staff recorded their leave), nor once their answers have closed (the
 * reply deadline, or the start) — the meeting's RSVP would refuse the answer it asks for.
 * Neither a 提醒未回复 nor the 会议通知 or 会议变更 goes naming a reply deadline since moved: it was
 * written again with the new one; nor a 会议通知 or 会议变更 asking for an answer after answers closed:
 * it is written again now without the request. A 承诺日期已过 (催办 to the office, 请报告 to the unit) likewise,
 * once the unit has reported.
 */
export class ReminderDone {
  constructor(
    private readonly store: Pick<Store, 'campaigns' | 'meetings' | 'mpUsers' | 'outbox' | 'surveys' | 'suggestions'>,
    /** The keys a deputy's answer is stored under (a keyed hash for a secret ballot). */
    private readonly responses: Pick<SurveyResponses, 'deputyKeys'>,
    /** The business time zone: the one a meeting notice's words name its deadline in. */
    private readonly settings: { timeZone: string },
  ) {}

  /**
   * Why this reminder is no longer needed at `now`, in words (DONE_WORDS, OVER_WORDS), or null: still
   * needed, or not a reminder. What he did is said before the deadline: it is the likelier question.
   */
  async done(m: OutboxMessage, now: Date): Promise<string | null> {
    if (m.kind === 'meeting.rsvp_nudge') return this.meetingAnswered(m, now)
    if (m.kind === 'suggestion.promise_late' || m.kind === 'suggestion.promise_late_unit') return this.promiseReported(m)
    if (m.kind === 'meeting.notice' || m.kind === 'meeting.changed') return (await this.noLongerInvited(m)) ?? this.answerWordsUntrue(m, now)
    const words = DONE_WORDS[m.kind]
    const p = m.payload as { surveyId?: string; campaignId?: string }
    // 提醒未读 goes to the campaign's staff and followers too (campaign-reminders.ts): read is read, whoever reads.
    if (words && m.kind === 'reading.reminder' && (m.recipientKind === 'staff' || m.recipientKind === 'mp_user' || m.recipientKind === 'deputy')) {
      if (!p.campaignId) return null
      if (await this.hasRead(p.campaignId, { kind: m.recipientKind, id: m.recipientId }))
        return m.recipientKind === 'deputy' ? words : '（已经读完，不用再提醒）'
      const campaign = await this.store.campaigns.get(p.campaignId)
      return campaign && campaignPhase(campaign, now) === 'ended' ? OVER_WORDS.campaign : null
    }
    if (!words || m.recipientKind !== 'deputy') return null
    const survey = p.surveyId ? await this.store.surveys.get(p.surveyId) : null
    if (!survey) return null
    if (await this.hasAnswered(survey, m.recipientId)) return words
    const over = m.kind.endsWith('.published') ? NOTICE_OVER : OVER_WORDS
    if (surveyPhase(survey, now) === 'closed') return over[survey.kind]
    return survey.responseCap !== null && survey.responseCount >= survey.responseCap ? over.full : null
  }

  /** A meeting's "please answer" to an invitee who has, or may no longer (meeting cancelled or moved is superseded elsewhere). */
  private async meetingAnswered(m: OutboxMessage, now: Date): Promise<string | null> {
    const { meetingId } = m.payload as { meetingId?: string }
    if (!meetingId || (m.recipientKind !== 'deputy' && m.recipientKind !== 'staff')) return null
    const meeting = await this.store.meetings.get(meetingId)
    const invitation = meeting && (await this.store.meetings.invitation(meetingId, { kind: m.recipientKind, id: m.recipientId }))
    if (!meeting || !invitation) return null
    // Left office or moved away since it was written: the meeting is no longer his to answer.
    if (invitation.withdrawn) return MEETING_WORDS.withdrawn
    if (invitation.rsvp !== 'pending') return MEETING_WORDS[invitation.rsvp]
    // Closes at this invitee's own time: someone invited after the deadline may answer until the start.
    if (!rsvpOpen(meeting, invitation, now)) return MEETING_WORDS.closed
    // Its words name a deadline since moved (by the deadline it carries, or one written before that, by its words):
    // the edit wrote one with the new deadline (meetings/deadline-rewrites.ts).
    return answerWordsHold(m, meeting, invitation, now, this.settings.timeZone) ? null : MEETING_WORDS.moved
  }

  /**
   * A 承诺日期已过 notice once the unit has reported: the suggestion is no longer followed (reported done), or it is
   * followed to another promised day than the one the notice tells of (a new plan; that day is watched anew).
   */
  private async promiseReported(m: OutboxMessage): Promise<string | null> {
    const p = m.payload as { suggestionId?: string; promisedBy?: string }
    const s = p.suggestionId && p.promisedBy ? await this.store.suggestions.get(p.suggestionId) : null
    if (!s || (s.status === 'following' && promisedBy(s) === p.promisedBy)) return null
    return PROMISE_REPORTED[m.kind as keyof typeof PROMISE_REPORTED]
  }

  /**
   * A 会议通知 or 会议变更 to one who left office or moved to another station before it went: the meeting is no
   * longer his (meeting-departures.ts), and he is not to be told to come.
   */
  private async noLongerInvited(m: OutboxMessage): Promise<string | null> {
    const { meetingId } = m.payload as { meetingId?: string }
    if (!meetingId || (m.recipientKind !== 'deputy' && m.recipientKind !== 'staff')) return null
    const invitation = await this.store.meetings.invitation(meetingId, { kind: m.recipientKind, id: m.recipientId })
    return invitation?.withdrawn ? NOT_INVITED_NOW : null
  }

  /**
   * A 会议通知 or 会议变更 whose words about answering are no longer true: a deadline since moved (the edit
   * wrote it again with the new one), or one that passed while it was held (written again now, asking for
   * no answer). Goes to whoever answered meanwhile too: it is the invitation, or the news of the change.
   */
  private async answerWordsUntrue(m: OutboxMessage, now: Date): Promise<string | null> {
    const { meetingId } = m.payload as { meetingId?: string }
    const meeting = meetingId ? await this.store.meetings.get(meetingId) : null
    const why = meeting && (await untrueAnswerWords(this.store, m, meeting, now, this.settings.timeZone))
    return why ? NOTICE_WORDS[m.kind as keyof typeof NOTICE_WORDS][why] : null
  }

  private async hasAnswered(survey: SurveyRecord, deputyId: string): Promise<boolean> {
    // A ballot's vote is the deputy's whichever account cast it; a survey's answer is an account's, any of his.
    const accounts = survey.kind === 'ballot' ? [] : await this.store.mpUsers.listByDeputyId(deputyId)
    for (const key of this.responses.deputyKeys(survey, deputyId, accounts)) if (await this.store.surveys.hasResponded(survey.id, key)) return true
    return false
  }

  private async hasRead(campaignId: string, reader: { kind: 'deputy' | 'staff' | 'mp_user'; id: string }): Promise<boolean> {
    // A withdrawn item no longer counts as reached or read, as on the organizer's progress page.
    const items = (await this.store.campaigns.items(campaignId)).filter(isLive)
    const live = new Set(items.map((i) => i.id))
    const reach = (await this.store.campaigns.reachFor(reader, { campaignId })).filter((r) => live.has(r.itemId))
    const reads = await this.store.campaigns.readsFor(
      reader,
      reach.map((r) => r.itemId),
    )
    const [him] = personProgress({ audience: [], items, reach, reads, checkIns: [] })
    return !!him?.read
  }
}
