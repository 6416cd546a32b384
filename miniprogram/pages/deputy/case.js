const { request } = require('../../utils/request')
const { deputyService } = require('../../services/deputy')
const when = require('../../utils/when')

/** What the deputy may do with a case in each state (the backend decides; this only offers it). */
const CAN = {
  acknowledge: ['assigned', 'reopened'],
  reply: ['assigned', 'acknowledged', 'forwarded', 'reopened'],
  forward: ['acknowledged'],
  transfer: ['assigned', 'acknowledged', 'reopened'],
}

function view(c) {
  const can = {}
  Object.keys(CAN).forEach((k) => (can[k] = CAN[k].indexOf(c.status) >= 0))
  return {
    c: Object.assign({}, c, {
      createdText: when.dayTime(c.createdAt),
      timeline: c.timeline.map((e) => Object.assign({}, e, { atText: when.dayTime(e.at) })),
    }),
    can: can,
  }
}

Page({
  data: {
    loading: true,
    error: '',
    notice: '',
    c: null,
    can: {},
    busy: false,
    replyText: '',
    more: '',
    department: '',
    forwardNote: '',
    transferReason: '',
    transferCode: '',
  },

  onLoad(query) {
    this.caseId = query.caseId
    this.deputies = deputyService(request)
    this.load()
  },

  load() {
    return this.deputies
      .caseDetail(this.caseId)
      .then((c) => this.setData(view(c)))
      .catch((err) => this.setData({ error: err.message }))
      .then(() => this.setData({ loading: false }))
  },

  /** Runs one action; shows the backend's words when it refuses. */
  run(call, done) {
    if (this.data.busy) return Promise.resolve()
    this.setData({ busy: true, error: '', notice: '' })
    return call()
      .then((result) => this.setData(Object.assign({ notice: done, more: '' }, result && result.timeline ? view(result) : {})))
      .catch((err) => this.setData({ error: err.message }))
      .then(() => this.setData({ busy: false }))
  },

  onInput(e) {
    this.setData({ [e.currentTarget.dataset.field]: e.detail.value })
  },

  acknowledge() {
    return this.run(() => this.deputies.acknowledge(this.caseId), '已受理，请在期限内答复群众')
  },

  reply() {
    const text = this.data.replyText.trim()
    if (!text) return this.setData({ error: '请先写好答复内容' })
    return this.run(() => this.deputies.reply(this.caseId, text), '答复已发送给群众').then(() => this.setData({ replyText: '' }))
  },

  showMore(e) {
    this.setData({ more: this.data.more === e.currentTarget.dataset.form ? '' : e.currentTarget.dataset.form, error: '' })
  },

  forward() {
    const department = this.data.department.trim()
    if (!department) return this.setData({ error: '请写明交办的部门' })
    return this.run(() => this.deputies.forward(this.caseId, department, this.data.forwardNote.trim()), '已交办给' + department)
  },

  transfer() {
    const reason = this.data.transferReason.trim()
    if (!reason) return this.setData({ error: '请写明转交的原因' })
    return this.run(
      () => this.deputies.transfer(this.caseId, reason, this.data.transferCode.trim()).then(() => ({ transferred: true })),
      '已转交，这条留言不再由您办理',
    ).then(() => {
      if (!this.data.error) this.setData({ can: {} })
    })
  },
})
