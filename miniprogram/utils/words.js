/** Dates and weekdays as people say them, in the business time zone (Asia/Shanghai, UTC+8). */
const WEEKDAY = { mon: '周一', tue: '周二', wed: '周三', thu: '周四', fri: '周五', sat: '周六', sun: '周日' }
const OFFSET_MS = 8 * 3600 * 1000
// The one rule for saying years (when.js): words.js and when.js must never decide it two ways.
const { spansYears } = require('./when')

function weekdays(days) {
  return (days || []).map((d) => WEEKDAY[d] || d).join('、')
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

module.exports = { weekdays, dayOf, dateText, spansYears, WEEKDAY }
