const { request } = require('../../utils/request')
const { deputyService } = require('../../services/deputy')
const { dateText, spansYears } = require('../../utils/words')
const { loadPage } = require('../../utils/page-load')

/**
 * 暂停接收留言, his own: for the days he is away (外出学习, 生病住院, 家里有事) he pauses new messages himself,
 * changes the dates, or ends it early. The backend keeps it as the station's own mark (routing gives him nothing
 * new on those days; what he holds stays his) and tells his station. Dates are picked from the server's today.
 */
Page({
  data: {
    loading: true,
    loadError: '',
    errorStatus: 0,
    // The mark as the backend has it ({ from, until, reason, note, now, bySelf, text, askStation }), or null. One his
    // station set is theirs: the page says whom to ask (askStation) instead of offering to change or end it.
    away: null,
    today: '',
    reasons: [],
    // The form: dates as YYYY-MM-DD for the pickers, and as he reads them; nothing chosen for him but the first day.
    from: '',
    fromText: '',
    until: '',
    untilText: '',
    reason: '',
    note: '',
    error: '',
    busy: false,
    // What his last tap did, in words, where he tapped.
    done: '',
    // His own pause stands and he asked to change its days (修改暂停的日子): the form shows; else it stays folded.
    editing: false,
  },

  onLoad() {
    this.deputies = deputyService(request)
    return this.load()
  },

  load() {
    return loadPage(this, () => this.deputies.away(), this.show)
  },

  /** The backend's answer: the mark, and a form holding it (to change), or today onwards (to set one). */
  show(a) {
    const mark = a.away
    this.setData({
      away: mark,
      today: a.today,
      reasons: a.reasons,
      reason: mark ? mark.reason : '',
      // Only his own words: a note staff wrote on their mark is theirs, never put in his form to be saved as his.
      note: (mark && mark.bySelf && mark.note) || '',
      error: '',
      // Saved or read again: the state in words and 恢复接收新留言, the form folded until he asks for it.
      editing: false,
    })
    this.pickDates(mark ? mark.from : a.today, mark ? mark.until : '')
  },

  /**
   * A refusal of his tap, where he tapped. 409: the mark changed since the page read it (the station set or changed
   * it): the page reads it again, so he sees what stands now, and the words say why nothing was done. A refusal
   * because the station set it is said by the page itself then (askStation), not twice.
   */
  refused(err) {
    if (err.status !== 409) return this.setData({ error: err.message })
    return this.load().then(() => this.setData({ error: err.code === 'set_by_station' ? '' : err.message }))
  },

  pickDates(from, until) {
    // A last day before the first is no period: he picks it again.
    const last = until && until >= from ? until : ''
    // Days picked from the server's today: each with its year once they reach into another year than today's.
    const withYear = spansYears([this.data.today, from, last])
    this.setData({ from: from, fromText: dateText(from, withYear), until: last, untilText: last ? dateText(last, withYear) : '' })
  },

  /** 修改暂停的日子: the form, holding his pause, to change the days or the reason. */
  edit() {
    this.setData({ editing: true, done: '', error: '' })
  },

  onFrom(e) {
    this.pickDates(e.detail.value, this.data.until)
    this.setData({ error: '', done: '' })
  },

  onUntil(e) {
    this.pickDates(this.data.from, e.detail.value)
    this.setData({ error: '', done: '' })
  },

  pickReason(e) {
    this.setData({ reason: e.currentTarget.dataset.value, error: '', done: '' })
  },

  onNote(e) {
    this.setData({ note: e.detail.value })
  },

  save() {
    if (!this.data.until) return this.setData({ error: '请选择到哪天为止' })
    if (!this.data.reason) return this.setData({ error: '请选择原因' })
    const mark = { from: this.data.from, until: this.data.until, reason: this.data.reason }
    if (this.data.note.trim()) mark.note = this.data.note.trim()
    this.setData({ busy: true, error: '', done: '' })
    return this.deputies
      .setAway(mark)
      .then((a) => {
        this.show(a)
        this.setData({ done: '已保存。群众写给您的新留言这几天会交给联络站安排，联络站工作人员也会收到通知。' })
      })
      .catch((err) => this.refused(err))
      .then(() => this.setData({ busy: false }))
  },

  /** 提前结束: from today new messages come to him again (one not started is dropped). */
  end() {
    this.setData({ busy: true, error: '', done: '' })
    return this.deputies
      .endAway()
      .then((a) => {
        this.show(a)
        this.setData({ done: '已恢复接收新留言，群众的新留言会照常交给您。联络站工作人员也会收到通知。' })
      })
      .catch((err) => this.refused(err))
      .then(() => this.setData({ busy: false }))
  },

  backToTasks() {
    wx.navigateBack({ fail: () => wx.redirectTo({ url: '/pages/deputy/index' }) })
  },
})
