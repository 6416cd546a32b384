import { RESPONDENT_KIND_LABELS, type Question, type SurveyRecord } from '../../domain/survey.js'

/** One questionnaire a person answered, as she reads it in her copy of her data. */
export interface SurveyAnswersInWords {
  title: string
  /** 问卷, 立法征求意见 … (RESPONDENT_KIND_LABELS) */
  kindLabel: string
  /** Each question she answered, in the questionnaire's order: its words and hers. */
  answered: Array<{ question: string; answer: string }>
  /** Her comments on a draft's articles: the article's number (第一条) and what she wrote. */
  commented: Array<{ article: string; comment: string }>
}

const isBlank = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)

/** Her answer to one question in words: the options' own words, a rating out of its scale, her text as she typed it. */
function answerWords(q: Question | undefined, value: unknown): string {
  const label = (id: unknown) => q?.options.find((o) => o.id === id)?.label ?? String(id)
  if (Array.isArray(value)) return value.map(label).join('、')
  if (q?.type === 'single') return label(value)
  if (q?.type === 'rating') return q.scale ? `${value} 分（满分 ${q.scale} 分）` : `${value} 分`
  return String(value)
}

/**
 * A stored response as words (PIPL art. 45: a copy she can read): the questions she answered
 * with the options she chose, her typed text and her ratings, and her comments on articles.
 * Option and question ids mean nothing to her. A survey no longer there (null) keeps what can
 * be said: her answers by number, in the order stored.
 */
export function surveyAnswersInWords(survey: SurveyRecord | null, answers: Record<string, unknown>, comments: unknown[]): SurveyAnswersInWords {
  const byId = new Map((survey?.questions ?? []).map((q) => [q.id, q]))
  const ids = survey ? survey.questions.map((q) => q.id).filter((id) => id in answers) : Object.keys(answers)
  // Answers to questions the survey no longer lists (it cannot change once answered, but a copy must not drop them).
  const rest = survey ? Object.keys(answers).filter((id) => !byId.has(id)) : []
  const answered = [...ids, ...rest]
    .filter((id) => !isBlank(answers[id]))
    .map((id, i) => ({ question: byId.get(id)?.title ?? `第 ${i + 1} 题`, answer: answerWords(byId.get(id), answers[id]) }))
  const articles = new Map((survey?.articles ?? []).map((a) => [a.id, a.number]))
  const commented = comments
    .filter((c): c is { articleId: string; text: string } => typeof c === 'object' && c !== null && typeof (c as { text?: unknown }).text === 'string')
    .map((c) => ({ article: articles.get(c.articleId) ?? '条文', comment: c.text }))
  return {
    title: survey?.title ?? '（这份问卷已经撤下）',
    kindLabel: survey ? RESPONDENT_KIND_LABELS[survey.kind] : '问卷',
    answered,
    commented,
  }
}
