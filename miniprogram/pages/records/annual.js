const { request } = require('../../utils/request')
const { recordsService, recordLines } = require('../../services/records')
const { dateText, spansYears } = require('../../utils/words')
const { loadPage } = require('../../utils/page-load')
const { keepTogether } = require('./points-words')

/**
 * The yearly 述职 report. As the deputy reads it: the same figures and points the office prints. Opened from a
 * 述职评议 (?surveyId=, 先看述职报告): the report the residents rating him are asked to judge, the figures and his
 * approved activities, read-only, while the appraisal is open.
 */
Page({
  data: { loading: true, loadError: '', errorStatus: 0, title: '', lines: [], points: [], total: 0, forResidents: false, activities: [] },

  onLoad(query) {
    this.year = query.year ? Number(query.year) : undefined
    this.surveyId = query.surveyId || null
    return this.load()
  },

  load() {
    const records = recordsService(request)
    // Opened from a 述职评议: the report its residents read; else his own year's.
    if (this.surveyId) return loadPage(this, () => records.appraisalReport(this.surveyId), this.showPublic)
    return loadPage(this, () => records.mine(this.year), this.showOwn)
  },

  showOwn(r) {
    this.setData({
      title: r.deputy.name + '代表' + r.year + '年度履职情况报告',
      lines: recordLines(r),
      points: r.points.lines.map((l) => keepTogether(l.explanation)),
      total: r.points.total,
    })
  },

  /** 去评议: back to the rating page she opened the report from, her answers as she left them. */
  toAppraise() {
    wx.navigateBack()
  },

  showPublic(r) {
    // An annual report's days are its year's; said with the year only should the list reach into another (spansYears).
    const withYear = spansYears(r.activities.items.map((a) => a.date))
    this.setData({
      forResidents: true,
      title: r.title,
      lines: recordLines(r, true),
      activities: r.activities.items.map((a) => ({ id: a.id, when: dateText(a.date, withYear) + ' ' + a.kindLabel + ' · ' + a.place, text: a.text })),
    })
  },
})
