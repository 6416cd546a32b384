const { request } = require('../../utils/request')
const { recordsService, recordLines } = require('../../services/records')
const { dateText, spansYears } = require('../../utils/words')
const { loadPage } = require('../../utils/page-load')
const { keepTogether } = require('./points-words')

/** The activities he reported, each day with its year once the list reaches into another year (spansYears). */
function activityRows(items) {
  const withYear = spansYears(items.map((a) => a.date))
  return items.map((a) => ({
    id: a.id,
    title: dateText(a.date, withYear) + ' ' + a.kindLabel + ' · ' + a.place,
    status: a.statusLabel,
    returned: a.status === 'returned',
    note: a.reviewNote,
  }))
}

/**
 * 我的履职档案: a year's figures (this year's first; 上一年 in January, when last year's report is
 * still being written), the points line by line, the activities reported and where they stand.
 */
Page({
  data: { loading: true, loadError: '', errorStatus: 0, year: 0, thisYear: 0, total: 0, lines: [], points: [], activities: [] },

  onLoad() {
    this.records = recordsService(request)
  },

  onShow() {
    return this.load(this.data.year || undefined)
  },

  load(year) {
    this.askedYear = year
    return loadPage(
      this,
      () => Promise.all([this.records.mine(year), this.records.activities()]),
      ([r, list]) =>
        this.setData({
          year: r.year,
          // Asked without a year, the server answers with this year (the business calendar's, not the phone's).
          thisYear: this.data.thisYear || (year ? 0 : r.year),
          total: r.points.total,
          lines: recordLines(r),
          points: r.points.lines.filter((l) => l.count > 0).map((l) => keepTogether(l.explanation)),
          activities: activityRows(list.items),
        }),
    )
  },

  /** 再试一次: the year that did not come. */
  retry() {
    return this.load(this.askedYear)
  },

  previousYear() {
    return this.load(this.data.year - 1)
  },

  backToThisYear() {
    return this.load(this.data.thisYear)
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
