const { request } = require('../../utils/request')
const { meetingsService } = require('../../services/meetings')
const when = require('../../utils/when')

Page({
  data: { loading: true, error: '', items: [] },

  onShow() {
    const meetings = meetingsService(request)
    return meetings
      .list()
      .then((answer) =>
        this.setData({
          items: answer.items.map((m) => ({
            id: m.id, title: m.title, kindLabel: m.kindLabel, place: m.place, when: when.dayTime(m.startAt),
            answer: m.status === 'cancelled' ? '会议已取消' : m.checkedInAt ? '已签到' : m.rsvp === 'pending' ? '还未回复是否参加' : '已回复：' + m.rsvpLabel,
          })),
        }),
      )
      .catch((err) => this.setData({ error: err.message }))
      .then(() => this.setData({ loading: false }))
  },

  open(e) {
    wx.navigateTo({ url: '/pages/meetings/detail?meetingId=' + e.currentTarget.dataset.id })
  },
})
