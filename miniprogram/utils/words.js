/** Dates and weekdays as people say them, in the business time zone (Asia/Shanghai, UTC+8). */
// 星期三, as every date in the app names its day ("12月2日（星期三）"): "周三" beside them read as something else.
const WEEKDAY = { mon: '星期一', tue: '星期二', wed: '星期三', thu: '星期四', fri: '星期五', sat: '星期六', sun: '星期日' }
const OFFSET_MS = 8 * 3600 * 1000
// The one rule for saying years (when.js): words.js and when.js must never decide it two ways.
const { spansYears } = require('./when')

/** A station's reception days after "接待日：": "每星期三", "每星期一、星期三"; '' when it names none. */
function weekdays(days) {
  const order = Object.keys(WEEKDAY)
  const words = (days || [])
    .slice()
    .sort((a, b) => order.indexOf(a) - order.indexOf(b))
    .map((d) => WEEKDAY[d] || d)
  return words.length ? '每' + words.join('、') : ''
}

/**
 * When a station receives people, in the server's words, as the chat bot and the station's poster say it: "每星期三
 * 8:30–11:30接待" (with its hours), "每星期三接待"; from an older server without them, "接待日：每星期三"; '' when it
 * names no day.
 */
function receptionLine(station) {
  if (station.receptionText) return station.receptionText
  const days = weekdays(station.receptionDays)
  return days ? '接待日：' + days : ''
}

/** "2026-11-23" for a moment, in Beijing time. */
function dayOf(date) {
  return new Date(new Date(date).getTime() + OFFSET_MS).toISOString().slice(0, 10)
}

/**
 * A calendar date as people write it: "2026-11-03" → "11月3日"; with `withYear` (spansYears), "2026年11月3日".
 * Anything else is returned as it came.
 */
function dateText(ymd, withYear) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(ymd || ''))
  if (!m) return ymd || ''
  return (withYear ? Number(m[1]) + '年' : '') + Number(m[2]) + '月' + Number(m[3]) + '日'
}

module.exports = { receptionLine, weekdays, dayOf, dateText, spansYears, WEEKDAY }
