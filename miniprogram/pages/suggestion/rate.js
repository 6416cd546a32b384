const { request } = require('../../utils/request')
const { suggestionsService } = require('../../services/suggestions')
const { loadPage } = require('../../utils/page-load')
const { timeApart } = require('../../utils/time-apart')

const SCORES = [
  { value: 'satisfied', label: '满意' },
  { value: 'basically_satisfied', label: '基本满意' },
  { value: 'dissatisfied', label: '不满意' },
]

/**
 * What his rating did: sent back once (重新办理); kept open for a promise (正在解决或列入计划: the server's words say until
 * when, and that he will rate again); else closed.
 */
function doneWords(s) {
  if (s.status === 'rehandling') return '已退回承办单位重新办理，办好后会再次答复您'
  if (s.status === 'following') return '评价已提交。' + ((s.promise && s.promise.text) || '单位报告办完后，请您再评价一次。')
  return '评价已提交，这件建议已办结。谢谢您！'
}

/** The words, and their pieces: "…单位承诺2027年6月30日前办完。…" keeps its date whole on its line (time-apart.js). */
function doneLine(s) {
  const done = doneWords(s)
  return { done: done, doneParts: timeApart(done) }
}

/**
 * 评价: three big buttons, one tap to choose, one to send. What 不满意 does is said before it
 * is chosen: the first time it sends the suggestion back to the units once more.
 */
Page({
  data: {
    scores: SCORES,
    score: '',
    comment: '',
    round: 1,
    title: '',
    loading: true,
    loadError: '',
    errorStatus: 0,
    busy: false,
    error: '',
    done: '',
    doneParts: [],
  },

  onLoad(query) {
    this.suggestions = suggestionsService(request)
    this.id = query.suggestionId
    return this.load()
  },

  /** What 不满意 does depends on the round: without the suggestion the page cannot say it, so it asks for nothing. */
  load() {
    return loadPage(
      this,
      () => this.suggestions.detail(this.id),
      (s) => this.setData({ title: s.title, round: s.round }),
    )
  },

  choose(e) {
    this.setData({ score: e.currentTarget.dataset.score, error: '' })
  },

  onComment(e) {
    this.setData({ comment: e.detail.value })
  },

  send() {
    if (this.data.busy) return
    if (!this.data.score) return this.setData({ error: '请先选择满意、基本满意或不满意' })
    this.setData({ busy: true, error: '' })
    return this.suggestions
      .rate(this.id, this.data.score, this.data.comment.trim())
      .then((s) => this.setData(doneLine(s)))
      .catch((err) => this.setData({ error: err.message }))
      .then(() => this.setData({ busy: false }))
  },

  back() {
    wx.navigateBack({ fail: () => wx.redirectTo({ url: '/pages/suggestion/detail?suggestionId=' + this.id }) })
  },
})
