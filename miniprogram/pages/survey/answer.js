const { request, newIdempotencyKey } = require('../../utils/request')
const { surveysService } = require('../../services/surveys')
const { subscribeNotices } = require('../../utils/subscribe-notices')
const { visible, ordered } = require('../../utils/survey-conditions')
const { numbering, missingWords, unanswered } = require('../../utils/survey-numbering')
const { keepDraft, restoreDraft, forgetDraft } = require('./answer-draft')
const { STALE_REFUSALS, sentSign, receivedWords, shownSummary } = require('./answer-replies')
const {
  SUBMIT_WORDS,
  TITLES,
  DEADLINE_VERBS,
  NOT_YET_WORDS,
  CLOSED_WORDS,
  DONE_WORDS,
  NOT_TAKEN_WORDS,
  answeredWords,
  NAMED_WORDS,
  CONSENT_WORDS,
  CONSENT_AT_SUBMIT_WORDS,
  metaLines,
} = require('../../utils/survey-answer-words')

/**
 * A ballot she cannot vote in (not on its roll, or over): its candidates as a plain list, never its 「请从…选出」
 * instruction; and when its words send her to 民生实事, a button that goes there.
 */
function notHersBallot(s) {
  const notHers = s.kind === 'ballot' && (s.askedOthers || s.phase === 'closed') && !s.ballotResult
  if (!notHers) return { hideIntro: s.kind === 'ballot' && s.phase === 'closed', candidates: [], toProjects: false }
  const candidates = []
  s.questions.forEach((q) => (q.options || []).forEach((o) => candidates.push({ id: o.id, label: o.label })))
  return { hideIntro: true, candidates: candidates, toProjects: !!s.askedOthersText && s.askedOthersText.indexOf('民生实事') >= 0 }
}

/** The labels of the options chosen in the shown choice questions, in the order they are listed. */
function chosenLabels(shown, send) {
  const labels = []
  shown.forEach((q) => {
    const picked = Array.isArray(send[q.id]) ? send[q.id] : [send[q.id]]
    const options = q.options || []
    options.forEach((o) => {
      if (picked.indexOf(o.id) >= 0) labels.push(o.label)
    })
  })
  return labels
}

/**
 * A questionnaire, a consultation (the draft's articles, a comment box under each) or a
 * ballot (the candidate projects, "选 M 至 N 项"). Opened by id from 我的待办 or a
 * notification, or by the code of a poster (scene v=).
 */
Page({
  data: {
    loading: true,
    canLoad: false,
    error: '',
    problems: [],
    s: null,
    questions: [],
    articles: [],
    answers: {},
    busy: false,
    doneText: '',
    namedText: '',
    // A named one she may answer and has not agreed to the privacy notice for: the notice first, then the questions.
    consent: false,
    consentWords: '',
    submitWords: '',
    // A named consultation: her own opinions with what became of them, and the published 采纳情况.
    mine: [],
    summary: null,
    // Her draft, kept on the phone, changed or over while she was away: said above the questions.
    draftNote: '',
    // Her tap was refused as the page was out of date (over, full, not hers): read again, with 回到首页.
    stopped: false,
    // Full (the page still reads as open): said in place of the questions.
    stoppedText: '',
  },

  onLoad(query) {
    this.ref = query.surveyId || String(query.code || '').toUpperCase()
    this.via = query.via || null
    this.surveys = surveysService(request)
    this.notices = subscribeNotices(request)
    this.comments = {}
    if (!this.ref) return this.setData({ loading: false, error: '没有读到问卷，请重新扫描海报上的二维码' })
    return this.load()
  },

  load() {
    this.setData({ loading: true, canLoad: true, error: '', errorStatus: 0, stopped: false, stoppedText: '' })
    return this.surveys
      .open(this.ref)
      .then((s) => {
        // A 述职评议's poster: its own page asks her community and offers 先看述职报告 before she rates. Still 正在加载
        // here while it opens, not an empty page offering 再试一次.
        if (s.appraisal) {
          this.leaving = true
          return wx.redirectTo({
            url: '/pages/records/appraise?surveyId=' + s.id,
            fail: () => {
              this.leaving = false
              this.setData({ loading: false, error: '没能打开述职评议，请再试一次' })
            },
          })
        }
        this.survey = s
        // What it is, in the bar at the top: a consultation is never called a 问卷 there either.
        wx.setNavigationBarTitle({ title: TITLES[s.kind] || '问卷' })
        this.questions = ordered(s.questions)
        this.numbering = numbering(this.questions)
        this.missing = []
        // What she chose and wrote before she left, as far as it still answers what is asked.
        const draft = restoreDraft(s)
        this.comments = draft.comments
        if (s.phase === 'open' && !s.responded) keepDraft(s, draft.answers, draft.comments)
        this.setData({
          s: Object.assign({}, s, {
            // Once over, when it ended ("已于…结束"), never a "…前" that reads as if it were still open.
            deadline: s.phase === 'closed' ? s.closedText || '' : '请在' + s.closesText + DEADLINE_VERBS[s.kind],
            open: s.phase === 'open',
            // Its date and time each kept whole on its line ("晚上 / 6:00前填写" broke; time-apart.js).
            metaLines: metaLines(s),
            // One it never asked (a resident and a closed ballot) reads that it was not hers, and where its outcome is:
            // "不能再投票" would say she could have voted; nor, before it opens, "…起可以填写" what she will not be asked.
            stateText:
              (s.askedOthers && s.askedOthersText) ||
              (s.phase === 'scheduled' ? '还没有开始，' + s.opensText + ' ' + NOT_YET_WORDS[s.kind] : CLOSED_WORDS[s.kind]),
          }),
          articles: s.articles.map((a) => ({ id: a.id, number: a.number, text: a.text, comment: draft.comments[a.id] || '' })),
          draftNote: draft.note,
          submitWords: SUBMIT_WORDS[s.kind],
          // Once it is over, 投后不能更改 is nothing he can act on: that he voted is enough.
          doneText: s.responded ? answeredWords(s) : '',
          namedText: s.anonymous ? '' : NAMED_WORDS[s.kind] || '',
          consent: Boolean(s.consentNeeded) && s.phase === 'open' && !s.responded && !s.askedOthers,
          consentWords: CONSENT_WORDS[s.kind] || '',
        })
        this.setData(notHersBallot(s))
        this.show(draft.answers)
        if (s.kind !== 'consultation') return undefined
        // Only a named one can tell her the outcome: an anonymous opinion keeps no writer.
        if (!s.anonymous) this.loadTemplates()
        return this.loadMine()
        return undefined
      })
      .catch((err) => this.setData({ error: err.message, errorStatus: err.status || 0 }))
      .then(() => this.leaving || this.setData({ loading: false }))
  },

  /**
   * Her opinions and their outcome (采纳、部分采纳、未采纳 with the reason), and the 采纳情况 once
   * published. Read quietly: the page's own words stand if this cannot be read.
   */
  loadMine() {
    return this.surveys
      .myOpinions(this.survey.id)
      .then((r) => {
        this.setData({ mine: r.items })
        if (!r.outcomePublished) return undefined
        return this.surveys.outcome(this.survey.id).then((summary) => this.setData({ summary: shownSummary(summary) }))
      })
      .catch(() => undefined)
  },

  /**
   * The notice that tells her the outcome is asked for at her tap on 提交意见 (WeChat opens its
   * question only from a tap, never after a request the tap waited for): fetched as the page opens.
   */
  loadTemplates() {
    return this.notices.load()
  },

  /** Asks WeChat for the outcome notice inside her tap, then goes on whatever she answers. */
  askNotice() {
    return new Promise((resolve) => this.notices.ask(() => resolve()) || resolve())
  },

  show(answers) {
    const { shown } = visible(this.questions, answers)
    const { numbers, leads } = this.numbering
    this.setData({
      answers: answers,
      questions: shown.map((q) => ({ id: q.id, q: q, number: numbers[q.id] || 0, lead: leads[q.id] || '', missing: this.missing.indexOf(q.id) >= 0 })),
    })
  },

  /** 回到首页: one it does not ask her leaves her nothing to do here. */
  home() {
    wx.reLaunch({ url: '/pages/index/index' })
  },

  /** 去看民生实事: where a closed year's ballot says its outcome is shown. */
  toProjects() {
    wx.navigateTo({ url: '/pages/projects/index' })
  },

  onAnswer(e) {
    // Other answers are another request: a resend keeps its key only while the answers are the ones first sent.
    this.sendKey = null
    const next = Object.assign({}, this.data.answers)
    if (e.detail.value === null) delete next[e.detail.questionId]
    else next[e.detail.questionId] = e.detail.value
    // The unanswered questions she was shown, on them and in the list, follow her answers, and go once all are in.
    if (this.missingShown) {
      const { shown, send } = visible(this.questions, next)
      const words = missingWords(shown, send, this.numbering)
      this.missingShown = Boolean(words)
      this.missing = unanswered(shown, send).map((q) => q.id)
      this.setData({ error: words })
    }
    this.show(next)
    keepDraft(this.survey, next, this.comments)
  },

  onComment(e) {
    this.sendKey = null
    this.comments[e.currentTarget.dataset.id] = e.detail.value
    keepDraft(this.survey, this.data.answers, this.comments)
  },

  /**
   * She agreed to the privacy notice: the questions now. Asked at her tap on 提交 (the notice changed meanwhile),
   * what she filled in goes as she sent it, without a second tap; should it be refused, the form is back as she left it.
   */
  agreed() {
    const pending = this.pending
    this.pending = null
    this.setData({ consent: false, articles: this.data.articles.map((a) => Object.assign({}, a, { comment: this.comments[a.id] || '' })) })
    return pending ? this.respond(pending.send, pending.comments) : undefined
  },

  submit() {
    // A second tap while the first is being confirmed or sent (a double tap): nothing more.
    if (this.data.busy) return undefined
    const { shown, send } = visible(this.questions, this.data.answers)
    const missing = missingWords(shown, send, this.numbering)
    this.missingShown = Boolean(missing)
    this.missing = unanswered(shown, send).map((q) => q.id)
    if (missing) return this.showMissing(missing)
    const comments = Object.keys(this.comments)
      .filter((id) => this.comments[id] && this.comments[id].trim())
      .map((id) => ({ articleId: id, text: this.comments[id].trim() }))
    // A named consultation: the notice of the outcome is asked for now, at her tap, before her opinion goes.
    if (this.survey.kind === 'consultation' && !this.survey.anonymous) {
      this.setData({ busy: true })
      return this.askNotice().then(() => this.respond(send, comments))
    }
    // A cast vote cannot be taken back, so the deputy sees the projects once more before it goes.
    if (this.survey.kind !== 'ballot') return this.respond(send, comments)
    // Busy before the dialog opens: a double tap would otherwise open a second one, and vote twice.
    this.setData({ busy: true })
    return this.confirmVote(chosenLabels(shown, send)).then((yes) => (yes ? this.respond(send, comments) : this.setData({ busy: false })))
  },

  /**
   * Said on each unanswered question and, under the button she pressed, which ones; the screen goes to the first, high
   * up the page, out of her sight when she tapped.
   */
  showMissing(words) {
    this.setData({ error: words, problems: [] })
    this.show(this.data.answers)
    wx.pageScrollTo({ selector: '#q-' + this.missing[0], duration: 300 })
  },

  confirmVote(labels) {
    return new Promise((resolve) =>
      wx.showModal({
        title: '确认投票',
        content: '您选择了：' + labels.join('、') + '。投票后不能更改，确定投票吗？',
        confirmText: '确定',
        cancelText: '再想想',
        success: (res) => resolve(res.confirm),
        fail: () => resolve(false),
      }),
    )
  },

  respond(send, comments) {
    this.setData({ busy: true, error: '', problems: [] })
    // One key per set of answers, kept on every resend of it: after a lost answer the second tap is the same
    // request, and the server answers it as it answered the first (投票成功), counting it once.
    if (!this.sendKey) this.sendKey = newIdempotencyKey()
    const sign = sentSign(send, comments)
    return this.surveys
      .respond(this.survey.id, send, comments, this.via, this.sendKey)
      .then(() => this.done(DONE_WORDS[this.survey.kind]))
      .catch((err) => {
        // Answered already: by the tap whose reply was lost (then perhaps with other choices), or on another phone.
        // What she did counted; she is told so as done, never in red beside her ticks and the button.
        if (err.code === 'already_responded') return this.done(receivedWords(this.survey.kind, this.lost || [], sign))
        // No answer at all (no signal, a dropped connection): it may have arrived; a resend of the same answers says which.
        if (err.code === 'network' || err.status >= 500) this.lost = (this.lost || []).concat([sign])
        if (STALE_REFUSALS.indexOf(err.code) >= 0) return this.stop(err)
        // Not agreed to the privacy notice as it reads now (a new version since the page opened): the notice, then her answers go.
        if (err.code === 'consent_required') {
          this.pending = { send: send, comments: comments }
          return this.setData({ consent: true, consentWords: CONSENT_AT_SUBMIT_WORDS[this.survey.kind] || this.data.consentWords })
        }
        // A 述职评议 reached through its poster: answered on its own page, which asks for the community first.
        if (err.code === 'appraisal_area_required') {
          wx.setStorageSync('appraisal.answers', { surveyId: this.survey.id, answers: send })
          return wx.redirectTo({ url: '/pages/records/appraise?surveyId=' + this.survey.id })
        }
        // The first problem may already be the message itself (a form the backend refused field by field).
        const problems = (err.details || []).map((d) => d.message).filter((m) => m !== err.message)
        return this.setData({ error: err.message, problems: problems })
      })
      .then(() => this.setData({ busy: false }))
  },

  /**
   * Her tap was refused because the page was out of date: read again, it shows its own state (over, not open yet, not
   * hers) with 回到首页, and above it that this tap did not go; full, the page still reads as open, so the refusal's
   * words stand in place of the questions.
   */
  stop(err) {
    return this.load().then(() => {
      if (!this.survey || this.data.doneText || this.leaving) return undefined
      const asks = this.data.s.open && !this.data.s.askedOthers
      if (asks) forgetDraft(this.survey.id)
      return this.setData({ stopped: true, stoppedText: asks ? err.message : '', draftNote: NOT_TAKEN_WORDS[this.survey.kind] })
    })
  },

  /** Received: said in place of the questions and the button, and (a named consultation) her opinions read back. */
  done(words) {
    forgetDraft(this.survey.id)
    this.setData({ doneText: words, draftNote: '' })
    if (this.survey.kind === 'consultation' && !this.survey.anonymous) return this.loadMine()
    return undefined
  },
})
