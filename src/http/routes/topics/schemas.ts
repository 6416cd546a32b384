import { z } from 'zod'
import { ID_PATTERN } from '../../../domain/directory-import.js'

/** The topic a case is corrected to: one of the configured list, named in the message. */
export const topicBody = (topics: readonly string[]) =>
  z.strictObject({
    topic: z
      .string()
      .trim()
      .refine((t) => topics.includes(t), { message: `请从主题列表中选择：${topics.join('、')}` }),
    /** The topic the page showed when the person chose: a correction made meanwhile is not overwritten unseen. */
    from: z.string().trim().max(50).optional(),
  })

/** One district office's model, or (absent) every office in the caller's scope; "city" is the city office. */
export const retrainBody = z.strictObject({
  districtId: z.string().regex(ID_PATTERN, '编号格式无效').optional(),
})
