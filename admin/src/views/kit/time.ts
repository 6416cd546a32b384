/**
 * Times as staff read them, always in the business time zone (Asia/Shanghai), whatever the
 * browser's own zone; and the pickers' "2026-11-26 09:30" back to ISO 8601 with +08:00.
 */
const ZONE = 'Asia/Shanghai'
const fmt = new Intl.DateTimeFormat('zh-CN', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
})

/** "2026-11-26 09:30", or "—" for nothing. */
export function when(iso: string | null | undefined): string {
  if (!iso) return '—'
  const parts = Object.fromEntries(fmt.formatToParts(new Date(iso)).map((p) => [p.type, p.value]))
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`
}

/** A picker's value ("2026-11-26 09:30" in Beijing time) as ISO 8601 with its offset. */
export function toIso(local: string): string {
  const [date, time = '00:00'] = local.trim().split(/[ T]/)
  return `${date}T${time.slice(0, 5)}:00+08:00`
}

/**
 * A start field left empty as nothing to send: the server's clock then says when "now" is. The
 * browser's clock is never sent for "now": an office PC's may run ahead (residents would be told
 * 尚未开始) or behind.
 */
export const startOrNow = (local: string): string | undefined => (local.trim() ? toIso(local) : undefined)

/** An ISO time as a date-and-time field's value ("2026-11-26T09:30") in Beijing time. */
export const toLocal = (iso: string) => when(iso).replace(' ', 'T')
