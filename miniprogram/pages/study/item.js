const { request } = require('../../utils/request')
const { studyService } = require('../../services/study')
const { toNodes } = require('../../utils/rich-text')
const when = require('../../utils/when')
const config = require('../../config')
const { loadPage } = require('../../utils/page-load')

/** One reading item: opening it is the read receipt; then 学习打卡 with a few words. */
Page({
  data: { loading: true, loadError: '', errorStatus: 0, error: '', notice: '', item: null, nodes: [], reflection: '', busy: false, checkedIn: false },

  onLoad(query) {
    this.itemId = query.itemId
    this.study = studyService(request)
    return this.load()
  },

  load() {
    return loadPage(this, () => this.study.item(this.itemId), this.show)
  },

  show(item) {
    this.setData({
      // One line, joined here: spaces around a separator after a <text> are lost on the page.
      item: Object.assign({}, item, {
        meta: [item.campaignTitle, item.source ? '来源：' + item.source : '', when.day(item.publishedAt)].filter(Boolean).join(' · '),
      }),
      nodes: toNodes(item.body, config.apiBase),
    })
  },

  onReflection(e) {
    this.setData({ reflection: e.detail.value })
  },

  checkIn() {
    this.setData({ busy: true, error: '' })
    return this.study
      .checkIn(this.data.item.campaignId, this.itemId, this.data.reflection.trim())
      .then(() => this.setData({ checkedIn: true, notice: '打卡成功，已记入您的学习进度' }))
      .catch((err) => this.setData({ error: err.message }))
      .then(() => this.setData({ busy: false }))
  },

  copyLink() {
    wx.setClipboardData({ data: this.data.item.link })
  },
})
