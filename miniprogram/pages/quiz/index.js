const { request } = require('../../utils/request')
const { quizzesService } = require('../../services/quizzes')

Page({
  data: { loading: true, error: '', errorStatus: 0, items: [] },

  onShow() {
    return this.load()
  },

  load() {
    this.setData({ loading: true, error: '', errorStatus: 0 })
    return quizzesService(request)
      .list()
      .then((answer) =>
        this.setData({
          items: answer.items.map((q) => ({
            id: q.id,
            title: q.title,
            phaseLabel: q.phaseLabel,
            deadline: q.phase === 'closed' ? '答题时间是' + q.closesText : '请在' + q.closesText + '答题',
            rule: q.drawCount + ' 题，限时 ' + Math.round(q.timeLimitSeconds / 60) + ' 分钟',
            mine: q.bestScore === null ? '还没有答过' : '最好成绩 ' + q.bestScore + ' 分',
            // An ended one she took part in stays listed a while: what is there to see.
            left: q.phase === 'closed' ? '已结束，可以看我的答题和最终排名' : q.openAttemptId ? '有一次答题未交卷' : '还可答 ' + q.attemptsLeft + ' 次',
          })),
        }),
      )
      .catch((err) => this.setData({ error: err.message, errorStatus: err.status || 0 }))
      .then(() => this.setData({ loading: false }))
  },

  open(e) {
    wx.navigateTo({ url: '/pages/quiz/take?quizId=' + e.currentTarget.dataset.id })
  },
})
