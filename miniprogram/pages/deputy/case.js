const { request } = require('../../utils/request')
const { deputyService } = require('../../services/deputy')
const when = require('../../utils/when')
const { NOT_FOUND, sentence, handedOn, notHisMethods } = require('./not-his')
const { timeApart } = require('../../utils/time-apart')
const { askToSendAnswer, askToForward, residentReadsForwarded } = require('./final-words')

/** What the deputy may do with a case in each state (the backend decides; this only offers it). */
const CAN = {
  acknowledge: ['assigned', 'reopened'],
  reply: ['assigned', 'acknowledged', 'forwarded', 'reopened'],
  forward: ['acknowledged'],
  transfer: ['assigned', 'acknowledged', 'reopened'],
  // The backend gives the whole number while the message is open with the deputy.
  call: ['submitted', 'assigned', 'acknowledged', 'forwarded', 'reopened', 'replied'],
}

// Each step headed by its moment as the server says one ("11月23日（星期一）上午10:05 已受理"), kept whole on its line.
const dated = (timeline, withYear) => timeline.map((e) => Object.assign({}, e, { headParts: timeApart(when.spokenMoment(e.at, withYear) + ' ' + e.label) }))

function view(c) {
  const can = {}
  Object.keys(CAN).forEach((k) => (can[k] = CAN[k].indexOf(c.status) >= 0))
  can.call = can.call && Boolean(c.phoneMasked)
  // Written last year and read in this one: every moment on the page with its year (spansYears), as her page says them.
  const withYear = when.spansYears([c.createdAt].concat(c.timeline.map((e) => e.at)))
  return {
    c: Object.assign({}, c, {
      // When she wrote it, under its topic (a line of its own in the page).
      createdParts: timeApart(when.spokenMoment(c.createdAt, withYear)),
      standingParts: timeApart(c.standing || c.statusLabel),
      replyByLineParts: timeApart(c.replyByLine),
      timeline: dated(c.timeline, withYear),
      // 请于…受理, 请于…答复: the date and the time each kept whole on the line ("11月24 / 日"), as the meeting pages do.
      acknowledgeByParts: timeApart(c.acknowledgeByText),
      replyByParts: timeApart(c.replyByText),
    }),
    can: can,
  }
}

/** The message page; its calm view once the message is no longer his (showNotHis, takenFromHim, …) is not-his.js's. */
const page = {
  data: {
    loading: true,
    error: '',
    // What his last tap did and where the page stands now, in words, said in the card of the
    // button he tapped (doneAt): success words at the top of the page were out of his sight.
    done: '',
    doneAt: '',
    c: null,
    can: {},
    busy: false,
    replyText: '',
    // He has written an answer: 发送答复 is then the filled button, 受理 the plain one.
    replyTyped: false,
    more: '',
    department: '',
    // What the resident will read with the department she typed, shown under the box as she types it.
    residentReads: '',
    forwardNote: '',
    transferReason: '',
    // Who is to take the message over: '' nothing chosen yet, 'station' back to the station (which
    // assigns it), else a colleague's code. Nothing is chosen for him: 转交他人 promised a person.
    transferTo: '',
    // Where a message handed back goes, by name (its station, or the office): the first choice.
    backTo: '',
    colleagues: [],
    colleaguesNote: '',
    colleaguesFailed: false,
    // Which form's words the error is: shown beside that form's own button, where his eyes are.
    errorAt: '',
    fullPhone: '',
    // Opened after the message was taken from him (an old notice): where it went, said calmly in
    // place of the message, with the way back to 我的待办; not an error with 再试一次. Also for a link
    // to no message (NOT_FOUND).
    notHis: '',
    // He handed it on himself: it is in 我转出的留言, which a quiet link opens (where each went, who has it now).
    handedOnLink: false,
    // What he had typed when the message was taken from him under his fingers (a refused 答复,
    // 转交 or 交办): it reached nobody, so it stays on the calm view with 复制, to pass on.
    keptText: '',
    copied: '',
  },

  onLoad(query) {
    this.caseId = query.caseId
    this.deputies = deputyService(request)
    this.load()
  },

  load() {
    this.setData({ loading: true, error: '', notHis: '' })
    return this.deputies
      .caseDetail(this.caseId)
      .then((c) => this.setData(view(c)))
      .catch((err) => {
        if (err.code === 'case_not_his') return this.showNotHis(err)
        if (err.status === 400 || err.status === 404) return this.setData({ notHis: NOT_FOUND })
        return this.setData({ error: err.message, errorStatus: err.status || 0 })
      })
      .then(() => this.setData({ loading: false }))
  },

  /**
   * Runs one action. Done, a short toast says so where he is looking and the card of the button
   * he tapped says where the message stands now (`done`: words, or words made from the answer);
   * refused, the backend's words show by that button (`at`). `shown(answer)`: what the page shows
   * now, when the answer is not the case (the case, else).
   */
  run(call, done, toast, at, shown) {
    if (this.data.busy) return Promise.resolve()
    this.setData({ busy: true, error: '', errorAt: '', done: '', doneAt: '' })
    return call()
      .then((result) => {
        const words = typeof done === 'function' ? done(result) : done
        const page = shown ? shown(result) : result && result.timeline ? view(result) : {}
        this.setData(Object.assign({ done: words, doneAt: at, more: '' }, page))
        wx.showToast({ title: toast, icon: 'success' })
      })
      .catch((err) => this.refused(err, at))
      .then(() => this.setData({ busy: false }))
  },

  /**
   * A tap the backend refused. Refused because the message was taken from him while the page was
   * open (a 409 in the words of the move, or case_not_his): the page turns to the calm view it shows
   * when opened after the move, keeping what he typed; every other refusal is said by its button.
   * A 409 does not say which it was, so the message is read again: the read says case_not_his then.
   */
  refused(err, at) {
    if (err.code === 'case_not_his') return this.takenFromHim(err, at)
    if (err.status !== 409) return this.setData({ error: err.message, errorAt: at })
    return this.deputies.caseDetail(this.caseId).then(
      () => this.setData({ error: err.message, errorAt: at }),
      (again) => (again.code === 'case_not_his' ? this.takenFromHim(again, at) : this.setData({ error: err.message, errorAt: at })),
    )
  },

  /** A problem with what he filled in, said beside the button of that form. */
  refuse(message, at) {
    this.setData({ error: message, errorAt: at, done: '', doneAt: '' })
  },

  onInput(e) {
    const field = e.currentTarget.dataset.field
    const typed = { [field]: e.detail.value }
    if (field === 'replyText') typed.replyTyped = Boolean(String(e.detail.value || '').trim())
    if (field === 'department') {
      const department = String(e.detail.value || '').trim()
      typed.residentReads = department ? residentReadsForwarded(department) : ''
    }
    this.setData(typed)
  },

  acknowledge() {
    return this.run(
      () => this.deputies.acknowledge(this.caseId),
      // The day to answer by is in the line at the top (standing): said there once, here only what comes next.
      (c) =>
        c.standing ? '已受理。办好了，请在下面答复群众。' : '已受理。' + (c.replyByText ? '请于' + c.replyByText + '答复群众。' : '请在期限内答复群众。'),
      '已受理',
      'acknowledge',
    )
  },

  reply() {
    const text = this.data.replyText.trim()
    if (!text) return this.refuse('请先写好答复内容', 'reply')
    if (this.data.busy) return Promise.resolve()
    // Final and rated once sent: asked first, by its first words; 再改改 leaves the box as it is.
    return askToSendAnswer(text, this.data.c.text).then((send) => {
      if (!send) return undefined
      // The answer leaves the box only once it is sent: a dropped connection must not lose it.
      // The status above says it now waits for her rating: this line says only that the answer went.
      return this.run(() => this.deputies.reply(this.caseId, text), '答复已发送给群众。', '答复已发送', 'reply').then(() => {
        if (!this.data.error) this.setData({ replyText: '', replyTyped: false })
      })
    })
  },

  /** 打电话: the whole number (each read is audited by the backend), shown and dialled. */
  callResident() {
    if (this.data.busy) return Promise.resolve()
    this.setData({ busy: true, error: '', errorAt: '' })
    return this.deputies
      .casePhone(this.caseId)
      .then((answer) => {
        if (!answer.phone) return this.setData({ error: '这条留言没有留电话', errorAt: 'call' })
        this.setData({ fullPhone: answer.phone })
        wx.makePhoneCall({ phoneNumber: answer.phone, fail: () => undefined })
      })
      .catch((err) => (err.code === 'case_not_his' ? this.takenFromHim(err, 'call') : this.setData({ error: err.message, errorAt: 'call' })))
      .then(() => this.setData({ busy: false }))
  },

  showMore(e) {
    const form = this.data.more === e.currentTarget.dataset.form ? '' : e.currentTarget.dataset.form
    this.setData({ more: form, error: '', errorAt: '' })
    if (form === 'transfer' && !this.data.backTo) return this.loadColleagues()
    return undefined
  },

  /**
   * 转给谁, from the backend: the same rule 转交 keeps, so every colleague offered takes it.
   * By name: nobody knows a colleague's 代表编号.
   */
  loadColleagues() {
    this.setData({ colleaguesNote: '正在取本站代表的名单…', colleaguesFailed: false })
    return this.deputies
      .transferOptions(this.caseId)
      .then((options) => {
        const back = options.choices[0]
        const colleagues = options.choices.slice(1).map((d) => ({
          code: d.deputyCode,
          name: d.name,
          label: d.name + ' 代表',
          detail: d.levelLabel + ' · ' + d.stationName,
        }))
        const alone = !colleagues.length
        this.setData({
          backTo: back.name,
          colleagues: colleagues,
          colleaguesNote: alone ? '没有别的代表可以转交，请交回' + back.name + '，由工作人员分派。' : '',
          // The one choice there is, as the line above tells him; with colleagues, he picks.
          transferTo: alone ? 'station' : this.data.transferTo,
        })
      })
      .catch((err) => this.setData({ colleaguesNote: '没能取到本站代表的名单：' + err.message, colleaguesFailed: true }))
  },

  pickColleague(e) {
    this.setData({ transferTo: e.currentTarget.dataset.code })
  },

  forward() {
    const department = this.data.department.trim()
    if (!department) return this.refuse('请写明交给哪个部门', 'forward')
    if (this.data.busy) return Promise.resolve()
    // The resident reads the name as typed ("城管吧"): she sees her sentence first and may correct the name.
    return askToForward(department).then((go) =>
      go
        ? this.run(
            () => this.deputies.forward(this.caseId, department, this.data.forwardNote.trim()),
            '已交给' + department + '办理。部门办好了，请在上面答复群众。',
            '已交给部门',
            'forward',
          )
        : undefined,
    )
  },

  transfer() {
    const chosen = this.data.transferTo
    const to = this.data.colleagues.find((d) => d.code === chosen)
    // Never the station by default: a colleague no longer on the list is no choice either.
    if (chosen !== 'station' && !to) return this.refuse('请选择转给谁', 'transfer')
    const reason = this.data.transferReason.trim()
    if (!reason) return this.refuse('请写明转交的原因', 'transfer')
    // The answer says where it went by name ("这条留言已转给王芳代表办理，您不用再处理") and brings the timeline.
    return this.run(
      () => this.deputies.transfer(this.caseId, reason, to ? to.code : ''),
      (moved) => sentence(moved.handedOnText || '这条留言已转交，您不用再处理'),
      '已转交',
      'transfer',
      // An older backend answered without the timeline: the one shown stays.
      (moved) => handedOn(this.data.c, moved.timeline ? dated(moved.timeline) : this.data.c.timeline),
    )
  },
}

Page(Object.assign({}, notHisMethods, page))
