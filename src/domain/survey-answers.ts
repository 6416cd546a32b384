/**
 * Every answer checked against its question on the server, whatever the client shows:
 * options that do not exist, too many or too few choices, missing required answers,
 * answers to questions hidden by their conditions. Pure.
 */
import type { Answers, AnswerValue, ArticleComment, Problem, Question, SurveyRecord } from './survey.js'

const COMMENT_MAX = 2000

/** Whether the answers so far show the question ("show Q5 only if Q4 = 是"); a condition on a hidden question hides too. */
export function isShown(q: Question, byId: ReadonlyMap<string, Question>, answers: Answers): boolean {
  if (!q.showIf) return true
  const target = byId.get(q.showIf.questionId)
  if (!target || !isShown(target, byId, answers)) return false
  const given = answers[target.id]
  const chosen = Array.isArray(given) ? given : typeof given === 'string' ? [given] : []
  return chosen.some((o) => q.showIf!.optionIds.includes(o))
}

/**
 * Whom a question with a condition was asked, for its results: "只问第 1 题选了“有”的人" (or "选了“有”或“偶尔”的人"), so
 * that its fewer answers beside the survey's total read as asked of fewer, not skipped. Null for a question asked of all.
 */
export function askedOnlyText(questions: Question[], questionId: string): string | null {
  const q = questions.find((x) => x.id === questionId)
  const at = q?.showIf ? questions.findIndex((x) => x.id === q.showIf!.questionId) : -1
  if (!q?.showIf || at < 0) return null
  const labels = questions[at]!.options.filter((o) => q.showIf!.optionIds.includes(o.id)).map((o) => `“${o.label}”`)
  return `只问第 ${at + 1} 题选了${labels.join('或')}的人`
}

/** The questions these answers show, in order. */
export function shownQuestions(questions: Question[], answers: Answers): Question[] {
  const byId = new Map(questions.map((q) => [q.id, q]))
  return questions.filter((q) => isShown(q, byId, answers))
}

/** An option id the question no longer has: the page was older than the questionnaire; the id means nothing to the person. */
const OPTION_GONE = '这个选项已不存在，请刷新后重新选择'

/**
 * Whether the question has an option of this id. Not a closure made in valueProblem: under tsx (`npm start`) a function
 * made and bound to a name per call is also named per call (a defineProperty), and every answer checks every question.
 */
function isOptionOf(q: Question, o: unknown): boolean {
  return typeof o === 'string' && q.options.some((x) => x.id === o)
}

function valueProblem(q: Question, value: AnswerValue): string | null {
  switch (q.type) {
    case 'single':
      if (typeof value !== 'string') return '请选择一个选项'
      return isOptionOf(q, value) ? null : OPTION_GONE
    case 'multiple': {
      if (!Array.isArray(value)) return '请以列表形式给出所选选项'
      const missing = value.find((o) => !isOptionOf(q, o))
      if (missing !== undefined) return OPTION_GONE
      if (new Set(value).size !== value.length) return '同一选项不能重复选择'
      if (q.maxChoices !== null && value.length > q.maxChoices) return `最多选择 ${q.maxChoices} 项，实选 ${value.length} 项`
      if (q.minChoices !== null && value.length < q.minChoices) return `至少选择 ${q.minChoices} 项，实选 ${value.length} 项`
      return null
    }
    case 'text':
      if (typeof value !== 'string') return '请填写文字'
      if (q.maxLength !== null && [...value].length > q.maxLength) return `最多 ${q.maxLength} 字`
      return null
    case 'rating': {
      const scale = q.scale ?? 5
      return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= scale ? null : `评分应为 1–${scale} 的整数`
    }
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return '请填写数字'
      if (q.integer && !Number.isInteger(value)) return '请填写整数'
      if ((q.min !== null && value < q.min) || (q.max !== null && value > q.max)) return `数值应在 ${q.min ?? '-∞'}–${q.max ?? '∞'} 之间`
      return null
  }
}

/** An empty answer counts as no answer: a blank text, an empty choice list. */
const isBlank = (v: AnswerValue | undefined) => v === undefined || (typeof v === 'string' && !v.trim()) || (Array.isArray(v) && !v.length)

/**
 * Every problem of one response, each with its path (`answers.q4`, `comments[0].articleId`),
 * or none. Blank answers to optional questions are dropped by `cleanAnswers`.
 */
export function answerProblems(s: Pick<SurveyRecord, 'kind' | 'questions' | 'articles'>, answers: Answers, comments: ArticleComment[]): Problem[] {
  const problems: Problem[] = []
  const byId = new Map(s.questions.map((q) => [q.id, q]))
  for (const id of Object.keys(answers)) if (!byId.has(id)) problems.push({ path: `answers.${id}`, message: '没有这道题' })
  for (const q of s.questions) {
    const value = answers[q.id]
    const path = `answers.${q.id}`
    if (!isShown(q, byId, answers)) {
      if (!isBlank(value)) problems.push({ path, message: '此题按前面的回答不显示，不应作答' })
      continue
    }
    if (isBlank(value)) {
      if (q.required) problems.push({ path, message: `「${q.title}」为必答题` })
      continue
    }
    const problem = valueProblem(q, value!)
    if (problem) problems.push({ path, message: problem })
  }
  // A blank comment has its own problem below.
  const given = Object.values(answers).some((v) => !isBlank(v)) || comments.length > 0
  // Nothing at all is no response: it would count as one and take the person's only turn.
  if (!given && !problems.length)
    problems.push({ path: 'answers', message: s.kind === 'consultation' ? '请至少对一条条文提出意见，或回答一道题' : '请至少回答一道题' })
  if (comments.length && s.kind !== 'consultation') problems.push({ path: 'comments', message: '只有征求意见可以逐条提意见' })
  else {
    // One opinion per article and person, as the page offers one box per article: each opinion is decided, told back
    // and exported on its own, and two of one article would share one row of the 采纳情况.
    const commented = new Set<string>()
    comments.forEach((c, i) => {
      if (!s.articles.some((a) => a.id === c.articleId))
        problems.push({ path: `comments[${i}].articleId`, message: '这条条文已不在征求意见稿中，请刷新后重新填写' })
      else if (commented.has(c.articleId)) problems.push({ path: `comments[${i}].articleId`, message: '同一条文只能提一条意见，请把意见写在一起' })
      commented.add(c.articleId)
      if (!c.text.trim()) problems.push({ path: `comments[${i}].text`, message: '意见不能为空' })
      else if ([...c.text].length > COMMENT_MAX) problems.push({ path: `comments[${i}].text`, message: `意见最多 ${COMMENT_MAX} 字` })
    })
  }
  return problems
}

/** The answers as stored: blank ones dropped, texts trimmed. Call after `answerProblems` found none. */
export function cleanAnswers(answers: Answers): Answers {
  const out: Answers = {}
  for (const [id, v] of Object.entries(answers)) {
    if (isBlank(v)) continue
    out[id] = typeof v === 'string' ? v.trim() : v
  }
  return out
}
