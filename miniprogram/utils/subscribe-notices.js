const { accountService } = require('../services/account')
const { settingsService } = require('../services/settings')

/**
 * A resident's WeChat notices (the answer to her message, the outcome of her opinion), asked the one
 * way every page asks them: the templates are fetched as the page opens, because WeChat opens its
 * question only from the tap itself, never after a request the tap waited for; at the tap WeChat is
 * asked, and what she answered is recorded, each 允许 being good for one notice (the backend's credit).
 * Used by 留言已送出 (答复时通知我), 申请重新办理 (the second answer) and 提交意见.
 */
function subscribeNotices(request) {
  const account = accountService(request)
  // undefined: on their way; null: could not be fetched (`failed` says why); []: the office has not switched notices on.
  let ids
  let failed = ''

  return {
    /** Fetches the templates; resolves { off } (no notices switched on), never rejects: a failure is kept for the tap. */
    load() {
      ids = undefined
      failed = ''
      return settingsService(request)
        .get()
        .then((s) => {
          ids = s.subscribeTemplateIds || []
          return { off: !ids.length }
        })
        .catch((err) => {
          ids = null
          failed = err.message
          return { off: false }
        })
    },

    /** Where the templates stand: 'loading', 'failed' (failedText says why), 'off' (none switched on) or 'ready'. */
    state() {
      if (ids === undefined) return 'loading'
      if (ids === null) return 'failed'
      return ids.length ? 'ready' : 'off'
    },

    failedText: () => failed,

    /**
     * Asks WeChat, and must be called inside the tap. `done(accepted)` is called with whether she
     * allowed a notice (false when she refused, or WeChat's notices are off for this mini-program).
     * Returns false, asking nothing and never calling `done`, when there is nothing to ask for yet.
     */
    ask(done) {
      if (!ids || !ids.length) return false
      const asked = ids
      wx.requestSubscribeMessage({
        tmplIds: asked,
        success: (res) => {
          const results = {}
          asked.forEach((id) => res[id] && (results[id] = res[id]))
          account.recordSubscriptions(results).catch(() => undefined)
          done(asked.some((id) => res[id] === 'accept'))
        },
        fail: () => done(false),
      })
      return true
    },
  }
}

module.exports = { subscribeNotices }
