const { request } = require('../../utils/request')
const { meetingsService } = require('../../services/meetings')
const when = require('../../utils/when')
const { phoneApart } = require('../../utils/phone-apart')
const { timeApart } = require('../../utils/time-apart')

/** A refusal cut around its phone numbers and its dates and times, each kept whole on its line ("上午 / 11:30结束"). */
const refusalParts = (words) => phoneApart(words).reduce((parts, p) => parts.concat(p.phone ? [p] : timeApart(p.text)), [])

// A resident (or a deputy not yet bound) scanning the door code: what helps at the door is the staff there.
const NOT_A_DEPUTY = '签到是给参会的人大代表用的。代表请先在“我的”里用绑定码绑定代表身份；如果您是来参会的，请找会场的会务工作人员。'

/** The meeting a refusal names (an invitee's refusals carry it), or ''. */
const meetingOf = (err) => {
  const d = (err.details || []).find((x) => x.path === 'meetingId')
  return d ? d.message : ''
}

/**
 * Check-in at the door: the meeting's QR code (scene m=<code>) opens this page with the
 * code; scanning is the intent, so it checks in at once and says so in words.
 * A second scan (the queue at the door, or unsure it worked) is not a failure: it shows the
 * check-in that stands. A refusal says what is true now and offers what can help: 再试一次 only
 * when the network or the server failed (trying again may work); otherwise 查看会议详情 when the
 * meeting is his, and 返回首页.
 */
Page({
  data: { busy: true, done: false, already: false, error: '', errorParts: [], callNumber: '', m: null, canRetry: false, meetingId: '', notADeputy: false },

  onLoad(query) {
    this.code = String(query.code || '').trim()
    this.meetings = meetingsService(request)
    if (!/^[A-Za-z0-9]{8}$/.test(this.code)) {
      const words = '没有读到签到码，请重新扫描会场的签到二维码。'
      return this.setData({ busy: false, error: words, errorParts: refusalParts(words) })
    }
    return this.checkIn()
  },

  checkIn() {
    this.setData({ busy: true, error: '', canRetry: false, notADeputy: false })
    return this.meetings
      .checkInByCode(this.code)
      .then((m) => this.setData({ done: true, m: shown(m) }))
      .catch((err) => (err.code === 'already_checked_in' ? this.showAlready(meetingOf(err)) : this.refused(err)))
      .then(() => this.setData({ busy: false }))
  },

  /** Checked in before: the same card as a fresh check-in, headed 您已签到（上午8:40）. */
  showAlready(meetingId) {
    this.setData({ already: true, meetingId: meetingId })
    if (!meetingId) return undefined
    return this.meetings
      .detail(meetingId)
      .then((m) => this.setData({ m: shown(m) }))
      .catch(() => {}) // the headline stands without the meeting's lines
  },

  refused(err) {
    const retryable = !err.status || err.status >= 500 || err.status === 429
    const words = err.code === 'not_a_deputy' ? NOT_A_DEPUTY : err.message
    const parts = refusalParts(words)
    // Closed after the end, he stands at a door whose staff have gone: the number the words name for a 补签 is the
    // one button to press (as 打电话请…补签 on the meeting page), not only words to copy.
    const number = err.code === 'check_in_closed' ? parts.find((p) => p.phone) : null
    this.setData({
      error: words,
      // 签到已关闭…请联系孙丽（电话 0375-2661234）为您补签: the number kept whole on its line (phone-apart.js), and
      // each date and time (time-apart.js).
      errorParts: parts,
      callNumber: number ? number.text : '',
      canRetry: retryable,
      meetingId: retryable ? '' : meetingOf(err),
      notADeputy: err.code === 'not_a_deputy',
    })
  },

  callForLateCheckIn() {
    wx.makePhoneCall({ phoneNumber: this.data.callNumber })
  },

  openMeeting() {
    wx.redirectTo({ url: '/pages/meetings/detail?meetingId=' + ((this.data.m && this.data.m.id) || this.data.meetingId) })
  },

  home() {
    wx.reLaunch({ url: '/pages/index/index' })
  },
})

/**
 * The meeting as the card says it: when, as the meeting page says it ("11月26日（星期四）上午9:30 至 上午11:30", the
 * server's words), and when he signed in said the same way just below it ("11月26日（星期四）上午8:40"; the heading of a
 * second scan "上午8:40"), each cut so that a date or a time stays whole on its line (time-apart.js).
 */
function shown(m) {
  const at = when.spokenMoment(m.checkedInAt, when.spansYears([m.checkedInAt]))
  return Object.assign({}, m, { atParts: timeApart(at), atClock: when.spokenClock(m.checkedInAt), whenParts: timeApart(m.startText + ' 至 ' + m.endText) })
}
