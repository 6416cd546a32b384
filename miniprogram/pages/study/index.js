const { request } = require('../../utils/request')
const { studyService } = require('../../services/study')
const when = require('../../utils/when')

Page({
  data: { loading: true, error: '', items: [] },

  onShow() {
    return studyService(request)
      .campaigns()
      .then((answer) =>
        this.setData({
          items: answer.items.map((c) => ({
            id: c.id,
            title: c.title,
            phaseLabel: c.phaseLabel,
            until: when.day(c.endsAt),
            progress: c.itemsReached ? '已读 ' + c.itemsRead + ' / ' + c.itemsReached + ' 篇' : '还没有学习材料',
            following: c.following,
          })),
        }),
      )
      .catch((err) => this.setData({ error: err.message }))
      .then(() => this.setData({ loading: false }))
  },

  open(e) {
    wx.navigateTo({ url: '/pages/study/campaign?campaignId=' + e.currentTarget.dataset.id })
  },
})
