import type { ErrorDetail } from '../errors.js'
import { hasInvisible } from './free-text.js'

/** One day of the official schedule: a day off (放假) or a weekend day that is worked (调休上班). */
export interface HolidayDay {
  date: string
  name: string
  isOffDay: boolean
}

/** One year of the State Council's holiday schedule, as the holiday-cn project publishes it. */
export interface HolidayYear {
  year: number
  days: HolidayDay[]
}

export type HolidayFileCheck = { ok: true; year: HolidayYear } | { ok: false; problems: ErrorDetail[] }

const DATE = /^\d{4}-\d{2}-\d{2}$/
const NAME_MAX = 30
const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六']

/**
 * Checks one year file in the holiday-cn format
 * (`{"year":2027,"days":[{"name":"元旦","date":"2027-01-01","isOffDay":true}]}`; other keys
 * such as `$schema` and `papers` are ignored) and lists every problem with its place, so
 * that whoever imports it can fix the file in one go. Nothing is taken from a file with a
 * problem: a half-imported year would give wrong deadlines without anyone noticing.
 */
export function checkHolidayFile(input: unknown): HolidayFileCheck {
  const problems: ErrorDetail[] = []
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, problems: [{ path: '(file)', message: '文件内容应为一个对象，例如 {"year":2027,"days":[…]}' }] }
  }
  const file = input as Record<string, unknown>
  const year = file.year
  const yearOk = Number.isInteger(year) && (year as number) >= 2000 && (year as number) <= 2100
  if (!yearOk) problems.push({ path: 'year', message: `year 应为年份（例如 2027），现在是 ${JSON.stringify(year) ?? '空'}` })
  if (!Array.isArray(file.days)) {
    problems.push({ path: 'days', message: 'days 应为放假和调休日期的列表' })
    return { ok: false, problems }
  }
  const days: HolidayDay[] = []
  const seenAt = new Map<string, number>()
  file.days.forEach((raw, i) => {
    const at = `days[${i}]`
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      problems.push({ path: at, message: '每一项应为 {"name","date","isOffDay"}' })
      return
    }
    const { name, date, isOffDay } = raw as Record<string, unknown>
    let ok = true
    if (typeof name !== 'string' || name.trim() === '') {
      problems.push({ path: `${at}.name`, message: '缺少节日名称' })
      ok = false
    } else if (hasInvisible(name.trim())) {
      // Shown in the console and beside deadlines: held to the rule of every other line people read.
      problems.push({ path: `${at}.name`, message: '节日名称含有不可见的控制字符，请删去后重新导入' })
      ok = false
    } else if (name.trim().length > NAME_MAX) {
      problems.push({ path: `${at}.name`, message: `节日名称最多 ${NAME_MAX} 字` })
      ok = false
    }
    if (typeof isOffDay !== 'boolean') {
      problems.push({ path: `${at}.isOffDay`, message: 'isOffDay 应为 true（放假）或 false（调休上班）' })
      ok = false
    }
    if (typeof date !== 'string' || !isCalendarDate(date)) {
      problems.push({ path: `${at}.date`, message: `日期应写成 YYYY-MM-DD 且真实存在，现在是 ${JSON.stringify(date) ?? '空'}` })
      return
    }
    if (yearOk && Number(date.slice(0, 4)) !== year) {
      problems.push({ path: `${at}.date`, message: `${date} 不在 ${year} 年内：一个文件只放一年的安排` })
      ok = false
    }
    const earlier = seenAt.get(date)
    if (earlier !== undefined) {
      problems.push({ path: `${at}.date`, message: `${date} 重复出现（与第 ${earlier + 1} 项相同）` })
      ok = false
    } else seenAt.set(date, i)
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay()
    if (isOffDay === false && weekday !== 0 && weekday !== 6) {
      problems.push({ path: `${at}.isOffDay`, message: `${date} 是${WEEKDAYS[weekday]}，本来就上班，不能列为调休上班` })
      ok = false
    }
    if (ok) days.push({ date, name: (name as string).trim(), isOffDay: isOffDay as boolean })
  })
  if (file.days.length > 0 && !file.days.some((d) => typeof d === 'object' && d !== null && (d as Record<string, unknown>).isOffDay === true)) {
    problems.push({ path: 'days', message: '没有任何放假日：这一年的放假安排可能尚未发布' })
  }
  if (file.days.length === 0) problems.push({ path: 'days', message: '列表是空的：这一年的放假安排可能尚未发布，发布后再导入' })
  if (problems.length > 0) return { ok: false, problems }
  days.sort((a, b) => a.date.localeCompare(b.date))
  return { ok: true, year: { year: year as number, days } }
}

/** YYYY-MM-DD naming a day that exists (2027-02-30 does not). */
export function isCalendarDate(date: string): boolean {
  const ms = DATE.test(date) ? Date.parse(`${date}T00:00:00Z`) : Number.NaN
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === date
}
