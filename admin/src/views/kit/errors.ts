import { ApiError } from '../../api'

/** "body.questions[1].options" → "第 2 题"; other paths are shown as the server gives them. */
export function placeOf(path: string): string {
  const q = /questions\[(\d+)\]/.exec(path)
  if (q) return `第 ${Number(q[1]) + 1} 题`
  const a = /articles\[(\d+)\]/.exec(path)
  if (a) return `第 ${Number(a[1]) + 1} 条条文`
  return ''
}

/** The server's words for any input it refused (src/http/validate.ts), which say nothing of what. */
const VAGUE = '输入有误'

/** The server's message followed by each problem it lists, with its place where it has one, as one line for an alert. */
export function describe(err: unknown, fallback = '操作没有成功，请稍后再试'): string {
  if (!(err instanceof ApiError)) return fallback
  const details = Array.isArray(err.details)
    ? (err.details as Array<{ path?: string; message?: string }>)
        // A detail that only repeats the message, or words of it (当前密码不正确; 已经有人在用), would read twice.
        // Nor is one without a Chinese word a person's: a status ("replied") or an id, for programs.
        .filter((d) => d.message && !err.message.includes(d.message) && /\p{Script=Han}/u.test(d.message))
        .map((d) => [placeOf(d.path ?? ''), d.message].filter(Boolean).join('：'))
    : []
  // Two answers of one question may fail alike (第 1 题：选项不能为空, twice): each problem is said once.
  const problems = [...new Set(details)]
  // 输入有误 (any form the server refused) tells nothing the problems do not: they are said alone.
  if (err.message === VAGUE && problems.length) return problems.join('；')
  return [err.message, ...problems].join('；')
}
