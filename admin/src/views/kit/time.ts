import { zonedIso, zoneFormat } from '../../business-zone'

/**
 * Times as staff read them, always in the business time zone (the server's; Beijing time until it
 * has said), whatever the browser's own zone; and the pickers' "2026-11-26 09:30" back to ISO 8601
 * with that zone's offset.
 */
const fmt = () => zoneFormat('zh-CN', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false })

/** "2026-11-26 09:30", or "—" for nothing. */
export function when(iso: string | null | undefined): string {
  if (!iso) return '—'
  const parts = Object.fromEntries(
    fmt()
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  )
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`
}

/** A picker's value ("2026-11-26 09:30" in the business zone) as ISO 8601 with its offset. */
export function toIso(local: string): string {
  const [date, time = '00:00'] = local.trim().split(/[ T]/)
  return zonedIso(date, time.slice(0, 5))
}

/**
 * A start field left empty as nothing to send: the server's clock then says when "now" is. The
 * browser's clock is never sent for "now": an office PC's may run ahead (residents would be told
 * 尚未开始) or behind.
 */
export const startOrNow = (local: string): string | undefined => (local.trim() ? toIso(local) : undefined)

/** An ISO time as a date-and-time field's value ("2026-11-26T09:30") in the business zone. */
export const toLocal = (iso: string) => when(iso).replace(' ', 'T')

const WEEKDAYS = '日一二三四五六'

/**
 * A date-and-time field's value ("2026-12-07T09:30", business time) said as staff say it:
 * "12月7日（星期一）上午9:30", with the year when it is not this one. The field itself is drawn in
 * the browser's language (an English system shows 12/07/2026, 09:30 AM); this line never is.
 */
export function spokenLocal(local: string, thisYear = Number(when(new Date().toISOString()).slice(0, 4))): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local)
  if (!m) return ''
  const [year, month, day, hour, minute] = m.slice(1).map(Number)
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()]
  const part = hour < 6 ? '凌晨' : hour < 12 ? '上午' : hour < 13 ? '中午' : hour < 18 ? '下午' : '晚上'
  const clock = `${hour > 12 ? hour - 12 : hour}:${String(minute).padStart(2, '0')}`
  return `${year === thisYear ? '' : `${year}年`}${month}月${day}日（星期${weekday}）${part}${clock}`
}
