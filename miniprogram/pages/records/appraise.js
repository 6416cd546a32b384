const { request } = require('../../utils/request')
const { recordsService } = require('../../services/records')
const { visible, isBlank } = require('../../utils/survey-conditions')

/** A resident rates a deputy's yearly report: names their community (only the deputy's area takes part), answers once. */
Page({
  data: { loading: true, error: '', s: null, communities: [], regionId: '', questions: [], answers: {}, busy: false, doneText: '' },

  onLoad(query) {
    this.records = recordsService(request)
    this.surveyId = query.surveyId
    return this.load()
  },

  load() {
    this.setData({ loading: true, error: '', errorStatus: 0 })
    return this.records
      .openAppraisal(this.surveyId)
      .then((s) => {
        this.survey = s
        this.setData({
          s: { title: s.title, description: s.description, open: s.phase === 'open' },
          communities: s.communities,
          doneText: s.responded ? '您已经评议过了，每人限一次。谢谢！' : '',
        })
        // Answers already given on the ordinary survey page (its poster) are kept.
        const carried = wx.getStorageSync('appraisal.answers')
        wx.removeStorageSync('appraisal.answers')
        this.show(carried && carried.surveyId === this.surveyId ? carried.answers : {})
      })
      .catch((err) => this.setData({ error: err.message, errorStatus: err.status || 0 }))
      .then(() => this.setData({ loading: false }))
  },

  show(answers) {
    const { shown } = visible(this.survey.questions, answers)
    this.setData({ answers: answers, questions: shown.map((q, i) => ({ id: q.id, q: q, number: i + 1 })) })
  },

  pickCommunity(e) {
    this.setData({ regionId: e.currentTarget.dataset.id })
  },

  onAnswer(e) {
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
    this.setData({ busy: true, error: '' })
    return this.records
      .answerAppraisal(this.surveyId, this.data.regionId, send)
      .then(() => this.setData({ doneText: '评议已提交，谢谢您的参与' }))
      .catch((err) => this.setData({ error: err.message }))
      .then(() => this.setData({ busy: false }))
  },
})
