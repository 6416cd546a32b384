const { request } = require('../../utils/request')
const { meetingsService } = require('../../services/meetings')

/**
 * 公民旁听: a resident takes one of the public places of a meeting, with their name; one who has
 * a place already (the server says it: m.registration) reads it, with no form.
 */
Page({
  data: { loading: true, error: '', m: null, name: '', busy: false, registered: false },

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
      .then((m) => this.setData({ m: Object.assign({}, m, { when: m.startText + ' 至 ' + m.endText }) }))
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
    this.setData({ busy: true, error: '' })
    // 您已报名旁听此会议: she took the place since the page was read (on her other phone, say); loading it again says
    // her place instead of the refusal. (A stale sign-in no longer hides it: request.js signs in again first.)
    return this.meetings
      .registerPublic(this.meetingId, name)
      .then(() => this.setData({ registered: true }))
      .then(() => this.load())
      .catch((err) => (err.code === 'already_registered' ? this.load() : this.setData({ error: err.message })))
      .then(() => this.setData({ busy: false }))
  },
})
