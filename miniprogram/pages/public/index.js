const { request } = require('../../utils/request')
const { publicService } = require('../../services/public')
const { settingsService } = require('../../services/settings')
const { dateText, spansYears } = require('../../utils/words')
const { loadPage } = require('../../utils/page-load')

/**
 * 办理选登: answers the office published, newest first, with the residents' names, phones and
 * addresses already masked by the backend. Anyone may read them without logging in; a topic
 * narrows the list, 加载更多 goes further back.
 */
function itemView(p, withYear) {
  const where = [p.district, p.station].filter(Boolean).join(' ')
  // "11月3日留言，11月10日答复": the days as people say them, not as the server stores them.
  return Object.assign({}, p, { where: where, dates: dateText(p.askedOn, withYear) + '留言，' + dateText(p.answeredOn, withYear) + '答复' })
}

/** The list as it now stands, older pages too: each day with its year once the list reaches into another year. */
function listView(items) {
  const withYear = spansYears(items.map((p) => p.askedOn).concat(items.map((p) => p.answeredOn)))
  return items.map((p) => itemView(p, withYear))
}

Page({
  data: { loading: true, loadError: '', errorStatus: 0, topics: [], topic: '', items: [], nextCursor: null },

  onLoad() {
    this.publicCases = publicService(request)
    this.settings = settingsService(request)
    // The filter is a convenience: without the topic list the answers still show.
    const topics = this.settings
      .get()
      .then((s) => this.setData({ topics: s.topics || [] }))
      .catch(() => undefined)
    return Promise.all([topics, this.load(null)])
  },

  load(cursor) {
    const topic = this.data.topic
    return loadPage(
      this,
      () => this.publicCases.cases(topic, cursor),
      (page) => {
        // The person may have picked another topic while this page was on its way.
        if (topic !== this.data.topic) return
        this.setData({ items: listView((cursor ? this.data.items : []).concat(page.items)), nextCursor: page.nextCursor || null })
      },
    )
  },

  /** 再试一次: the first page again, or the page that did not come. */
  retry() {
    return this.load(this.data.items.length ? this.data.nextCursor : null)
  },

  pickTopic(e) {
    const topic = e.currentTarget.dataset.topic || ''
    if (topic === this.data.topic) return
    this.setData({ topic: topic, items: [], nextCursor: null })
    return this.load(null)
  },

  loadMore() {
    if (this.data.nextCursor && !this.data.loading) return this.load(this.data.nextCursor)
  },

  onReachBottom() {
    return this.loadMore()
  },

  onPullDownRefresh() {
    return this.load(null).then(() => wx.stopPullDownRefresh && wx.stopPullDownRefresh())
  },
})
