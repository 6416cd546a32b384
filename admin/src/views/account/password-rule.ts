import { ApiError } from '../../api'

/**
 * The rule the server holds a chosen password to (src/security/password-strength.ts: zxcvbn, no all-digit
 * passwords), said before the person types, so that "至少 8 位" is not all they learn until a refusal.
 */
export const PASSWORD_RULE =
  '至少 8 位，字母和数字混着用；不能全是数字，不要用自己的姓名、账号、电话、生日，也不要用 1234、abcd、aaaa、qwerty 这样连着或重复的字符。'

/** The server's words refusing the new password (422 password_too_weak, or a check of the field), to show under it; null for any other failure. */
export function newPasswordRefusal(err: unknown): string | null {
  if (!(err instanceof ApiError)) return null
  if (err.code === 'password_too_weak') return err.message
  const details = Array.isArray(err.details) ? (err.details as Array<{ path?: string; message?: string }>) : []
  return details.find((d) => d.path === 'body.newPassword' && d.message)?.message ?? null
}
