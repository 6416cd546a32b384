const { request } = require('../../utils/request')
const { deputyService } = require('../../services/deputy')
const when = require('../../utils/when')

/** What the deputy may do with a case in each state (the backend decides; this only offers it). */
const CAN = {
  acknowledge: ['assigned', 'reopened'],
  reply: ['assigned', 'acknowledged', 'forwarded', 'reopened'],
  forward: ['acknowledged'],
  transfer: ['assigned', 'acknowledged', 'reopened'],
  // The backend gives the whole number while the message is open with the deputy.
  call: ['submitted', 'assigned', 'acknowledged', 'forwarded', 'reopened', 'replied'],
}

function view(c) {
  const can = {}
  Object.keys(CAN).forEach((k) => (can[k] = CAN[k].indexOf(c.status) >= 0))
  can.call = can.call && Boolean(c.phoneMasked)
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
    fullPhone: '',
  },

  onLoad(query) {
    this.caseId = query.caseId
    this.deputies = deputyService(request)
    this.load()
  },

  load() {
    this.setData({ loading: true, error: '' })
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
    // The answer leaves the box only once it is sent: a dropped connection must not lose it.
    return this.run(() => this.deputies.reply(this.caseId, text), '答复已发送给群众').then(() => {
      if (!this.data.error) this.setData({ replyText: '' })
    })
  },

  /** 打电话: the whole number (each read is audited by the backend), shown and dialled. */
  callResident() {
    if (this.data.busy) return Promise.resolve()
    this.setData({ busy: true, error: '' })
    return this.deputies
      .casePhone(this.caseId)
      .then((answer) => {
        if (!answer.phone) return this.setData({ error: '这条留言没有留电话' })
        this.setData({ fullPhone: answer.phone })
        wx.makePhoneCall({ phoneNumber: answer.phone, fail: () => undefined })
      })
      .catch((err) => this.setData({ error: err.message }))
      .then(() => this.setData({ busy: false }))
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
