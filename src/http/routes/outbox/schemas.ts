import { z } from 'zod'
import { opaqueId } from '../../../domain/free-text.js'
import { pageQuery } from '../../schemas.js'
import { isSendFailureCode } from '../../../domain/send-failure.js'

export const messageId = z.strictObject({ id: z.string().regex(/^[0-9a-f-]{36}$/, '消息编号格式无效') })
const instance = z
  .string()
  .regex(/^[\w.-]{1,40}$/)
  .default('bot')
export const leaseBody = z.strictObject({ limit: z.number().int().min(1).max(50).default(10), instance })
/** `address`: the contact or room the bot actually found, when it differs from the one leased (a re-login changed the id). */
export const ackBody = z.strictObject({ instance, address: opaqueId().min(1).max(128).optional() })
/**
 * `code`: why, as the bot classified it (src/domain/send-failure.ts); optional, as an older bot sends none. A code
 * this backend does not know (a newer bot's) is kept as `unknown`: refusing it would drop the failure and leave the
 * message `sending` until its lease ran out.
 */
export const failBody = z.strictObject({
  instance,
  error: z.string().min(1).max(500),
  retryable: z.boolean(),
  code: z
    .string()
    .max(40)
    .nullable()
    .default(null)
    .transform((code) => (code === null || isSendFailureCode(code) ? code : 'unknown')),
})
/** The contact the bot is about to say a message to, and the remark it found it by when its id had changed. */
export const beforeSendingBody = z.strictObject({ instance, address: opaqueId().min(1).max(128), alias: opaqueId().min(1).max(64).nullable().default(null) })
export const outboxQuery = z.strictObject({
  ...pageQuery,
  // dead: 未能送达 (failures only); dropped: 不用再发 (dropped on purpose, no failure).
  status: z.enum(['pending', 'sending', 'sent', 'failed', 'dead', 'dropped']).optional(),
  channel: z.string().max(20).optional(),
  kind: z.string().max(40).optional(),
  recipientId: z.string().max(64).optional(),
})
