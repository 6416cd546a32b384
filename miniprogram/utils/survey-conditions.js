/**
 * Which questions the answers so far show ("show Q5 only if Q4 = 是"); a question hidden
 * by its condition hides those that depend on it. The same rule the server checks
 * (src/domain/survey-answers.ts), so the page never asks what the server would refuse.
 */
function isShown(q, byId, answers) {
  if (!q.showIf) return true
  const target = byId[q.showIf.questionId]
  if (!target || !isShown(target, byId, answers)) return false
  const given = answers[target.id]
  const chosen = Array.isArray(given) ? given : typeof given === 'string' ? [given] : []
  return chosen.some((o) => q.showIf.optionIds.indexOf(o) >= 0)
}

/** Blank answers count as none: an empty text, an empty list, null. */
function isBlank(v) {
  return v === undefined || v === null || (typeof v === 'string' && !v.trim()) || (Array.isArray(v) && !v.length)
}

/** The shown questions, and the answers to send: only shown, non-blank ones. */
function visible(questions, answers) {
  const byId = {}
  questions.forEach((q) => (byId[q.id] = q))
  const shown = questions.filter((q) => isShown(q, byId, answers))
  const send = {}
  shown.forEach((q) => {
    if (!isBlank(answers[q.id])) send[q.id] = typeof answers[q.id] === 'string' ? answers[q.id].trim() : answers[q.id]
  })
  return { shown: shown, send: send }
}

module.exports = { visible, isBlank }
