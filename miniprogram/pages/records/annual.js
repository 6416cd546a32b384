const { request } = require('../../utils/request')
const { recordsService, recordLines } = require('../../services/records')

/** The yearly 述职 report as the deputy reads it: the same figures and points the office prints. */
Page({
  data: { loading: true, error: '', title: '', lines: [], points: [], total: 0 },

  onLoad(query) {
    this.year = query.year ? Number(query.year) : undefined
    return this.load()
  },

  load() {
    this.setData({ loading: true, error: '', errorStatus: 0 })
    return recordsService(request)
      .mine(this.year)
      .then((r) =>
        this.setData({
          title: r.deputy.name + '代表' + r.year + '年度履职情况报告',
          lines: recordLines(r),
          points: r.points.lines.map((l) => l.explanation),
          total: r.points.total,
        }),
      )
      .catch((err) => this.setData({ error: err.message, errorStatus: err.status || 0 }))
      .then(() => this.setData({ loading: false }))
  },
})
