import { z } from 'zod'

export const loginBody = z.strictObject({
  username: z.string().trim().min(1, '请输入账号').max(64),
  password: z.string().min(1, '请输入密码').max(200),
})

/** The one rule for a password a person chooses, wherever they choose it. */
const newPassword = z.string().min(8, '新密码至少 8 位').max(200, '新密码最多 200 位')

export const activateBody = z.strictObject({
  username: z.string().trim().min(1, '请输入账号').max(64),
  activationCode: z.string().trim().min(1, '请输入激活码').max(64),
  newPassword,
})

export const passwordChangeBody = z
  .strictObject({
    currentPassword: z.string().min(1, '请输入当前密码').max(200),
    newPassword,
  })
  .refine((b) => b.newPassword !== b.currentPassword, { path: ['newPassword'], message: '新密码不能与当前密码相同' })
