/**
 * Her choices on a paper not yet handed in, kept on the phone per attempt: a paper left half-way
 * (a phone call, WeChat closed) comes back with what she had chosen while its clock runs on. Only
 * the few latest papers are kept; one handed in is forgotten. Deleting her data clears them too
 * (utils/forget.js clears every key).
 */
const KEY = 'quiz.chosen'
const KEPT_PAPERS = 5

function all() {
  const kept = wx.getStorageSync(KEY)
  return kept && Array.isArray(kept.papers) ? kept.papers : []
}

/** What she chose on this paper ({ questionId: ['A'] }), or null when this phone kept nothing of it. */
function keptChoices(attemptId) {
  const found = all().filter((p) => p.attemptId === attemptId)[0]
  return found ? found.chosen : null
}

function keepChoices(attemptId, chosen) {
  const others = all().filter((p) => p.attemptId !== attemptId)
  wx.setStorageSync(KEY, { papers: [{ attemptId: attemptId, chosen: chosen }].concat(others).slice(0, KEPT_PAPERS) })
}

function forgetChoices(attemptId) {
  wx.setStorageSync(KEY, { papers: all().filter((p) => p.attemptId !== attemptId) })
}

module.exports = { keptChoices, keepChoices, forgetChoices }
