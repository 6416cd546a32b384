const { request, newIdempotencyKey } = require('../../utils/request')
const { surveysService } = require('../../services/surveys')
const { subscribeNotices } = require('../../utils/subscribe-notices')
const { visible, ordered } = require('../../utils/survey-conditions')
const { numbering, missingWords, unanswered } = require('../../utils/survey-numbering')
const { timeApart } = require('../../utils/time-apart')

const SUBMIT_WORDS = { survey: '提交问卷', consultation: '提交意见', ballot: '投票' }
// The bar at the top names what it is (the .json's 问卷 shows only while it loads).
const TITLES = { survey: '问卷', consultation: '征求意见', ballot: '代表票决' }
// The deadline as the digest words it: "请在12月19日前（含当日）填写"; a consultation takes opinions (提意见), as her list says.
const DEADLINE_VERBS = { survey: '填写', consultation: '提意见', ballot: '投票' }
// Before it opens and once it has ended, in the words of what it is (the server's survey-words.ts,
// closedToAnswers): a consultation takes opinions and a ballot takes votes; only a 问卷 is filled in.
const NOT_YET_WORDS = { survey: '起可以填写', consultation: '起可以提意见', ballot: '起可以投票' }
const CLOSED_WORDS = { survey: '已经结束，不再接受提交', consultation: '征求意见已经结束，不再接受意见', ballot: '票决已经结束，不能再投票' }
const DONE_WORDS = {
  survey: '已提交，谢谢您的参与',
  consultation: '意见已提交，谢谢您参与立法。意见是否采纳，会在这一页“我提的意见”里告诉您',
  ballot: '投票成功，谢谢',
}
// Her answer went in on an earlier tap whose reply was lost (a dropped connection), and she changed her choices
// before tapping again: the first stands, and she is told it counted, not refused in red.
const RECEIVED_BEFORE_WORDS = {
  survey: '刚才那次已经提交成功了（当时网络不通，没能告诉您）。每人限一次，谢谢您的参与',
  consultation: '刚才提的意见已经收到了（当时网络不通，没能告诉您）。每人限提交一次，谢谢您参与立法',
  ballot: '刚才那次投票已经投上了（当时网络不通，没能告诉您）。每位代表投一次，投后不能更改，谢谢',
}
// Opened again after answering: a deputy who voted is told he voted, in a ballot's words.
const ANSWERED_WORDS = {
  survey: '您已经提交过了，每人限一次。谢谢！',
  consultation: '您已经提交过了，每人限一次。谢谢！',
  ballot: '您已经投过票了，每位代表投一次，投后不能更改。谢谢！',
}
// A named survey keeps who answered: her account here, never a name, which nobody asked her for (the console's
// own words: 匿名时不记录是谁填写的). Staff see only that an opinion can be told its outcome, and what is published
// (采纳情况) names nobody. She is told what is kept before she answers, never "实名", which reads as giving her
// name; an anonymous one says 匿名. Ballots are always secret.
const NAMED_WORDS = {
  survey: '会记下这份问卷是您填的。不用写名字，也不会公开您是谁。',
  consultation: '会记下这些意见是您提的，好告诉您意见是否采纳。不用写名字，也不会公开您是谁。',
}
// Above the privacy notice a named one puts first (the server's consentNeeded): why she is asked here, and what follows.
const CONSENT_WORDS = {
  survey: '请看下面的说明，同意后就可以填写。',
  consultation: '会记下意见是您提的，好告诉您是否采纳。请看下面的说明，同意后就可以提意见。',
}
// The notice put before her at 提交 (she withdrew, or it changed, while the page was open): her questions leave the
// screen, so she is told first that what she wrote is kept and goes once she agrees.
const CONSENT_AT_SUBMIT_WORDS = {
  survey: '您填的答案还在。提交前，请先看一下个人信息保护说明，同意后就会提交。',
  consultation: '您写的意见还在。提交前，请先看一下个人信息保护说明，同意后就会提交。',
}

/**
 * The lines under the title: its phase, when it ends or ended, and whether it keeps who answered, each cut so that a
 * date or a time stays whole (time-apart.js). While it is open or yet to open, its phase on a line and until when on
 * the next ("进行中 · 记下是谁填的" / "请在…前填写"): on one line the deadline broke wherever the phase left it room.
 * Once over, 已于…结束 says it alone (已结束 beside it said 结束 twice); a ballot is 不记名, as 述职评议 says it.
 */
function metaLines(s) {
  const secrecy = s.kind === 'ballot' ? '不记名' : s.anonymous ? '匿名' : s.kind === 'consultation' ? '记下是谁提的' : '记下是谁填的'
  if (s.phase === 'closed') return [timeApart([s.closedText || s.phaseLabel, secrecy].filter(Boolean).join(' · '))]
  return [timeApart([s.phaseLabel, secrecy].filter(Boolean).join(' · ')), timeApart('请在' + s.closesText + DEADLINE_VERBS[s.kind])]
}

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
    this.setData({ loading: true, canLoad: true, error: '', errorStatus: 0 })
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
        this.setData({
          s: Object.assign({}, s, {
            // Once over, when it ended ("已于…结束"), never a "…前" that reads as if it were still open.
            deadline: s.phase === 'closed' ? s.closedText || '' : '请在' + s.closesText + DEADLINE_VERBS[s.kind],
            open: s.phase === 'open',
            // Its date and time each kept whole on its line ("晚上 / 6:00前填写" broke; time-apart.js).
            metaLines: metaLines(s),
            // One it never asked (a resident and a closed ballot) reads that it was not hers, and where its outcome is:
            // "不能再投票" would say she could have voted.
            stateText:
              s.phase === 'scheduled'
                ? '还没有开始，' + s.opensText + ' ' + NOT_YET_WORDS[s.kind]
                : (s.askedOthers && s.askedOthersText) || CLOSED_WORDS[s.kind],
          }),
          articles: s.articles.map((a) => ({ id: a.id, number: a.number, text: a.text, comment: '' })),
          submitWords: SUBMIT_WORDS[s.kind],
          // Once it is over, 投后不能更改 is nothing he can act on: that he voted is enough.
          doneText: s.responded ? (s.kind === 'ballot' && s.phase === 'closed' ? '您投过票了，谢谢！' : ANSWERED_WORDS[s.kind]) : '',
          namedText: s.anonymous ? '' : NAMED_WORDS[s.kind] || '',
          consent: Boolean(s.consentNeeded) && s.phase === 'open' && !s.responded && !s.askedOthers,
          consentWords: CONSENT_WORDS[s.kind] || '',
        })
        this.setData(notHersBallot(s))
        this.show({})
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
        return this.surveys.outcome(this.survey.id).then((summary) => this.setData({ summary: summary }))
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
  },

  onComment(e) {
    this.sendKey = null
    this.comments[e.currentTarget.dataset.id] = e.detail.value
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
    return this.surveys
      .respond(this.survey.id, send, comments, this.via, this.sendKey)
      .then(() => this.done(DONE_WORDS[this.survey.kind]))
      .catch((err) => {
        // Answered already: by the tap whose reply was lost (then with other choices), or on another phone.
        // What she did counted; she is told so as done, never in red beside her ticks and the button.
        if (err.code === 'already_responded') return this.done(this.lostOnce ? RECEIVED_BEFORE_WORDS[this.survey.kind] : ANSWERED_WORDS[this.survey.kind])
        // No answer at all (no signal, a dropped connection): it may have arrived; a resend of the same answers says which.
        if (err.code === 'network' || err.status >= 500) this.lostOnce = true
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

  /** Received: said in place of the questions and the button, and (a named consultation) her opinions read back. */
  done(words) {
    this.setData({ doneText: words })
    if (this.survey.kind === 'consultation' && !this.survey.anonymous) return this.loadMine()
    return undefined
  },
})
