/**
 * What she filled in but has not sent, kept on the phone: a quiz paper left half-way (a phone call, WeChat closed) comes
 * back with what she had chosen while its clock runs on, and a questionnaire with what she had chosen and written. Each
 * kind keeps only its few latest under its own key; one handed in is forgotten. Deleting her data clears them too
 * (utils/forget.js clears every key).
 */

/** Drafts under one storage key, the `most` latest kept: kept(id) (null when this phone kept none), keep, forget. */
function keptOnPhone(key, most) {
  function all() {
    const kept = wx.getStorageSync(key)
    return kept && Array.isArray(kept.drafts) ? kept.drafts : []
  }
  return {
    kept(id) {
      const found = all().filter((d) => d.id === id)[0]
      return found ? found.draft : null
    },
    keep(id, draft) {
      const others = all().filter((d) => d.id !== id)
      wx.setStorageSync(key, { drafts: [{ id: id, draft: draft }].concat(others).slice(0, most) })
    },
    forget(id) {
      wx.setStorageSync(key, { drafts: all().filter((d) => d.id !== id) })
    },
  }
}

/** Her choices on each quiz paper ({ questionId: ['A'] }), by attempt. */
const papers = keptOnPhone('quiz.chosen', 5)

module.exports = { keptOnPhone, keptChoices: papers.kept, keepChoices: papers.keep, forgetChoices: papers.forget }
