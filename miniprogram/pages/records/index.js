const { request } = require('../../utils/request')
const { recordsService, recordLines } = require('../../services/records')

/** 我的履职档案: this year's figures, the points line by line, the activities reported and where they stand. */
Page({
  data: { loading: true, error: '', year: 0, total: 0, lines: [], points: [], activities: [] },

  onLoad() {
    this.records = recordsService(request)
  },

  onShow() {
    return Promise.all([this.records.mine(), this.records.activities()])
      .then(([r, list]) =>
        this.setData({
          year: r.year,
          total: r.points.total,
          lines: recordLines(r),
          points: r.points.lines.filter((l) => l.count > 0).map((l) => l.explanation),
          activities: list.items.map((a) => ({
            id: a.id,
            title: a.date + ' ' + a.kindLabel + ' · ' + a.place,
            status: a.statusLabel,
            returned: a.status === 'returned',
            note: a.reviewNote,
          })),
        }),
      )
      .catch((err) => this.setData({ error: err.message }))
      .then(() => this.setData({ loading: false }))
  },

  reportActivity() {
    wx.navigateTo({ url: '/pages/records/report' })
  },

  correct(e) {
    wx.navigateTo({ url: '/pages/records/report?id=' + e.currentTarget.dataset.id })
  },

  openReport() {
    wx.navigateTo({ url: '/pages/records/annual?year=' + this.data.year })
  },

  openAppraisals() {
    wx.navigateTo({ url: '/pages/records/appraisals' })
  },
})
