import type { Clock } from '../../clock.js'
import { localDate, monthDayText } from '../../domain/dates.js'
import { momentLabel } from '../../domain/meeting-words.js'
import { surveyPhase, type SurveyRecord } from '../../domain/survey.js'
import { ConflictError } from '../../errors.js'
import type { OutboxMessage } from '../../store/ports.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import type { AuditTrail } from '../audit.js'
import { outboxMessage } from '../delivery/outbox-message.js'
import type { NotYet, ReminderOutcome, ReminderRound, ReminderState } from '../reminder-round.js'
import type { BallotRoll, NotVoted } from './ballot-roll.js'

/** Whether a press of 提醒未参与 may remind now, and for how many, for the console's panel (closed: 草稿, 未开始, 已截止, 已收满). */
export type SurveyReminderState = ReminderState

const noun = (s: Pick<SurveyRecord, 'kind'>) => (s.kind === 'ballot' ? '票决' : s.kind === 'consultation' ? '征求意见' : '问卷')
const quoted = (title: string) => (title.startsWith('《') ? title : `《${title}》`)

/** The dedupe key of one deputy's reminder of one survey on one business day: one a day, however often pressed. */
export const surveyReminderKey = (s: Pick<SurveyRecord, 'id' | 'kind'>, deputyId: string, day: string) =>
  `${s.kind === 'ballot' ? 'ballot' : 'survey'}:${s.id}:reminder:${day}:deputy:${deputyId}`

/** A deputy not yet answered, with how their first notice fared: one just out is given time to be read. */
const notYet = (i: NotVoted): NotYet => {
  const waiting = i.notice.state === 'waiting'
  return { deputyId: i.deputyId, name: i.name, noticeSentAt: i.notice.sentAt, noticeWaiting: waiting, noticeWaitingReason: waiting ? i.notice.reason : null }
}

const reminderKind = (s: Pick<SurveyRecord, 'kind'>) => (s.kind === 'ballot' ? 'ballot.reminder' : 'survey.reminder')

/**
 * What a deputy reads: "票决提醒：请您在12月8日 18:00 前完成《…》投票。…", and where to do it
 * (the bot cannot take answers: the mini-program's 我的待办 can). The card's line fits its 20 characters.
 */
export function surveyReminderTexts(s: Pick<SurveyRecord, 'kind' | 'title' | 'closesAt'>, timeZone: string): { text: string; cardText: string } {
  const by = momentLabel(s.closesAt, timeZone)
  const day = monthDayText(localDate(s.closesAt, timeZone))
  const where = '可在小程序“代表工作台”的“我的待办”中'
  if (s.kind === 'ballot') return { text: `票决提醒：请您在${by} 前完成${quoted(s.title)}投票。${where}投票。`, cardText: `请在${day}前完成投票` }
  if (s.kind === 'consultation') return { text: `征求意见提醒：请您在${by} 前对${quoted(s.title)}提出意见。${where}填写。`, cardText: `请在${day}前提出意见` }
  return { text: `问卷提醒：请您在${by} 前填写${quoted(s.title)}。${where}填写。`, cardText: `请在${day}前填写问卷` }
}

/**
 * 提醒未参与: an organizer reminds the deputies of a survey's or ballot's named list who have not
 * answered — the ones they follow on its roll (BallotRoll: an organizer of some districts, their
 * own) — while it is published and open. One message each, at most once a day (ReminderRound);
 * audited.
 */
export class SurveyReminders {
  constructor(
    private readonly roll: Pick<BallotRoll, 'notVoted'>,
    private readonly round: Pick<ReminderRound, 'run' | 'state'>,
    private readonly audit: Pick<AuditTrail, 'record'>,
    private readonly clock: Clock,
    private readonly timeZone: string,
  ) {}

  async state(staff: StaffPrincipal, surveyId: string): Promise<SurveyReminderState> {
    const { survey, items } = await this.roll.notVoted(staff, surveyId)
    return this.round.state(this.closed(survey)?.message ?? null, reminderKind(survey), items.map(notYet), (id, day) => surveyReminderKey(survey, id, day))
  }

  async remind(staff: StaffPrincipal, surveyId: string): Promise<ReminderOutcome> {
    const { survey: s, items } = await this.roll.notVoted(staff, surveyId)
    const closed = this.closed(s)
    if (closed) throw new ConflictError(closed.message, [], closed.code)
    if (!items.length) throw new ConflictError('名单上的代表都已参与，不用提醒', [], 'nobody_waiting')
    const { text, cardText } = surveyReminderTexts(s, this.timeZone)
    const kind = reminderKind(s)
    const outcome = await this.round.run(
      kind,
      items.map(notYet),
      (id, day) => surveyReminderKey(s, id, day),
      (deputyId, dedupeKey, at) => reminderMessage(s, kind, deputyId, dedupeKey, { text, cardText }, at),
    )
    await this.audit.record(staff, 'survey.reminded', { kind: 'survey', id: s.id }, { reminded: outcome.reminded, unreachable: outcome.unreachable.length })
    return outcome
  }

  /**
   * Why nobody may be reminded of this survey now, in words and with its code, or null: a draft, one
   * not yet open, one closed, or one that took as many answers as it may (it would refuse whoever
   * the reminder sent to it).
   */
  private closed(s: SurveyRecord): { code: string; message: string } | null {
    const what = noun(s)
    if (s.draft) return { code: 'survey_draft', message: `${what}还是草稿，发布以后才能提醒` }
    const phase = surveyPhase(s, this.clock.now())
    if (phase === 'scheduled')
      return { code: 'survey_not_open', message: `${what}还没有开始（${momentLabel(s.opensAt, this.timeZone)} 开始），开始以后才能提醒` }
    if (phase === 'closed') return { code: 'survey_closed', message: `${what}已经截止，不能再提醒` }
    if (s.responseCap !== null && s.responseCount >= s.responseCap)
      return { code: 'response_cap_reached', message: `${what}已收满 ${s.responseCap} 份，不再收集，不用提醒` }
    return null
  }
}

function reminderMessage(
  s: SurveyRecord,
  kind: string,
  deputyId: string,
  dedupeKey: string,
  words: { text: string; cardText: string },
  at: Date,
): OutboxMessage {
  return outboxMessage({
    to: { kind: 'deputy', id: deputyId },
    kind,
    // As the first notice: `ticket` fills the card's number keyword (WeChat refuses it empty); `title` names what it is about.
    payload: { surveyId: s.id, ticket: `${s.kind === 'ballot' ? 'PJ' : 'WJ'}${s.id.slice(3, 11).toUpperCase()}`, title: s.title, ...words },
    dedupeKey,
    at,
  })
}
