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

/**
 * The questions in the order to show them: a follow-up ("show Q5 only if Q1 = 是") right after
 * the question whose answer brings it (after that question's earlier follow-ups), not wherever
 * the organizer happened to add it; she sees it appear where she just tapped. The rest keep
 * their order. A condition naming no listed question (or a loop of them) leaves it where it was.
 */
function ordered(questions) {
  const byId = {}
  questions.forEach((q) => (byId[q.id] = q))
  const causeOf = (q) => (q.showIf && byId[q.showIf.questionId] && q.showIf.questionId !== q.id ? q.showIf.questionId : null)
  const followUps = {}
  questions.forEach((q) => {
    const cause = causeOf(q)
    if (cause) (followUps[cause] = followUps[cause] || []).push(q)
  })
  const out = []
  const placed = {}
  function place(q) {
    if (placed[q.id]) return
    placed[q.id] = true
    out.push(q)
    ;(followUps[q.id] || []).forEach(place)
  }
  questions.forEach((q) => {
    if (!causeOf(q)) place(q)
  })
  // Only a loop of conditions is left: kept in the organizer's order.
  questions.forEach(place)
  return out
}

module.exports = { visible, isBlank, ordered }
