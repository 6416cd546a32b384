import { z } from 'zod'
import { longText, requiredLine, requiredText } from './free-text.js'
import { OPTION_KEYS, OPTIONS_MAX, QUESTION_TYPES, TRUE_FALSE_OPTIONS } from './quiz.js'

/**
 * A pool question as an organizer writes it, by hand (JSON) or in a CSV bank: one schema for
 * both, so a CSV cannot hold what the form would refuse (lengths, invisible characters).
 */
export const questionInput = z
  .strictObject({
    type: z.enum(QUESTION_TYPES, { error: '题型应为 single、multiple 或 true_false' }),
    stem: requiredText(1000, '题干'),
    options: z.array(requiredLine(200, '选项')).max(OPTIONS_MAX, `选项最多 ${OPTIONS_MAX} 个`).optional(),
    answer: z
      .array(z.enum(OPTION_KEYS, { error: '答案应为选项字母 A–H' }))
      .min(1, '请给出正确答案')
      .max(OPTIONS_MAX),
    explanation: longText().max(2000, '解析最多 2000 字').default(''),
    points: z.number().int('分值应为整数').min(1).max(100).default(1),
    tags: z.array(requiredLine(30, '标签')).max(10, '标签最多 10 个').default([]),
  })
  // A true/false question's options are always 正确 and 错误.
  .transform((q) => ({ ...q, options: q.options ?? (q.type === 'true_false' ? [...TRUE_FALSE_OPTIONS] : []) }))
