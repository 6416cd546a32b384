const { request } = require('../../utils/request')
const { accountService } = require('../../services/account')
const { settingsService } = require('../../services/settings')

/**
 * After sending: the ticket, the sentence that says who will handle it, and then — the
 * moment a person most wants to hear back — the offer of WeChat notifications.
 */
Page({
  data: { ticket: '', routing: '', caseId: '', asked: false, subscribed: '', error: '' },

  onLoad(query) {
    this.account = accountService(request)
    const sent = wx.getStorageSync('case.submitted') || {}
    if (!sent.id || sent.id !== query.caseId) return this.setData({ error: '没有找到刚才的留言，请到“我的留言”查看', caseId: query.caseId || '' })
    this.setData({ ticket: sent.ticket, routing: sent.routing, caseId: sent.id })
    return settingsService(request)
      .get()
      .then((s) => (this.templateIds = s.subscribeTemplateIds))
      .catch(() => (this.templateIds = []))
  },

  /** WeChat allows the permission prompt only inside a tap. */
  subscribe() {
    const ids = this.templateIds || []
    if (!ids.length) return this.setData({ asked: true, subscribed: '暂时不能开通微信通知，您可以在“我的留言”里查看进度' })
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
  },

  openCase() {
    wx.redirectTo({ url: '/pages/case/detail?caseId=' + this.data.caseId })
  },

  home() {
    wx.reLaunch({ url: '/pages/index/index' })
  },
})
