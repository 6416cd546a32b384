const { accountService } = require('../services/account')
const { settingsService } = require('../services/settings')

/** WeChat's 20004 in her words: she switched this mini-program's notices off in WeChat itself, so WeChat asks nothing. */
const NOTICES_OFF_IN_WECHAT = '没有开通：您在微信里关掉了这个小程序的通知。请点右上角“···”，选“设置”，把通知打开后再点一次'

/**
 * WeChat's subscribe question for `ids`, asked from the tap itself (WeChat opens it only then), the one way every page
 * asks it. `answered(results, accepted)`: her choice for each template, to record (each 允许 is good for one notice),
 * and whether she allowed any. `failed(words)`: WeChat asked nothing; `words` is 20004's sentence when this
 * mini-program's notices are off in WeChat, else null and the page says its own "not switched on".
 */
function askTemplates(ids, answered, failed) {
  wx.requestSubscribeMessage({
    tmplIds: ids,
    success: (res) => {
      const results = {}
      ids.forEach((id) => res[id] && (results[id] = res[id]))
      answered(
        results,
        ids.some((id) => res[id] === 'accept'),
      )
    },
    fail: (err) => failed(err && err.errCode === 20004 ? NOTICES_OFF_IN_WECHAT : null),
  })
}

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
      askTemplates(
        ids,
        (results, accepted) => {
          account.recordSubscriptions(results).catch(() => undefined)
          done(accepted)
        },
        () => done(false),
      )
      return true
    },
  }
}

module.exports = { subscribeNotices, askTemplates }
