const { request } = require('../../utils/request')
const { meetingsService } = require('../../services/meetings')

/** The meeting as the page shows it: its time on one line. */
const shown = (m) => Object.assign({}, m, { when: m.startText + ' 至 ' + m.endText })

/**
 * 公民旁听: a resident takes one of the public places of a meeting, with their name; one who has
 * a place already (the server says it: m.registration) reads it, with no form, and may give it
 * back (不去了) for someone else to take.
 */
Page({
  data: { loading: true, error: '', m: null, name: '', busy: false, registered: false, cancelled: false },

  onLoad(query) {
    this.meetingId = query.meetingId
    this.meetings = meetingsService(request)
    return this.load()
  },

  /** The meeting; once it is on the screen, loading it again (after registering) leaves it there. */
  load() {
    if (!this.data.m) this.setData({ loading: true, error: '', errorStatus: 0 })
    return this.meetings
      .publicMeeting(this.meetingId)
      .then((m) => this.setData({ m: shown(m) }))
      .catch((err) => this.setData({ error: err.message, errorStatus: err.status || 0 }))
      .then(() => this.setData({ loading: false }))
  },

  /** Back where she came from (the meetings list); opened from a notice with nothing behind, to the list. */
  back() {
    wx.navigateBack({ fail: () => wx.redirectTo({ url: '/pages/meetings/index' }) })
  },

  onName(e) {
    this.setData({ name: e.detail.value })
  },

  register() {
    const name = this.data.name.trim()
    if (!name) return this.setData({ error: '请填写您的姓名，入场时核对' })
    this.setData({ busy: true, error: '', cancelled: false })
    // 您已报名旁听此会议: she took the place since the page was read (on her other phone, say); loading it again says
    // her place instead of the refusal. (A stale sign-in no longer hides it: request.js signs in again first.)
    return this.meetings
      .registerPublic(this.meetingId, name)
      .then(() => this.setData({ registered: true }))
      .then(() => this.load())
      .catch((err) => (err.code === 'already_registered' ? this.load() : this.setData({ error: err.message })))
      .then(() => this.setData({ busy: false }))
  },

  /** 不去了: asked first, saying what it does (the seat goes to someone else, and may be gone when she comes back). */
  cancel() {
    return new Promise((resolve) =>
      wx.showModal({
        title: '取消旁听报名',
        content: '取消后座位会让给别人。以后想去，还有空位时可以再报名。',
        confirmText: '取消报名',
        cancelText: '还要去',
        success: (res) => resolve(res.confirm ? this.cancelNow() : undefined),
        fail: () => resolve(),
      }),
    )
  },

  cancelNow() {
    this.setData({ busy: true, error: '' })
    // The answer is the meeting as she now reads it: not signed up, with the seats left (hers among them).
    return this.meetings
      .cancelPublic(this.meetingId)
      .then((m) => this.setData({ m: shown(m), registered: false, cancelled: true, name: '' }))
      .catch((err) => this.setData({ error: err.message }))
      .then(() => this.setData({ busy: false }))
  },
})
