const { request } = require('../../utils/request')
const { studyService } = require('../../services/study')
const when = require('../../utils/when')
const { timeApart } = require('../../utils/time-apart')

/** What following gives, truthfully: the reading is here; nobody sends word when more is published. */
const FOLLOWED = '已关注，学习材料都在下面。发布新材料时不会另外通知您，请常回来看看。'
/** What 不再关注 did: nothing new comes; what she already has stays; she can come back. */
const UNFOLLOWED = '已不再关注。以后发布的学习材料不会再给您，已经给您的还在上面。想再看新材料，点上面的“关注这个活动”。'

// Ending at midnight is ending with the day before (a monthly issue ends on the month's last day).
function until(c) {
  return when.day(new Date(Date.parse(c.endsAt) - 1).toISOString())
}

function view(c) {
  const checkInYears = when.spansYears(c.checkIns.map((k) => k.at))
  return Object.assign({}, c, {
    // Ended, "已结束 · 12月3日结束" says one fact twice: "已于12月3日结束" once.
    ends: c.phase === 'ended' ? '已于' + until(c) + '结束' : [c.levelLabel, c.phaseLabel, until(c) + '结束'].filter(Boolean).join(' · '),
    progress: '已读 ' + c.itemsRead + ' / ' + c.itemsReached + ' 篇，已打卡 ' + c.checkIns.length + ' 次',
    // 必读 binds those the campaign names (its deputies); to a resident who chose to follow, it reads as an order.
    items: c.items.map((i) => Object.assign({}, i, { readLabel: i.read ? '已读' : '未读', tag: i.required && c.requiredApplies ? '必读' : '' })),
    // Her check-ins as the server says a moment, each with its year once they reach into another year (spansYears).
    checkIns: c.checkIns.map((k) => Object.assign({}, k, { atParts: timeApart(when.spokenMoment(k.at, checkInYears)) })),
    running: c.phase === 'running',
    // 打卡 needs a reading of this campaign opened first (any day): the hint says so before she taps.
    checkInHint: c.itemsRead ? '读过这个活动的学习材料后，每天可以打卡一次。' : '请先点开上面的学习材料读一读，再来打卡。',
    // Not hers until she follows: no progress of hers to show, and its reading comes with following.
    outside: c.canFollow && !c.following,
    // While it runs or is to come, a follower may stop (once it has ended nothing more comes anyway).
    canUnfollow: c.following && c.phase !== 'ended',
  })
}

Page({
  // unfollowError / unfollowNotice: what 不再关注 did, said under it at the foot of the page, where she tapped.
  data: {
    loading: true,
    error: '',
    notice: '',
    checkInError: '',
    checkInNotice: '',
    unfollowError: '',
    unfollowNotice: '',
    c: null,
    busy: false,
    reflection: '',
  },

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
    this.setData({ busy: true, error: '', unfollowNotice: '', unfollowError: '' })
    // Followers get no message when an item is published (only deputies' stations and digests
    // do): what following gives is the items, here, not a notice. Said so: at 70, "都会出现在下面"
    // reads as "I will be told".
    return this.study
      .follow(this.campaignId)
      .then((c) => this.setData({ c: view(c), notice: FOLLOWED }))
      .catch((err) => this.setData({ error: err.message }))
      .then(() => this.setData({ busy: false }))
  },

  /** 不再关注: no dialog, nothing is lost — what reached her stays, and 关注这个活动 is offered again at the top. */
  unfollow() {
    if (this.data.busy) return undefined
    this.setData({ busy: true, notice: '', unfollowError: '', unfollowNotice: '' })
    return this.study
      .unfollow(this.campaignId)
      .then((c) => this.setData({ c: view(c), unfollowNotice: UNFOLLOWED }))
      .catch((err) => this.setData({ unfollowError: err.message }))
      .then(() => this.setData({ busy: false }))
  },

  onReflection(e) {
    this.setData({ reflection: e.detail.value })
  },

  checkIn() {
    this.setData({ busy: true, checkInError: '', checkInNotice: '' })
    return this.study
      .checkIn(this.campaignId, null, this.data.reflection.trim())
      .then(() => this.setData({ reflection: '', checkInNotice: '已打卡' }))
      .then(() => this.load())
      .catch((err) => this.setData({ checkInError: err.message }))
      .then(() => this.setData({ busy: false }))
  },

  open(e) {
    wx.navigateTo({ url: '/pages/study/item?itemId=' + e.currentTarget.dataset.id })
  },
})
