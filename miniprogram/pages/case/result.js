const { request } = require('../../utils/request')
const { subscribeNotices } = require('../../utils/subscribe-notices')
const { noticesOffWords } = require('../../utils/notices-off')
const { replyBySentence } = require('../../utils/reply-by')

/**
 * After sending: the ticket, the sentence that says who will handle it, and then — the
 * moment a person most wants to hear back — the offer of WeChat notifications.
 */
Page({
  // noticesOff: the office has not switched WeChat messages on: no 答复时通知我 that could do nothing, the words 我的 says instead.
  // replyBy: who answers and by when, as her message's page says it ('' from a copy kept without the date).
  data: { ticket: '', routing: '', replyBy: '', caseId: '', asked: false, subscribed: '', error: '', noticesOff: false, noticesOffText: '' },

  onLoad(query) {
    this.notices = subscribeNotices(request)
    const sent = wx.getStorageSync('case.submitted') || {}
    if (!sent.id || sent.id !== query.caseId) return this.setData({ error: '没有找到刚才的留言，请到“我的留言”查看', caseId: query.caseId || '' })
    this.setData({ ticket: sent.ticket, routing: sent.routing, replyBy: replyBySentence(sent.handledBy, sent.replyByText), caseId: sent.id })
    return this.loadTemplates()
  },

  /**
   * The notifications to ask for, fetched as the page opens: WeChat opens its question only from
   * the tap itself, never after a request the tap waited for.
   */
  loadTemplates() {
    // Off: the answer waits in 我的留言, as 我的 says (nothing else brings it to a resident).
    return this.notices.load().then(({ off }) => off && this.setData({ noticesOff: true, noticesOffText: noticesOffWords({ deputy: false }) }))
  },

  /** WeChat allows the permission prompt only inside a tap. */
  subscribe() {
    const state = this.notices.state()
    if (state === 'loading') return this.setData({ subscribed: '正在准备微信通知，请稍等一下再点一次' })
    if (state === 'failed') {
      // The signal dropped as the page opened: fetched again, for her next tap.
      this.setData({ subscribed: '还没准备好微信通知：' + this.notices.failedText() + '。请稍等一下再点一次' })
      return this.loadTemplates()
    }
    // The words loadTemplates set (with or without the chat account) stay.
    if (state === 'off') return this.setData({ noticesOff: true })
    this.notices.ask((accepted) =>
      this.setData({ asked: true, subscribed: accepted ? '好的，有答复时会通过微信通知您' : '您没有开通通知，可以在“我的留言”里查看进度' }),
    )
    return undefined
  },

  openCase() {
    wx.redirectTo({ url: '/pages/case/detail?caseId=' + this.data.caseId })
  },

  home() {
    wx.reLaunch({ url: '/pages/index/index' })
  },
})
