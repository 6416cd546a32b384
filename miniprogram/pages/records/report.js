const { request } = require('../../utils/request')
const { recordsService } = require('../../services/records')
const { photoMethods, stillUploading, uploadedUrls, unsentPhotosText } = require('../../utils/photos')
const config = require('../../config')
const { dateText, spansYears } = require('../../utils/words')
const { loadPage } = require('../../utils/page-load')
const serverToday = require('../../utils/server-today')

const KINDS = [
  { key: 'research', label: '调研' },
  { key: 'inspection', label: '视察' },
  { key: 'reception', label: '进站接待' },
  { key: 'other', label: '其他' },
]

/** Most photos one report carries (the backend's MAX_ACTIVITY_PHOTOS). */
const MAX_PHOTOS = 3

/** Why a report sent back to correct is not there to correct any more, in words. */
const NOT_RETURNED = {
  pending: '这条活动已经重新提交，正在等联络站审核，不用再改了。',
  approved: '这条活动已经审核通过，计入了您的履职档案，不用再改了。',
}
const NOT_FOUND = '找不到这条活动。请回到“我的履职档案”，看看您报告的活动现在怎么样了。'

/**
 * The office's today (server-today.js), which a new report starts from and the picker ends at: a phone set a day ahead
 * offered tomorrow, which the station would refuse. The phone's clock only while the backend has not answered yet.
 */
const today = () => serverToday.serverDate() || new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10)

/**
 * The day as the form keeps it (for the picker and the server) and as he reads it: "11月20日" in the office's year,
 * "2025年11月20日" for a day of another (spansYears, by the office's today, never the phone's clock), so a report from
 * last December corrected in January is not taken for this year's.
 */
const dated = (date) => ({ date: date, dateText: dateText(date, spansYears([date])) })

// The server signs photo links relative to itself; <image> needs the whole address.
const absolute = (url) => (/^https?:/.test(url) ? url : config.apiBase + url)

const unique = (lines) => lines.filter((line, i) => lines.indexOf(line) === i)

/**
 * 报告履职活动: what kind, when, where, what was done, with photos; or a returned report
 * corrected (?id=): it opens filled in, its photos attached, or not at all (an empty form sent
 * back would overwrite the report).
 */
Page(
  Object.assign(photoMethods('records'), {
    data: {
      kinds: KINDS,
      kind: 'research',
      date: '',
      dateText: '',
      today: '',
      place: '',
      text: '',
      photos: [], // { path, url, progress, failed, retryable, kept }
      maxPhotos: MAX_PHOTOS,
      returnNote: '',
      error: '',
      loading: false,
      loadError: '',
      errorStatus: 0,
      // A report that cannot be corrected any more: what became of it, instead of the form.
      state: '',
      busy: false,
      done: '',
    },

    onLoad(query) {
      this.records = recordsService(request)
      this.activityId = query.id || null
      this.key = 'activity-' + Date.now() + '-' + Math.random().toString(36).slice(2)
      const day = today()
      this.setData(Object.assign(dated(day), { today: day }))
      if (!this.activityId) return undefined
      return this.loadReturned()
    },

    /** The report the station sent back, by its id: filled in while it is 退回; otherwise what became of it. */
    loadReturned() {
      this.setData({ state: '', error: '' })
      // A link with a broken id (400) is as missing as another's report: 再试一次 could never bring it, so it is
      // answered as what became of it (null), not as a failure to load.
      const read = () => this.records.activity(this.activityId).catch((err) => (err.status === 404 || err.status === 400 ? null : Promise.reject(err)))
      return loadPage(this, read, this.showReturned)
    },

    showReturned(a) {
      if (!a) return this.setData({ state: NOT_FOUND })
      if (a.status !== 'returned') return this.setData({ state: NOT_RETURNED[a.status] || '这条活动现在不能修改。' })
      return this.setData(
        Object.assign(dated(a.date), {
          kind: a.kind,
          place: a.place,
          text: a.text,
          returnNote: a.reviewNote ? '退回理由：' + a.reviewNote : '',
          photos: (a.photoFiles || []).map((f) => ({ path: absolute(f.viewUrl), url: f.url, progress: 100, failed: '', kept: true })),
        }),
      )
    },

    pickKind(e) {
      this.setData({ kind: e.currentTarget.dataset.key })
    },
    onDate(e) {
      this.setData(dated(e.detail.value))
    },
    onPlace(e) {
      this.setData({ place: e.detail.value })
    },
    onText(e) {
      this.setData({ text: e.detail.value })
    },

    /** 回到我的履职档案: back to it when he came from it (it reloads as it shows), else opened in this page's place. */
    backToRecords() {
      const pages = getCurrentPages()
      const before = pages[pages.length - 2]
      if (before && before.route === 'pages/records/index') return wx.navigateBack()
      return wx.redirectTo({ url: '/pages/records/index' })
    },

    submit() {
      if (this.data.busy) return undefined
      if (!this.data.place.trim() || !this.data.text.trim()) return this.setData({ error: '请写下活动地点和做了什么' })
      if (stillUploading(this.data.photos)) return this.setData({ error: '照片还在上传，请稍等' })
      // A photo that did not arrive is never dropped without a word: he tries again or deletes it.
      const unsent = unsentPhotosText(this.data.photos)
      if (unsent) return this.setData({ error: unsent })
      const photos = uploadedUrls(this.data.photos)
      if (!photos.length) return this.setData({ error: '请附一张活动照片' })
      const activity = { kind: this.data.kind, date: this.data.date, place: this.data.place.trim(), text: this.data.text.trim(), photos: photos }
      this.setData({ busy: true, error: '' })
      const sent = this.activityId ? this.records.resubmit(this.activityId, activity) : this.records.report(activity, this.key)
      return sent
        .then(() => this.setData({ done: '已提交，联络站工作人员审核通过后计入您的履职档案。' }))
        .catch((err) => {
          // Sent again from another screen meanwhile: say what became of it rather than a refusal.
          if (this.activityId && err.code === 'not_returned') return this.loadReturned()
          // Every problem once: the first may already be the message (a form refused field by field).
          return this.setData({ error: unique([err.message].concat((err.details || []).map((d) => d.message))).join('；') })
        })
        .then(() => this.setData({ busy: false }))
    },
  }),
)
