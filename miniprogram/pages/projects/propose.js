const { request, newIdempotencyKey } = require('../../utils/request')
const { livelihoodService } = require('../../services/livelihood')
const { photoMethods, stillUploading, uploadedUrls, unsentPhotosText } = require('../../utils/photos')
const { loadPage } = require('../../utils/page-load')

/**
 * 我要提建议: what to do and where, why; the person reads the 征集须知 and agrees before
 * sending. The backend refuses outside the window or past a few per year, in its own words.
 * Outside the window (the server judges it, on its clock) the page says so and what comes next
 * before she writes anything, with 返回 and no form; a window that closes while she writes is
 * said the same way at 提交, in place of a button that would be refused again.
 */
const SEE_PROJECTS = '征集情况请看“民生实事”页。'
// A year the server no longer lists (or none named): nothing to propose to, and where to look instead.
const CLOSED_FALLBACK = '现在不接受项目建议。' + SEE_PROJECTS
/** What the page says instead of the form when the year does not take proposals now; '' when it does. */
function closedWords(answer, cycleId) {
  const cycle = (answer.items || []).find((c) => c.id === cycleId)
  if (!cycle) return CLOSED_FALLBACK
  return cycle.accepting ? '' : cycle.stageText || CLOSED_FALLBACK
}

// The fields she must fill, in the form's order, by the labels she reads above them.
const REQUIRED = [
  { field: 'title', label: '项目名称' },
  { field: 'description', label: '要办什么事' },
  { field: 'place', label: '在什么地方' },
]

/** Every required field left empty, said at once (as the appraisal's 必答题 are): one tap, not one round trip each. */
function missingWords(d) {
  const missing = REQUIRED.filter((r) => !String(d[r.field] || '').trim()).map((r) => '「' + r.label + '」')
  return missing.length ? '还有没填的：' + missing.join('、') : ''
}

Page(
  Object.assign(photoMethods('service'), {
    data: {
      cycleId: '',
      loading: true,
      loadError: '',
      errorStatus: 0,
      consent: null,
      agreed: false,
      title: '',
      description: '',
      place: '',
      reason: '',
      // One photo of the place (the server takes one), uploaded as soon as it is chosen, as a message's are.
      photos: [],
      maxPhotos: 1,
      error: '',
      sent: false,
      sending: false,
      // Not taking proposals now: what happens instead (the server's words); no form then.
      closed: '',
    },

    onLoad(query) {
      this.service = livelihoodService(request)
      this.setData({ cycleId: query.cycleId || '' })
      return this.load()
    },

    /** The 征集须知 to agree to: without it the form could not be sent, so it is not shown. */
    load() {
      return loadPage(
        this,
        () => this.service.cycles(),
        (answer) => this.setData({ consent: answer.consent, closed: closedWords(answer, this.data.cycleId) }),
      )
    },

    // The red line is about the form as it was at 提交: once she changes it, it no longer tells the truth (it would
    // name fields she has just filled), so it goes; the next 提交 says again what is still missing.
    onTitle(e) {
      this.setData({ title: e.detail.value, error: '' })
    },
    onDescription(e) {
      this.setData({ description: e.detail.value, error: '' })
    },
    onPlace(e) {
      this.setData({ place: e.detail.value, error: '' })
    },
    onReason(e) {
      this.setData({ reason: e.detail.value })
    },
    onAgree(e) {
      this.setData({ agreed: !!e.detail.checked, error: '' })
    },
    upload(path) {
      this.setData({ error: '' })
      return photoMethods('service').upload.call(this, path)
    },

    submit() {
      if (this.data.sending) return
      const missing = missingWords(this.data)
      if (missing) return this.setData({ error: missing })
      if (stillUploading(this.data.photos)) return this.setData({ error: '照片还在上传，请稍等' })
      // A photo that did not arrive is never dropped without a word: she tries again or deletes it.
      const unsent = unsentPhotosText(this.data.photos)
      if (unsent) return this.setData({ error: unsent })
      if (!this.data.agreed) return this.setData({ error: '请先阅读并同意征集须知' })
      this.setData({ sending: true, error: '' })
      const d = this.data
      // One key per proposal, kept on a resend after a lost answer (weak signal): the server records it once.
      if (!this.key) this.key = newIdempotencyKey()
      return this.service
        .propose(
          d.cycleId,
          {
            title: d.title,
            description: d.description,
            place: d.place,
            reason: d.reason,
            photos: uploadedUrls(d.photos),
            consentVersion: d.consent ? d.consent.version : '',
          },
          this.key,
        )
        .then(() => this.setData({ sent: true }))
        .catch((err) => (err.code === 'collection_closed' ? this.closedMeanwhile(err) : this.setData({ error: err.message })))
        .then(() => this.setData({ sending: false }))
    },

    /** The window closed while she wrote: said with what comes next, read again from the server, and the form goes. */
    closedMeanwhile(err) {
      return this.service
        .cycles()
        .then((answer) => closedWords(answer, this.data.cycleId))
        .catch(() => '')
        .then((words) => this.setData({ error: '', closed: words || err.message + '。' + SEE_PROJECTS }))
    },

    back() {
      wx.navigateBack()
    },
  }),
)
