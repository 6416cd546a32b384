const { request } = require('../../utils/request')
const { studyService } = require('../../services/study')
const { toNodes } = require('../../utils/rich-text')
const when = require('../../utils/when')
const config = require('../../config')
const { loadPage } = require('../../utils/page-load')
const { timeApart } = require('../../utils/time-apart')

/**
 * One reading item: opening it is the read receipt; then 学习打卡 with a few words. A link passed on to her, of a
 * campaign she does not follow yet, says which campaign it is in and offers 关注这个活动 (the server's follow_to_read):
 * following brings her its reading, this one opens.
 */
Page({
  data: {
    loading: true,
    loadError: '',
    errorStatus: 0,
    error: '',
    notice: '',
    item: null,
    nodes: [],
    reflection: '',
    busy: false,
    checkedIn: false,
    followCampaignId: '',
    // Said once she has followed from here: which campaign, and where its reading is.
    followed: '',
  },

  onLoad(query) {
    this.itemId = query.itemId
    this.study = studyService(request)
    return this.load()
  },

  load() {
    this.setData({ followCampaignId: '' })
    const read = () =>
      this.study.item(this.itemId).catch((err) => {
        const campaign = err.code === 'follow_to_read' && err.details && err.details[0]
        if (campaign) this.setData({ followCampaignId: campaign.message })
        throw err
      })
    return loadPage(this, read, this.show)
  },

  /**
   * 关注这个活动: the item she came for opens, saying above it what her tap did and where the campaign's other reading
   * is (no message tells her of new reading: as the campaign page says, she looks in 学习).
   */
  follow() {
    if (this.data.busy) return undefined
    this.setData({ busy: true, error: '' })
    return this.study
      .follow(this.data.followCampaignId)
      .then(() => this.load())
      .then(() => {
        const item = this.data.item
        if (item) this.setData({ followed: '已关注“' + item.campaignTitle + '”。这个活动的学习材料都在首页的“学习”里，请常去看看。' })
      })
      .catch((err) => this.setData({ error: err.message }))
      .then(() => this.setData({ busy: false }))
  },

  home() {
    wx.reLaunch({ url: '/pages/index/index' })
  },

  show(item) {
    // One line, joined here: spaces around a separator after a <text> are lost on the page.
    const meta = [item.campaignTitle, item.source ? '来源：' + item.source : '', when.day(item.publishedAt)].filter(Boolean).join(' · ')
    this.setData({
      // metaParts: its date kept whole on its line ("11月23 / 日" in 关怀模式; time-apart.js).
      item: Object.assign({}, item, { meta: meta, metaParts: timeApart(meta) }),
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
      .then(() => this.setData({ checkedIn: true, notice: '已打卡，已记入您的学习进度' }))
      .catch((err) => this.setData({ error: err.message }))
      .then(() => this.setData({ busy: false }))
  },

  copyLink() {
    wx.setClipboardData({ data: this.data.item.link })
  },
})
