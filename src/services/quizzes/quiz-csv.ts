import { hasInvisible, INVISIBLE_MESSAGE, stripInvisible } from '../../domain/free-text.js'
import { OPTION_KEYS, TRUE_FALSE_OPTIONS, type QuestionType } from '../../domain/quiz.js'
import type { Problem } from '../../domain/quiz.js'
import { lazy } from '../../domain/lazy.js'

/** csv-parse is loaded at the first question bank read, not at every start. */
const csvParse = lazy(() => import('csv-parse/sync'))

/** A question as an organizer writes it: answers as the keys of the options (A, B …). */
export interface QuestionDraft {
  type: QuestionType
  stem: string
  options: string[]
  answer: string[]
  explanation: string
  points: number
  tags: string[]
  /** The CSV line it came from, for problems. */
  line?: number
}

export const CSV_COLUMNS = ['type', 'stem', 'options', 'answer', 'explanation', 'points', 'tags'] as const
const REQUIRED_COLUMNS = CSV_COLUMNS.slice(0, 4)

const TYPE_NAMES: Record<string, QuestionType> = {
  single: 'single',
  单选: 'single',
  单选题: 'single',
  multiple: 'multiple',
  多选: 'multiple',
  多选题: 'multiple',
  true_false: 'true_false',
  判断: 'true_false',
  判断题: 'true_false',
}
const TRUE_WORDS = new Set(['正确', '对', '是', 'T', 'TRUE', '√'])
const FALSE_WORDS = new Set(['错误', '错', '否', 'F', 'FALSE', '×'])

const split = (s: string) =>
  s
    .split('|')
    .map((x) => x.trim())
    .filter(Boolean)

/** "AC", "A|C", "a, c" → ["A", "C"]; a true/false answer may be written 正确/错误 (对/错 …). */
function answerKeys(type: QuestionType, raw: string): string[] {
  const text = raw.trim().toUpperCase()
  if (type === 'true_false') {
    if (TRUE_WORDS.has(text)) return ['A']
    if (FALSE_WORDS.has(text)) return ['B']
  }
  return [...text.replace(/[\s|,，、]/g, '')]
}

/**
 * Reads a question bank in plain CSV (as saved from Excel or WPS: a header row
 * type,stem,options,answer,explanation,points,tags; options and tags separated by |).
 * Every problem is reported with its line, nothing is half read.
 */
export async function readQuestionCsv(text: string): Promise<{ drafts: QuestionDraft[]; problems: Problem[] }> {
  const { parse } = await csvParse()
  let records: Record<string, string>[]
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
    })
  } catch (err) {
    return { drafts: [], problems: [{ path: 'body.csv', message: `CSV 格式有误：${(err as Error).message}` }] }
  }
  const problems: Problem[] = []
  const first = records[0]
  // explanation, points (default 1) and tags may be left out.
  const missing = first ? REQUIRED_COLUMNS.filter((c) => !(c in first)) : []
  if (!records.length) problems.push({ path: 'body.csv', message: '没有读到题目（第一行应为表头）' })
  if (missing.length) return { drafts: [], problems: [{ path: 'body.csv', message: `缺少列：${missing.join(', ')}` }] }

  const drafts: QuestionDraft[] = []
  records.forEach((r, i) => {
    const path = `body.csv[第 ${i + 2} 行]`
    const type = TYPE_NAMES[(r.type ?? '').trim().toLowerCase()] ?? TYPE_NAMES[(r.type ?? '').trim()]
    if (!type) return void problems.push({ path: `${path}.type`, message: `题型 "${r.type ?? ''}" 无效（single/multiple/true_false 或 单选/多选/判断）` })
    if (!r.stem) return void problems.push({ path: `${path}.stem`, message: '题干不能为空' })
    const refused = (['options', 'tags'] as const).find((field) => hasInvisible(r[field] ?? ''))
    if (refused) return void problems.push({ path: `${path}.${refused}`, message: INVISIBLE_MESSAGE })
    const points = r.points ? Number(r.points) : 1
    const options = type === 'true_false' && !r.options ? [...TRUE_FALSE_OPTIONS] : split(r.options ?? '')
    const answer = answerKeys(type, r.answer ?? '')
    if (answer.some((k) => !OPTION_KEYS.includes(k)))
      return void problems.push({ path: `${path}.answer`, message: `答案 "${r.answer ?? ''}" 应为选项字母，如 A 或 AC` })
    drafts.push({
      type,
      stem: stripInvisible(r.stem).trim(),
      options,
      answer,
      explanation: stripInvisible(r.explanation ?? ''),
      points,
      tags: split(r.tags ?? ''),
      line: i + 2,
    })
  })
  return { drafts, problems }
}
