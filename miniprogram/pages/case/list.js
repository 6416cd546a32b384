const { request } = require('../../utils/request')
const { casesService } = require('../../services/cases')
const { dateTime } = require('../../utils/words')

/** 我的留言: every message with its state in words, newest first, more on demand. */
Page({
  data: { loading: true, error: '', items: [], nextCursor: null, more: false },

  onLoad() {
    this.cases = casesService(request)
  },

  onShow() {
    return this.load(null)
  },

  load(cursor) {
    this.setData({ loading: true, error: '' })
    return this.cases
      .mine(cursor)
      .then((page) => {
        const items = page.items.map((c) => Object.assign({}, c, { when: dateTime(c.createdAt) }))
        this.setData({ items: cursor ? this.data.items.concat(items) : items, nextCursor: page.nextCursor, more: Boolean(page.nextCursor) })
      })
      .catch((err) => this.setData({ error: err.message }))
      .then(() => this.setData({ loading: false }))
  },

  /** After a failure: the first page again, or the page that did not come. */
  retry() {
    return this.load(this.data.items.length ? this.data.nextCursor : null)
  },

  loadMore() {
    if (this.data.nextCursor) return this.load(this.data.nextCursor)
  },

  onReachBottom() {
    return this.loadMore()
  },

  write() {
    wx.navigateTo({ url: '/pages/case/new' })
  },
})
