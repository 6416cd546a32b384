import { STATUS_LABELS } from '../../domain/case.js'
import { MEETING_KIND_LABELS } from '../../domain/meeting.js'
import { SURVEY_KIND_LABELS } from '../../domain/survey.js'
import type { CaseTask, Due, MeetingTask, QuizTask, ReadingTask, SurveyTask, TaskList } from '../../services/tasks.js'

// 我的待办 as the mini-program shows it: every field named; deadlines come with the words
// the server worked out ("已超期 2 天", "今天到期"), so every page says the same.

const ACTION_LABELS: Record<CaseTask['action'], string> = { acknowledge: '请受理', reply: '请答复', rate: '请评价' }

const presentDue = (d: Due) => ({ at: d.at.toISOString(), state: d.state, words: d.words })

const presentCaseTask = ({ case: c, action, due }: CaseTask) => ({
  id: c.id,
  ticket: c.ticket,
  topic: c.topic,
  excerpt: c.text.slice(0, 40),
  status: c.status,
  statusLabel: STATUS_LABELS[c.status],
  action,
  actionLabel: ACTION_LABELS[action],
  due: due ? presentDue(due) : null,
})

const presentMeetingTask = ({ invitation: { meeting: m }, due }: MeetingTask) => ({
  id: m.id,
  title: m.title,
  kindLabel: MEETING_KIND_LABELS[m.kind],
  startAt: m.startAt.toISOString(),
  endAt: m.endAt.toISOString(),
  place: m.place,
  actionLabel: '请回复是否参加',
  due: presentDue(due),
})

const presentSurveyTask = ({ survey: s, due, closesText }: SurveyTask) => ({
  id: s.id,
  kind: s.kind,
  kindLabel: SURVEY_KIND_LABELS[s.kind],
  title: s.title,
  closesAt: s.closesAt.toISOString(),
  closesText,
  actionLabel: s.kind === 'ballot' ? '请投票' : '请填写',
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

export const presentTaskList = (t: TaskList) => ({
  role: t.role,
  total: t.cases.length + t.meetings.length + t.ballots.length + t.surveys.length + t.quizzes.length + t.reading.length,
  cases: t.cases.map(presentCaseTask),
  meetings: t.meetings.map(presentMeetingTask),
  ballots: t.ballots.map(presentSurveyTask),
  surveys: t.surveys.map(presentSurveyTask),
  quizzes: t.quizzes.map(presentQuizTask),
  reading: t.reading.map(presentReadingTask),
})
