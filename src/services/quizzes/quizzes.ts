import { randomUUID } from 'node:crypto'
import type { Clock } from '../../clock.js'
import {
  OFFERED_QUIZ_AUDIENCES,
  OPTION_KEYS,
  QUESTION_FROZEN_MESSAGE,
  questionProblems,
  quizPhase,
  STAFF_AUDIENCE_MESSAGE,
  type QuizAudience,
  type QuizQuestion,
  type QuizRecord,
} from '../../domain/quiz.js'
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError } from '../../errors.js'
import type { PageQuery, Store } from '../../store/ports.js'
import type { AuditTrail } from '../audit.js'
import type { CampaignService } from '../campaigns/campaigns.js'
import { requireRole, type StaffPrincipal } from '../accounts/principal.js'
import { quizNotices } from '../publish-notices.js'
import { quizAudience } from './quiz-audience.js'
import { readQuestionCsv, withColumns, type QuestionDraft } from './quiz-csv.js'
import type { DirectoryCache } from '../directory/directory-cache.js'
import { wholeInstallationRefusal } from '../../domain/office-name.js'
import { scopeOwnerIds, scopeOwns, staffScope } from '../../domain/staff-scope.js'

/** What an organizer sets; the rest of a quiz record is the service's. */
export type QuizDraft = Pick<
  QuizRecord,
  'campaignId' | 'title' | 'description' | 'drawCount' | 'timeLimitSeconds' | 'attemptsAllowed' | 'opensAt' | 'closesAt' | 'audience'
>
/**
 * Creating: kept as a draft until published (absent: published at once); without `opensAt` it
 * opens now by the server's clock, never the browser's (an office PC's clock may run ahead).
 */
export type NewQuiz = Omit<QuizDraft, 'opensAt'> & { opensAt?: Date; draft?: boolean }

const POOL_MAX = 2_000
/** Settings every attempt was drawn and timed with. */
const FROZEN_ONCE_STARTED = ['drawCount', 'timeLimitSeconds'] as const

/** Why a published quiz is not deleted, and what to do instead. */
export const PUBLISHED_NOT_DELETED =
  '这个知识竞赛已经发布，不能删除：参加的人已经看到了它，答题记录也要保留。不想再让人参加，可以在“设置”里把结束时间改到现在，提前结束'

/** What QuizService is built from (one object: the parameters are many). */
export interface QuizServiceDeps {
  store: Pick<Store, 'directory' | 'outbox' | 'quizzes'>
  campaigns: CampaignService
  clock: Clock
  settings: { timeZone: string }
  audit: Pick<AuditTrail, 'record'>
  /** Where each organizer may look (domain/staff-scope.ts). */
  /** Scopes, and the whole installation's office, named when a district organizer is refused a city-level quiz. */
  directory: Pick<DirectoryCache, 'scopeOf' | 'prepared'>
}

/**
 * Organizers' side of quizzes (知识竞赛): create one (for a campaign or on its own), fill
 * its question pool by hand or from a CSV, and change its settings. Organizers of some
 * districts or streets work within them: they see only quizzes of their regions (a
 * district's include its streets') and the city's.
 */
export class QuizService {
  private readonly store: Pick<Store, 'directory' | 'outbox' | 'quizzes'>
  private readonly campaigns: CampaignService
  private readonly clock: Clock
  private readonly settings: { timeZone: string }
  private readonly audit: Pick<AuditTrail, 'record'>
  private readonly directory: Pick<DirectoryCache, 'scopeOf' | 'prepared'>

  constructor(deps: QuizServiceDeps) {
    ;({ store: this.store, campaigns: this.campaigns, clock: this.clock, settings: this.settings, audit: this.audit, directory: this.directory } = deps)
  }

  async create(staff: StaffPrincipal, draft: NewQuiz): Promise<QuizRecord> {
    requireRole(staff, 'organizer', 'admin')
    // A campaign the organizer cannot see is not found, as anywhere else; one they only follow (the city's) is not theirs to add to.
    if (draft.campaignId) await this.campaigns.manageable(staff, draft.campaignId)
    const now = this.clock.now()
    const opensAt = draft.opensAt ?? now
    checkWindow({ opensAt, closesAt: draft.closesAt })
    checkOffered(draft.audience)
    checkNotOver(draft.closesAt, now)
    // Published at once means its audience is told now: the pool (empty when just made) must already hold a paper.
    if (!draft.draft) checkPool(0, draft.drawCount, '请先保存为草稿，补充题目后再发布')
    const quiz: QuizRecord = {
      id: `qz-${randomUUID()}`,
      ...draft,
      opensAt,
      draft: draft.draft ?? false,
      // An organizer's quiz is their districts' or streets' (the rule's regions: none for the city office).
      scopeDistrictIds: [...staffScope(staff).regionIds],
      createdBy: staff.id,
      createdAt: now,
      updatedAt: now,
    }
    // Published as it is made (unless a draft): its audience hears of it once (dedupe keys per person), in the same write.
    const created = await this.store.quizzes.create(
      quiz,
      quiz.draft ? [] : quizNotices(quiz, await quizAudience(this.store, quiz), now, this.settings.timeZone),
    )
    if (!quiz.draft) await this.audit.record(staff, 'quiz.published', { kind: 'quiz', id: quiz.id })
    return created
  }

  /** A district organizer's list: their districts' quizzes and the city's (which are for every district). */
  async list(staff: StaffPrincipal, query: PageQuery & { campaignId?: string }) {
    requireRole(staff, 'organizer', 'admin')
    const scope = await this.directory.scopeOf(staff)
    return this.store.quizzes.search({ ...query, ...(scope.kind === 'regions' ? { scopeDistrictIds: scopeOwnerIds(scope) ?? [], cityWide: true } : {}) })
  }

  /** Not visible is not found: nobody learns which quizzes exist elsewhere; the city's are visible to every district. */
  async get(staff: StaffPrincipal, id: string): Promise<QuizRecord> {
    requireRole(staff, 'organizer', 'admin')
    const q = await this.store.quizzes.get(id)
    if (!q || (q.scopeDistrictIds.length && !scopeOwns(await this.directory.scopeOf(staff), q.scopeDistrictIds))) throw new NotFoundError('知识竞赛不存在')
    return q
  }

  /** For changes: a district organizer follows a city-level quiz but does not change it. */
  async manageable(staff: StaffPrincipal, id: string): Promise<QuizRecord> {
    const q = await this.get(staff, id)
    if (this.districtView(staff, q))
      throw new ForbiddenError(wholeInstallationRefusal((await this.directory.prepared()).index.office, '知识竞赛', '成绩'), 'city_level')
    return q
  }

  /** The districts or streets whose share their organizer sees of a city-level quiz; null when they see it whole. */
  districtView(staff: StaffPrincipal, q: Pick<QuizRecord, 'scopeDistrictIds'>): string[] | null {
    // Naming the scope's regions needs no region tree.
    const scope = staffScope(staff)
    return scope.kind === 'regions' && !q.scopeDistrictIds.length ? [...scope.regionIds] : null
  }

  /**
   * With its attempts, read once for both things the detail says of them: whether anyone has started
   * (the console shows what is frozen before she edits, not after 保存) and 参与人数 (QuizResults.detail).
   */
  async detail(staff: StaffPrincipal, id: string) {
    const quiz = await this.get(staff, id)
    const [questions, attempts] = await Promise.all([this.store.quizzes.questions(id), this.store.quizzes.attempts(id)])
    return { quiz, questions, attempts, started: attempts.length > 0 }
  }

  /**
   * Deletes a draft (never published: nobody was told of it and nobody could start it) with its
   * questions. A published quiz stays, with what people answered: 409 in words, saying what she can do.
   * Held to the scope of changes: another district's is not found, the city's is 403 for a district.
   */
  async deleteDraft(staff: StaffPrincipal, id: string): Promise<void> {
    const quiz = await this.manageable(staff, id)
    // Checked again in the write: a publish a moment earlier keeps it.
    if (!quiz.draft || !(await this.store.quizzes.deleteDraft(quiz.id))) throw new ConflictError(PUBLISHED_NOT_DELETED, [], 'quiz_published')
    await this.audit.record(staff, 'quiz.draft_deleted', { kind: 'quiz', id: quiz.id }, { title: quiz.title })
  }

  /**
   * Corrects a quiz's settings. Once anyone has started, what the attempts were drawn and
   * timed with (draw count, time limit) stays as it is: a change would make earlier
   * papers incomparable with later ones. Title, description, window and attempts may change.
   */
  async update(staff: StaffPrincipal, id: string, asked: QuizCorrection): Promise<QuizRecord> {
    const quiz = await this.manageable(staff, id)
    const patch = startResolved(quiz, asked, this.clock.now())
    const frozen = FROZEN_ONCE_STARTED.filter((k) => patch[k] !== undefined && patch[k] !== quiz[k])
    if (frozen.length && (await this.started(quiz.id))) {
      throw new ConflictError(
        '已有人开始答题，抽题数和答题时限不能再改，以免前后成绩不可比',
        frozen.map((k) => ({ path: `body.${k}`, message: '已有人开始答题，不能修改' })),
        'quiz_started',
      )
    }
    const changed = (Object.keys(patch) as (keyof typeof patch)[]).filter((k) => patch[k] !== undefined && String(patch[k]) !== String(quiz[k]))
    if (!changed.length) return quiz
    const next = { ...quiz, ...patch, updatedAt: this.clock.now() }
    checkWindow(next)
    if (changed.includes('audience')) checkOffered(next.audience)
    // A published quiz stays takeable: participants already see it and were told to take part.
    if (!quiz.draft && changed.includes('drawCount')) checkPool((await this.store.quizzes.questions(quiz.id)).length, next.drawCount)
    const saved = await this.store.quizzes.update(next, { unstarted: frozen.length > 0 })
    await this.audit.record(
      staff,
      'quiz.corrected',
      { kind: 'quiz', id: quiz.id },
      {
        fields: changed,
        before: Object.fromEntries(changed.map((k) => [k, quiz[k]])),
        after: Object.fromEntries(changed.map((k) => [k, next[k]])),
      },
    )
    return saved
  }

  /**
   * How many people publishing it would tell, counted now as publish counts them (the deputies of
   * its places, those in office): the publish dialog says it before 确认发布, as a survey's does.
   * Null for a residents' quiz: they are not listed one by one (they find it in the mini-program).
   */
  async reach(staff: StaffPrincipal, id: string): Promise<{ count: number | null }> {
    // Publish's scope, as the count goes with publishing: a district organizer does not count a city quiz's deputies.
    const quiz = await this.manageable(staff, id)
    return { count: quiz.audience === 'residents' ? null : (await quizAudience(this.store, quiz)).length }
  }

  /**
   * Publishes a draft: from its opening time participants find it. A start already past (the time
   * the draft was saved, when none was given) becomes now, as a survey's does: nobody could take a
   * draft, and a quiz saved on Monday and published on Friday opened on Friday. Audited.
   */
  async publish(staff: StaffPrincipal, id: string): Promise<QuizRecord> {
    const quiz = await this.manageable(staff, id)
    if (!quiz.draft) throw new ConflictError('已经发布过了', [], 'already_published')
    const pool = await this.store.quizzes.questions(quiz.id)
    if (pool.length < quiz.drawCount)
      throw new ConflictError(`题库只有 ${pool.length} 题，少于每次抽题数 ${quiz.drawCount}，请先补充题目`, [], 'quiz_not_ready')
    const now = this.clock.now()
    checkOffered(quiz.audience)
    checkNotOver(quiz.closesAt, now)
    const saved = await this.store.quizzes.update({ ...quiz, draft: false, opensAt: quiz.opensAt < now ? now : quiz.opensAt, updatedAt: now })
    // Its audience hears of it when it is published (just after the update; dedupe keys keep it to once).
    const notices = quizNotices(saved, await quizAudience(this.store, saved), now, this.settings.timeZone)
    if (notices.length) await this.store.outbox.enqueue(notices)
    await this.audit.record(staff, 'quiz.published', { kind: 'quiz', id: quiz.id })
    return saved
  }

  /**
   * 提前结束: it ends now, by the server's clock (never the office PC's), as a survey's does; nobody can start or hand
   * in a paper after (a paper under way counts only if handed in by now, QuizTaking.submit), and once its grace is past
   * the board is the final ranking. A draft has nothing to end; one already over says so. Audited.
   */
  async close(staff: StaffPrincipal, id: string): Promise<QuizRecord> {
    const quiz = await this.manageable(staff, id)
    const now = this.clock.now()
    if (quiz.draft) throw new ConflictError('草稿还没有发布，不用结束；不要了可以删除草稿', [], 'quiz_draft')
    if (quizPhase(quiz, now) === 'closed') throw new ConflictError('这个知识竞赛已经结束了', [], 'quiz_closed')
    const closed = await this.store.quizzes.update({ ...quiz, opensAt: now < quiz.opensAt ? now : quiz.opensAt, closesAt: now, updatedAt: now })
    await this.audit.record(
      staff,
      'quiz.closed',
      { kind: 'quiz', id: quiz.id },
      { before: { opensAt: quiz.opensAt, closesAt: quiz.closesAt }, after: { opensAt: closed.opensAt, closesAt: closed.closesAt } },
    )
    return closed
  }

  /**
   * Corrects a pool question. Before anyone starts, anything; after, its explanation and tags
   * only. The stem and the option texts are what a paper asked and answered: results read the
   * pool as it is now, so a changed option would silently change what earlier answers say
   * (and whether they were right), and papers out there mid-answer would be scored against words
   * they were never shown. The type, the options' number, the right answer and the points are
   * what earlier papers were scored by.
   */
  async correctQuestion(staff: StaffPrincipal, quizId: string, questionId: string, patch: Partial<Omit<QuestionDraft, 'line'>>): Promise<QuizQuestion> {
    const quiz = await this.manageable(staff, quizId)
    const [question] = await this.store.quizzes.getQuestions([questionId])
    if (!question || question.quizId !== quiz.id) throw new NotFoundError('题目不存在')
    const next: QuizQuestion = {
      ...question,
      ...(patch.type ? { type: patch.type } : {}),
      ...(patch.stem ? { stem: patch.stem } : {}),
      ...(patch.options ? { options: patch.options } : {}),
      ...(patch.answer ? { answer: patch.answer.map((k) => OPTION_KEYS.indexOf(k)) } : {}),
      ...(patch.explanation !== undefined ? { explanation: patch.explanation } : {}),
      ...(patch.points !== undefined ? { points: patch.points } : {}),
      ...(patch.tags ? { tags: patch.tags } : {}),
    }
    const scoring: string[] = (['type', 'stem', 'answer', 'points'] as const).filter((k) => String(next[k]) !== String(question[k]))
    // Compared as a list: an option's text may itself hold a comma.
    if (JSON.stringify(next.options) !== JSON.stringify(question.options)) scoring.push('options')
    if (scoring.length && (await this.started(quiz.id))) {
      throw new ConflictError(
        QUESTION_FROZEN_MESSAGE,
        scoring.map((k) => ({ path: `body.${k}`, message: '已有人开始答题，不能再改' })),
        'quiz_started',
      )
    }
    const problems = questionProblems(next, 'body')
    if (problems.length) throw new UnprocessableError('题目有误', problems, 'invalid_questions')
    // The scoring parts change only while nobody has started, checked again in the write itself.
    const saved = await this.store.quizzes.updateQuestion(next, { unstarted: scoring.length > 0 })
    await this.audit.record(staff, 'quiz.question_corrected', { kind: 'quiz_question', id: question.id }, { quizId: quiz.id, before: question, after: next })
    return saved
  }

  private async started(quizId: string) {
    return (await this.store.quizzes.attempts(quizId)).length > 0
  }

  /** Adds questions to the pool, all or none: any problem refuses the whole list with every problem named. */
  async addQuestions(staff: StaffPrincipal, quizId: string, drafts: QuestionDraft[], pathOf = (i: number) => `body.questions[${i}]`): Promise<QuizQuestion[]> {
    const quiz = await this.manageable(staff, quizId)
    const pool = await this.store.quizzes.questions(quiz.id)
    if (pool.length + drafts.length > POOL_MAX) throw new UnprocessableError(`题库最多 ${POOL_MAX} 题`, [], 'pool_full')
    let position = pool.reduce((max, q) => Math.max(max, q.position), 0)
    const problems: Array<{ path: string; message: string }> = []
    const questions = drafts.map((d, i): QuizQuestion => {
      const question: QuizQuestion = {
        id: `qq-${randomUUID()}`,
        quizId: quiz.id,
        type: d.type,
        stem: d.stem,
        options: d.options,
        answer: d.answer.map((k) => OPTION_KEYS.indexOf(k)),
        explanation: d.explanation,
        points: d.points,
        tags: d.tags,
        position: ++position,
      }
      problems.push(...questionProblems(question, pathOf(i)))
      return question
    })
    if (problems.length) throw new UnprocessableError('题目有误，未导入任何题目', problems, 'invalid_questions')
    await this.store.quizzes.addQuestions(questions)
    return questions
  }

  /** A question bank in CSV (see quiz-csv.ts); problems name the CSV line. */
  async importCsv(staff: StaffPrincipal, quizId: string, csv: string): Promise<QuizQuestion[]> {
    await this.manageable(staff, quizId)
    const { drafts, problems, written } = await readQuestionCsv(csv)
    if (problems.length) throw new UnprocessableError('题目有误，未导入任何题目', problems, 'invalid_questions')
    try {
      return await this.addQuestions(staff, quizId, drafts, (i) => `body.csv[第 ${drafts[i]?.line ?? i + 2} 行]`)
    } catch (err) {
      // A question's own rules (answer among the options …) named by her column headings too.
      if (err instanceof UnprocessableError && err.details.length) throw new UnprocessableError(err.message, withColumns(err.details, written), err.code)
      throw err
    }
  }
}

/** A correction of a quiz's settings: a start of null is a draft's start left empty (it opens when it is published). */
export type QuizCorrection = Partial<Omit<QuizDraft, 'campaignId' | 'opensAt'>> & { opensAt?: Date | null }

/**
 * An empty start as at creating: a draft's start that has come (or now, by the server's clock, for
 * one still to come), which publishing makes the publishing time. Only a draft can have none.
 */
function startResolved(quiz: QuizRecord, asked: QuizCorrection, now: Date): Partial<Omit<QuizDraft, 'campaignId'>> {
  const { opensAt, ...rest } = asked
  if (opensAt !== null) return { ...rest, ...(opensAt ? { opensAt } : {}) }
  // Well formed, refused for the quiz's state (published): 422, as a survey's start emptied after publishing.
  if (!quiz.draft) throw new UnprocessableError('答题活动设置有误', [{ path: 'body.opensAt', message: '已经发布，请填写开始时间' }], 'invalid_quiz')
  // Left out, not undefined: the record is the quiz spread with the patch.
  return quiz.opensAt <= now ? rest : { ...rest, opensAt: now }
}

// Well-formed times in the wrong order break a rule, not the request's shape: 422, as a survey's,
// a meeting's, a campaign's and an appraisal's (DESIGN.md: 400 is for what the schema refuses).
function checkWindow(q: Pick<QuizDraft, 'opensAt' | 'closesAt'>) {
  if (q.closesAt <= q.opensAt) throw new UnprocessableError('答题活动设置有误', [{ path: 'body.closesAt', message: '结束时间应晚于开始时间' }], 'invalid_quiz')
}

/** A quiz that is already over would tell its audience to take part in something they cannot. */
function checkNotOver(closesAt: Date, now: Date) {
  if (closesAt <= now)
    throw new UnprocessableError('结束时间已过，请把结束时间改到现在以后', [{ path: 'body.closesAt', message: '结束时间已过' }], 'quiz_window_over')
}

/** Station staff have no page to take a quiz on (see QUIZ_AUDIENCES). */
function checkOffered(audience: QuizAudience) {
  if (!(OFFERED_QUIZ_AUDIENCES as readonly string[]).includes(audience))
    throw new UnprocessableError(STAFF_AUDIENCE_MESSAGE, [{ path: 'body.audience', message: STAFF_AUDIENCE_MESSAGE }], 'audience_not_offered')
}

/** Every attempt draws `drawCount` questions: a smaller pool means nobody can start. */
function checkPool(poolSize: number, drawCount: number, advice = '请先补充题目') {
  if (poolSize < drawCount)
    throw new UnprocessableError(
      `题库只有 ${poolSize} 题，少于每次抽题数 ${drawCount}，${advice}`,
      [{ path: 'body.drawCount', message: `题库只有 ${poolSize} 题` }],
      'quiz_not_ready',
    )
}
