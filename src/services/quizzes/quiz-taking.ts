import { randomInt, randomUUID } from 'node:crypto'
import type { Clock } from '../../clock.js'
import {
  attemptDeadline,
  decodeChoices,
  drawQuestions,
  effectiveDeadline,
  isLate,
  mayTakeQuiz,
  QUIZ_AUDIENCE_LABELS,
  quizPhase,
  quizStillToDo,
  scoreAnswers,
  type AttemptRecord,
  type QuizAudience,
  type QuizQuestion,
  type QuizRecord,
} from '../../domain/quiz.js'
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError } from '../../errors.js'
import type { AttemptHead, Store } from '../../store/ports.js'
import type { CampaignAudience } from '../campaigns/campaign-audience.js'
import type { MpPrincipal } from '../accounts/mp-sessions.js'
import { quizPersonOf } from '../../domain/quiz-audience.js'
import { mayTake } from './quiz-audience.js'
import { spokenDeadline, spokenMoment } from '../../domain/spoken-dates.js'
import { quizAttemptNeedsConsent } from '../../domain/consent-needed.js'
import { requireConsent, requireNotWithdrawn } from '../privacy/consent-check.js'

/**
 * A quiz a participant cannot see, as she is told it: true whether it was taken away, is not
 * published yet or is not hers (a leaderboard of another district's quiz), in words an older
 * resident reads without knowing what "不存在" would mean for her.
 */
export const QUIZ_NOT_FOUND = '找不到这个知识竞赛，可能已经撤下了，或者二维码、链接有误。如有疑问，请问问组织活动的工作人员'

/**
 * Why this person may not take a quiz, in words an older resident reads: whom it is for, that she
 * is not among them, and that nothing is wrong ("不面向您" said neither). A deputies' quiz of one
 * district refuses deputies of others: said as the district's.
 */
export function notForYou(audience: QuizAudience, isDeputy: boolean): string {
  if (audience === 'deputies')
    return isDeputy
      ? '这次知识竞赛是给举办地区的人大代表参加的，您不在参加范围内，感谢您的关注'
      : '这次知识竞赛是给人大代表参加的，您不在参加范围内，感谢您的关注'
  if (audience === 'residents') return '这次知识竞赛是给群众参加的，人大代表不在参加范围内，感谢您的关注'
  return `这次知识竞赛是给${QUIZ_AUDIENCE_LABELS[audience]}参加的，您不在参加范围内，感谢您的关注`
}

/** How long an ended quiz she took part in stays in her list (her answers, the final ranking). */
export const LOOK_BACK_DAYS = 30

export interface Paper {
  quiz: QuizRecord
  attempt: AttemptRecord
  /** The drawn questions in the order shown (answers stay on the server until submitted). */
  questions: QuizQuestion[]
}

/**
 * The participants' side (the mini-program): open quizzes, starting an attempt (a fresh
 * seeded draw), submitting it before its deadline. Someone else's attempt is not found.
 */
export class QuizTaking {
  constructor(
    private readonly store: Pick<Store, 'quizzes' | 'mpUsers'>,
    private readonly audience: CampaignAudience,
    private readonly clock: Clock,
    private readonly settings: { timeZone: string; privacyVersion: string },
    /** The seed of each new paper's draw; tests pass their own to be handed a paper that holds the kind they read. */
    private readonly drawSeed: () => number = () => randomInt(0, 2 ** 31),
  ) {}

  /**
   * Quizzes open now that this person may take, with their own attempts at each; then those that
   * ended in the last LOOK_BACK_DAYS which she took part in: the explanations are the point of a
   * study quiz, and the final ranking is only known after the close.
   */
  async openFor(p: MpPrincipal) {
    const person = quizPersonOf(p)
    const places = p.deputyId ? await this.audience.placesOfDeputy(p.deputyId) : null
    const now = this.clock.now()
    const [open, ended] = await Promise.all([
      this.store.quizzes.openAt(now),
      this.store.quizzes.closedBetween(new Date(now.getTime() - LOOK_BACK_DAYS * 86_400_000), now),
    ])
    const withAttempts = (quizzes: QuizRecord[]) =>
      Promise.all(quizzes.filter((q) => mayTakeQuiz(q, places)).map(async (quiz) => ({ quiz, attempts: await this.store.quizzes.attemptsOf(quiz.id, person) })))
    const taken = (await withAttempts(ended)).filter((e) => e.attempts.some((a) => a.status !== 'open'))
    return [...(await withAttempts(open)), ...taken]
  }

  /**
   * The quizzes open at `at` that this person may take and has still to do (quizStillToDo), with the attempt to
   * continue if one is under way: what 我的待办 lists, judged as owedByDeputies judges it for the daily digest.
   */
  async owedTo(
    p: Pick<MpPrincipal, 'id' | 'deputyId'>,
    { at = this.clock.now() }: { at?: Date } = {},
  ): Promise<Array<{ quiz: QuizRecord; openAttempt: AttemptRecord | null }>> {
    const quizzes = await this.store.quizzes.openAt(at)
    if (!quizzes.length) return []
    const places = p.deputyId ? await this.audience.placesOfDeputy(p.deputyId) : null
    const person = quizPersonOf(p)
    const owed = await Promise.all(
      quizzes
        .filter((q) => mayTakeQuiz(q, places))
        .map(async (quiz) => {
          const todo = quizStillToDo(quiz, await this.store.quizzes.attemptsOf(quiz.id, person), at)
          return todo && { quiz, openAttempt: todo.openAttempt }
        }),
    )
    return owed.filter((x): x is { quiz: QuizRecord; openAttempt: AttemptRecord | null } => !!x)
  }

  /**
   * Which quizzes open at `at` each deputy has still to do, for the daily digest of every deputy at once: the open
   * quizzes and the deputies' attempts at them are read once for all (two reads, whatever the number of deputies; a
   * read a deputy was 100,000 reads a morning), then each is judged as owedTo judges him, with no read: mayTakeQuiz on
   * his places (from the shared directory), quizStillToDo on his attempts. Closing soonest first.
   */
  async owedByDeputies(at: Date): Promise<(deputyId: string) => QuizRecord[]> {
    // A residents' quiz (or a staff one) is no deputy's to take: its attempts are not read.
    const open = (await this.store.quizzes.openAt(at)).filter((q) => q.audience === 'public' || q.audience === 'deputies')
    if (!open.length) return () => []
    const ids = open.map((q) => q.id)
    const [heads, placesOf] = await Promise.all([this.store.quizzes.attemptHeads(ids, 'deputy'), this.audience.deputyPlaces()])
    const byTaker = new Map<string, AttemptHead[]>()
    for (const a of heads) {
      const key = `${a.quizId}\n${a.personId}`
      const list = byTaker.get(key)
      if (list) list.push(a)
      else byTaker.set(key, [a])
    }
    return (deputyId) => {
      const places = placesOf(deputyId)
      return open.filter((q) => mayTakeQuiz(q, places) && quizStillToDo(q, byTaker.get(`${q.id}\n${deputyId}`) ?? [], at))
    }
  }

  async start(p: MpPrincipal, quizId: string): Promise<Paper> {
    const quiz = await this.store.quizzes.get(quizId)
    // A draft is not there yet for participants.
    if (!quiz || quiz.draft) throw new NotFoundError(QUIZ_NOT_FOUND)
    if (!(await mayTake(this.audience, quiz, p))) throw new ForbiddenError(notForYou(quiz.audience, !!p.deputyId), 'not_in_audience')
    const now = this.clock.now()
    const phase = quizPhase(quiz, now)
    // When it opens or ended, said in the words the page shows as they are: the close as the
    // quiz's own deadline line put it ("请在12月19日（星期六）前（含当日）答题"), not a midnight of the day
    // after; both as the notices and the digest say times (spoken-dates.ts).
    const tz = this.settings.timeZone
    if (phase === 'upcoming') throw new ConflictError(`这个知识竞赛还没开始，${spokenMoment(quiz.opensAt, tz, now)}开始，到时再来参加`, [], 'quiz_not_open')
    if (phase === 'closed') throw new ConflictError(`这个知识竞赛已经结束了，答题时间是${spokenDeadline(quiz.closesAt, tz, now)}`, [], 'quiz_closed')
    // Her attempt keeps her account, score and place on the board: the notice agreed first, as for a message.
    if (quizAttemptNeedsConsent(p)) await requireConsent(p, this.settings.privacyVersion, this.store.mpUsers)
    const pool = await this.store.quizzes.questions(quiz.id)
    if (pool.length < quiz.drawCount) throw new ConflictError('题库题目不足，暂不能答题', [], 'quiz_not_ready')
    const seed = this.drawSeed()
    const draw = drawQuestions(pool, quiz.drawCount, seed)
    const byId = new Map(pool.map((q) => [q.id, q]))
    const questions = draw.questionIds.map((id) => byId.get(id)!)
    const person = quizPersonOf(p)
    // A deputy of stations in several places stands, on the boards, at one inside the quiz's area.
    const place = await this.audience.placeOf(
      person.kind === 'deputy' ? { kind: 'deputy', id: person.id } : { kind: 'mp_user', id: person.id },
      quiz.scopeDistrictIds,
    )
    const attempt = await this.store.quizzes.startAttempt(
      {
        id: `qa-${randomUUID()}`,
        quizId: quiz.id,
        personKind: person.kind,
        personId: person.id,
        ...place,
        number: 0,
        seed,
        ...draw,
        startedAt: now,
        deadline: attemptDeadline(now, quiz),
        status: 'open',
        finishedAt: null,
        answers: null,
        score: null,
        maxScore: questions.reduce((s, q) => s + q.points, 0),
      },
      now,
      quiz.attemptsAllowed,
    )
    return { quiz, attempt, questions }
  }

  /** One's own attempt: the paper while open, the result once finished. */
  async attempt(p: MpPrincipal, attemptId: string): Promise<Paper> {
    const attempt = await this.own(p, attemptId)
    const quiz = (await this.store.quizzes.get(attempt.quizId))!
    return { quiz, attempt, questions: await this.drawn(attempt) }
  }

  /**
   * Scores the answers (per drawn question id, the option keys chosen) in one write. After
   * the deadline nothing is counted: the attempt closes as expired and the answer is 409.
   */
  async submit(p: MpPrincipal, attemptId: string, chosen: ReadonlyMap<string, readonly string[]>): Promise<Paper> {
    const attempt = await this.own(p, attemptId)
    if (attempt.status !== 'open') throw new ConflictError('这次答题已经交卷了', [{ path: 'attemptId', message: attempt.id }], 'already_submitted')
    // A paper started before she withdrew her consent is refused as a start is, before the deadline is judged, so that
    // nothing (not even closing it as late) is written without her agreement. Only a withdrawal: a notice that gained a
    // version while the paper was open does not hold back what she began under her agreement.
    if (quizAttemptNeedsConsent(p)) await requireNotWithdrawn(p, this.settings.privacyVersion, this.store.mpUsers)
    const now = this.clock.now()
    // The quiz as it is now: an organizer may have ended it early since this attempt started.
    const current = (await this.store.quizzes.get(attempt.quizId))!
    if (isLate(attempt, current, now)) {
      await this.store.quizzes.finishAttempt(attempt.id, { status: 'expired', finishedAt: now, answers: [], score: 0 })
      const ended = effectiveDeadline(attempt, current) < attempt.deadline
      throw new ConflictError(
        ended ? '知识竞赛已结束，本次作答不计分' : '答题时间已到，本次作答不计分',
        [{ path: 'deadline', message: effectiveDeadline(attempt, current).toISOString() }],
        'deadline_passed',
      )
    }
    const questions = await this.drawn(attempt)
    const { answers, problems } = decodeChoices(questions, attempt.optionOrders, chosen)
    if (problems.length) throw new UnprocessableError('答案有误，请检查后重新交卷', problems, 'invalid_answer')
    const { score } = scoreAnswers(questions, answers)
    const outcome = { status: 'submitted' as const, finishedAt: now, answers, score }
    if (!(await this.store.quizzes.finishAttempt(attempt.id, outcome))) {
      throw new ConflictError('这次答题已经交卷了', [{ path: 'attemptId', message: attempt.id }], 'already_submitted')
    }
    return { quiz: current, attempt: { ...attempt, ...outcome }, questions }
  }

  private async own(p: MpPrincipal, attemptId: string): Promise<AttemptRecord> {
    const person = quizPersonOf(p)
    const attempt = await this.store.quizzes.getAttempt(attemptId)
    // Someone else's attempt does not exist for this person.
    if (!attempt || attempt.personKind !== person.kind || attempt.personId !== person.id) throw new NotFoundError('答题记录不存在')
    return attempt
  }

  private async drawn(attempt: AttemptRecord): Promise<QuizQuestion[]> {
    const byId = new Map((await this.store.quizzes.getQuestions(attempt.questionIds)).map((q) => [q.id, q]))
    return attempt.questionIds.map((id) => byId.get(id)!)
  }
}
