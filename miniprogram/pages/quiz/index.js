const { request } = require('../../utils/request')
const { quizzesService } = require('../../services/quizzes')
const { attemptsWords, deadlineWords } = require('../../utils/quiz-words')
const { timeApart } = require('../../utils/time-apart')
const { loadPage } = require('../../utils/page-load')

/**
 * Her score in words: the best of the papers handed in in time; papers only late were not scored
 * (she was told 不计分), so they are said as such, never "最好成绩 0 分".
 */
function myScoreWords(q) {
  if (q.bestScore !== null) return '最好成绩 ' + q.bestScore + ' 分'
  if (q.lateNotCounted) return '这次超时没有计分'
  return '还没有答过'
}

Page({
  data: { loading: true, loadError: '', errorStatus: 0, items: [] },

  onShow() {
    return this.load()
  },

  load() {
    return loadPage(this, () => quizzesService(request).list(), this.show)
  },

  show(answer) {
    this.setData({
      items: answer.items.map((q) => ({
        id: q.id,
        title: q.title,
        // Once ended, 已于…结束 below says it alone (已结束 above it said 结束 twice), as a questionnaire's page does.
        phaseLabel: q.phase === 'closed' ? '' : q.phaseLabel,
        // Its state on a line ("进行中") and until when on the next ("请在12月1日（星期二）下午5:00前答题", each date and
        // time kept whole on its line, time-apart.js): on one line the deadline broke wherever the state left it room.
        deadlineParts: timeApart(deadlineWords(q)),
        rule: q.drawCount + ' 题，限时 ' + Math.round(q.timeLimitSeconds / 60) + ' 分钟',
        mine: myScoreWords(q),
        // An ended one she took part in stays listed a while: what is there to see (her answers only if a paper counted);
        // just after the close a paper handed in within the grace may still count, so no 最终排名 yet.
        left:
          q.phase === 'closed'
            ? !q.boardFinal
              ? '已结束，成绩统计中'
              : q.lastAttemptId
                ? '已结束，可以看我的答题和最终排名'
                : '已结束，可以看最终排名'
            : q.openAttemptId
              ? '有一次答题未交卷'
              : attemptsWords(q),
      })),
    })
  },

  open(e) {
    wx.navigateTo({ url: '/pages/quiz/take?quizId=' + e.currentTarget.dataset.id })
  },
})
