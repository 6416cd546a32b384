const { request } = require('../../utils/request')
const { accountService } = require('../../services/account')
const { settingsService } = require('../../services/settings')
const { noticesOffWords } = require('../../utils/notices-off')

/**
 * After sending: the ticket, the sentence that says who will handle it, and then — the
 * moment a person most wants to hear back — the offer of WeChat notifications.
 */
Page({
  // noticesOff: the office has not switched WeChat messages on: no 答复时通知我 that could do nothing, the words 我的 says instead.
  data: { ticket: '', routing: '', caseId: '', asked: false, subscribed: '', error: '', noticesOff: false, noticesOffText: '' },

  onLoad(query) {
    this.account = accountService(request)
    const sent = wx.getStorageSync('case.submitted') || {}
    if (!sent.id || sent.id !== query.caseId) return this.setData({ error: '没有找到刚才的留言，请到“我的留言”查看', caseId: query.caseId || '' })
    this.setData({ ticket: sent.ticket, routing: sent.routing, caseId: sent.id })
    return this.loadTemplates()
  },

  /**
   * The notifications to ask for, fetched as the page opens: WeChat opens its question only from
   * the tap itself, never after a request the tap waited for. `templateIds` stays undefined
   * until they arrive, and is null when they could not be fetched.
   */
  loadTemplates() {
    this.templatesFailed = ''
    return settingsService(request)
      .get()
      .then((s) => {
        this.templateIds = s.subscribeTemplateIds
        // Off: the answer waits in 我的留言, as 我的 says (nothing else brings it to a resident).
        if (!s.subscribeTemplateIds.length) this.setData({ noticesOff: true, noticesOffText: noticesOffWords({ deputy: false }) })
        return undefined
      })
      .catch((err) => {
        this.templateIds = null
        this.templatesFailed = err.message
      })
  },

  /** WeChat allows the permission prompt only inside a tap. */
  subscribe() {
    const ids = this.templateIds
    if (ids === undefined) return this.setData({ subscribed: '正在准备微信通知，请稍等一下再点一次' })
    if (ids === null) {
      // The signal dropped as the page opened: fetched again, for her next tap.
      this.setData({ subscribed: '还没准备好微信通知：' + this.templatesFailed + '。请稍等一下再点一次' })
      this.templateIds = undefined
      return this.loadTemplates()
    }
    // The words loadTemplates set (with or without the 联络助手) stay.
    if (!ids.length) return this.setData({ noticesOff: true })
    wx.requestSubscribeMessage({
      tmplIds: ids,
      success: (res) => {
        const results = {}
        ids.forEach((id) => res[id] && (results[id] = res[id]))
        const accepted = ids.some((id) => res[id] === 'accept')
        this.setData({ asked: true, subscribed: accepted ? '好的，有答复时会通过微信通知您' : '您没有开通通知，可以在“我的留言”里查看进度' })
        this.account.recordSubscriptions(results).catch(() => undefined)
      },
      fail: () => this.setData({ asked: true, subscribed: '您没有开通通知，可以在“我的留言”里查看进度' }),
    })
    return undefined
  },

  openCase() {
    wx.redirectTo({ url: '/pages/case/detail?caseId=' + this.data.caseId })
  },

  home() {
    wx.reLaunch({ url: '/pages/index/index' })
  },
})
