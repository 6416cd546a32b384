import { z } from 'zod'

/** wx.login and button codes: opaque strings from WeChat. */
const wxCode = z.string().trim().min(1, '缺少 code').max(128)

export const loginBody = z.strictObject({ code: wxCode })
export const bindBody = z.strictObject({
  bindCode: z
    .string()
    .trim()
    .regex(/^\d{6}$/, '绑定码为 6 位数字'),
})
export const phoneBody = z.strictObject({ code: wxCode })
export const subscriptionsBody = z.strictObject({
  /** wx.requestSubscribeMessage's answer: templateId → accept | reject | ban | filter. */
  results: z.record(z.string().min(1).max(128), z.enum(['accept', 'reject', 'ban', 'filter'])),
})
/** Her answer names the request she was shown (ChatJoinRequest.id), never merely "the one waiting now". */
export const chatJoinParam = z.strictObject({ id: z.string().regex(/^cj-[0-9a-f-]{36}$/, '编号不对') })
