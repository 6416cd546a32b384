/**
 * Times as people read them, in the business time zone (Asia/Shanghai, UTC+8 all year) whatever the phone's own zone.
 * Every moment a page shows is said one way, as people say it and as the server says it (src/domain/spoken-dates.ts):
 * "11月26日（星期四）上午9:30", with the year when the page's dates call for it (spansYears). Where the server sends
 * the words (startText, endText, rsvpByText, opensText, cameText) pages show those, never a copy made here; a
 * moment only the page knows or the server sends bare (a message's 提交 time, an answer's, a check-in) is said here by
 * the server's rule (spokenClock, spokenMoment). A calendar day without a time of day stays "11月26日" (day).
 */
const serverToday = require('./server-today')

const OFFSET_MS = 8 * 3600 * 1000
const SPOKEN_WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六']

const pad = (n) => (n < 10 ? '0' + n : String(n))

function local(iso) {
  return new Date(new Date(iso).getTime() + OFFSET_MS)
}

/**
 * The one rule for saying years, on every page (words.js takes it too): a page's dates (moments, or calendar days
 * "2026-12-07") are said with their years when any of them falls outside the office's current year (server-today.js,
 * the backend's today, never the phone's clock: one page reads the same on every phone) or they fall in more than one
 * year. So a message from last November read in May says "2025年11月23日", not "11月23日" she would take for this
 * year's; and a suggestion answered in December and again in May says both years.
 */
function spansYears(isos) {
  const years = {}
  for (const iso of isos) if (iso) years[local(iso).getUTCFullYear()] = true
  const thisYear = serverToday.serverYear()
  if (thisYear) years[thisYear] = true
  return Object.keys(years).length > 1
}

const yearOf = (d, withYear) => (withYear ? d.getUTCFullYear() + '年' : '')

/**
 * The time of day with the part of the day people name, on a 12-hour clock: "上午10:45", "中午12:30", "下午5:00",
 * "晚上9:50", "凌晨2:00". The server's rule (spokenTime in src/domain/spoken-dates.ts), not a second one: a test holds
 * the two to the same words for every minute of the day.
 */
function spokenClock(iso) {
  if (!iso) return ''
  const d = local(iso)
  const hour = d.getUTCHours()
  const part = hour < 6 ? '凌晨' : hour < 12 ? '上午' : hour < 13 ? '中午' : hour < 18 ? '下午' : '晚上'
  return part + (hour > 12 ? hour - 12 : hour) + ':' + pad(d.getUTCMinutes())
}

/** "11月26日（星期四）上午8:40", as the server's spokenMoment; with `withYear` (spansYears), "2025年11月26日（星期四）上午8:40". */
function spokenMoment(iso, withYear) {
  if (!iso) return ''
  const d = local(iso)
  return yearOf(d, withYear) + (d.getUTCMonth() + 1) + '月' + d.getUTCDate() + '日（' + SPOKEN_WEEKDAYS[d.getUTCDay()] + '）' + spokenClock(iso)
}

/**
 * "11月26日（星期四）", as the server's spokenDay; with `withYear` (spansYears), "2026年11月26日（星期四）". Takes a moment
 * or a calendar day ("2026-11-26", read as that day in Beijing, as spansYears reads it).
 */
function spokenDay(iso, withYear) {
  if (!iso) return ''
  const d = local(iso)
  return yearOf(d, withYear) + (d.getUTCMonth() + 1) + '月' + d.getUTCDate() + '日（' + SPOKEN_WEEKDAYS[d.getUTCDay()] + '）'
}

/** "11月26日"; with `withYear` (spansYears), "2026年11月26日". */
function day(iso, withYear) {
  if (!iso) return ''
  const d = local(iso)
  return yearOf(d, withYear) + (d.getUTCMonth() + 1) + '月' + d.getUTCDate() + '日'
}

/** Seconds as a countdown: "9分05秒". */
function countdown(seconds) {
  const s = Math.max(0, Math.floor(seconds))
  const m = Math.floor(s / 60)
  return (m ? m + '分' : '') + pad(s % 60) + '秒'
}

module.exports = { spokenClock, spokenMoment, spokenDay, day, countdown, spansYears }
