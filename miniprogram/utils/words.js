/** Dates and weekdays as people say them, in the business time zone (Asia/Shanghai, UTC+8). */
const WEEKDAY = { mon: '周一', tue: '周二', wed: '周三', thu: '周四', fri: '周五', sat: '周六', sun: '周日' }
const OFFSET_MS = 8 * 3600 * 1000

function weekdays(days) {
  return (days || []).map((d) => WEEKDAY[d] || d).join('、')
}

/** "2026-11-23" for a moment, in Beijing time. */
function dayOf(date) {
  return new Date(new Date(date).getTime() + OFFSET_MS).toISOString().slice(0, 10)
}

/** "11月23日 10:05", or with the year when it is not this year's. */
function dateTime(iso, now) {
  if (!iso) return ''
  const d = new Date(new Date(iso).getTime() + OFFSET_MS)
  const thisYear = new Date((now ? new Date(now) : new Date()).getTime() + OFFSET_MS).getUTCFullYear()
  const pad = (n) => (n < 10 ? '0' + n : '' + n)
  const year = d.getUTCFullYear() === thisYear ? '' : d.getUTCFullYear() + '年'
  return year + (d.getUTCMonth() + 1) + '月' + d.getUTCDate() + '日 ' + pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes())
}

/**
 * A calendar date as people write it: "2026-11-03" → "11月3日", with the year ("2025年11月3日")
 * when it is not this year's. Anything else is returned as it came.
 */
function dateText(ymd, now) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(ymd || ''))
  if (!m) return ymd || ''
  const thisYear = new Date((now ? new Date(now) : new Date()).getTime() + OFFSET_MS).getUTCFullYear()
  return (Number(m[1]) === thisYear ? '' : Number(m[1]) + '年') + Number(m[2]) + '月' + Number(m[3]) + '日'
}

module.exports = { weekdays, dayOf, dateTime, dateText, WEEKDAY }
