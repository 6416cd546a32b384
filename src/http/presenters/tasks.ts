import { STATUS_LABELS } from '../../domain/case.js'
import { deputyTaskStatusWords } from '../../domain/deputy-case-words.js'
import { deputyLine } from '../../domain/deputy-gist.js'
import { MEETING_KIND_LABELS } from '../../domain/meeting.js'
import { RESPONDENT_KIND_LABELS } from '../../domain/survey.js'
import type { CaseTask, Due, MeetingTask, QuizTask, ReadingTask, SuggestionTask, SurveyTask, TaskList } from '../../services/tasks.js'

/** What his 待办 says of a message staff are pressing him on (催办), in the chat and on his page alike. */
const URGED_WORDS = '工作人员在催'

// 我的待办 as the mini-program shows it: every field named; deadlines come with the words
// the server worked out ("答复已超期 2 天", "今天到期"), so every page says the same.

const ACTION_LABELS: Record<CaseTask['action'], string> = { acknowledge: '请受理', reply: '请答复', rate: '请评价' }

const presentDue = (d: Due) => ({ at: d.at.toISOString(), state: d.state, words: d.words })

/**
 * A deputy reads where his message stands in his words ("新留言", not the office's 已分派; "张伟代表交回给您"
 * when a colleague handed it to him).
 */
const presentCaseTask = ({ case: c, action, due, todo, urged, handedBy }: CaseTask) => ({
  id: c.id,
  ticket: c.ticket,
  topic: c.topic,
  // Hers to rate: her own words. His to do: masked as on his message page, cut at a word's end and marked "…" (deputyLine).
  excerpt: action === 'rate' ? c.text.slice(0, 40) : deputyLine(c.text, 40),
  status: c.status,
  statusLabel: action === 'rate' ? STATUS_LABELS[c.status] : deputyTaskStatusWords(c, handedBy),
  action,
  actionLabel: ACTION_LABELS[action],
  /** His: what to do by when, "请在12月14日（星期一）前（含当日）答复，还有 21 天到期" (deputyCaseTodo); null for hers. */
  todoText: todo,
  due: due ? presentDue(due) : null,
  /**
   * "工作人员在催" when staff pressed him on it (催办) since it last came back to him; null otherwise. His words, not the
   * office's 已催办; 工作人员, as a station's clerk or the congress office's may press him (his message page says who).
   */
  urgedText: urged ? URGED_WORDS : null,
})

/**
 * A meeting he has not answered: when it is ("12月8日（星期二）上午9:00", "2天后开会": a meeting
 * is not "due") and that he has not said whether he comes (`rsvpText`, with the day answers close
 * when that is before the meeting). `due` is when answers close. `rsvpByText`: that day alone
 * ("12月7日（星期一）下午5:00前"), null when answers close at the start, for a page that words the line itself
 * (the workbench's 请在…回复) rather than cut it out of `rsvpText`, whose wording may change.
 */
const presentMeetingTask = ({ invitation: { meeting: m }, due, startText, dayWords, rsvpByText }: MeetingTask) => ({
  id: m.id,
  title: m.title,
  kindLabel: MEETING_KIND_LABELS[m.kind],
  startAt: m.startAt.toISOString(),
  endAt: m.endAt.toISOString(),
  startText,
  dayWords,
  place: m.place,
  actionLabel: '请回复是否参加',
  rsvpText: rsvpByText ? `还未回复是否参加，请在${rsvpByText}回复` : '还未回复是否参加',
  rsvpByText,
  due: presentDue(due),
})

/**
 * What each kind asks of him, as 去答题 says a quiz's: a 征求意见 asks for his opinions (提意见), not a form to
 * fill in; a 票决 for his vote. Only a 问卷 is filled in.
 */
const SURVEY_ACTION_LABELS: Record<SurveyTask['survey']['kind'], string> = { survey: '去填写', consultation: '去提意见', ballot: '去投票' }

const presentSurveyTask = ({ survey: s, due, closesText }: SurveyTask) => ({
  id: s.id,
  kind: s.kind,
  kindLabel: RESPONDENT_KIND_LABELS[s.kind],
  title: s.title,
  closesAt: s.closesAt.toISOString(),
  closesText,
  actionLabel: SURVEY_ACTION_LABELS[s.kind],
  due: presentDue(due),
})

const presentQuizTask = ({ quiz: q, openAttempt, due, closesText }: QuizTask) => ({
  id: q.id,
  title: q.title,
  timeLimitSeconds: q.timeLimitSeconds,
  closesAt: q.closesAt.toISOString(),
  closesText,
  openAttemptId: openAttempt?.id ?? null,
  actionLabel: openAttempt ? '继续答题' : '去答题',
  due: presentDue(due),
})

const presentReadingTask = ({ item, campaignTitle }: ReadingTask) => ({
  id: item.id,
  campaignId: item.campaignId,
  campaignTitle,
  title: item.title,
  summary: item.summary,
  publishedAt: item.publishedAt!.toISOString(),
  actionLabel: '必读，请阅读',
})

/**
 * A 代表建议 to rate (去评价) or to answer a co-signing request of (去回复: the answer may be 附议 or 不附议, so the
 * button does not presume the yes), with what it waits for in words.
 */
const presentSuggestionTask = ({ suggestion: s, action, text }: SuggestionTask) => ({
  id: s.id,
  number: s.number,
  title: s.title,
  action,
  actionLabel: action === 'rate' ? '去评价' : '去回复',
  text,
})

export const presentTaskList = (t: TaskList) => ({
  role: t.role,
  /**
   * A deputy's 暂停接收留言 while it stands (now, or ahead: `now` false): { from, until (YYYY-MM-DD), now, text:
   * "联络站已为您暂停接收新留言（11月28日至12月4日），您手上的留言仍由您办理" }; null when none, and for a resident.
   */
  away: t.away && { from: t.away.from, until: t.away.until, now: t.away.now, text: t.away.text },
  total: t.cases.length + t.meetings.length + t.ballots.length + t.surveys.length + t.quizzes.length + t.reading.length + t.suggestions.length,
  cases: t.cases.map(presentCaseTask),
  meetings: t.meetings.map(presentMeetingTask),
  ballots: t.ballots.map(presentSurveyTask),
  surveys: t.surveys.map(presentSurveyTask),
  quizzes: t.quizzes.map(presentQuizTask),
  reading: t.reading.map(presentReadingTask),
  suggestions: t.suggestions.map(presentSuggestionTask),
})
