import { OPTION_KEYS, type QuestionType } from '../../domain/quiz.js'
import { questionInput } from '../../domain/quiz-question-input.js'
import { issuesToDetails } from '../../domain/zod-issues.js'
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
type Column = (typeof CSV_COLUMNS)[number]
const REQUIRED_COLUMNS = CSV_COLUMNS.slice(0, 4)

/** The header as the dialog's sample shows it: an organizer who reads no English builds her sheet from this. */
const CHINESE_HEADER: Record<Column, string> = {
  type: '题型',
  stem: '题干',
  options: '选项',
  answer: '答案',
  explanation: '解析',
  points: '分值',
  tags: '标签',
}
/**
 * Every heading a column is known by: the English keys (files made from the earlier English
 * sample), the sample's Chinese, and what an office types when it makes the sheet itself.
 */
const HEADINGS: Record<string, Column> = {
  ...Object.fromEntries(CSV_COLUMNS.map((c) => [c, c])),
  ...Object.fromEntries(Object.entries(CHINESE_HEADER).map(([c, words]) => [words, c])),
  类型: 'type',
  题目类型: 'type',
  题目: 'stem',
  问题: 'stem',
  正确答案: 'answer',
  答案解析: 'explanation',
  分数: 'points',
  得分: 'points',
}
/** Full-width letters and digits (Ａ, ５) as a Chinese input method types them, and heading case, made plain. */
const plain = (s: string) => s.normalize('NFKC').trim().toLowerCase()

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
  单项选择: 'single',
  单项选择题: 'single',
  多项选择: 'multiple',
  多项选择题: 'multiple',
}
const TRUE_WORDS = new Set(['正确', '对', '是', 'T', 'TRUE', '√'])
const FALSE_WORDS = new Set(['错误', '错', '否', 'F', 'FALSE', '×'])

const split = (s: string) =>
  s
    // A Chinese input method types the bar full-width (｜).
    .split(/[|｜]/)
    .map((x) => x.trim())
    .filter(Boolean)

/** "AC", "A|C", "a, c" → ["A", "C"]; a true/false answer may be written 正确/错误 (对/错 …). */
function answerKeys(type: QuestionType, raw: string): string[] {
  const text = raw.normalize('NFKC').trim().toUpperCase()
  if (type === 'true_false') {
    if (TRUE_WORDS.has(text)) return ['A']
    if (FALSE_WORDS.has(text)) return ['B']
  }
  return [...text.replace(/[\s|,，、]/g, '')]
}

/** The line a record starts on: csv-parse counts to its end, and a quoted field may span lines. */
function startLine(endLine: number, raw: string): number {
  const own = raw.replace(/^\n+/, '').replace(/\n$/, '')
  return endLine - (own.match(/\n/g)?.length ?? 0)
}

/**
 * Why the file could not be read, in words: csv-parse's own are English ("Invalid Closing Quote:
 * got "c" at line 2 instead of delimiter …") and the organizer reading them is not a programmer.
 */
function unreadable(err: { code?: string; lines?: number }): string {
  const rule = '一格文字如以双引号开头，须以双引号结尾；文字里的双引号要写成两个（""）'
  // An unclosed quote is only found at the end of the file: the line it names is the last one, not where the quote is.
  if (err.code === 'CSV_QUOTE_NOT_CLOSED') return `CSV 格式有误：有一格以英文双引号开头，直到文件末尾也没有结尾的双引号。${rule}`
  const where = err.lines ? `第 ${err.lines} 行` : '文件中'
  if (/QUOTE/.test(err.code ?? '')) return `CSV 格式有误：${where}的英文双引号没有成对。${rule}`
  return `CSV 格式有误：${where}无法读出，请在 Excel 或 WPS 中另存为“CSV（逗号分隔）”后重新导入`
}

/**
 * The columns missing, said in the language of the header she wrote: one written in English
 * (an old file) is shown the English row, any other the Chinese one the dialog shows.
 */
function missingColumns(missing: readonly Column[], english: boolean): string {
  const named = missing.map((c) => (english ? `${c}（${CHINESE_HEADER[c]}）` : `“${CHINESE_HEADER[c]}”`)).join('、')
  const row = english ? CSV_COLUMNS.join(',') : CSV_COLUMNS.map((c) => CHINESE_HEADER[c]).join(',')
  return `第一行表头少了${english ? ' ' : ''}${named}${missing.length > 1 ? `这 ${missing.length} 列` : '这一列'}，请照样例把第一行写成 ${row}`
}

/** Two headings of one column (题型 and 类型): which one she meant is hers to say, not for the later one to win. */
function sameColumn([a, b]: readonly string[]): string {
  return a === b ? `表头有两列“${a}”，请删去一列` : `表头“${a}”和“${b}”说的是同一列，请删去一列`
}

/**
 * Problems in a row say which column as the organizer's own header names it (`column`), for she
 * looks for the words she wrote; the path keeps the column's key, as the API has always named it.
 * A heading that is the key itself (an old English file) adds nothing the path does not say.
 */
export function withColumns<P extends Problem>(problems: readonly P[], written: Readonly<Partial<Record<string, string>>>): P[] {
  return problems.map((p) => {
    const key = /^body\.csv\[第 \d+ 行\]\.(\w+)/.exec(p.path)?.[1]
    const column = key ? written[key] : undefined
    return column && plain(column) !== key ? { ...p, column } : p
  })
}

/**
 * Reads a question bank in plain CSV (as saved from Excel or WPS: a header row
 * 题型,题干,选项,答案,解析,分值,标签 or its English keys, see HEADINGS; options and tags separated by |).
 * Values may be typed as a Chinese input method types them: 单选/多选/判断, 对/错, full-width Ａ and ５.
 * Each row is checked as a question typed in the form is (questionInput); every problem is
 * reported with the line it starts on, nothing is half read. Rows left all empty are skipped.
 */
export async function readQuestionCsv(text: string): Promise<{ drafts: QuestionDraft[]; problems: Problem[]; written: Partial<Record<Column, string>> }> {
  const { parse } = await csvParse()
  /** Each column's heading as she wrote it, for the problems. */
  const written: Partial<Record<Column, string>> = {}
  /** Every heading that names each column: csv-parse keeps the last of two silently, while problems name the first. */
  const headings: Partial<Record<Column, string[]>> = {}
  const key = (heading: string) => {
    const column = HEADINGS[plain(heading)]
    if (column) {
      written[column] ??= heading.trim()
      ;(headings[column] ??= []).push(heading.trim())
    }
    return column ?? plain(heading)
  }
  let records: Array<{ record: Record<string, string>; info: { lines: number }; raw: string }>
  try {
    // Line ends made LF first: csv-parse miscounts lines past a CRLF (as Excel saves).
    records = parse(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), {
      columns: (h: string[]) => h.map(key),
      skip_empty_lines: true,
      // Excel and WPS save rows a user cleared as ",,,,,,".
      skip_records_with_empty_values: true,
      trim: true,
      relax_column_count: true,
      info: true,
      raw: true,
    })
  } catch (err) {
    return { drafts: [], problems: [{ path: 'body.csv', message: unreadable(err as { code?: string; lines?: number }) }], written }
  }
  const twice = Object.values(headings).find((named) => named.length > 1)
  if (twice) return { drafts: [], problems: [{ path: 'body.csv', message: sameColumn(twice) }], written }
  const problems: Problem[] = []
  const first = records[0]?.record
  // explanation, points (default 1) and tags may be left out.
  const missing = first ? REQUIRED_COLUMNS.filter((c) => !(c in first)) : []
  if (!records.length) problems.push({ path: 'body.csv', message: '没有读到题目（第一行应为表头）' })
  const english = Object.values(written).length > 0 && Object.entries(written).every(([c, heading]) => plain(heading) === c)
  if (missing.length) return { drafts: [], problems: [{ path: 'body.csv', message: missingColumns(missing, english) }], written }

  const drafts: QuestionDraft[] = []
  for (const { record: r, info, raw } of records) {
    const line = startLine(info.lines, raw)
    const path = `body.csv[第 ${line} 行]`
    const type = TYPE_NAMES[plain(r.type ?? '')]
    if (!type) {
      const given = (r.type ?? '').trim()
      problems.push({ path: `${path}.type`, message: given ? `没有“${given}”这种题型，请填单选、多选或判断` : '没有填题型，请填单选、多选或判断' })
      continue
    }
    const answer = answerKeys(type, r.answer ?? '')
    if (answer.some((k) => !OPTION_KEYS.includes(k))) {
      const how = type === 'true_false' ? '判断题请填“对”或“错”' : '请填选项前的字母，如 A，多选如 AC'
      problems.push({ path: `${path}.answer`, message: `答案“${(r.answer ?? '').trim()}”不对，${how}` })
      continue
    }
    const checked = questionInput.safeParse({
      type,
      stem: r.stem ?? '',
      ...(type === 'true_false' && !r.options ? {} : { options: split(r.options ?? '') }),
      answer,
      explanation: r.explanation ?? '',
      points: r.points ? Number(r.points.normalize('NFKC')) : 1,
      tags: split(r.tags ?? ''),
    })
    if (!checked.success) {
      problems.push(...issuesToDetails(checked.error.issues, path))
      continue
    }
    drafts.push({ ...checked.data, line })
  }
  return { drafts, problems: withColumns(problems, written), written }
}
