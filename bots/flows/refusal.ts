import type { ApiError } from '../client.js'

/**
 * A refusal from the backend in words a person can act on: its message, and what exactly was
 * wrong when it says (「输入有误」 alone left a deputy guessing why a long answer was refused).
 */
export function refusal(err: ApiError): string {
  const first = Array.isArray(err.details) ? (err.details[0] as { message?: unknown } | undefined) : undefined
  // A detail without a Chinese word is a value for programs (a status such as "replied", an id): not said.
  const detail = typeof first?.message === 'string' && /\p{Script=Han}/u.test(first.message) ? first.message : ''
  return detail && !err.message.includes(detail) ? `${err.message}：${detail}` : err.message
}

/** Whether a refusal is about where a message goes (a code or place), not about its words. */
export function aboutThePlace(err: ApiError): boolean {
  const paths = Array.isArray(err.details) ? err.details.map((d) => String((d as { path?: unknown }).path ?? '')) : []
  return err.code.startsWith('unknown_') || paths.some((p) => /(regionId|deputyCode|stationCode)$/.test(p))
}
