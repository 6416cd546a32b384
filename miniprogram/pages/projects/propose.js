const { request, newIdempotencyKey } = require('../../utils/request')
const { livelihoodService } = require('../../services/livelihood')

/**
 * 我要提建议: what to do and where, why; the person reads the 征集须知 and agrees before
 * sending. The backend refuses outside the window or past a few per year, in its own words.
 */
Page({
  data: {
    cycleId: '',
    loading: true,
    loadError: '',
    consent: null,
    agreed: false,
    title: '',
    description: '',
    place: '',
    reason: '',
    error: '',
    sent: false,
    sending: false,
  },

  onLoad(query) {
    this.service = livelihoodService(request)
    this.setData({ cycleId: query.cycleId || '' })
    return this.load()
  },

  /** The 征集须知 to agree to: without it the form could not be sent, so it is not shown. */
  load() {
    this.setData({ loading: true, loadError: '', errorStatus: 0 })
    return this.service
      .cycles()
      .then((answer) => this.setData({ consent: answer.consent }))
      .catch((err) => this.setData({ loadError: err.message, errorStatus: err.status || 0 }))
      .then(() => this.setData({ loading: false }))
  },

  onTitle(e) {
    this.setData({ title: e.detail.value })
  },
  onDescription(e) {
    this.setData({ description: e.detail.value })
  },
  onPlace(e) {
    this.setData({ place: e.detail.value })
  },
  onReason(e) {
    this.setData({ reason: e.detail.value })
  },
  onAgree(e) {
    this.setData({ agreed: !!e.detail.checked })
  },

  submit() {
    if (!this.data.agreed) return this.setData({ error: '请先阅读并同意征集须知' })
    if (this.data.sending) return
    this.setData({ sending: true, error: '' })
    const d = this.data
    // One key per proposal, kept on a resend after a lost answer (weak signal): the server records it once.
    if (!this.key) this.key = newIdempotencyKey()
    return this.service
      .propose(
        d.cycleId,
        { title: d.title, description: d.description, place: d.place, reason: d.reason, consentVersion: d.consent ? d.consent.version : '' },
        this.key,
      )
      .then(() => this.setData({ sent: true }))
      .catch((err) => this.setData({ error: err.message }))
      .then(() => this.setData({ sending: false }))
  },

  back() {
    wx.navigateBack()
  },
})
