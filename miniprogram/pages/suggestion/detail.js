const { request } = require('../../utils/request')
const { suggestionsService } = require('../../services/suggestions')
const { deputyService } = require('../../services/deputy')
const when = require('../../utils/when')
const { dateText } = require('../../utils/words')
const { loadPage } = require('../../utils/page-load')
const { timeApart } = require('../../utils/time-apart')

const OPEN = ['assigned', 'rehandling']

/** The suggestion as this deputy reads it, and the one thing they can do now. */
function viewOf(s, me) {
  // A suggestion runs for months, across a new year too: then every date on it is said with its year (its deadline
  // counts while the page shows it).
  const dueShown = !!(s.assignment && OPEN.indexOf(s.status) >= 0)
  const withYear = when.spansYears(
    [s.cosignUntil, dueShown ? s.assignment.deadline : null].concat(
      s.timeline.map((e) => e.at),
      s.answers.map((a) => a.at),
    ),
  )
  const lead = s.deputy.id === me
  const cosigned = s.coSigners.some((c) => c.deputyId === me)
  // Whom he asked, and whether this deputy is one of them (an older backend sends neither `invitees` nor `cosign`).
  const invitees = s.invitees || []
  const mine = invitees.filter((i) => i.deputyId === me)[0]
  let action = ''
  if (lead && s.status === 'draft') action = 'invite'
  // While colleagues he asked have not answered (or the rule wants more), the state is 等待附议, not a button that ends it.
  else if (lead && s.status === 'cosigning') action = s.cosign && !s.cosign.ready ? 'wait' : 'submit'
  else if (lead && s.status === 'answered') action = 'rate'
  else if (!lead && s.status === 'cosigning') action = cosigned ? 'withdraw' : 'cosign'
  const cosignUntil = s.cosignUntil ? when.spokenMoment(s.cosignUntil, withYear) : ''
  const due = dueShown ? '办理期限 ' + dateText(s.assignment.deadline, withYear) + '，' + s.assignment.dueText : ''
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
    cosignUntil: cosignUntil,
    // The hints that name it, each date and time in them kept whole on its line ("12月2日 周 / 三"), as the meeting
    // pages keep theirs (time-apart.js); 您已附议。/ 您已回复不附议。 before two of them only while no green line says it.
    cosignHints: {
      submit: timeApart('附议截止 ' + cosignUntil + '。提交以后，附议就结束了，建议也不能再修改。'),
      asked: timeApart(s.deputy.name + ' 代表请您附议这件建议，截止 ' + cosignUntil + '。'),
      declined: timeApart('截止 ' + cosignUntil + ' 前，改变主意还可以附议。'),
      withdraw: timeApart('截止 ' + cosignUntil + ' 前可以取消。'),
    },
    // "已有 1 位代表附议。李强还没有回复。…": the server's words; each one asked, with his answer.
    cosignWords: s.cosign ? s.cosign.words : '',
    waitingFor: s.cosign ? s.cosign.waiting : [],
    // Submitting before everyone answered is his choice, asked again in a dialog; never while the rule wants more.
    canSubmitEarly: !!(s.cosign && !s.cosign.missing),
    invitees: invitees.map((i) => i.name + '：' + i.answerLabel),
    invited: !!mine,
    declined: !!(mine && mine.answer === 'declined'),
    promise: s.promise ? s.promise.text : '',
    // "单位承诺2026年12月10日前办完…": its date kept whole on its line (time-apart.js).
    promiseParts: timeApart(s.promise ? s.promise.text : ''),
    // A second rating in the same round: the unit reported the promised work done.
    rateAgain: !!(s.rating && s.rating.round === s.round),
    cases: s.cases.map((c) => c.ticket + ' ' + c.title),
    reason: s.review && s.review.reason && s.status === 'returned' ? s.review.reason : '',
    units: s.assignment ? { lead: s.assignment.leadUnit.name, co: s.assignment.coUnits.map((u) => u.name).join('、') } : null,
    due: due,
    dueParts: timeApart(due),
    overdue: !!(s.assignment && OPEN.indexOf(s.status) >= 0 && /已超期/.test(s.assignment.dueText)),
    answers: answersOf(s, withYear),
    // Said under the answer it rates (answersOf); alone below them only when an older server does not date it.
    rating: s.rating && !s.rating.at ? ratingWords(s.rating) : '',
    action: action,
    timeline: s.timeline.map((e) => {
      const at = when.spokenMoment(e.at, withYear)
      return { text: e.text, who: e.actor.name, when: at, whenParts: timeApart(at + ' ' + e.actor.name) }
    }),
  }
}

/** "基本满意（希望按时办完）", as the timeline says it: after "您的评价：" a second colon read as a third heading. */
const ratingWords = (r) => r.scoreLabel + (r.comment ? '（' + r.comment + '）' : '')

/**
 * The units' answers, oldest first, each headed so that two from the same unit are told apart: after a lead answer of
 * 正在解决或列入计划, the lead unit's next one in that round is its report (办完报告 when 已解决, else 再次答复), not a
 * second "…的答复". His rating sits under the answer it was given to (the lead answer before it), as 您上次的评价 when
 * a later answer of the lead unit waits for his rating: under both, or below them, it read as a rating of the new one.
 */
function answersOf(s, withYear) {
  const rated = s.rating && s.rating.at ? ratedAnswerIndex(s.answers, s.rating.at) : -1
  const lastLead = lastIndexOf(s.answers, (a) => a.role === 'lead')
  const promised = {}
  return s.answers.map((a, i) => {
    const report = a.role === 'lead' && promised[a.round]
    if (a.role === 'lead') promised[a.round] = a.category === 'in_progress'
    const heading = report ? (a.category === 'resolved' ? '的办完报告' : '的再次答复') : '的答复'
    const at = when.spokenMoment(a.at, withYear) + (a.round === 2 ? ' 重新办理后答复' : '')
    return {
      unit: a.unit.name + (a.role === 'lead' ? '（主办）' : '（协办）'),
      heading: heading,
      category: a.categoryLabel || '',
      text: a.text,
      when: at,
      whenParts: timeApart(at),
      rating: i === rated ? (i < lastLead ? '您上次的评价：' : '您的评价：') + ratingWords(s.rating) : '',
    }
  })
}

/** The lead answer a rating given at `at` was of: the last one before it. */
function ratedAnswerIndex(answers, at) {
  const t = Date.parse(at)
  return lastIndexOf(answers, (a) => a.role === 'lead' && Date.parse(a.at) <= t)
}

function lastIndexOf(list, test) {
  for (let i = list.length - 1; i >= 0; i--) if (test(list[i])) return i
  return -1
}

/** What each action did, in words; `s`: the suggestion as it now is (its `office`, by name, reviews it; an older backend does not say). */
const DONE = {
  invite: (s) => {
    const names = (s.invitees || []).map((i) => i.name).join('、')
    return '已开始征集附议' + (names ? '，已通知' + names + '代表' : '') + '，其他代表在“待附议”里也能看到'
  },
  submit: (s) => '已提交，' + (s.office || '人大常委会办公室') + '会尽快审查',
  cosign: () => '您已附议',
  withdraw: () => '已取消附议',
  decline: (s) => '已回复不附议，已告诉' + s.deputy.name + '代表',
}

/**
 * One suggestion: the text, co-signers, units and their answers, the deadline in words, the
 * timeline, and one action at a time: 邀请附议, 提交, 附议 / 取消附议, or 评价 the answer.
 */
Page({
  data: { loading: true, loadError: '', errorStatus: 0, s: null, busy: false, done: '', actionError: '' },

  onLoad(query) {
    this.suggestions = suggestionsService(request)
    this.id = query.suggestionId
  },

  onShow() {
    return this.load()
  },

  load() {
    return loadPage(
      this,
      () => Promise.all([this.suggestions.detail(this.id), this.me()]),
      ([s, me]) => this.setData({ s: viewOf(s, me) }),
    )
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
      // Those he picked by name (cosign-picker); none picked, his stations' colleagues, as before.
      invite: () => this.suggestions.inviteCosigners(this.id, undefined, this.pickedIds),
      submit: () => this.suggestions.submit(this.id),
      cosign: () => this.suggestions.cosign(this.id),
      withdraw: () => this.suggestions.withdrawCosign(this.id),
    }[action]
    if (call) return this.run(action, call)
  },

  /** cosign-picker's choice: whom 邀请附议 will ask, said above the button by name. */
  onPicked(e) {
    this.pickedIds = e.detail.deputyIds
    this.setData({ picked: e.detail.names.join('、') })
  },

  /** One action at a time: its answer is the suggestion as it now is, and DONE[action] says what it did. */
  run(action, call) {
    if (this.data.busy) return
    this.setData({ busy: true, actionError: '', done: '' })
    return call()
      .then((s) => this.setData({ s: viewOf(s, this.deputyId), done: DONE[action](s) }))
      .catch((err) => this.setData({ actionError: err.message }))
      .then(() => this.setData({ busy: false }))
  },

  /** 不附议: only for a deputy the lead asked by name; he may still co-sign later, before the close. */
  decline() {
    return this.run('decline', () => this.suggestions.declineCosign(this.id))
  },

  /**
   * 不等了，现在提交: submitting ends co-signing, so he is asked once more, told who has not answered yet; 再等等
   * leaves everything as it was.
   */
  submitEarly() {
    if (this.data.busy) return
    const waiting = this.data.s.waitingFor
    const who = waiting.length ? waiting.join('、') + '还没有回复附议邀请。' : ''
    return new Promise((resolve) =>
      wx.showModal({
        title: '现在就提交吗？',
        content: who + '现在提交，附议就结束了，其他代表不能再附议，建议也不能再修改。',
        confirmText: '现在提交',
        cancelText: '再等等',
        success: (res) => resolve(res.confirm ? this.submitNow() : undefined),
        fail: () => resolve(),
      }),
    )
  },

  /** From a draft, the lead may also submit at once, without asking for co-signers. */
  submitNow() {
    return this.run('submit', () => this.suggestions.submit(this.id))
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
