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
})
