const { request } = require('../../utils/request')
const { suggestionsService } = require('../../services/suggestions')
const { deputyService } = require('../../services/deputy')
const when = require('../../utils/when')
const { dateText } = require('../../utils/words')

const OPEN = ['assigned', 'rehandling']

/** The suggestion as this deputy reads it, and the one thing they can do now. */
function viewOf(s, me) {
  const lead = s.deputy.id === me
  const cosigned = s.coSigners.some((c) => c.deputyId === me)
  let action = ''
  if (lead && s.status === 'draft') action = 'invite'
  else if (lead && s.status === 'cosigning') action = 'submit'
  else if (lead && s.status === 'answered') action = 'rate'
  else if (!lead && s.status === 'cosigning') action = cosigned ? 'withdraw' : 'cosign'
  return {
    id: s.id,
    title: s.title,
    number: s.number,
    body: s.body,
    statusLabel: s.statusLabel,
    lead: s.deputy.name,
    isLead: lead,
    photos: s.attachments.map((a) => a.url),
    coSigners: s.coSigners.map((c) => c.name).join('、'),
    cosignUntil: s.cosignUntil ? when.dayTime(s.cosignUntil) : '',
    cases: s.cases.map((c) => c.ticket + ' ' + c.title),
    reason: s.review && s.review.reason && s.status === 'returned' ? s.review.reason : '',
    units: s.assignment ? { lead: s.assignment.leadUnit.name, co: s.assignment.coUnits.map((u) => u.name).join('、') } : null,
    due: s.assignment && OPEN.indexOf(s.status) >= 0 ? '办理期限 ' + dateText(s.assignment.deadline) + '，' + s.assignment.dueText : '',
    overdue: !!(s.assignment && OPEN.indexOf(s.status) >= 0 && /已超期/.test(s.assignment.dueText)),
    answers: s.answers.map((a) => ({
      unit: a.unit.name + (a.role === 'lead' ? '（主办）' : '（协办）'),
      category: a.categoryLabel || '',
      text: a.text,
      when: when.dayTime(a.at) + (a.round === 2 ? ' 重新办理后答复' : ''),
    })),
    rating: s.rating ? s.rating.scoreLabel + (s.rating.comment ? '：' + s.rating.comment : '') : '',
    action: action,
    timeline: s.timeline.map((e) => ({ text: e.text, who: e.actor.name, when: when.dayTime(e.at) })),
  }
}

const DONE = {
  invite: '已开始征集附议，其他代表在“待附议”里能看到',
  submit: '已提交，人大常委会办公室会尽快审查',
  cosign: '您已附议',
  withdraw: '已取消附议',
}

/**
 * One suggestion: the text, co-signers, units and their answers, the deadline in words, the
 * timeline, and one action at a time: 邀请附议, 提交, 附议 / 取消附议, or 评价 the answer.
 */
Page({
  data: { loading: true, error: '', s: null, busy: false, done: '', actionError: '' },

  onLoad(query) {
    this.suggestions = suggestionsService(request)
    this.id = query.suggestionId
  },

  onShow() {
    return this.load()
  },

  load() {
    this.setData({ loading: true, error: '', errorStatus: 0 })
    return Promise.all([this.suggestions.detail(this.id), this.me()])
      .then(([s, me]) => this.setData({ s: viewOf(s, me) }))
      .catch((err) => this.setData({ error: err.message, errorStatus: err.status || 0 }))
      .then(() => this.setData({ loading: false }))
  },

  me() {
    if (this.deputyId) return Promise.resolve(this.deputyId)
    return deputyService(request)
      .me()
      .then((me) => (this.deputyId = me.deputy ? me.deputy.id : null))
  },

  act() {
    const action = this.data.s.action
    if (action === 'rate') return wx.navigateTo({ url: '/pages/suggestion/rate?suggestionId=' + this.id })
    const call = {
      invite: () => this.suggestions.inviteCosigners(this.id),
      submit: () => this.suggestions.submit(this.id),
      cosign: () => this.suggestions.cosign(this.id),
      withdraw: () => this.suggestions.withdrawCosign(this.id),
    }[action]
    if (!call || this.data.busy) return
    this.setData({ busy: true, actionError: '', done: '' })
    return call()
      .then((s) => this.setData({ s: viewOf(s, this.deputyId), done: DONE[action] }))
      .catch((err) => this.setData({ actionError: err.message }))
      .then(() => this.setData({ busy: false }))
  },

  /** From a draft, the lead may also submit at once, without asking for co-signers. */
  submitNow() {
    if (this.data.busy) return
    this.setData({ busy: true, actionError: '', done: '' })
    return this.suggestions
      .submit(this.id)
      .then((s) => this.setData({ s: viewOf(s, this.deputyId), done: DONE.submit }))
      .catch((err) => this.setData({ actionError: err.message }))
      .then(() => this.setData({ busy: false }))
  },

  preview(e) {
    wx.previewImage({ urls: this.data.s.photos, current: e.currentTarget.dataset.url })
  },

  /** 邀请附议 by sharing: the card opens this suggestion for the deputy who taps it. */
  onShareAppMessage() {
    const s = this.data.s
    return { title: '请附议：' + (s ? s.title : '代表建议'), path: '/pages/suggestion/detail?suggestionId=' + this.id }
  },
})
