const { request } = require('../../utils/request')
const { studyService } = require('../../services/study')
const when = require('../../utils/when')

/** The last day to study: a campaign ending at midnight ends with the day before, as its own page says. */
const lastDay = (endsAt) => when.day(new Date(Date.parse(endsAt) - 1).toISOString())

const progressOf = (c) => (c.itemsReached ? '已读 ' + c.itemsRead + ' / ' + c.itemsReached + ' 篇' : '还没有学习材料')

Page({
  data: { loading: true, error: '', monthLabel: '', month: [], items: [] },

  onShow() {
    return this.load()
  },

  load() {
    const study = studyService(request)
    this.setData({ loading: true, error: '' })
    return Promise.all([study.thisMonth(), study.campaigns()])
      .then(([month, answer]) => {
        // This month's issues are shown once, at the top, with the level they come from.
        const issues = new Set(month.items.map((i) => i.id))
        this.setData({
          monthLabel: month.monthLabel,
          month: month.items.map((i) => ({
            id: i.id,
            title: i.title,
            from: i.levelLabel + ' · ' + i.issuedBy,
            // An issue ends at midnight: its last day is the day before.
            until: lastDay(i.endsAt),
            progress: i.itemsReached ? progressOf(i) + (i.checkedIn ? '，已打卡' : '，还没打卡') : '本期材料还没发布',
            open: i.itemsReached > 0,
          })),
          items: answer.items
            .filter((c) => !issues.has(c.id))
            .map((c) => ({
              id: c.id,
              title: c.title,
              phaseLabel: c.phaseLabel,
              until: lastDay(c.endsAt),
              progress: progressOf(c),
              following: c.following,
            })),
        })
      })
      .catch((err) => this.setData({ error: err.message }))
      .then(() => this.setData({ loading: false }))
  },

  open(e) {
    // An issue whose reading is not out yet has nothing to open.
    if (e.currentTarget.dataset.open === false) return
    wx.navigateTo({ url: '/pages/study/campaign?campaignId=' + e.currentTarget.dataset.id })
  },
})
