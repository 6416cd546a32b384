const config = require('../../config')
const { request } = require('../../utils/request')
const { meetingsService } = require('../../services/meetings')
const { openFile, kindOf } = require('../../utils/open-file')
const { phoneApart } = require('../../utils/phone-apart')
const { timeApart } = require('../../utils/time-apart')

/** What tapping an attachment does, said on it. */
const OPEN_WORDS = { image: '看图片', document: '打开', other: '查看' }

/** A file the office uploaded comes as a path on the backend (a signed link): WeChat downloads it from there. */
const absolute = (url) => (/^https?:/.test(url) ? url : config.apiBase + url)

/**
 * The meeting with its times in words and what the deputy may do now, as the backend judges
 * it: answer only while answers are taken (a button the backend would refuse is never shown),
 * and scan the code at the door while check-in is open, whatever they answered.
 */
function view(m) {
  // Once checked in there is nothing left to answer.
  const open = !!m.rsvpOpen && !m.checkedInAt
  const canAttend = open && m.rsvp !== 'attend'
  // Once the meeting has ended the code at the door signs nobody in: what to do instead is said in words (todoText).
  const canScan = !m.checkedInAt && m.phase !== 'ended' && (m.rsvp === 'attend' || !!m.checkInOpen)
  // Once begun, the server says what is true for him and what to do (an older backend: nothing, the lines as before).
  const standing = !m.checkedInAt && !!m.standingText
  return Object.assign({}, m, {
    // As the workbench says a meeting's time, in the server's words: "11月26日（星期四）上午9:30 至 上午11:30".
    when: m.startText + ' 至 ' + m.endText,
    // "已到会，11月26日（星期四）上午9:20签到" for his scan, "已到会（工作人员为您补签）" for staff's (the time they typed it
    // is not when he came); cut so that the date and the time each stay whole on their line.
    cameParts: timeApart(m.cameText || '已到会' + (m.checkedInText ? '，' + m.checkedInText + '签到' : '')),
    // A check-in staff made is said by cameText; a leave they recorded still needs its line.
    staffEntryNotice: m.checkedInAt ? '' : m.staffEntryNotice || '',
    standing: standing,
    // 补签 is asked of the meeting's contact, and only once the meeting has ended with no check-in of his: one tap to
    // call, its words saying what the call is for. Under way the one thing to do is the scan at the door (no call).
    callContact: standing && m.phase === 'ended' && !!m.noCheckIn && !!m.contactPhone ? '打电话请' + (m.contactName || '会务人员') + '补签' : '',
    answered: m.rsvp !== 'pending',
    cancelled: m.status === 'cancelled',
    canAttend: canAttend,
    canLeave: open && m.rsvp !== 'leave',
    canScan: canScan,
    // One obvious action: at the door (check-in open) it is signing in; before, answering.
    primary: canScan && m.checkInOpen ? 'scan' : canAttend ? 'attend' : canScan ? 'scan' : '',
    // The meeting's own contact, as the backend words it; an older backend sends none.
    contactWords: m.contactWords || '请直接联系会议组织人员（人大常委会办公室或您所在联络站的工作人员）',
    // The lines that name a time, cut around it so that each date and time stays whole on its line (time-apart.js).
    whenParts: timeApart(m.startText + ' 至 ' + m.endText),
    standingParts: timeApart(m.standingText),
    // Until when, in the words of his chat notice and his workbench: "请在11月24日（星期二）前（含当日）回复" for a close at
    // 00:00 (not "11月25日（星期三）凌晨0:00", which reads as if Wednesday were still his); an older backend: its moment.
    closesAtParts: timeApart(m.rsvpByText ? '请在' + m.rsvpByText + '回复' : '请在 ' + m.rsvpClosesText + ' 前回复'),
    closedParts: timeApart('回复已于' + (m.rsvpClosedText || m.rsvpClosesText) + '截止。'),
    // The lines that name a phone number, cut around it so that the number stays whole on its line (phone-apart.js).
    todoParts: phoneApart(m.todoText),
    contactParts: phoneApart(m.contactWords || '请直接联系会议组织人员（人大常委会办公室或您所在联络站的工作人员）'),
    attachments: (m.attachments || []).map((a) => Object.assign({}, a, { url: absolute(a.url), openWord: OPEN_WORDS[kindOf(a)] })),
  })
}

/** A refusal or a problem, said under the buttons: a phone number in it (如需请假，请联系王丽（电话 …）) kept whole. */
const said = (words) => ({ error: words, errorParts: phoneApart(words) })

Page({
  data: { loading: true, error: '', errorParts: [], notice: '', m: null, busy: false, leaving: false, reason: '', attachmentNote: '', attachmentLink: '' },

  onLoad(query) {
    this.meetingId = query.meetingId
    this.meetings = meetingsService(request)
    return this.load()
  },

  load() {
    this.setData({ loading: true, error: '', errorStatus: 0 })
    return this.meetings
      .detail(this.meetingId)
      .then((m) => this.setData({ m: view(m) }))
      .catch((err) => {
        // A resident with a public seat opens a change or cancel notice here: their places, with each meeting's state, are on the list page.
        if (err.code === 'not_a_deputy') return wx.redirectTo({ url: '/pages/meetings/index' })
        this.setData({ error: err.message, errorStatus: err.status || 0 })
      })
      .then(() => this.setData({ loading: false }))
  },

  answer(call, done) {
    this.setData({ busy: true, error: '', notice: '' })
    return call()
      .then((m) => this.setData({ m: view(m), notice: done, leaving: false }))
      .catch((err) => this.setData(said(err.message)))
      .then(() => this.setData({ busy: false }))
  },

  attend() {
    return this.answer(() => this.meetings.attend(this.meetingId), '已回复参加，请按时到会')
  },

  startLeave() {
    this.setData({ leaving: true, error: '', notice: '' })
  },

  /** 先不请假: back to the answers, nothing sent. */
  cancelLeave() {
    this.setData({ leaving: false, error: '' })
  },

  /** 附件: opened on the phone, or what went wrong in words (with its link to copy when that helps). */
  openAttachment(e) {
    const file = this.data.m.attachments[e.currentTarget.dataset.index]
    this.setData({ attachmentNote: '正在打开“' + file.name + '”…', attachmentLink: '' })
    return openFile(file)
      .then((opened) => (opened.expired ? this.openAgain(file) : Object.assign({ file: file }, opened)))
      .then((opened) => this.setData({ attachmentNote: opened.problem, attachmentLink: opened.offerLink ? opened.file.url : '' }))
  },

  /**
   * The page was open longer than an uploaded file's link lasts (half an hour): the meeting is
   * fetched again for a fresh link, and the file opened with it, without a second tap.
   */
  openAgain(file) {
    return this.meetings
      .detail(this.meetingId)
      .then((m) => {
        this.setData({ m: view(m) })
        const fresh = this.data.m.attachments.filter((a) => a.name === file.name)[0]
        if (!fresh) return { problem: '这个附件已经撤下了。请联系会议组织人员', offerLink: false, file: file }
        return openFile(fresh).then((opened) => Object.assign({ file: fresh }, opened))
      })
      .catch((err) => ({ problem: err.message, offerLink: false, file: file }))
  },

  copyAttachmentLink() {
    const link = this.data.attachmentLink
    wx.setClipboardData({ data: link, success: () => this.setData({ attachmentNote: '链接已复制，请发到微信聊天里点开', attachmentLink: '' }) })
  },

  onReason(e) {
    this.setData({ reason: e.detail.value })
  },

  leave() {
    const reason = this.data.reason.trim()
    if (!reason) return this.setData(said('请写明请假原因'))
    return this.answer(() => this.meetings.leave(this.meetingId, reason), '已请假')
  },

  /** 补签: the meeting's contact, by phone. */
  callContact() {
    wx.makePhoneCall({ phoneNumber: this.data.m.contactPhone })
  },

  /** At the door: the meeting's QR code carries the check-in code; scanning it opens the check-in page. */
  scan() {
    wx.scanCode({
      onlyFromCamera: true,
      success: (res) => {
        const match = String(res.path || res.result || '').match(/m(?:%3D|=)([A-Za-z0-9]{8})/)
        if (!match) return this.setData(said('这不是会场的签到二维码，请扫描会场张贴的签到码。'))
        wx.navigateTo({ url: '/pages/meetings/checkin?code=' + match[1] })
      },
    })
  },
})
