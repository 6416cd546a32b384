const { request } = require('../../utils/request')
const { livelihoodService } = require('../../services/livelihood')
const config = require('../../config')
const { loadPage } = require('../../utils/page-load')

const GRADES = [
  ['satisfied', '满意'],
  ['basically_satisfied', '基本满意'],
  ['unsatisfied', '不满意'],
]

// The year's stage as a resident says it: the office's stage name 项目实施 reads as a form heading; 正在实施 says what is happening.
const STAGE_WORDS = { running: '正在实施' }

// The server signs photo links relative to itself; <image> needs the whole address.
const absolute = (url) => (/^https?:/.test(url) ? url : config.apiBase + url)

/** A project as the page shows it: the latest progress in words and photos, and the rating shares once published. */
function projectView(p) {
  const latest = p.progress.length ? p.progress[p.progress.length - 1] : null
  return {
    id: p.id,
    title: p.title,
    description: p.description,
    place: p.place,
    unitName: p.unitName,
    cost: p.costWan + ' 万元',
    percent: p.percent,
    latest: latest ? latest.quarterLabel + '：' + latest.text : '还没有报告进展',
    photos: latest ? (latest.photos || []).map(absolute) : [],
    results: p.result && p.result.ratings ? GRADES.map((g) => ({ key: g[0], label: g[1], share: p.result.shares[g[0]] })) : [],
  }
}

/**
 * 民生实事: the year's projects for anyone, each with its progress bar, unit and, once the
 * deputies' rating is published, the shares of 满意/基本满意/不满意. While a cycle collects,
 * a button leads to proposing one, and 我的建议 shows what became of one's proposals.
 */
Page({
  // collecting: the year taking proposals now (the server judges the window on its clock); stage: otherwise the
  // year whose collection is ahead or over, in the server's words of what comes next, with no form to fill.
  data: { loading: true, loadError: '', errorStatus: 0, cycles: [], collecting: null, stage: null, mine: [], isDeputy: false },

  onLoad() {
    this.service = livelihoodService(request)
    return this.load()
  },

  onShow() {
    if (this.service && !this.data.loading) return this.loadMine()
  },

  /**
   * The projects are the page's own read (正在加载…, or the failure with 再试一次); the year's call for proposals and
   * her own proposals come beside them, each shown when it comes and left out when it does not.
   */
  load() {
    const cycles = this.service
      .cycles()
      .then((answer) =>
        this.setData({
          collecting: answer.items.find((c) => c.accepting) || null,
          stage: answer.items.find((c) => c.stageText) || null,
        }),
      )
      .catch(() => undefined)
    return Promise.all([loadPage(this, () => this.service.projects(), this.showProjects), cycles, this.loadMine()])
  },

  showProjects(answer) {
    this.setData({
      cycles: answer.items.map((c) => ({
        id: c.id,
        title: c.title,
        officeName: c.officeName,
        statusLabel: STAGE_WORDS[c.status] || c.statusLabel,
        published: c.resultsPublished,
        projects: c.projects.map(projectView),
      })),
    })
  },

  loadMine() {
    return this.service
      .mine()
      .then((answer) => this.setData({ mine: answer.items }))
      .catch(() => undefined)
  },

  /** A tap on a progress photo: the latest report's photos, full screen, starting at that one. */
  preview(e) {
    const { project, url } = e.currentTarget.dataset
    for (const c of this.data.cycles) {
      const p = c.projects.find((x) => x.id === project)
      if (p) return wx.previewImage({ urls: p.photos, current: url })
    }
  },

  propose() {
    const c = this.data.collecting
    if (c) wx.navigateTo({ url: '/pages/projects/propose?cycleId=' + c.id })
  },
})
