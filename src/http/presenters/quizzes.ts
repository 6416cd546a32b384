import {
  OPTION_KEYS,
  QUESTION_TYPE_LABELS,
  QUIZ_AUDIENCE_LABELS,
  QUIZ_PHASE_LABELS,
  boardFinal,
  effectiveDeadline,
  quizClosesText,
  quizPhase,
  scoreAnswers,
  type AttemptRecord,
  type QuizQuestion,
  type QuizRecord,
} from '../../domain/quiz.js'
import type { Board, BoardKind, NamedGroup, NamedPerson } from '../../services/quizzes/quiz-results.js'
import type { MpPrincipal } from '../../services/accounts/mp-sessions.js'
import { quizPersonOf } from '../../domain/quiz-audience.js'
import { spokenClose } from '../../domain/spoken-dates.js'
import type { ReadingTime } from './cases.js'

// Presenters name every field they return. Answers leave the server only for organizers and after a submit.

const iso = (d: Date | null) => d?.toISOString() ?? null

const window = (q: QuizRecord, now: Date) => {
  const phase = quizPhase(q, now)
  return { opensAt: q.opensAt.toISOString(), closesAt: q.closesAt.toISOString(), phase, phaseLabel: QUIZ_PHASE_LABELS[phase] }
}

const settings = (q: QuizRecord, now: Date) => ({
  id: q.id,
  campaignId: q.campaignId,
  title: q.title,
  description: q.description,
  drawCount: q.drawCount,
  timeLimitSeconds: q.timeLimitSeconds,
  attemptsAllowed: q.attemptsAllowed,
  audience: q.audience,
  audienceLabel: QUIZ_AUDIENCE_LABELS[q.audience],
  ...window(q, now),
})

export const presentQuiz = (q: QuizRecord, now: Date) => ({
  ...settings(q, now),
  status: q.draft ? 'draft' : 'published',
  statusLabel: q.draft ? '草稿' : '已发布',
  /** A draft whose start has come (none was given: the time it was saved): it opens when it is published. */
  opensOnPublish: q.draft && q.opensAt <= now,
  scopeDistrictIds: q.scopeDistrictIds,
  createdBy: q.createdBy,
  createdAt: q.createdAt.toISOString(),
  updatedAt: q.updatedAt.toISOString(),
})

/** A pool question as organizers see it, with its answer. */
export const presentQuestion = (q: QuizQuestion) => ({
  id: q.id,
  type: q.type,
  typeLabel: QUESTION_TYPE_LABELS[q.type],
  stem: q.stem,
  options: q.options,
  answer: q.answer.map((i) => OPTION_KEYS[i]),
  explanation: q.explanation,
  points: q.points,
  tags: q.tags,
  position: q.position,
})

/**
 * A quiz in a participant's list, with their own attempts and when it closes in words, as the digest and the meeting
 * notices say times (spoken-dates.ts): "12月4日（星期五）下午5:00前", "12月19日（星期六）前（含当日）"; the page puts
 * 请在…答题 round it.
 */
export const presentMpQuiz = (q: QuizRecord, attempts: AttemptRecord[], { timeZone, now }: ReadingTime) => {
  const finished = attempts.filter((a) => a.status !== 'open')
  // Only papers handed in in time are scored (a late one is stored 0 and told 不计分): never "最好成绩 0 分" for those.
  const counted = finished.filter((a) => a.status === 'submitted')
  const times = settings(q, now)
  return {
    ...times,
    closesText: quizClosesText(q, timeZone, now),
    /** Once it has closed, when it ended ("已于12月4日（星期五）下午5:00结束", a whole day "已于12月3日（星期四）结束"); null while it has not. */
    closedText: times.phase === 'closed' ? `已于${spokenClose(q.closesAt, timeZone, now)}结束` : null,
    /** Closed, and nothing more can be counted: its board is 最终排名 (just after the close, 成绩统计中). */
    boardFinal: boardFinal(q, now),
    /** By the server's clock (a phone's may be off): the intro warns when the close comes before the time limit would. */
    secondsToClose: Math.max(0, Math.ceil((q.closesAt.getTime() - now.getTime()) / 1000)),
    attemptsUsed: attempts.length,
    attemptsLeft: Math.max(0, q.attemptsAllowed - attempts.length),
    openAttemptId: attempts.find((a) => a.status === 'open' && effectiveDeadline(a, q) > now)?.id ?? null,
    bestScore: counted.length ? Math.max(...counted.map((a) => a.score ?? 0)) : null,
    /** Papers she handed in (or left) too late, none counted: said as such, with no score. */
    lateNotCounted: finished.length - counted.length,
    /** Her latest paper handed in in time, to read again with the right answers and 解析 (only her own: the list is hers). */
    lastAttemptId: attempts.filter((a) => a.status === 'submitted').at(-1)?.id ?? null,
  }
}

const shown = (q: QuizQuestion, order: number[]) => order.map((original, i) => ({ key: OPTION_KEYS[i], text: q.options[original] }))

// The deadline shown is the one submit judges by: sooner when the quiz was ended early.
const attemptFields = (a: AttemptRecord, quiz: QuizRecord, now: Date, deadline = effectiveDeadline(a, quiz)) => ({
  id: a.id,
  quizId: a.quizId,
  quizTitle: quiz.title,
  number: a.number,
  status: a.status,
  startedAt: a.startedAt.toISOString(),
  deadline: deadline.toISOString(),
  secondsLeft: a.status === 'open' ? Math.max(0, Math.ceil((deadline.getTime() - now.getTime()) / 1000)) : 0,
  finishedAt: iso(a.finishedAt),
  maxScore: a.maxScore,
})

/** An open attempt: the questions and options in the order drawn, never the answers. */
export const presentPaper = (a: AttemptRecord, quiz: QuizRecord, questions: QuizQuestion[], now: Date) => ({
  ...attemptFields(a, quiz, now),
  questions: questions.map((q, i) => ({
    id: q.id,
    type: q.type,
    typeLabel: QUESTION_TYPE_LABELS[q.type],
    stem: q.stem,
    points: q.points,
    options: shown(q, a.optionOrders[i] ?? []),
  })),
})

/** A finished attempt: the score, and per question what was chosen, what was right, and why. */
export const presentResult = (a: AttemptRecord, quiz: QuizRecord, questions: QuizQuestion[], now: Date) => {
  const { results } = scoreAnswers(questions, a.answers ?? [])
  const keyOf = (order: number[], original: number) => OPTION_KEYS[order.indexOf(original)]
  return {
    ...attemptFields(a, quiz, now),
    score: a.score ?? 0,
    counted: a.status === 'submitted',
    questions: questions.map((q, i) => {
      const order = a.optionOrders[i] ?? []
      return {
        id: q.id,
        type: q.type,
        typeLabel: QUESTION_TYPE_LABELS[q.type],
        stem: q.stem,
        points: q.points,
        options: shown(q, order),
        chosen: (a.answers?.[i] ?? []).map((o) => keyOf(order, o)).sort(),
        correctAnswer: q.answer.map((o) => keyOf(order, o)).sort(),
        correct: results[i]?.correct ?? false,
        earned: results[i]?.earned ?? 0,
        explanation: q.explanation,
      }
    }),
  }
}

export const presentPerson = (p: NamedPerson) => ({
  rank: p.rank,
  personKind: p.personKind,
  name: p.name,
  stationId: p.stationId,
  stationName: p.stationName,
  districtId: p.districtId,
  districtName: p.districtName,
  score: p.score,
  maxScore: p.maxScore,
  percent: p.percent,
  seconds: Math.round(p.durationMs / 1000),
  attempts: p.attempts,
  finishedAt: p.finishedAt.toISOString(),
})

/** A participant's leaderboard row, hers marked (no one's id leaves the server): names like 群众3号 do not tell her which is hers. */
export function presentParticipantRow(viewer: MpPrincipal) {
  const me = quizPersonOf(viewer)
  return (p: NamedPerson) => ({ ...presentPerson(p), mine: p.personKind === me.kind && p.personId === me.id })
}

export const presentGroup = (g: NamedGroup) => ({
  rank: g.rank,
  id: g.groupId,
  name: g.name,
  participants: g.participants,
  audienceSize: g.audienceSize,
  participationRate: g.participationRate,
  averageScore: g.averageScore,
  averagePercent: g.averagePercent,
})

/**
 * A participant's leaderboard, hers marked. `final`: by the server's clock the board can no longer change (最终排名);
 * just after the close it still can (成绩统计中), as papers handed in within the grace are counted.
 */
export const presentMpBoard = (board: Board, by: BoardKind, viewer: MpPrincipal, now: Date) => ({
  quizId: board.quiz.id,
  by,
  final: boardFinal(board.quiz, now),
  items: by === 'person' ? board.people.map(presentParticipantRow(viewer)) : board.groups.map(presentGroup),
})
