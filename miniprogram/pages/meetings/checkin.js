const { request } = require('../../utils/request')
const { meetingsService } = require('../../services/meetings')
const when = require('../../utils/when')

/**
 * Check-in at the door: the meeting's QR code (scene m=<code>) opens this page with the
 * code; scanning is the intent, so it checks in at once and says so in words.
 */
Page({
  data: { busy: true, done: false, error: '', m: null, canRetry: false },

  onLoad(query) {
    this.code = String(query.code || '').trim()
    this.meetings = meetingsService(request)
    if (!/^[A-Za-z0-9]{8}$/.test(this.code)) return this.setData({ busy: false, error: '没有读到签到码，请重新扫描会场的签到二维码' })
    this.setData({ canRetry: true })
    return this.checkIn()
  },

  checkIn() {
    this.setData({ busy: true, error: '' })
    return this.meetings
      .checkInByCode(this.code)
      .then((m) => this.setData({ done: true, m: Object.assign({}, m, { at: when.dayTime(m.checkedInAt), when: when.dayTime(m.startAt) }) }))
      .catch((err) => this.setData({ error: err.message }))
      .then(() => this.setData({ busy: false }))
  },

  openMeeting() {
    wx.redirectTo({ url: '/pages/meetings/detail?meetingId=' + this.data.m.id })
  },
})
