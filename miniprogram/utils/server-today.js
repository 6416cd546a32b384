/**
 * The office's today (YYYY-MM-DD) as the backend last said it (the X-Liaison-Today header on every /api/mp answer):
 * what "this year" is when a page decides whether to say its dates' years (spansYears in when.js), and which day a form
 * starts from (records/report.js). The phone's own clock never decides them: it may be wrong, and one page would read
 * differently on every phone.
 * request.js keeps it from every answer; nothing else writes it. Null until the first answer.
 */
const HEADER = 'x-liaison-today'
const DATE = /^\d{4}-\d{2}-\d{2}$/

let today = null

/** Keeps the date from an answer's headers (wx.request's res.header; a phone may spell the name in any case). */
function keepFrom(header) {
  if (!header) return
  for (const name of Object.keys(header)) {
    if (name.toLowerCase() === HEADER && DATE.test(String(header[name]))) today = String(header[name])
  }
}

/** The office's year (2026), or null when the backend has not answered yet. */
function serverYear() {
  return today ? Number(today.slice(0, 4)) : null
}

/** The office's today ("2026-11-20"), or null when the backend has not answered yet. */
function serverDate() {
  return today
}

module.exports = { keepFrom, serverYear, serverDate }
