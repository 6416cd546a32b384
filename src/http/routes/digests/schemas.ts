import { z } from 'zod'

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式为 HH:MM，例如 07:30')

export const preferencesBody = z.strictObject({
  /** In the order the deputy prefers; only these are used. Empty: the office's order. */
  channels: z
    .array(z.enum(['mp_subscribe', 'wecom_group', 'bot_private']))
    .max(3)
    .refine((list) => new Set(list).size === list.length, '渠道不能重复'),
  sendAt: hhmm.nullable(),
  muteWeekends: z.boolean(),
})

export const dayQuery = z.strictObject({ date: z.iso.date('日期格式应为 YYYY-MM-DD') })
