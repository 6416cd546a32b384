/**
 * Where a console account stands on its way in, as 账号与角色 says it: active once its owner has a password;
 * before that, waiting with an activation code until it runs out (`validDays` after it was issued), or with
 * none. Pure: the time and the settings are passed in.
 */
import { momentLabel } from './meeting-words.js'

const DAY_MS = 86_400_000

export type ActivationState = 'waiting' | 'expired' | 'no_code'

export interface ActivationStanding {
  state: ActivationState
  /** 待激活（激活码12月21日 10:00前有效）, 激活码已过期, 未激活（没有激活码）. */
  label: string
  /** What the admin can do about it, in words. */
  hint: string
  /** When the code stops working; null for a code from before codes were dated, or none. */
  validUntil: Date | null
}

/** Null for an account whose owner has a password (activated, or given an initial one). */
export function activationStanding(
  s: { passwordHash: string | null; activationHash?: string | null; activationIssuedAt?: Date | null },
  now: Date,
  validDays: number,
  timeZone: string,
): ActivationStanding | null {
  if (s.passwordHash) return null
  const renew = '请在工作人员名册里给他一个新的激活码重新导入，或点“重置密码”生成初始密码交给本人'
  if (!s.activationHash) return { state: 'no_code', label: '未激活（没有激活码）', hint: `本人还不能登录。${renew}`, validUntil: null }
  const until = s.activationIssuedAt ? new Date(s.activationIssuedAt.getTime() + validDays * DAY_MS) : null
  if (until && until.getTime() < now.getTime())
    return { state: 'expired', label: '激活码已过期', hint: `本人没有在 ${validDays} 天内用激活码登录，激活码已不能用。${renew}`, validUntil: until }
  return {
    state: 'waiting',
    label: until ? `待激活（激活码${momentLabel(until, timeZone)}前有效）` : '待激活',
    hint: '本人还没有用激活码第一次登录，请提醒本人在登录页点“第一次登录？使用激活码”',
    validUntil: until,
  }
}
