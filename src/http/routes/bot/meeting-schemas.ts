import { z } from 'zod'
import { isBlank, singleLine } from '../../../domain/free-text.js'
import { personParam } from './schemas.js'

/** The meeting answered: "next" (the one meeting waiting for an answer; several are refused, never guessed) or a meeting id. */
export const personMeetingParam = personParam.extend({
  ref: z.union([z.literal('next'), z.string().regex(/^mt-[0-9a-f-]{36}$/)], { error: '会议编号格式无效' }),
})

/** "参加", or "请假 原因": the reason is what the organizers read in the table. */
export const botRsvpBody = z.discriminatedUnion(
  'response',
  [
    z.strictObject({ response: z.literal('attend') }),
    z.strictObject({
      response: z.literal('leave'),
      reason: singleLine()
        .refine((t) => !isBlank(t), '请假请写明原因，例如：请假 外出开会')
        .max(200),
    }),
  ],
  { error: '请回复"参加"或"请假 原因"' },
)
