import { z } from 'zod'
import { longText, requiredLine, requiredText, singleLine, stripInvisible } from '../../../domain/free-text.js'
import { DEPUTY_LEVELS } from '../../../domain/directory.js'
import { ID_PATTERN } from '../../../domain/directory-import.js'
import { OPINION_OUTCOMES, PASS_RULES, QUESTION_TYPES, SURVEY_KINDS } from '../../../domain/survey.js'
import { pageQuery } from '../../schemas.js'

const id = z.string().regex(ID_PATTERN, '编号格式无效')
const key = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, '编号只能含字母、数字、下划线和短横线')
const text = requiredLine
const instant = z.iso.datetime({ offset: true, error: '时间应为带时区的 ISO 8601 格式' }).transform((s) => new Date(s))

export const surveyIdParam = z.strictObject({ id: z.string().regex(/^sv-[0-9a-f-]{36}$/, '编号格式无效') })
/** The survey's id, or the code its poster carries (scene v=<code>). */
export const surveyRefParam = z.strictObject({
  id: z.union([z.string().regex(/^sv-[0-9a-f-]{36}$/), z.string().regex(/^[A-Za-z0-9]{8}$/)], { error: '编号或二维码格式无效' }),
})
/** 提醒 takes nothing: it reminds everyone still waiting. A body (say, chosen deputyIds) is refused, not silently ignored. */
export const remindBody = z.strictObject({})
export const opinionParam = surveyIdParam.extend({ opinionId: z.string().regex(/^op-[0-9a-f-]{36}$/, '意见编号格式无效') })

// Every field is filled in (null when unused), so a stored question has one shape whatever its type.
const question = z.strictObject({
  id: key,
  type: z.enum(QUESTION_TYPES, { error: '题型应为 single、multiple、text、rating 或 number' }),
  title: text(300, '题目'),
  required: z.boolean().default(false),
  options: z
    .array(z.strictObject({ id: key, label: text(200, '选项') }))
    .max(100, '选项最多 100 个')
    .default([]),
  minChoices: z.number().int().min(0).nullable().default(null),
  maxChoices: z.number().int().min(1).nullable().default(null),
  maxLength: z.number().int().min(1).max(5000).nullable().default(null),
  scale: z
    .union([z.literal(5), z.literal(10)], { error: '评分应为 5 分制或 10 分制' })
    .nullable()
    .default(null),
  min: z.number().nullable().default(null),
  max: z.number().nullable().default(null),
  /** number: whole numbers only (the console's 只能填整数, on for a new number question); absent, any number. */
  integer: z.boolean().default(false),
  showIf: z
    .strictObject({ questionId: key, optionIds: z.array(key).min(1) })
    .nullable()
    .default(null),
})

/** Deputies named the way a ballot's roll names them: by level, district, or one by one. */
const deputySelector = z.strictObject({
  levels: z.array(z.enum(DEPUTY_LEVELS)).optional(),
  districtIds: z.array(id).optional(),
  deputyIds: z.array(id).max(20_000).optional(),
})

/** The console's count while the organizer chooses whom a survey asks (or a ballot's roll): by level and district. */
export const audiencePreviewBody = z.strictObject({ audience: deputySelector.omit({ deputyIds: true }) })

const article = z.strictObject({ id: key, number: text(20, '条号'), text: requiredText(5000, '条文') })

export const createBody = z.strictObject({
  kind: z.enum(SURVEY_KINDS, { error: '类型应为 survey、consultation 或 ballot' }),
  title: text(100, '标题'),
  description: longText().max(5000, '说明最多 5000 字').default(''),
  questions: z.array(question).max(200, '题目最多 200 道').default([]),
  articles: z.array(article).max(500, '条文最多 500 条').default([]),
  /** Absent: named, except a ballot, which is always secret (and refused when sent false). */
  anonymous: z.boolean().optional(),
  /** Keep it as a draft (草稿) until POST /:id/publish; absent, it is published at once. */
  draft: z.boolean().default(false),
  /** Absent: it opens now, by the server's clock (an office PC's clock may run ahead or behind); a draft, when it is published. */
  opensAt: instant.optional(),
  closesAt: instant,
  responseCap: z.number().int().min(1, '人数上限至少为 1').nullable().default(null),
  /** A survey or consultation asked of deputies: they are told at publishing, and followed. */
  audience: deputySelector.nullable().default(null),
  ballot: z
    .strictObject({
      passRule: z.enum(PASS_RULES).default('roll_majority'),
      maxChosen: z.number().int().min(1).nullable().default(null),
      roll: deputySelector,
    })
    .nullable()
    .default(null),
})

/** A correction after creation: what is given changes, the rest stays (the service says what is frozen). */
export const correctionBody = z
  .strictObject({
    title: text(100, '标题').optional(),
    description: longText().max(5000, '说明最多 5000 字').optional(),
    /** null: a draft's start left empty, as at creating: it opens when it is published. */
    opensAt: instant.nullable().optional(),
    closesAt: instant.optional(),
    responseCap: z.number().int().min(1, '人数上限至少为 1').nullable().optional(),
    questions: z.array(question).max(200, '题目最多 200 道').optional(),
    articles: z.array(article).max(500, '条文最多 500 条').optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: '请至少修改一项' })

export const listQuery = z.strictObject({ ...pageQuery, kind: z.enum(SURVEY_KINDS).optional() })
export const resultsQuery = z.strictObject({ districtId: id.optional(), stationId: id.optional() })
export const textsQuery = z.strictObject({
  ...pageQuery,
  questionId: key,
  q: singleLine().max(50).optional(),
  districtId: id.optional(),
  stationId: id.optional(),
})
/** Page by page, as the 履职档案 list (offset, limit, total): a real consultation has hundreds of opinions. */
export const opinionsQuery = z.strictObject({
  articleId: key.optional(),
  outcome: z.enum(OPINION_OUTCOMES).optional(),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
  limit: pageQuery.limit,
})
export const decisionBody = z.strictObject({
  outcome: z.enum(['adopted', 'partly_adopted', 'not_adopted'], { error: '结果应为 adopted（采纳）、partly_adopted（部分采纳）或 not_adopted（未采纳）' }),
  // Missing or blank, one wording (the global map would call a missing one 请填写原因, its field's name elsewhere).
  reason: z.string({ error: (i) => (i.input === undefined ? '理由不能为空' : undefined) }).pipe(requiredText(1000, '理由')),
})

const answer = z.union([longText().max(10_000), z.array(z.string().max(64)).max(200), z.number()], { error: '答案应为文字、数字或选项列表' })

/** Keys an object inherits: zod's record drops `__proto__` without a word, and both would pass the unknown-question check. */
const INHERITED_KEYS = ['__proto__', 'constructor', 'prototype']
const answerMap = z
  .unknown()
  .superRefine((value, ctx) => {
    if (!value || typeof value !== 'object') return
    for (const k of INHERITED_KEYS) if (Object.hasOwn(value, k)) ctx.addIssue({ code: 'custom', path: [k], message: '没有这道题' })
  })
  .pipe(z.record(z.string().max(64), answer, { error: '答案应为以题目编号为键的对象' }))

export const respondBody = z.strictObject({
  answers: answerMap.default({}),
  comments: z
    .array(z.strictObject({ articleId: z.string().max(64), text: longText().max(10_000) }))
    .max(500)
    .default([]),
})

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype

/**
 * respondBody's own result for the body nearly every answer sends — `answers` of texts, numbers and lists of option
 * ids, and no comments (none, or an empty list) — read directly, texts cleaned as longText cleans them; null for any
 * other body and for any value respondBody would refuse, which the route then parses with respondBody (its words for
 * every refusal). Under load zod's general path for this schema cost more than anything of an answer but its store
 * write and session read. Its bounds are respondBody's: change the two together (test/unit/answer-body.test.ts holds
 * them side by side).
 */
export const plainAnswerBody = (body: unknown): z.output<typeof respondBody> | null => {
  if (!isPlainObject(body)) return null
  let given: unknown
  for (const key of Object.keys(body)) {
    const value = body[key]
    if (key === 'answers') given = value
    else if (key !== 'comments' || !Array.isArray(value) || value.length) return null
  }
  const answers: Record<string, string | string[] | number> = {}
  if (given === undefined) return { answers, comments: [] }
  if (!isPlainObject(given)) return null
  for (const key of Object.keys(given)) {
    if (key.length > 64 || INHERITED_KEYS.includes(key)) return null
    const value = given[key]
    if (typeof value === 'string') {
      const text = stripInvisible(value).trim()
      if (text.length > 10_000) return null
      answers[key] = text
    } else if (typeof value === 'number') {
      if (!Number.isFinite(value)) return null
      answers[key] = value
    } else if (Array.isArray(value)) {
      if (value.length > 200 || !value.every((id) => typeof id === 'string' && id.length <= 64)) return null
      answers[key] = [...(value as string[])]
    } else return null
  }
  return { answers, comments: [] }
}
/** The QR code or station code the person came through. */
export const viaQuery = z.strictObject({
  via: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,32}$/, '来源码格式无效')
    .optional(),
})
