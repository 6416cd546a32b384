import { z } from 'zod'
import { DIGEST_CHANNELS } from '../../../services/digests/digests.js'

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式为 HH:MM，例如 07:30')

export const preferencesBody = z.strictObject({
  /**
   * In the order the deputy prefers; only these are used. Empty: the office's order. Personal
   * ways only: a digest carries residents' words, and a person is never reached through a group.
   */
  channels: z
    .array(z.enum(DIGEST_CHANNELS, { error: '接收方式只能选小程序消息（mp_subscribe）或微信私聊（bot_private）' }))
    .max(3)
    .refine((list) => new Set(list).size === list.length, '渠道不能重复'),
  sendAt: hhmm.nullable(),
  muteWeekends: z.boolean(),
})

export const dayQuery = z.strictObject({ date: z.iso.date('日期格式应为 YYYY-MM-DD') })
