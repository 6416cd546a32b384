/**
 * Questionnaires (问卷), legislation consultations (立法征求意见) and deputies' ballots (代表票决: a
 * 民生实事 year's projects, or any other question put to a roll of deputies; the year's says so in its title): what they are, when they take answers, and which
 * definitions make sense. Pure: no I/O, times passed in. Answer checks are in
 * survey-answers.ts, running tallies and results in survey-tally.ts.
 */
import { scopeOwns, type StaffScope } from './staff-scope.js'

export const SURVEY_KINDS = ['survey', 'consultation', 'ballot'] as const
export type SurveyKind = (typeof SURVEY_KINDS)[number]
export const SURVEY_KIND_LABELS: Record<SurveyKind, string> = { survey: '问卷调查', consultation: '立法征求意见', ballot: '代表票决' }
/**
 * The kind as the one who answers reads it in the mini-program: a questionnaire is 问卷, as her home page names it
 * (one name for one thing). The console keeps SURVEY_KIND_LABELS: its filter and lists say 问卷调查.
 */
export const RESPONDENT_KIND_LABELS: Record<SurveyKind, string> = { ...SURVEY_KIND_LABELS, survey: '问卷' }

export const QUESTION_TYPES = ['single', 'multiple', 'text', 'rating', 'number'] as const
export type QuestionType = (typeof QUESTION_TYPES)[number]

export interface QuestionOption {
  id: string
  label: string
}

/** "Show this question only if question `questionId` was answered with one of `optionIds`." */
export interface ShowIf {
  questionId: string
  optionIds: string[]
}

export interface Question {
  id: string
  type: QuestionType
  title: string
  required: boolean
  /** single and multiple: the choices offered (for a ballot, the candidate projects). */
  options: QuestionOption[]
  /** multiple: how many choices at least and at most. */
  minChoices: number | null
  maxChoices: number | null
  /** text: the longest answer taken. */
  maxLength: number | null
  /** rating: 1–5 or 1–10. */
  scale: 5 | 10 | null
  /** number: the range taken. */
  min: number | null
  max: number | null
  /** number: whole numbers only (a count: 每周去几次). Absent on questions made before, which took any number. */
  integer?: boolean
  showIf: ShowIf | null
}

/**
 * A question the office writes itself (述职评议's, a 票决's, the demo's): what it says, and every
 * limit it does not set left open, so that a question built in code names only what it asks.
 */
export const surveyQuestion = ({ id, type, title, ...rest }: Partial<Question> & Pick<Question, 'id' | 'type' | 'title'>): Question => ({
  id,
  type,
  title,
  required: false,
  options: [],
  minChoices: null,
  maxChoices: null,
  maxLength: null,
  scale: null,
  min: null,
  max: null,
  showIf: null,
  ...rest,
})

/** One article (条) of a draft regulation, commented on one by one. */
export interface Article {
  id: string
  /** 第一条 … */
  number: string
  text: string
}

/** When a project is chosen: more than half of the deputies on the roll, or of the ballots cast. */
export const PASS_RULES = ['roll_majority', 'ballots_majority'] as const
export type PassRule = (typeof PASS_RULES)[number]
export const PASS_RULE_LABELS: Record<PassRule, string> = { roll_majority: '超过应投票代表半数', ballots_majority: '超过实际投票数半数' }

export interface BallotRules {
  passRule: PassRule
  /** The deputies who may vote, fixed when the ballot is made. */
  rollDeputyIds: string[]
  /** At most this many projects are chosen (the most votes first); null: every project that passes. */
  maxChosen: number | null
  /**
   * Fixed once, when the ballot closes: the deputies of the roll it leaves out of its count, who
   * had left office without voting. An announced outcome is judged on the roll without them from
   * then on, whoever leaves office (or returns) later. Absent until the ballot has closed.
   */
  uncountedAtClose?: string[]
}

export interface SurveyRecord {
  id: string
  /** Printed in the poster's QR code (scene v=<code>). */
  shortCode: string
  kind: SurveyKind
  title: string
  description: string
  questions: Question[]
  /** consultation: the draft's articles. */
  articles: Article[]
  ballot: BallotRules | null
  /** Anonymous surveys keep a keyed hash of the person, never the person. */
  anonymous: boolean
  /** A draft (草稿) is not found by respondents and may change freely until it is published. */
  draft: boolean
  opensAt: Date
  closesAt: Date
  /** Null: no cap. */
  responseCap: number | null
  /** Kept by the store with each response (the cap is checked against it). */
  responseCount: number
  /** The districts whose organizers see it; empty for a city-level survey. */
  districtIds: string[]
  /**
   * A survey or consultation addressed to named deputies: they are told when it is published,
   * and organizers follow who has not answered. Null: open to whoever scans its poster.
   */
  audienceDeputyIds: string[] | null
  /**
   * A consultation's 采纳情况, published once by the office (anyone then reads the summary). Set
   * by the store alone (`publishOutcome`), never by `update`; absent until published.
   */
  outcomePublishedAt?: Date
  createdBy: string
  createdAt: Date
  updatedAt: Date
}

export type AnswerValue = string | string[] | number
export type Answers = Record<string, AnswerValue>

export interface ArticleComment {
  articleId: string
  text: string
}

export interface SurveyResponse {
  id: string
  surveyId: string
  /** Unique per survey: the person (named), a keyed hash of them (anonymous), the deputy (ballot). */
  respondentKey: string
  /** Null on anonymous surveys. */
  mpUserId: string | null
  deputyId: string | null
  stationId: string | null
  districtId: string | null
  /** The QR code or station the person came through (?via=). */
  via: string | null
  answers: Answers
  comments: ArticleComment[]
  createdAt: Date
}

export const OPINION_OUTCOMES = ['pending', 'adopted', 'partly_adopted', 'not_adopted'] as const
export type OpinionOutcome = (typeof OPINION_OUTCOMES)[number]
export const OPINION_OUTCOME_LABELS: Record<OpinionOutcome, string> = { pending: '待研究', adopted: '采纳', partly_adopted: '部分采纳', not_adopted: '未采纳' }

/** One comment on one article of a consultation, and what the legislators made of it. */
export interface Opinion {
  id: string
  surveyId: string
  responseId: string
  articleId: string
  text: string
  /** Null when anonymous: nobody can be told the outcome. */
  mpUserId: string | null
  via: string | null
  stationId: string | null
  outcome: OpinionOutcome
  reason: string | null
  decidedBy: string | null
  decidedAt: Date | null
  createdAt: Date
}

/**
 * How a message names the draft a consultation is about: its title in 书名号, or the
 * 《…》 the title already carries ("《城市绿化条例（草案）》征求意见" → "《城市绿化条例（草案）》"),
 * never 《《…》》.
 */
export function draftName(title: string): string {
  const quoted = title.match(/《[^《》]+》/)
  if (quoted) return quoted[0]
  // "…条例（草案）征求意见" names the draft, then what is asked of it: only the draft goes in 书名号.
  const name = title.replace(/[《》]/g, '').replace(/[\s，,:：—-]*(公开)?征求意见(稿)?$/, '')
  return `《${name || title.replace(/[《》]/g, '')}》`
}

export type SurveyPhase = 'scheduled' | 'open' | 'closed'
export const SURVEY_PHASE_LABELS: Record<SurveyPhase, string> = { scheduled: '未开始', open: '进行中', closed: '已结束' }

export function surveyPhase(s: Pick<SurveyRecord, 'opensAt' | 'closesAt'>, now: Date): SurveyPhase {
  // Ended before it began (closed early by an older version, which kept its opening time): it
  // will never take answers, so nobody is told it is coming.
  // Compared as numbers: every answer asks, and `<` on two Dates goes through their valueOf each time.
  const opens = s.opensAt.getTime()
  const closes = s.closesAt.getTime()
  if (closes <= opens) return 'closed'
  const at = now.getTime()
  if (at < opens) return 'scheduled'
  return at < closes ? 'open' : 'closed'
}

/**
 * Same rule as meetings: admins, city organizers, and an organizer of some districts or
 * streets for what belongs to a region in their scope (the viewer's, judged once per request
 * on the region tree: domain/staff-scope.ts); not by who made it, so an organizer moved away
 * no longer reads its answers.
 */
export function canManageSurvey(s: Pick<SurveyRecord, 'districtIds'>, scope: StaffScope): boolean {
  if (scope.kind === 'none') return false
  return scope.kind === 'city' || scopeOwns(scope, s.districtIds)
}

export interface Problem {
  path: string
  message: string
}

/** A questionnaire published with no question: what the organizer is told, at publishing or at creating it published. */
export const EMPTY_SURVEY = '请至少添加一道题'

/**
 * A definition that cannot be answered sensibly: every problem with its path. `draft`: a draft's questions may still
 * be missing; absent, it is judged as published.
 */
export function definitionProblems(
  s: Pick<SurveyRecord, 'kind' | 'questions' | 'articles' | 'ballot' | 'opensAt' | 'closesAt' | 'anonymous'> & { draft?: boolean },
): Problem[] {
  const problems: Problem[] = []
  const add = (path: string, message: string) => problems.push({ path, message })
  if (s.closesAt <= s.opensAt) add('closesAt', '结束时间应晚于开始时间')
  const seen = new Map<string, Question>()
  // Questions are named by their number on the page: their ids are the console's, never typed by anyone.
  const numbered = (q: Question) => `第 ${s.questions.indexOf(q) + 1} 题`
  s.questions.forEach((q, i) => {
    const at = `questions[${i}]`
    const twin = seen.get(q.id)
    if (twin) add(`${at}.id`, `与${numbered(twin)}的编号重复`)
    const choice = q.type === 'single' || q.type === 'multiple'
    if (choice && q.options.length < 2) add(`${at}.options`, '选择题至少需要两个选项')
    if (new Set(q.options.map((o) => o.id)).size !== q.options.length) add(`${at}.options`, '选项编号重复')
    if (q.type === 'multiple') {
      const min = q.minChoices ?? 0
      const max = q.maxChoices ?? q.options.length
      if (min > max || max > q.options.length) add(`${at}.maxChoices`, '最少、最多可选数与选项数不符')
    }
    if (q.type === 'number' && q.min !== null && q.max !== null && q.min > q.max) add(`${at}.max`, '数值上限应不小于下限')
    if (q.showIf) {
      const target = seen.get(q.showIf.questionId)
      if (!target) add(`${at}.showIf.questionId`, '显示条件只能引用前面的题目')
      else if (target.type !== 'single' && target.type !== 'multiple') add(`${at}.showIf.questionId`, '显示条件只能引用选择题')
      else
        for (const o of q.showIf.optionIds)
          if (!target.options.some((x) => x.id === o)) add(`${at}.showIf.optionIds`, `显示条件所选的选项在${numbered(target)}中已删去，请重新选择`)
    }
    seen.set(q.id, q)
  })
  if (s.kind === 'consultation' && !s.articles.length) add('articles', '征求意见须列出草案条文')
  // Published with no question, nobody could ever answer it (an empty answer is refused). A draft may wait for its questions.
  if (s.kind === 'survey' && !s.draft && !s.questions.length) add('questions', EMPTY_SURVEY)
  if (s.kind === 'ballot') {
    const choice = s.questions.filter((q) => q.type === 'multiple')
    if (s.questions.length !== 1 || choice.length !== 1) add('questions', '票决须且只须一道多选题，选项为候选项目')
    if (!s.ballot?.rollDeputyIds.length) add('ballot.roll', '应投票代表名单为空')
    // A vote linked to a deputy is not a vote by secret ballot (无记名投票), whoever reads it.
    if (!s.anonymous) add('anonymous', '票决一律无记名投票，不能设为实名')
  }
  return problems
}

/**
 * Why a survey or consultation asked of deputies would ask nobody, in words saying what to
 * choose; null when it asks someone. Published so, it would tell nobody and its turnout would
 * read "名单上的人都已参与". Nothing chosen and a choice naming nobody are told apart.
 */
export function emptyAudienceProblem(
  selector: { levels?: readonly string[]; districtIds?: readonly string[]; deputyIds?: readonly string[] },
  asked: number,
): { message: string; detail: string } | null {
  if (asked > 0) return null
  const chosen = !!(selector.levels?.length || selector.districtIds?.length || selector.deputyIds?.length)
  return chosen
    ? { message: '所选的代表层级和区县里没有在任的代表', detail: '所选范围内没有代表，请改选代表层级或区县' }
    : { message: '打开了“请代表填写”，但还没有选择请哪些代表', detail: '请勾选代表层级或选择区县；想让任何人扫码填写，请关掉“请代表填写”' }
}

/** What an organizer may correct after creating a survey; absent fields stay as they are. */
export interface SurveyCorrection {
  title?: string
  description?: string
  opensAt?: Date
  closesAt?: Date
  responseCap?: number | null
  questions?: Question[]
  articles?: Article[]
}

/** Whether two values are equal as data, whatever the order of their keys (a store may reorder them). */
export function sameValue(a: unknown, b: unknown): boolean {
  const canonical = (v: unknown) =>
    JSON.stringify(v, (_, x: unknown) =>
      x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([k1], [k2]) => (k1 < k2 ? -1 : 1))) : x,
    )
  return canonical(a) === canonical(b)
}
const same = sameValue

/**
 * Which corrections would make answers already given wrong, each with why in words an
 * organizer understands: questions (a ballot's candidate projects) and articles once
 * anyone answered, the opening time once open, any time once it has ended, a cap below
 * the answers in. Title and description can always be corrected. Pure.
 */
export function frozenByAnswers(s: SurveyRecord, c: SurveyCorrection, now: Date): Problem[] {
  const problems: Problem[] = []
  const answered = s.responseCount > 0
  // Nobody could answer a draft: its times are as free as the rest.
  const phase = s.draft ? 'scheduled' : surveyPhase(s, now)
  if (c.questions && !same(c.questions, s.questions) && answered) {
    problems.push({
      path: 'questions',
      message: s.kind === 'ballot' ? '已有代表投票，候选项目不能再改，否则已投的票将失去意义' : '已有人作答，题目不能再改，否则已收到的答卷将失去意义',
    })
  }
  if (c.articles && !same(c.articles, s.articles) && answered)
    problems.push({ path: 'articles', message: '已有人提出意见，条文不能再改，否则意见将对不上条文' })
  if (c.opensAt && c.opensAt.getTime() !== s.opensAt.getTime() && phase !== 'scheduled')
    problems.push({ path: 'opensAt', message: '已经开始，开始时间不能再改' })
  if (c.closesAt && c.closesAt.getTime() !== s.closesAt.getTime() && phase === 'closed') problems.push({ path: 'closesAt', message: '已经结束，不能重新开放' })
  if (c.responseCap != null && c.responseCap < s.responseCount)
    problems.push({ path: 'responseCap', message: `人数上限不能少于已收到的 ${s.responseCount} 份` })
  return problems
}
