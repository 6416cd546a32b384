const { request } = require('../../utils/request')
const { recordsService } = require('../../services/records')

const KINDS = [
  { key: 'research', label: '调研' },
  { key: 'inspection', label: '视察' },
  { key: 'reception', label: '进站接待' },
  { key: 'other', label: '其他' },
]

const today = () => {
  const d = new Date(Date.now() + 8 * 3600 * 1000)
  return d.toISOString().slice(0, 10)
}

const unique = (lines) => lines.filter((line, i) => lines.indexOf(line) === i)

/** 报告履职活动: what kind, when, where, what was done, one photo; or a returned report corrected (?id=). */
Page({
  data: {
    kinds: KINDS,
    kind: 'research',
    date: '',
    today: '',
    place: '',
    text: '',
    photo: null,
    error: '',
    loading: false,
    loadError: '',
    busy: false,
    done: '',
  },

  onLoad(query) {
    this.records = recordsService(request)
    this.activityId = query.id || null
    this.key = 'activity-' + Date.now() + '-' + Math.random().toString(36).slice(2)
    this.setData({ date: today(), today: today() })
    if (!this.activityId) return undefined
    return this.loadReturned()
  },

  /** A returned report, to correct: the form opens filled in, or not at all (an empty form would send a blank one back). */
  loadReturned() {
    this.setData({ loading: true, loadError: '' })
    return this.records
      .activities()
      .then((list) => {
        const a = list.items.find((x) => x.id === this.activityId)
        if (a) this.setData({ kind: a.kind, date: a.date, place: a.place, text: a.text, error: '退回理由：' + a.reviewNote })
      })
      .catch((err) => this.setData({ loadError: err.message }))
      .then(() => this.setData({ loading: false }))
  },

  pickKind(e) {
    this.setData({ kind: e.currentTarget.dataset.key })
  },
  onDate(e) {
    this.setData({ date: e.detail.value })
  },
  onPlace(e) {
    this.setData({ place: e.detail.value })
  },
  onText(e) {
    this.setData({ text: e.detail.value })
  },

  choosePhoto() {
    wx.chooseMedia({
      count: 1,
      mediaType: ['image'],
      sizeType: ['compressed'],
      success: (res) => {
        const path = res.tempFiles[0].tempFilePath
        this.setData({ photo: { path: path, url: '', progress: 0 } })
        this.records
          .uploadPhoto(path, (p) => this.setData({ 'photo.progress': p }))
          .then((saved) => this.setData({ 'photo.url': saved.url, 'photo.progress': 100 }))
          .catch((err) => this.setData({ photo: null, error: err.message }))
      },
    })
  },

  submit() {
    if (this.data.busy) return undefined
    if (!this.data.place.trim() || !this.data.text.trim()) return this.setData({ error: '请写下活动地点和做了什么' })
    if (!this.data.photo || !this.data.photo.url) return this.setData({ error: '请附一张活动照片' })
    const activity = { kind: this.data.kind, date: this.data.date, place: this.data.place.trim(), text: this.data.text.trim(), photos: [this.data.photo.url] }
    this.setData({ busy: true, error: '' })
    const sent = this.activityId ? this.records.resubmit(this.activityId, activity) : this.records.report(activity, this.key)
    // Every problem once: the first may already be the message (a form refused field by field).
    return sent
      .then(() => this.setData({ done: '已提交，联络站工作人员审核通过后计入您的履职档案。' }))
      .catch((err) => this.setData({ error: unique([err.message].concat((err.details || []).map((d) => d.message))).join('；') }))
      .then(() => this.setData({ busy: false }))
  },
})
