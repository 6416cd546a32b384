const { request } = require('../../utils/request')
const { meetingsService } = require('../../services/meetings')
const { loadPage } = require('../../utils/page-load')
const { timeApart } = require('../../utils/time-apart')

/** "常委会会议 · 12月8日（星期二）上午9:00" cut around its date and time, each kept whole on its line (time-apart.js). */
const metaParts = (m) => timeApart(m.kindLabel + ' · ' + m.startText)

/**
 * A deputy's meetings with their answer in words; for everyone, the meetings that take the public (公民旁听).
 * Each time as the server says it (startText: "11月26日（星期四）上午9:30", with the year when not this year's).
 */
function invitationView(m) {
  return {
    id: m.id,
    title: m.title,
    kindLabel: m.kindLabel,
    place: m.place,
    when: m.startText,
    metaParts: metaParts(m),
    answer:
      m.status === 'cancelled'
        ? '会议已取消'
        : m.checkedInAt
          ? m.checkedInVia === 'staff'
            ? // First that he counts as present, then how: the server's words, as his meeting page says them.
              m.cameText || '已到会（工作人员为您补签）'
            : '已到会'
          : m.phase === 'ended'
            ? endedAnswer(m)
            : m.phase === 'under_way' && m.standingText
              ? m.standingText
              : m.rsvp !== 'pending'
                ? '已回复：' + m.rsvpLabel
                : m.rsvpOpen
                  ? '还未回复是否参加'
                  : '未回复，回复已截止',
    // Red only for what he still has to do (还未回复, no check-in once begun); an answer given (已回复：参加/请假), a
    // check-in, an ended meeting with nothing to do are not: one answer keeps one colour whatever the time.
    done: m.status !== 'cancelled' && (!!m.checkedInAt || (m.phase === 'ended' ? !m.noCheckIn : !m.noCheckIn && m.rsvp !== 'pending')),
  }
}

/** An ended meeting he did not sign in to: on leave, or no check-in and where the page says how to ask for 补签. */
function endedAnswer(m) {
  if (m.rsvp === 'leave') return '已请假'
  return m.noCheckIn ? '没有您的签到记录，点开看怎么补签' : '会议已结束'
}

/**
 * A meeting she may attend, and what tapping its card does, said on it (a card with no word of it was
 * not known to open anything): sign up while seats are left, else look at the meeting. One she holds a
 * place at is not here: it is in 我报名旁听的会议 above, once (a seat of hers is never "已满" to her).
 */
function publicView(m) {
  return {
    id: m.id,
    title: m.title,
    kindLabel: m.kindLabel,
    place: m.place,
    when: m.startText,
    metaParts: metaParts(m),
    seats: m.seatsLeft > 0 ? '旁听席位还剩 ' + m.seatsLeft + ' 个' : '旁听席位已满',
    go: m.seatsLeft > 0 ? '点这里报名旁听 ›' : '点这里查看会议 ›',
  }
}

/**
 * A public seat the resident took, with the meeting as it is now: a cancelled one says so. One still on opens its
 * page, where she reads her place and may give it back (不去了); a cancelled one has no page to open.
 */
function registrationView(r) {
  const cancelled = r.status === 'cancelled'
  return {
    go: cancelled ? '' : '点这里查看，去不了可以取消报名 ›',
    id: r.meetingId,
    title: r.title,
    kindLabel: r.kindLabel,
    place: r.place,
    when: r.startText,
    metaParts: metaParts(r),
    state: cancelled ? '会议已取消，不用到场' + (r.cancelReason ? '（' + r.cancelReason + '）' : '') : '已报名旁听（' + r.name + '），请带好身份证提前到场',
  }
}

Page({
  data: { loading: true, loadError: '', errorStatus: 0, deputy: false, items: [], ended: [], open: [], mine: [] },

  onShow() {
    return this.load()
  },

  load() {
    const meetings = meetingsService(request)
    // Who is asking decides whether there are invitations to read: a resident has none.
    const read = () =>
      meetings.me().then((me) =>
        Promise.all([me.deputy ? meetings.list() : { items: [] }, meetings.publicMeetings(), meetings.myRegistrations()]).then(([invited, open, mine]) => ({
          deputy: !!me.deputy,
          invited,
          open,
          mine,
        })),
      )
    return loadPage(this, read, this.show)
  },

  /** A deputy's invitations, the meetings open to the public, and the seats this person has taken, each in words. */
  show({ deputy, invited, open, mine }) {
    // Meetings that ended lately stay a few days, latest first, apart from those ahead (an older backend sends none).
    const ended = invited.items.filter((m) => m.phase === 'ended')
    this.setData({
      deputy: deputy,
      items: invited.items.filter((m) => m.phase !== 'ended').map(invitationView),
      ended: ended.reverse().map(invitationView),
      open: open.items.filter((m) => !mine.items.some((r) => r.meetingId === m.id)).map(publicView),
      mine: mine.items.map(registrationView),
    })
  },

  open(e) {
    wx.navigateTo({ url: '/pages/meetings/detail?meetingId=' + e.currentTarget.dataset.id })
  },

  openPublic(e) {
    if (!e.currentTarget.dataset.id) return
    wx.navigateTo({ url: '/pages/meetings/public?meetingId=' + e.currentTarget.dataset.id })
  },
})
