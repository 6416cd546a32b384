const { request } = require('../../utils/request')
const { quizzesService } = require('../../services/quizzes')
const when = require('../../utils/when')
const { timeApart } = require('../../utils/time-apart')
const { keptChoices, keepChoices, forgetChoices } = require('../../utils/quiz-choices')
const { attemptsWords, deadlineWords, handInConsentWords } = require('../../utils/quiz-words')

/** A paper as the page shows it: every option with whether it is chosen (components/chosen-mark says it in words). */
function paperView(paper, chosen) {
  return paper.questions.map((q, i) => ({
    id: q.id,
    type: q.type,
    number: i + 1,
    // 多选题 alone did not tell her she may tap more than one.
    typeLabel: q.type === 'multiple' ? q.typeLabel + '，可以选几项' : q.typeLabel,
    stem: q.stem,
    points: q.points,
    options: q.options.map((o) => {
      const on = (chosen[q.id] || []).indexOf(o.key) >= 0
      return { key: o.key, text: o.text, on: on }
    }),
  }))
}

/**
 * Answers by their letters and words ("C. 每五年"): options are shuffled per paper, so a letter
 * alone means nothing once she looks away from the options above it.
 */
function answerWords(keys, options) {
  return keys
    .map((k) => {
      const o = options.filter((x) => x.key === k)[0]
      return o ? k + '. ' + o.text : k
    })
    .join('、')
}

function resultView(r) {
  return {
    score: r.score,
    maxScore: r.maxScore,
    counted: r.counted,
    questions: r.questions.map((q, i) => ({
      id: q.id,
      number: i + 1,
      stem: q.stem,
      // A question she left blank was not answered wrong: said as what happened (没有答, 没有选), not 答错了 / 未作答.
      verdict: q.correct ? '答对了' : q.chosen.length ? '答错了' : '没有答',
      correct: q.correct,
      chosen: q.chosen.length ? answerWords(q.chosen, q.options) : '没有选',
      right: answerWords(q.correctAnswer, q.options),
      options: q.options,
      explanation: q.explanation,
      earned: q.earned,
      points: q.points,
    })),
  }
}

/**
 * Said on the intro when the quiz closes before its time limit would end a paper started now
 * (she would otherwise plan on the whole limit and be cut off, uncounted): '' otherwise.
 */
function closingSoon(quiz) {
  if (quiz.phase !== 'open' || quiz.secondsToClose >= quiz.timeLimitSeconds) return ''
  const minutes = Math.max(1, Math.ceil(quiz.secondsToClose / 60))
  return '离答题结束只剩 ' + minutes + ' 分钟，开始后只有 ' + minutes + ' 分钟可答'
}

/**
 * Above the privacy notice a resident agrees to before her first paper (the server's consent_required), naming the quiz
 * she tapped 开始答题 on: its card is not drawn above the notice, which pushed 我已阅读并同意 off the first screen.
 */
const consentWords = (quiz) => '答“' + ((quiz && quiz.title) || '这次答题') + '”会记下您的成绩和排名（不显示名字）。请看下面的说明，同意后开始答题。'
/** A start refused for good (ended, not open yet, attempts used up, not for this person): tapping again cannot help. */
const FINAL_REFUSALS = [403, 404, 409]
/** A quiz refused for good (not there, not hers): the page offers 返回首页 (components/load-failed). */
const FINAL_PAGE = [403, 404, 410]

/**
 * Where she can go from a quiz she cannot take (ended, not open yet, her tries used up): the
 * other quizzes open to her when there are some, else the home page. One button, said in words.
 */
const ONWARD = {
  others: { words: '看看其他知识竞赛', go: () => wx.redirectTo({ url: '/pages/quiz/index' }) },
  home: { words: '返回首页', go: () => wx.reLaunch({ url: '/pages/index/index' }) },
}

Page({
  data: {
    loading: true,
    error: '',
    closedText: '',
    startFailed: '',
    // The server's refusal of a start, in words, shown instead of 开始答题 / 再答一次.
    refused: '',
    // The quiz ended while the page was open: its rules no longer say how many tries are left.
    ended: false,
    // Beside a quiz she cannot take: the one thing to tap next (ONWARD), in its words.
    onward: 'home',
    onwardWords: ONWARD.home.words,
    quiz: null,
    stage: 'intro',
    consentWords: '',
    // Asked at 交卷: the quiz named in a card above the notice, as the words do not name it.
    handInNotice: false,
    questions: [],
    left: '',
    unansweredWarned: 0,
    // A paper resumed on a phone that kept none of its choices (another phone): said above it.
    choicesLost: false,
    busy: false,
    result: null,
    // Why a paper handed in too late was not counted (stage 'late').
    lateText: '',
    board: null,
    myRank: null,
    // 排行榜 while the quiz runs; 成绩统计中 just after its close; then 最终排名, with when it closed (boardClosed).
    boardTitle: '排行榜',
    boardClosed: '',
  },

  onLoad(query) {
    this.quizId = query.quizId
    this.quizzes = quizzesService(request)
    this.chosen = {}
    this.now = () => Date.now()
    return this.load()
  },

  /** The first look at the quiz, and 再试一次 after it could not come. */
  load() {
    this.asked = false
    this.setData({ loading: true, error: '', errorStatus: 0, closedText: '' })
    return this.refresh().then(() => this.setData({ loading: false }))
  },

  onUnload() {
    this.stopClock()
  },

  refresh() {
    return this.quizzes
      .list()
      .then((answer) => {
        const quiz = answer.items.filter((q) => q.id === this.quizId)[0]
        const onward = answer.items.some((q) => q.id !== this.quizId) ? 'others' : 'home'
        this.setData({ onward: onward, onwardWords: ONWARD[onward].words })
        // Once shown (a paper handed in as the quiz closed), the page keeps what it shows; gone from
        // the list, the quiz has ended: no 再答一次 is offered that could not start.
        if (!quiz) return this.data.quiz ? this.setData({ ended: true }) : this.whyNotOpen()
        this.setData({
          ended: this.data.ended || quiz.phase === 'closed',
          quiz: Object.assign({}, quiz, {
            // Its date and time each kept whole on its line ("上 / 午9:00"), as the meeting pages keep theirs (time-apart.js).
            deadlineParts: timeApart(deadlineWords(quiz)),
            minutes: Math.round(quiz.timeLimitSeconds / 60),
            attemptsText: attemptsWords(quiz),
            closingSoon: closingSoon(quiz),
          }),
        })
        if (quiz.openAttemptId && this.data.stage === 'intro') return this.quizzes.attempt(quiz.openAttemptId).then((p) => this.showPaper(p, true))
      })
      .catch((err) => this.setData({ error: err.message, errorStatus: err.status || 0 }))
  },

  /**
   * The list holds only the quizzes open now. Starting is the one call whose refusal says why
   * this one is not (when it opens, or that it ended); should it have opened just now, the
   * attempt it starts is the one the person came for, and the list resumes it.
   */
  whyNotOpen() {
    if (this.asked) return this.setData({ closedText: '这个知识竞赛现在不能参加' })
    this.asked = true
    return this.quizzes
      .start(this.quizId)
      .then(() => this.refresh())
      .catch((err) => {
        // Not there (deleted, 404) or not hers (403): said as a refusal with 返回首页. Ended or not
        // open yet: the backend's words say when ("…12月5日 09:00 开始"), with where to go next.
        if (FINAL_PAGE.indexOf(err.status) >= 0) return this.setData({ error: err.message, errorStatus: err.status })
        this.setData({ closedText: err.message })
      })
  },

  /**
   * 开始答题, 再答一次, and 再试一次 after a start that did not get through. A start the
   * network or the server lost says so and is tried again with 再试一次; one the backend
   * refused says why in its words, in place of the button (the quiz ended just now, the
   * attempts were used on another screen), and the quiz's figures are read again. Should the
   * lost start have reached the server, the paper it drew is open there (attempt_open):
   * 再试一次 opens that one, using no second attempt.
   */
  start() {
    if (this.data.busy) return undefined
    this.setData({ busy: true, error: '', startFailed: '' })
    return this.quizzes
      .start(this.quizId)
      .then((paper) => this.showPaper(paper))
      .catch((err) => {
        const open = err.code === 'attempt_open' && err.details && err.details[0] && err.details[0].message
        if (open) return this.quizzes.attempt(open).then((paper) => this.showPaper(paper, true))
        throw err
      })
      .catch((err) => {
        // Her paper keeps her score as hers: the privacy notice first (stage 'notice'), then the paper, as she asked.
        if (err.code === 'consent_required') return this.setData({ stage: 'notice', handInNotice: false, consentWords: consentWords(this.data.quiz) })
        if (err.status === 0 || err.status >= 500) return this.setData({ startFailed: '没能开始答题：' + err.message })
        if (FINAL_REFUSALS.indexOf(err.status) < 0) return this.setData({ error: err.message })
        this.setData({ refused: err.message, ended: err.code === 'quiz_closed' })
        return this.refresh()
      })
      .then(() => this.setData({ busy: false }))
  },

  /**
   * She agreed to the privacy notice: the paper she asked for with 开始答题; or, asked at 交卷, the paper she handed in,
   * with the answers she chose, without a second tap.
   */
  agreed() {
    const handIn = this.handInAsked
    this.handInAsked = null
    if (handIn) {
      this.setData({ stage: 'paper' })
      return this.handIn(handIn.timeUp)
    }
    this.setData({ stage: 'intro' })
    return this.start()
  },

  /** The one button beside a quiz she cannot take: the other open quizzes, or home. */
  goOn() {
    ONWARD[this.data.onward].go()
  },

  /**
   * A new paper, or one she left half-way (`resumed`): that one comes back with the choices this
   * phone kept. Kept from the moment it is shown, so nothing kept means another phone (or cleared
   * storage): she is told before she could hand in a paper she thinks is answered.
   */
  showPaper(paper, resumed) {
    this.attemptId = paper.id
    this.paper = paper
    const kept = resumed ? keptChoices(paper.id) : null
    this.chosen = kept || {}
    if (!kept) keepChoices(paper.id, this.chosen)
    this.setData({ choicesLost: !!resumed && !kept })
    // The deadline is the server's: count down from what it said was left, by the phone's clock since.
    this.endsAt = this.now() + paper.secondsLeft * 1000
    this.setData({ stage: 'paper', questions: paperView(paper, this.chosen), result: null, board: null, unansweredWarned: 0 })
    this.tick()
    this.stopClock()
    this.timer = setInterval(() => this.tick(), 1000)
  },

  stopClock() {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  },

  tick() {
    const seconds = Math.ceil((this.endsAt - this.now()) / 1000)
    this.setData({ left: when.countdown(seconds) })
    if (seconds <= 0 && this.data.stage === 'paper') this.submit(true)
  },

  choose(e) {
    const { qid, key, type } = e.currentTarget.dataset
    const now = this.chosen[qid] || []
    const on = now.indexOf(key) >= 0
    this.chosen[qid] = type === 'multiple' ? (on ? now.filter((k) => k !== key) : now.concat([key]).sort()) : [key]
    keepChoices(this.attemptId, this.chosen)
    this.setData({ questions: paperView(this.paper, this.chosen), unansweredWarned: 0 })
  },

  /** Hands the paper in; with questions unanswered, the first tap only says how many. */
  submit(timeUp) {
    const unanswered = this.paper.questions.filter((q) => !(this.chosen[q.id] || []).length).length
    if (timeUp !== true && unanswered && !this.data.unansweredWarned) return this.setData({ unansweredWarned: unanswered })
    return this.handIn(timeUp)
  },

  handIn(timeUp) {
    this.stopClock()
    this.setData({ busy: true, error: '' })
    const answers = this.paper.questions.map((q) => ({ questionId: q.id, choices: this.chosen[q.id] || [] }))
    return this.quizzes
      .submit(this.attemptId, answers)
      .then((r) => {
        forgetChoices(this.attemptId)
        this.setData({ stage: 'result', result: resultView(r), error: timeUp === true ? '时间到，已自动交卷' : '' })
      })
      .then(() => this.refresh())
      .catch((err) => this.handInRefused(err, timeUp))
      .then(() => this.setData({ busy: false }))
  },

  /**
   * A paper the server would not take. Too late (deadline_passed): it is closed, uncounted; the
   * paper leaves the screen (a 交卷 there could only be refused again) for a card that says so
   * and the way on: 再答一次 when tries and time are left, else the other quizzes or home.
   * Already finished (on another phone, or closed late by a new start): what it became is shown.
   */
  handInRefused(err, timeUp) {
    if (err.code === 'deadline_passed') return this.showLate(err.message)
    // Not agreed to the notice as it reads now (withdrawn on 我的信息 while the paper was open): nothing was handed in.
    if (err.code === 'consent_required') {
      this.handInAsked = { timeUp: timeUp === true }
      return this.setData({ stage: 'notice', handInNotice: true, consentWords: handInConsentWords(this.endsAt, this.now()) })
    }
    if (err.code !== 'already_submitted') return this.setData({ error: err.message })
    return this.quizzes
      .attempt(this.attemptId)
      .then((r) => (r.status === 'expired' ? this.showLate('答题时间已到，本次作答不计分') : this.showResult(r)))
      .catch((again) => this.setData({ error: again.message }))
  },

  showLate(why) {
    forgetChoices(this.attemptId)
    this.stopClock()
    this.setData({ stage: 'late', lateText: why, error: '', refused: '', startFailed: '' })
    return this.refresh()
  },

  showResult(r) {
    forgetChoices(this.attemptId)
    this.setData({ stage: 'result', result: resultView(r), error: '' })
    return this.refresh()
  },

  /** 查看我的答题: her latest paper handed in, with what was right and the 解析, as after handing it in. */
  showMine() {
    if (this.data.busy) return undefined
    this.setData({ busy: true, error: '' })
    return this.quizzes
      .attempt(this.data.quiz.lastAttemptId)
      .then((r) => this.setData({ stage: 'result', result: resultView(r), board: null }))
      .catch((err) => this.setData({ error: err.message }))
      .then(() => this.setData({ busy: false }))
  },

  showBoard() {
    return this.quizzes
      .leaderboard(this.quizId, 'person')
      .then((b) => {
        // Her own standing is said above the list (she may be below the 20 it shows), and her row is marked.
        const me = b.items.filter((p) => p.mine)[0]
        // The server says when the board is final: just after the close a paper handed in within the
        // grace may still be counted, so the board is 成绩统计中 until then, never a 最终排名 that moves.
        const final = !!b.final
        const ended = this.data.ended || final
        const closed = (this.data.quiz && this.data.quiz.closedText) || '已经结束'
        this.setData({
          boardTitle: final ? '最终排名' : ended ? '成绩统计中' : '排行榜',
          boardClosed: final ? '知识竞赛' + closed + '，这是最终排名' : ended ? '知识竞赛' + closed + '，刚交的答卷还在计入，请过一分钟再来看最终排名' : '',
          // Two facts, each kept whole when the line must break (关怀模式 broke "得分/率").
          myRank: me ? { place: '您排第 ' + me.rank + ' 名（共 ' + b.items.length + ' 人），', share: '得分率 ' + Math.round(me.percent) + '%' } : null,
          board: b.items
            .slice(0, 20)
            // Ranked by the share of points won (papers differ in size): say that first, the points after.
            .map((p) => ({
              rank: p.rank,
              name: p.mine ? p.name + '（我）' : p.name,
              mine: !!p.mine,
              place: p.stationName || p.districtName || '',
              percent: Math.round(p.percent),
              score: p.score,
              maxScore: p.maxScore,
              seconds: p.seconds,
            })),
        })
      })
      .catch((err) => this.setData({ error: err.message }))
  },
})
