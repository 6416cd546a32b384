const { request } = require('../../utils/request')
const { casesService } = require('../../services/cases')
const { accountService } = require('../../services/account')
const { spokenMoment, spansYears } = require('../../utils/when')
const { timeApart } = require('../../utils/time-apart')

/**
 * 我的留言: every message with its state in words, newest first, more on demand. The first
 * page that did not come says so in place of the list; older ones that did not come say so
 * where 看更早的留言 was, below the rows already shown, and 再试一次 there brings them.
 * Empty, it says whether messages written in the WeChat chat are elsewhere (`chatApart`: her chat
 * is not joined to this account) and offers to bring them here (chat-join). A chat that sent her code is asked about
 * at the top (是我的 / 不是我的), and a chat joined is named there (which WeChat, since when).
 */
Page({
  data: {
    loading: true,
    error: '',
    errorStatus: 0,
    moreError: '',
    items: [],
    nextCursor: null,
    more: false,
    chatApart: false,
    chatJoin: null,
    chatJoinDone: '',
  },

  onLoad() {
    this.cases = casesService(request)
    this.account = accountService(request)
  },

  onShow() {
    return this.load(null)
  },

  load(cursor) {
    this.setData({ loading: true, error: '', errorStatus: 0, moreError: '' })
    return this.cases
      .mine(cursor)
      .then((page) => {
        // Her list as it now stands, older pages too: each date with its year once the list reaches into another year.
        const shown = (cursor ? this.data.items : []).concat(page.items)
        const withYear = spansYears(shown.map((c) => c.createdAt))
        const items = shown.map((c) => Object.assign({}, c, { whenParts: timeApart(spokenMoment(c.createdAt, withYear) + '送出') }))
        this.setData({ items: items, nextCursor: page.nextCursor, more: Boolean(page.nextCursor) })
        if (!cursor) return this.chatOrNot(!items.length)
      })
      .catch((err) => this.setData(cursor ? { moreError: '没能加载更早的留言：' + err.message } : { error: err.message, errorStatus: err.status || 0 }))
      .then(() => this.setData({ loading: false }))
  },

  /**
   * Her chat as her profile says it (`chatJoin`), and, the list being empty, whether her chat messages are elsewhere:
   * not for a deputy (his chat is bound apart), nor once joined or while a chat waits for her answer. Not known (no
   * answer), the offer is made all the same: asking for a code says what is wrong if it does not apply.
   */
  chatOrNot(empty) {
    return this.account
      .me()
      .then((me) => {
        const join = me.deputy ? null : me.chatJoin || null
        this.setData({ chatJoin: join, chatApart: empty && !me.deputy && !me.chatJoined && !(join && join.pending) })
      })
      .catch(() => this.setData({ chatApart: empty }))
  },

  /** She answered a chat that sent her code (or 解除): what happened, and her list and profile read again. */
  onChatJoin(e) {
    this.setData({ chatJoinDone: (e.detail && e.detail.message) || '' })
    return this.load(null)
  },

  /** 再试一次 in place of the list: the first page again. */
  retry() {
    return this.load(null)
  },

  /** 再试一次 where 看更早的留言 was: the page that did not come. */
  retryMore() {
    return this.load(this.data.nextCursor)
  },

  loadMore() {
    // After a failure the person taps 再试一次; scrolling down does not ask again behind it.
    if (this.data.nextCursor && !this.data.loading && !this.data.moreError) return this.load(this.data.nextCursor)
  },

  onReachBottom() {
    return this.loadMore()
  },

  write() {
    wx.navigateTo({ url: '/pages/case/new' })
  },
})
