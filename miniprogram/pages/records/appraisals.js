const { request } = require('../../utils/request')
const { recordsService } = require('../../services/records')

/** 述职评议 results: seen by the deputy and the office only. */
Page({
  data: { loading: true, error: '', items: [] },

  onLoad() {
    return this.load()
  },

  load() {
    this.setData({ loading: true, error: '', errorStatus: 0 })
    return recordsService(request)
      .appraisals()
      .then((res) =>
        this.setData({
          items: res.items.map((a) => ({
            id: a.surveyId,
            title: a.title,
            state: a.phaseLabel + ' · ' + a.responses + ' 位群众参加评议',
            answers: a.questions
              .filter((q) => q.average !== null || q.options.length)
              .map(
                (q) => q.title + '：' + (q.average !== null ? '平均 ' + q.average + ' 分' : q.options.map((o) => o.label + ' ' + o.count + ' 人').join('，')),
              ),
          })),
        }),
      )
      .catch((err) => this.setData({ error: err.message, errorStatus: err.status || 0 }))
      .then(() => this.setData({ loading: false }))
  },
})
