/**
 * Knowledge quizzes (知识竞赛): a question pool, a reproducible random draw per attempt,
 * scoring and the server-side deadline. Pure rules only; leaderboards are in quiz-board.ts.
 */
import { mulberry32, shuffled } from './seeded-random.js'
import { spokenDeadline } from './spoken-dates.js'

export const QUESTION_TYPES = ['single', 'multiple', 'true_false'] as const
export type QuestionType = (typeof QUESTION_TYPES)[number]
export const QUESTION_TYPE_LABELS: Record<QuestionType, string> = { single: '单选题', multiple: '多选题', true_false: '判断题' }

/**
 * Who may take a quiz: anyone in the mini-program, residents only, bound deputies only. 'staff'
 * (station staff) is only ever read: such quizzes were once offered, but staff have no page to
 * take a quiz on, so a new one for them would tell people to do what they cannot.
 */
export const QUIZ_AUDIENCES = ['public', 'residents', 'deputies', 'staff'] as const
export type QuizAudience = (typeof QUIZ_AUDIENCES)[number]
export const OFFERED_QUIZ_AUDIENCES = ['public', 'residents', 'deputies'] as const satisfies readonly QuizAudience[]
export const QUIZ_AUDIENCE_LABELS: Record<QuizAudience, string> = { public: '所有人', residents: '群众', deputies: '人大代表', staff: '工作人员' }
export const STAFF_AUDIENCE_MESSAGE = '工作人员暂不能在系统中参加知识竞赛，参与对象请选择所有人、群众或人大代表'
/**
 * A question once anyone has started the quiz (any attempt, opened or handed in: quizzes.ts started()):
 * why it cannot change, and what she can still do. The same words as the store's own refusal of the
 * write (services/conflict-texts.ts), which a race reaches instead, and as the publish dialog's warning
 * (admin QuizPublishConfirm.vue).
 */
export const QUESTION_FROZEN_MESSAGE =
  '已有人开始答题，题目、选项、正确答案和分值都不能再改，以免改变他们的答卷和成绩。解析还可以修改：题目有误，可以在解析里写明更正'

/**
 * Whether a person of the mini-program may take a quiz. `deputyDistrictIds`: the regions
 * (districts, streets) a deputy's stations lie in, null for anyone who is not a deputy. A
 * quiz for deputies made by a district's or street's organizer is for the deputies there only.
 */
export function mayTakeQuiz(quiz: Pick<QuizRecord, 'audience' | 'scopeDistrictIds'>, deputyDistrictIds: readonly string[] | null): boolean {
  if (quiz.audience === 'public') return true
  if (quiz.audience === 'residents') return deputyDistrictIds === null
  if (quiz.audience !== 'deputies' || deputyDistrictIds === null) return false
  return !quiz.scopeDistrictIds.length || quiz.scopeDistrictIds.some((d) => deputyDistrictIds.includes(d))
}

export interface QuizRecord {
  id: string
  /** The campaign it belongs to, if any. */
  campaignId: string | null
  title: string
  description: string
  /** Questions drawn per attempt (the whole pool when it has fewer). */
  drawCount: number
  timeLimitSeconds: number
  attemptsAllowed: number
  opensAt: Date
  closesAt: Date
  audience: QuizAudience
  /** The districts of the organizer who created it (empty: the whole city). */
  scopeDistrictIds: string[]
  /** A draft (草稿) is not found by participants until it is published. */
  draft: boolean
  createdBy: string
  createdAt: Date
  updatedAt: Date
}

export interface QuizQuestion {
  id: string
  quizId: string
  type: QuestionType
  stem: string
  /** As written; a true/false question's are 正确 and 错误. */
  options: string[]
  /** Indexes into `options` of the right ones. */
  answer: number[]
  explanation: string
  points: number
  tags: string[]
  /** Order in the pool (import order). */
  position: number
}

export type AttemptStatus = 'open' | 'submitted' | 'expired'
export type QuizPersonKind = 'deputy' | 'mp_user' | 'staff'

export interface AttemptRecord {
  id: string
  quizId: string
  personKind: QuizPersonKind
  personId: string
  /** Where the person stood when they started, for the station and district boards. */
  stationId: string | null
  districtId: string | null
  /** 1 for a person's first attempt at this quiz. */
  number: number
  /** The draw's seed: questionIds and optionOrders are what draw(pool, seed) gave. */
  seed: number
  questionIds: string[]
  /** Per drawn question, the original option indexes in the order shown. */
  optionOrders: number[][]
  startedAt: Date
  deadline: Date
  status: AttemptStatus
  finishedAt: Date | null
  /** Per drawn question, the original option indexes chosen (null until submitted; empty when late). */
  answers: number[][] | null
  score: number | null
  maxScore: number
}

/** Labels of the options in the order shown: A, B, C … */
export const OPTION_KEYS = 'ABCDEFGH'.split('')
export const OPTIONS_MAX = OPTION_KEYS.length
export const TRUE_FALSE_OPTIONS = ['正确', '错误']
/** Network and clocks: a submit this soon after the deadline still counts. */
export const DEADLINE_GRACE_MS = 5_000

export interface Draw {
  questionIds: string[]
  optionOrders: number[][]
}

/**
 * The attempt's questions: `count` of the pool in a random order, each one's options
 * shuffled (true/false keeps 正确 before 错误). The same pool and seed give the same draw.
 */
export function drawQuestions(pool: readonly QuizQuestion[], count: number, seed: number): Draw {
  const rand = mulberry32(seed)
  const chosen = shuffled(
    rand,
    [...pool].sort((a, b) => a.position - b.position),
  ).slice(0, Math.max(0, count))
  return {
    questionIds: chosen.map((q) => q.id),
    optionOrders: chosen.map((q) =>
      q.type === 'true_false'
        ? q.options.map((_, i) => i)
        : shuffled(
            rand,
            q.options.map((_, i) => i),
          ),
    ),
  }
}

/** When an attempt stops counting answers: the time limit, or the quiz's close if sooner. */
export function attemptDeadline(startedAt: Date, quiz: Pick<QuizRecord, 'timeLimitSeconds' | 'closesAt'>): Date {
  return new Date(Math.min(startedAt.getTime() + quiz.timeLimitSeconds * 1000, quiz.closesAt.getTime()))
}

/**
 * When an attempt really stops counting: its own deadline, or the quiz's close if an organizer
 * has since ended the quiz early (the attempt's deadline was fixed when it started).
 */
export const effectiveDeadline = (attempt: Pick<AttemptRecord, 'deadline'>, quiz: Pick<QuizRecord, 'closesAt'>): Date =>
  attempt.deadline <= quiz.closesAt ? attempt.deadline : quiz.closesAt

export const isLate = (attempt: Pick<AttemptRecord, 'deadline'>, quiz: Pick<QuizRecord, 'closesAt'>, at: Date) =>
  at.getTime() > effectiveDeadline(attempt, quiz).getTime() + DEADLINE_GRACE_MS

/**
 * How long after the close a board may still change: a paper started before the close is handed in
 * up to DEADLINE_GRACE_MS after it and counts (its result page says so), and one accepted at the last
 * moment may still be on its way to the disk. Well past both, so that 最终排名 never moves.
 */
export const BOARD_SETTLES_MS = 60_000

/**
 * Whether the board is final (最终排名): the quiz has closed and nothing more can be counted. Until
 * then, after the close, the board is 成绩统计中: held rather than frozen at the close, since a paper
 * handed in within the grace counts and its result tells her so; a board without her would say otherwise.
 */
export const boardFinal = (q: Pick<QuizRecord, 'closesAt'>, now: Date) => now.getTime() >= q.closesAt.getTime() + BOARD_SETTLES_MS

export type QuizPhase = 'upcoming' | 'open' | 'closed'
export const QUIZ_PHASE_LABELS: Record<QuizPhase, string> = { upcoming: '未开始', open: '进行中', closed: '已结束' }
export function quizPhase(q: Pick<QuizRecord, 'opensAt' | 'closesAt'>, now: Date): QuizPhase {
  if (now < q.opensAt) return 'upcoming'
  return now < q.closesAt ? 'open' : 'closed'
}

/**
 * Whether an open quiz is still to do for a person, by their attempts at it: nothing handed in yet (attempts left
 * over once a paper is in are a choice, not a task), and an attempt under way to continue or one left to start.
 * What 我的待办 lists and the daily digest reminds of; null when it is done or cannot be started.
 */
export function quizStillToDo<A extends Pick<AttemptRecord, 'status' | 'deadline'>>(
  quiz: Pick<QuizRecord, 'attemptsAllowed'>,
  attempts: readonly A[],
  now: Date,
): { openAttempt: A | null } | null {
  if (attempts.some((a) => a.status === 'submitted')) return null
  const openAttempt = attempts.find((a) => a.status === 'open' && a.deadline > now) ?? null
  return openAttempt || attempts.length < quiz.attemptsAllowed ? { openAttempt } : null
}

/** Same choices, whatever their order. */
const sameSet = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x) => b.includes(x))

export interface QuestionResult {
  questionId: string
  correct: boolean
  earned: number
  points: number
}

/**
 * Scores answers (original option indexes per drawn question). Every question is
 * all-or-nothing: a multiple-choice question needs exactly the right set, no more, no less.
 */
export function scoreAnswers(
  questions: readonly QuizQuestion[],
  answers: readonly (readonly number[])[],
): { score: number; maxScore: number; results: QuestionResult[] } {
  const results = questions.map((q, i) => {
    const correct = sameSet(answers[i] ?? [], q.answer)
    return { questionId: q.id, correct, earned: correct ? q.points : 0, points: q.points }
  })
  return { score: results.reduce((s, r) => s + r.earned, 0), maxScore: questions.reduce((s, q) => s + q.points, 0), results }
}

export interface Problem {
  path: string
  message: string
  /** The column as the user's own sheet heads it, where the problem is in an imported sheet. */
  column?: string
}

/** A question as written must make sense: enough options, answers among them, one answer where one is asked. */
export function questionProblems(q: Pick<QuizQuestion, 'type' | 'options' | 'answer' | 'points'>, path: string): Problem[] {
  const problems: Problem[] = []
  const n = q.options.length
  if (q.type === 'true_false' && (n !== 2 || q.options[0] !== TRUE_FALSE_OPTIONS[0] || q.options[1] !== TRUE_FALSE_OPTIONS[1])) {
    problems.push({ path: `${path}.options`, message: '判断题的选项应为“正确|错误”' })
  }
  if (q.type !== 'true_false' && (n < 2 || n > OPTIONS_MAX)) problems.push({ path: `${path}.options`, message: `选项应有 2 到 ${OPTIONS_MAX} 个` })
  if (new Set(q.options).size !== n) problems.push({ path: `${path}.options`, message: '选项不能重复' })
  if (!q.answer.length) problems.push({ path: `${path}.answer`, message: '请给出正确答案' })
  else if (q.answer.some((a) => a < 0 || a >= n)) problems.push({ path: `${path}.answer`, message: '答案不在选项之中' })
  else if (q.type !== 'multiple' && q.answer.length !== 1) problems.push({ path: `${path}.answer`, message: '单选题和判断题只能有一个正确答案' })
  else if (new Set(q.answer).size !== q.answer.length) problems.push({ path: `${path}.answer`, message: '答案不能重复' })
  if (!Number.isInteger(q.points) || q.points < 1 || q.points > 100) problems.push({ path: `${path}.points`, message: '分值应为 1 到 100 的整数' })
  return problems
}

/**
 * Turns the keys a person chose for each shown question (A, B …) into original option
 * indexes; every key must name a shown option, and single and true/false take at most one.
 */
export function decodeChoices(
  questions: readonly QuizQuestion[],
  orders: readonly number[][],
  chosen: ReadonlyMap<string, readonly string[]>,
): { answers: number[][]; problems: Problem[] } {
  const problems: Problem[] = []
  const known = new Set(questions.map((q) => q.id))
  for (const id of chosen.keys()) if (!known.has(id)) problems.push({ path: `body.answers.${id}`, message: '本次答题没有这道题' })
  const answers = questions.map((q, i) => {
    const keys = chosen.get(q.id) ?? []
    const order = orders[i] ?? []
    const path = `body.answers.${q.id}`
    if (q.type !== 'multiple' && keys.length > 1) problems.push({ path, message: '这道题只能选一个答案' })
    if (new Set(keys).size !== keys.length) problems.push({ path, message: '同一选项选了两次' })
    return keys.flatMap((k) => {
      const shown = OPTION_KEYS.indexOf(k)
      if (shown < 0 || shown >= order.length) {
        problems.push({ path, message: `选项 ${k} 不存在` })
        return []
      }
      return [order[shown] as number]
    })
  })
  return { answers, problems }
}

/**
 * When a quiz closes, one way wherever a person reads it (the quiz list and page, 我的待办, the daily digest):
 * "12月4日（星期五）晚上6:00前", a close at the end of a day "12月19日（星期六）前（含当日）". Each puts 请在…答题 round it.
 */
export function quizClosesText(q: Pick<QuizRecord, 'closesAt'>, timeZone: string, now: Date): string {
  return spokenDeadline(q.closesAt, timeZone, now)
}
