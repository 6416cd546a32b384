const { request } = require('../../utils/request')
const { recordsService } = require('../../services/records')
const { loadPage } = require('../../utils/page-load')

/** A question and its tally on one line: a question that ends in ？ is followed by its answer, not by a ： too. */
const answerLine = (title, tally) => (/[？?]$/.test(title) ? title + ' ' + tally : title + '：' + tally)

// Short labels for the 述职评议's own questions: they were put to the residents (您对…), and it is he who reads them.
const SHORT_LABELS = { overall: '总体评价', verdict: '对述职报告' }

/** A question's tally: an average to one place with its scale ("平均 4.3 分（满分 5 分）"), or each option's count. */
function tally(q) {
  if (q.average !== null) return '平均 ' + Math.round(q.average * 10) / 10 + ' 分（满分 ' + (q.scale || 5) + ' 分）'
  return q.options.map((o) => o.label + ' ' + o.count + ' 人').join('，')
}

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
  data: { loading: true, loadError: '', errorStatus: 0, items: [] },

  onLoad() {
    return this.load()
  },

  load() {
    return loadPage(this, () => recordsService(request).appraisals(), this.show)
  },

  show(res) {
    this.setData({
      items: res.items.map((a) => ({
        id: a.surveyId,
        title: a.title,
        state: [a.phaseLabel, a.responses + ' 位群众参加评议', a.whenText].filter(Boolean).join(' · '),
        sealed: a.sealed ? sealedLine(a.phase) : '',
        answers: a.questions
          .filter((q) => q.average !== null || q.options.length)
          .map((q) => (SHORT_LABELS[q.id] ? SHORT_LABELS[q.id] + '：' + tally(q) : answerLine(q.title, tally(q)))),
        // The written answers are not tallied here: said, so he does not wonder where they went.
        writtenNote: a.questions.some((q) => q.average === null && !q.options.length) ? '群众写的意见和建议这里不显示，由联络站工作人员查看' : '',
      })),
    })
  },
})
