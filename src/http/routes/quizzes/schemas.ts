import { z } from 'zod'
import { longText, requiredLine, requiredText } from '../../../domain/free-text.js'
import { OPTION_KEYS, OPTIONS_MAX, QUESTION_TYPES, QUIZ_AUDIENCES } from '../../../domain/quiz.js'
import { questionInput } from '../../../domain/quiz-question-input.js'
import { pageQuery } from '../../schemas.js'

const text = requiredLine
const instant = z.iso.datetime({ offset: true, error: '时间应为带时区的 ISO 8601 格式' }).transform((s) => new Date(s))
const uuid = (prefix: string, label: string) => z.string().regex(new RegExp(`^${prefix}-[0-9a-f-]{36}$`), `${label}编号格式无效`)

export const quizIdParam = z.strictObject({ id: uuid('qz', '知识竞赛') })
export const attemptIdParam = z.strictObject({ id: uuid('qa', '答题') })

const settings = {
  title: text(100, '名称'),
  description: longText().max(2000, '说明最多 2000 字'),
  drawCount: z.number().int('抽题数应为整数').min(1, '每次至少抽 1 题').max(200, '每次最多抽 200 题'),
  timeLimitSeconds: z
    .number()
    .int('答题时限应为整数秒')
    .min(30, '答题时限至少 30 秒')
    .max(24 * 3600, '答题时限最多 24 小时'),
  attemptsAllowed: z.number().int('答题次数应为整数').min(1, '至少可答 1 次').max(100, '最多可答 100 次'),
  opensAt: instant,
  closesAt: instant,
  // 'staff' passes here so that the service can say why it is no longer offered.
  audience: z.enum(QUIZ_AUDIENCES, { error: '参与对象应为 public（所有人）、residents（群众）或 deputies（人大代表）' }),
}

export const createQuizBody = z.strictObject({
  campaignId: z
    .string()
    .regex(/^cp-[0-9a-f-]{36}$/, '活动编号格式无效')
    .nullable()
    .default(null),
  ...settings,
  description: settings.description.default(''),
  /** Absent: it opens now, by the server's clock (an office PC's clock may run ahead or behind). */
  opensAt: settings.opensAt.optional(),
  /** Keep it as a draft until POST /:id/publish; absent, it is published at once. */
  draft: z.boolean().default(false),
})

export const updateQuizBody = z
  .strictObject({
    title: settings.title.optional(),
    description: settings.description.optional(),
    drawCount: settings.drawCount.optional(),
    timeLimitSeconds: settings.timeLimitSeconds.optional(),
    attemptsAllowed: settings.attemptsAllowed.optional(),
    /** null: a draft's start left empty, as at creating: it opens when it is published. */
    opensAt: settings.opensAt.nullable().optional(),
    closesAt: settings.closesAt.optional(),
    audience: settings.audience.optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: '请至少修改一项' })

const question = questionInput

export const questionIdParam = z.strictObject({ id: quizIdParam.shape.id, questionId: z.string().regex(/^qq-[0-9a-f-]{36}$/, '题目编号格式无效') })

/** A correction of one pool question: what is given changes. */
export const questionCorrectionBody = z
  .strictObject({
    type: z.enum(QUESTION_TYPES, { error: '题型应为 single、multiple 或 true_false' }).optional(),
    stem: requiredText(1000, '题干').optional(),
    options: z.array(text(200, '选项')).max(OPTIONS_MAX, `选项最多 ${OPTIONS_MAX} 个`).optional(),
    answer: z
      .array(z.enum(OPTION_KEYS, { error: '答案应为选项字母 A–H' }))
      .min(1, '请给出正确答案')
      .max(OPTIONS_MAX)
      .optional(),
    explanation: longText().max(2000, '解析最多 2000 字').optional(),
    points: z.number().int('分值应为整数').min(1, '分值至少为 1').max(100, '分值最多为 100').optional(),
    tags: z.array(text(30, '标签')).max(10, '标签最多 10 个').optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: '请至少修改一项' })

export const questionsBody = z.strictObject({ questions: z.array(question).min(1, '请至少添加一道题').max(500, '一次最多添加 500 题') })
export const importBody = z.strictObject({ csv: z.string().min(1, 'CSV 内容不能为空').max(200_000, 'CSV 过大') })

export const listQuery = z.strictObject({
  ...pageQuery,
  campaignId: z
    .string()
    .regex(/^cp-[0-9a-f-]{36}$/, '活动编号格式无效')
    .optional(),
})
export const boardQuery = z.strictObject({ by: z.enum(['person', 'station', 'district'], { error: 'by 应为 person、station 或 district' }).default('person') })

export const submitBody = z.strictObject({
  answers: z.array(z.strictObject({ questionId: z.string().max(50), choices: z.array(z.string().max(2)).max(OPTIONS_MAX, '选项过多') })).max(200, '答案过多'),
})
