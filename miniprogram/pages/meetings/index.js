const { request } = require('../../utils/request')
const { meetingsService } = require('../../services/meetings')
const when = require('../../utils/when')

/** A deputy's meetings with their answer in words; for everyone, the meetings that take the public (公民旁听). */
function invitationView(m) {
  return {
    id: m.id,
    title: m.title,
    kindLabel: m.kindLabel,
    place: m.place,
    when: when.dayTime(m.startAt),
    answer: m.status === 'cancelled' ? '会议已取消' : m.checkedInAt ? '已签到' : m.rsvp === 'pending' ? '还未回复是否参加' : '已回复：' + m.rsvpLabel,
  }
}

function publicView(m) {
  return {
    id: m.id,
    title: m.title,
    kindLabel: m.kindLabel,
    place: m.place,
    when: when.dayTime(m.startAt),
    seats: m.seatsLeft > 0 ? '旁听席位还剩 ' + m.seatsLeft + ' 个' : '旁听席位已满',
  }
}

Page({
  data: { loading: true, error: '', deputy: false, items: [], open: [] },

  onShow() {
    const meetings = meetingsService(request)
    return meetings
      .me()
      .then((me) => {
        const deputy = !!me.deputy
        return Promise.all([deputy ? meetings.list() : { items: [] }, meetings.publicMeetings()]).then(([mine, open]) =>
          this.setData({ deputy: deputy, items: mine.items.map(invitationView), open: open.items.map(publicView) }),
        )
      })
      .catch((err) => this.setData({ error: err.message }))
      .then(() => this.setData({ loading: false }))
  },

  open(e) {
    wx.navigateTo({ url: '/pages/meetings/detail?meetingId=' + e.currentTarget.dataset.id })
  },

  openPublic(e) {
    wx.navigateTo({ url: '/pages/meetings/public?meetingId=' + e.currentTarget.dataset.id })
  },
})
