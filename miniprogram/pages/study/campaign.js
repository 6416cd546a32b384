const { request } = require('../../utils/request')
const { studyService } = require('../../services/study')
const when = require('../../utils/when')

/** What following gives, truthfully: the reading is here; nobody sends word when more is published. */
const FOLLOWED = '已关注，学习材料都在下面。发布新材料时不会另外通知您，请常回来看看。'

// Ending at midnight is ending with the day before (a monthly issue ends on the month's last day).
function until(c) {
  return when.day(new Date(Date.parse(c.endsAt) - 1).toISOString())
}

function view(c) {
  return Object.assign({}, c, {
    // Ended, "已结束 · 12月3日结束" says one fact twice: "已于12月3日结束" once.
    ends: c.phase === 'ended' ? '已于' + until(c) + '结束' : [c.levelLabel, c.phaseLabel, until(c) + '结束'].filter(Boolean).join(' · '),
    progress: '已读 ' + c.itemsRead + ' / ' + c.itemsReached + ' 篇，已打卡 ' + c.checkIns.length + ' 次',
    items: c.items.map((i) => Object.assign({}, i, { readLabel: i.read ? '已读' : '未读', tag: i.required ? '必读' : '' })),
    checkIns: c.checkIns.map((k) => Object.assign({}, k, { atText: when.dayTime(k.at) })),
    running: c.phase === 'running',
    // 打卡 needs a reading of this campaign opened first (any day): the hint says so before she taps.
    checkInHint: c.itemsRead ? '读过这个活动的学习材料后，每天可以打卡一次。' : '请先点开上面的学习材料读一读，再来打卡。',
    // Not hers until she follows: no progress of hers to show, and its reading comes with following.
    outside: c.canFollow && !c.following,
  })
}

Page({
  data: { loading: true, error: '', notice: '', checkInError: '', checkInNotice: '', c: null, busy: false, reflection: '' },

  onLoad(query) {
    this.campaignId = query.campaignId
    this.study = studyService(request)
  },

  onShow() {
    return this.load()
  },

  /** The campaign; shown once, it stays on the screen while it is loaded again. */
  load() {
    if (!this.data.c) this.setData({ loading: true, error: '', errorStatus: 0 })
    return this.study
      .campaign(this.campaignId)
      .then((c) => this.setData({ c: view(c) }))
      .catch((err) => this.setData({ error: err.message, errorStatus: err.status || 0 }))
      .then(() => this.setData({ loading: false }))
  },

  follow() {
    this.setData({ busy: true, error: '' })
    // Followers get no message when an item is published (only deputies' stations and digests
    // do): what following gives is the items, here, not a notice. Said so: at 70, "都会出现在下面"
    // reads as "I will be told".
    return this.study
      .follow(this.campaignId)
      .then((c) => this.setData({ c: view(c), notice: FOLLOWED }))
      .catch((err) => this.setData({ error: err.message }))
      .then(() => this.setData({ busy: false }))
  },

  onReflection(e) {
    this.setData({ reflection: e.detail.value })
  },

  checkIn() {
    this.setData({ busy: true, checkInError: '', checkInNotice: '' })
    return this.study
      .checkIn(this.campaignId, null, this.data.reflection.trim())
      .then(() => this.setData({ reflection: '', checkInNotice: '打卡成功' }))
      .then(() => this.load())
      .catch((err) => this.setData({ checkInError: err.message }))
      .then(() => this.setData({ busy: false }))
  },

  open(e) {
    wx.navigateTo({ url: '/pages/study/item?itemId=' + e.currentTarget.dataset.id })
  },
})
