const { request } = require('../../utils/request')
const { livelihoodService } = require('../../services/livelihood')
const { loadPage } = require('../../utils/page-load')

const GRADES = [
  { value: 'satisfied', label: '满意' },
  { value: 'basically_satisfied', label: '基本满意' },
  { value: 'unsatisfied', label: '不满意' },
]

/** 人大评: a deputy rates each of the year's projects once, after reading its progress. */
Page({
  // error and errorFor: what went wrong and on which project, said inside that project's card by its 送出评议.
  data: { loading: true, loadError: '', errorStatus: 0, error: '', errorFor: '', sending: '', grades: GRADES, projects: [], picked: {}, comments: {} },

  onLoad() {
    this.service = livelihoodService(request)
    return this.load()
  },

  load() {
    return loadPage(this, () => this.service.toRate(), this.show)
  },

  /** Each of the year's projects with its latest progress, and his grade when he has rated it. */
  show(answer) {
    const projects = []
    for (const c of answer.items) {
      for (const p of c.projects) {
        const latest = p.progress.length ? p.progress[p.progress.length - 1] : null
        projects.push({
          id: p.id,
          title: p.title,
          progress: latest ? latest.quarterLabel + ' 完成 ' + latest.percent + '%：' + latest.text : '承办单位还没有报告进展',
          rated: p.myRating ? '您的评议：' + p.myRating.gradeLabel : '',
        })
      }
    }
    this.setData({ projects: projects })
  },

  pick(e) {
    const { project, grade } = e.currentTarget.dataset
    this.setData({ ['picked.' + project]: grade })
  },

  onComment(e) {
    this.setData({ ['comments.' + e.currentTarget.dataset.project]: e.detail.value })
  },

  rate(e) {
    const id = e.currentTarget.dataset.project
    if (this.data.sending) return undefined
    const grade = this.data.picked[id]
    if (!grade) return this.setData({ error: '请先选择满意、基本满意或不满意', errorFor: id })
    this.setData({ error: '', errorFor: '', sending: id })
    return this.service
      .rate(id, grade, this.data.comments[id] || '')
      .then(() => this.load())
      .catch((err) => this.setData({ error: err.message, errorFor: id }))
      .then(() => this.setData({ sending: '' }))
  },
})
