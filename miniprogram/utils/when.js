/**
 * Times as people read them, in the business time zone (Asia/Shanghai, UTC+8 all year)
 * whatever the phone's own zone: "11月26日 周四 09:30".
 */
const OFFSET_MS = 8 * 3600 * 1000
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

const pad = (n) => (n < 10 ? '0' + n : String(n))

function local(iso) {
  return new Date(new Date(iso).getTime() + OFFSET_MS)
}

/** "11月26日 周四 09:30" */
function dayTime(iso) {
  if (!iso) return ''
  const d = local(iso)
  return d.getUTCMonth() + 1 + '月' + d.getUTCDate() + '日 ' + WEEKDAYS[d.getUTCDay()] + ' ' + pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes())
}

/** "09:30" */
function clock(iso) {
  if (!iso) return ''
  const d = local(iso)
  return pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes())
}

/** "11月26日" */
function day(iso) {
  if (!iso) return ''
  const d = local(iso)
  return d.getUTCMonth() + 1 + '月' + d.getUTCDate() + '日'
}

const DAY_NAMES = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六']

/**
 * The time of day with the part of the day people name: "上午9:30", "中午12:00", "下午2:30",
 * "晚上7:00", "凌晨2:00" — as the workbench and the daily digest say a meeting's time
 * (src/domain/spoken-dates.ts spokenTime), so that a meeting reads one way on every page.
 */
function spokenTime(iso) {
  if (!iso) return ''
  const d = local(iso)
  const hour = d.getUTCHours()
  const part = hour < 6 ? '凌晨' : hour < 12 ? '上午' : hour < 13 ? '中午' : hour < 18 ? '下午' : '晚上'
  return part + (hour > 12 ? hour - 12 : hour) + ':' + pad(d.getUTCMinutes())
}

/** "11月26日（星期四）上午9:30": a meeting's time as the workbench says it (spokenMoment). */
function spokenMoment(iso) {
  if (!iso) return ''
  const d = local(iso)
  return day(iso) + '（' + DAY_NAMES[d.getUTCDay()] + '）' + spokenTime(iso)
}

/** Seconds as a countdown: "9分05秒". */
function countdown(seconds) {
  const s = Math.max(0, Math.floor(seconds))
  const m = Math.floor(s / 60)
  return (m ? m + '分' : '') + pad(s % 60) + '秒'
}

module.exports = { dayTime, clock, day, countdown, spokenTime, spokenMoment }
