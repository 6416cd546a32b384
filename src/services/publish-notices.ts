import { momentLabel } from '../domain/meeting-words.js'
import type { QuizRecord } from '../domain/quiz.js'
import type { SurveyRecord } from '../domain/survey.js'
import type { OutboxMessage } from '../store/ports.js'
import { outboxMessage, type Recipient } from './delivery/outbox-message.js'
import { stationPlaces } from './directory/station-places.js'

export type PublishedKind = 'ballot' | 'survey' | 'quiz'
export type { Recipient }

/**
 * The dedupe key of the notice telling one person that a ballot, survey or quiz is open to
 * them: one per item and person however often it is written, and what organizers' reports
 * look up to say whether that person's notice was delivered.
 */
export const publishNoticeKey = (kind: PublishedKind, itemId: string, to: Recipient) => `${kind}:${itemId}:published:${to.kind}:${to.id}`

function notice(kind: PublishedKind, item: { id: string }, to: Recipient, text: string, at: Date): OutboxMessage {
  const ref = kind === 'quiz' ? { quizId: item.id } : { surveyId: item.id }
  return outboxMessage({
    to,
    kind: `${kind}.published`,
    // `ticket` fills the subscribe template's number keyword, which WeChat refuses empty (as meeting notices do).
    payload: { ...ref, ticket: `${kind === 'quiz' ? 'DT' : kind === 'ballot' ? 'PJ' : 'WJ'}${item.id.slice(3, 11).toUpperCase()}`, text },
    dedupeKey: publishNoticeKey(kind, item.id, to),
    at,
  })
}

/**
 * Where a deputy votes or answers: the bot cannot take either, so a notice that does not say so leaves a
 * deputy who uses only the chat with nowhere to go (the reminders say the same, survey-reminders.ts).
 */
const WHERE = '请在小程序“代表工作台”的“我的待办”中'

/**
 * An item published ahead of its start is listed in 我的待办 only once it opens (surveys.openAt): told
 * to look there now, a deputy would find nothing and think the notice wrong. "开始后" says when.
 */
const whereFrom = (opensAt: Date, at: Date) => `${opensAt > at ? '开始后' : ''}${WHERE}`

const window = (opensAt: Date, closesAt: Date, at: Date, timeZone: string) =>
  `${opensAt > at ? `${momentLabel(opensAt, timeZone)} 开始，` : '已开始，'}${momentLabel(closesAt, timeZone)} 截止`

/** One notice to each deputy on a ballot's roll: voting is their duty, and they must hear of it. */
export function ballotNotices(s: SurveyRecord, at: Date, timeZone: string): OutboxMessage[] {
  const text = `票决通知：《${s.title}》${window(s.opensAt, s.closesAt, at, timeZone)}。${whereFrom(s.opensAt, at)}投票。`
  return (s.ballot?.rollDeputyIds ?? []).map((id) => notice('ballot', s, { kind: 'deputy', id }, text, at))
}

/** A survey or consultation asked of named deputies: each hears of it once. */
export function surveyNotices(s: SurveyRecord, at: Date, timeZone: string): OutboxMessage[] {
  const what = s.kind === 'consultation' ? '征求意见' : '问卷调查'
  const text = `${what}：${s.title.startsWith('《') ? s.title : `《${s.title}》`}${window(s.opensAt, s.closesAt, at, timeZone)}。${whereFrom(s.opensAt, at)}填写。`
  return (s.audienceDeputyIds ?? []).map((id) => notice('survey', s, { kind: 'deputy', id }, text, at))
}

/** What publishing tells: a ballot's roll, or the deputies a survey or consultation is asked of. */
export const publishNotices = (s: SurveyRecord, at: Date, timeZone: string): OutboxMessage[] =>
  s.kind === 'ballot' ? ballotNotices(s, at, timeZone) : surveyNotices(s, at, timeZone)

/**
 * A quiz's notice to each deputy of its audience, saying where to take it: in 我的待办, once it has
 * started (whereFrom). Station staff (an old audience) have no page to name.
 */
export function quizNotices(q: QuizRecord, people: Recipient[], at: Date, timeZone: string): OutboxMessage[] {
  const head = `知识竞赛：《${q.title}》${window(q.opensAt, q.closesAt, at, timeZone)}`
  const where = `。${whereFrom(q.opensAt, at)}答题，欢迎参加。`
  return people.map((p) => notice('quiz', q, p, p.kind === 'deputy' ? head + where : `${head}，欢迎参加。`, at))
}
