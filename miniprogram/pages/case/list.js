const { request } = require('../../utils/request')
const { casesService } = require('../../services/cases')
const { dateTime } = require('../../utils/words')

/**
 * 我的留言: every message with its state in words, newest first, more on demand. The first
 * page that did not come says so in place of the list; older ones that did not come say so
 * where 看更早的留言 was, below the rows already shown, and 再试一次 there brings them.
 */
Page({
  data: { loading: true, error: '', errorStatus: 0, moreError: '', items: [], nextCursor: null, more: false },

  onLoad() {
    this.cases = casesService(request)
  },

  onShow() {
    return this.load(null)
  },

  load(cursor) {
    this.setData({ loading: true, error: '', errorStatus: 0, moreError: '' })
    return this.cases
      .mine(cursor)
      .then((page) => {
        const items = page.items.map((c) => Object.assign({}, c, { when: dateTime(c.createdAt) }))
        this.setData({ items: cursor ? this.data.items.concat(items) : items, nextCursor: page.nextCursor, more: Boolean(page.nextCursor) })
      })
      .catch((err) => this.setData(cursor ? { moreError: '没能加载更早的留言：' + err.message } : { error: err.message, errorStatus: err.status || 0 }))
      .then(() => this.setData({ loading: false }))
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
