const { request } = require('../../utils/request')
const { recordsService } = require('../../services/records')

/** A question and its tally on one line: a question that ends in ？ is followed by its answer, not by a ： too. */
const answerLine = (title, tally) => (/[？?]$/.test(title) ? title + ' ' + tally : title + '：' + tally)

/** Why the results are held back: not yet closed, or (closed) too few raters to keep them unnamed. */
const sealedLine = (phase) =>
  phase === 'scheduled'
    ? '评议还没有开始，结束后可以看到结果'
    : phase === 'closed'
      ? '参加评议的人数少于 5 人，为保护评议人，不显示各项结果'
      : '评议进行中，结束后可以看到结果'

/**
 * 述职评议 results: seen by the deputy and the office only. While it is open the server gives him the count alone
 * (不记名: he never watches a rating arrive), and the page says when he will see the rest; closed with under 5 raters,
 * the count alone again, and why.
 */
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
            sealed: a.sealed ? sealedLine(a.phase) : '',
            answers: a.questions
              .filter((q) => q.average !== null || q.options.length)
              .map((q) =>
                answerLine(q.title, q.average !== null ? '平均 ' + q.average + ' 分' : q.options.map((o) => o.label + ' ' + o.count + ' 人').join('，')),
              ),
          })),
        }),
      )
      .catch((err) => this.setData({ error: err.message, errorStatus: err.status || 0 }))
      .then(() => this.setData({ loading: false }))
  },
})
