import { z } from 'zod'

/** A phone to keep instead of the one given (checked by the service as a Chinese mobile or landline), or null to remove it. */
export const phoneBody = z.strictObject({
  phone: z.string({ error: '请填写电话号码，或者选择删除' }).trim().min(1, '请填写电话号码').max(30, '电话号码太长').nullable(),
})
