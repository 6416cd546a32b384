import type { InputNumberValue } from 'tdesign-vue-next'

/** A question as the builder edits it and the server stores it (every field present, null when unused). */
export interface Question {
  id: string
  type: 'single' | 'multiple' | 'text' | 'rating' | 'number'
  title: string
  required: boolean
  options: Array<{ id: string; label: string }>
  minChoices: number | null
  maxChoices: number | null
  maxLength: number | null
  scale: 5 | 10 | null
  min: number | null
  max: number | null
  /** number: whole numbers only (只能填整数). */
  integer: boolean
  showIf: { questionId: string; optionIds: string[] } | null
}

export const QUESTION_TYPES = [
  { value: 'single', label: '单选题' },
  { value: 'multiple', label: '多选题' },
  { value: 'text', label: '填空（文字）' },
  { value: 'rating', label: '评分' },
  { value: 'number', label: '数字' },
]

export const SURVEY_KINDS = [
  { value: 'survey', label: '问卷调查' },
  { value: 'consultation', label: '立法征求意见' },
  { value: 'ballot', label: '代表票决' },
]

/**
 * How the console names one survey of a kind (the server's words, src/services/surveys/survey-words.ts):
 * a 征求意见 or a 票决 is never called 这份问卷. Unknown kind (a page opened by a bare link): 这项内容.
 */
export function kindName(kind: unknown): string {
  return kind === 'survey' ? '这份问卷' : kind === 'consultation' ? '这次征求意见' : kind === 'ballot' ? '这次票决' : '这项内容'
}

/**
 * How a detail page speaks of what it shows, by kind: a consultation collects opinions (意见), not answer sheets
 * (答卷), and a ballot's download is its count (计票结果). Unknown kind (a bare link, before it is read): neutral words.
 */
export function kindPageWords(kind: unknown) {
  switch (kind) {
    case 'survey':
      return { page: '问卷详情', list: '问卷', export: '导出答卷', file: '答卷.csv', poster: '问卷二维码', scan: '群众用微信扫码即可填写' }
    case 'consultation':
      return {
        page: '征求意见详情',
        list: '征求意见',
        export: '导出每人填写的内容',
        file: '每人填写的内容.csv',
        poster: '征求意见二维码',
        scan: '群众用微信扫码即可提意见',
      }
    case 'ballot':
      return { page: '票决详情', list: '票决', export: '导出计票结果', file: '计票结果.csv', poster: '票决二维码', scan: '代表用微信扫码即可投票' }
    default:
      return { page: '问卷、征求意见与票决', list: '', export: '导出', file: '导出.csv', poster: '二维码', scan: '用微信扫码即可参加' }
  }
}

/** TDesign's number input says "empty" with undefined; the server's "unused" is null, never a missing field. */
export const orNull = (value: InputNumberValue | undefined): number | null => (value === undefined || value === '' ? null : Number(value))

export const isChoice = (q: Pick<Question, 'type'>) => q.type === 'single' || q.type === 'multiple'

let seq = 0
/** Short ids the server accepts (letters, digits, _ -), unique within the page. */
export const newId = (prefix: string) => `${prefix}${Date.now().toString(36).slice(-4)}${(seq++).toString(36)}`

export function blankQuestion(type: Question['type'] = 'single'): Question {
  return {
    id: newId('q'),
    type,
    title: '',
    required: false,
    options:
      type === 'single' || type === 'multiple'
        ? [
            { id: newId('o'), label: '' },
            { id: newId('o'), label: '' },
          ]
        : [],
    minChoices: null,
    maxChoices: null,
    maxLength: null,
    scale: type === 'rating' ? 5 : null,
    min: null,
    max: null,
    // Most numbers asked are counts (每周去几次, 家里几口人): whole numbers unless the organizer says otherwise.
    integer: type === 'number',
    showIf: null,
  }
}

/** Whether a question is shown, given the answers so far: the server's rule (a condition on a hidden question hides too). */
export function shown(q: Question, all: Question[], answers: Record<string, unknown>): boolean {
  if (!q.showIf) return true
  const target = all.find((x) => x.id === q.showIf!.questionId)
  if (!target || !shown(target, all, answers)) return false
  const a = answers[target.id]
  const picked = Array.isArray(a) ? a : typeof a === 'string' ? [a] : []
  return q.showIf.optionIds.some((o) => picked.includes(o))
}
