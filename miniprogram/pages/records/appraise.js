const { request, newIdempotencyKey } = require('../../utils/request')
const { recordsService } = require('../../services/records')
const { visible, isBlank } = require('../../utils/survey-conditions')
const { loadPage } = require('../../utils/page-load')

/** Rated already (before, or on another phone). */
const ALREADY = '您已经打过分了，每人只能打一次。谢谢！'

/** Not open: over (with the day it ended, as a quiz says it) or not begun yet (with the day it begins). */
function stateWords(s) {
  if (s.phase === 'closed') return '这次评议' + (s.closedText || '已经结束') + '，谢谢关注'
  if (s.phase === 'scheduled') return s.opensText ? '这次评议' + s.opensText + '开始，到时请再来评议' : '这次评议还没有开始'
  return ''
}

/** A resident rates a deputy's yearly report: names their community (only the deputy's area takes part), answers once. */
Page({
  data: {
    loading: true,
    loadError: '',
    errorStatus: 0,
    error: '',
    s: null,
    communities: [],
    regionId: '',
    questions: [],
    answers: {},
    busy: false,
    doneText: '',
  },

  onLoad(query) {
    this.records = recordsService(request)
    this.surveyId = query.surveyId
    return this.load()
  },

  load() {
    this.setData({ error: '' })
    return loadPage(this, () => this.records.openAppraisal(this.surveyId), this.showAppraisal)
  },

  showAppraisal(s) {
    this.survey = s
    this.setData({
      // notForYou: a deputy (he does not rate a colleague, nor himself), said instead of the form.
      // The invitation (请先看看…再打分) only while she may rate; otherwise which it is, over or not yet, with its day.
      // yearWord: 今年 (or "2026年"), for 先看看代表今年做了什么.
      s: {
        title: s.title,
        description: s.description,
        open: s.phase === 'open',
        notForYou: s.notForYou || '',
        stateText: stateWords(s),
        yearWord: s.yearWord || '今年',
      },
      communities: s.communities,
      doneText: s.responded ? ALREADY : '',
    })
    // Answers already given on the ordinary survey page (its poster) are kept.
    const carried = wx.getStorageSync('appraisal.answers')
    wx.removeStorageSync('appraisal.answers')
    this.show(carried && carried.surveyId === this.surveyId ? carried.answers : {})
  },

  show(answers) {
    const { shown } = visible(this.survey.questions, answers)
    this.setData({ answers: answers, questions: shown.map((q, i) => ({ id: q.id, q: q, number: i + 1 })) })
  },

  /** 先看看代表今年做了什么: the yearly report she is asked to judge, opened over this page; back, her answers are as she left them. */
  readReport() {
    wx.navigateTo({ url: '/pages/records/annual?surveyId=' + this.surveyId })
  },

  pickCommunity(e) {
    // Another community is another answer: a resend keeps its key only while what she sends is what she first sent.
    if (e.currentTarget.dataset.id !== this.data.regionId) this.sendKey = null
    this.setData({ regionId: e.currentTarget.dataset.id })
  },

  onAnswer(e) {
    this.sendKey = null
    const next = Object.assign({}, this.data.answers)
    if (e.detail.value === null) delete next[e.detail.questionId]
    else next[e.detail.questionId] = e.detail.value
    this.show(next)
  },

  submit() {
    if (!this.data.regionId) return this.setData({ error: '请先选择您居住的社区' })
    const { shown, send } = visible(this.survey.questions, this.data.answers)
    const missing = shown.filter((q) => q.required && isBlank(send[q.id]))
    if (missing.length) return this.setData({ error: '还有必答题没有回答：' + missing.map((q) => '「' + q.title + '」').join('、') })
    if (this.data.busy) return undefined
    this.setData({ busy: true, error: '' })
    // One key per answer, kept on every resend of it: after a lost reply the second tap is the same request,
    // and the server answers it as it answered the first, counting it once.
    if (!this.sendKey) this.sendKey = newIdempotencyKey()
    return this.records
      .answerAppraisal(this.surveyId, this.data.regionId, send, this.sendKey)
      .then(() => this.setData({ doneText: '评议已送出，谢谢您的参与' }))
      .catch((err) => {
        // Stored already: by the tap whose reply was lost (then changed since), or on another phone. What she did
        // counted: said as done, never in red beside her answers.
        if (err.code === 'already_responded' || err.code === 'idempotency_key_reused')
          return this.setData({
            doneText: this.lostOnce ? '刚才那次评议已经送出了（当时网络不通，没能告诉您）。每人只能打一次，谢谢' : ALREADY,
          })
        // No reply at all (no signal): it may have arrived; a resend of the same answer says which.
        if (err.code === 'network' || err.status >= 500) this.lostOnce = true
        return this.setData({ error: err.message })
      })
      .then(() => this.setData({ busy: false }))
  },
})
