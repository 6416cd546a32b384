import { z } from 'zod'

export const loginBody = z.strictObject({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(200),
})

export const activateBody = z.strictObject({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  activationCode: z.string().trim().min(1, '请输入激活码').max(64),
  newPassword: z.string().min(8, '新密码至少 8 位').max(200),
})
