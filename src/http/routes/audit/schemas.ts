import { z } from 'zod'
import { pageQuery } from '../../schemas.js'

export const auditQuery = z.strictObject({
  ...pageQuery,
  action: z
    .string()
    .regex(/^[a-z._]{1,64}$/)
    .optional(),
  targetId: z.string().max(64).optional(),
  actorId: z.string().max(64).optional(),
  /** 留言编号: the entries about that message. */
  ticket: z
    .string()
    .trim()
    .regex(/^\d{8}-\d{4,5}$/, '留言编号的格式是 8 位日期加 4 位序号，如 20261205-0001')
    .optional(),
})
