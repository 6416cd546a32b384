const { request } = require('../../utils/request')
const { casesService } = require('../../services/cases')
const { subscribeNotices } = require('../../utils/subscribe-notices')
const { spokenMoment, spansYears } = require('../../utils/when')
const { timeApart } = require('../../utils/time-apart')
const config = require('../../config')
const { handlerName, replyBySentence } = require('../../utils/reply-by')

/**
 * One message: its state in words, the timeline, the reply; and the one thing the person
 * can do now — withdraw it while it waits for an answer, rate the reply, or ask for it to be
 * handled again when they rated it low, within the allowed days. A message sent with 同意公开
 * offers to take that agreement back.
 */
const RATING_WORDS = ['', '很不满意', '不满意', '一般', '满意', '很满意']
const WITHDRAWN = '这条留言已撤回，代表不再办理。'
const REOPENED = '已请代表重新办理，代表会再次答复您。'
/** After 申请重新办理 when no notice was allowed (refused, WeChat's notices off, or none to ask for). */
const NO_SECOND_NOTICE = '代表再次答复时不会发微信通知，请到“我的留言”查看。'
// As the backend's case rule has it (domain/case.ts, withdraw): a round she asked for again (重新办理) too.
const WITHDRAWABLE = ['submitted', 'assigned', 'acknowledged', 'forwarded', 'reopened']
const WITHDRAW_ASK = '撤回后代表不再办理这条留言。确定撤回吗？'
// Answered once and asked again: what becomes of the answer she had, which the page then shows only in 办理经过.
const WITHDRAW_ASK_AFTER_ANSWER = '撤回后，代表不再重新办理这条留言。上次的答复不会删掉，还在“办理经过”里。确定撤回吗？'
/** Where 撤回这条留言 would be, once it cannot be: why not, in her words (the backend's refusals, case-refusals.ts). */
const NO_WITHDRAW = {
  replied: '代表已经答复了，这条留言不能再撤回。',
  closed: '这条留言已经办结，不能再撤回。',
}
/** What the server keeps of a 重新办理 reason (reasonBody), and of a new message (the form's own limit). */
const REASON_MAX = 500
const MESSAGE_MAX = 2000

/**
 * The count under the 重新办理 box, as she types: the limit said before she sends, not a refusal
 * after (and no silent cut of pasted words). Counted as the server counts: trimmed, UTF-16 units.
 */
function reasonCount(reason) {
  const n = reason.trim().length
  if (!n) return { reasonCountText: '最多 ' + REASON_MAX + ' 字', reasonOver: false }
  if (n <= REASON_MAX) return { reasonCountText: '已写 ' + n + ' 字，最多 ' + REASON_MAX + ' 字', reasonOver: false }
  return { reasonCountText: '已写 ' + n + ' 字，超过了 ' + REASON_MAX + ' 字，请删短一些', reasonOver: true }
}

/** Said at 申请重新办理 when her reason is too long: what to do, and where longer words can go. */
function reasonTooLong(n) {
  return (
    '重新办理的原因最多 ' + REASON_MAX + ' 字，您写了 ' + n + ' 字，请删短一些再送出。' + '要说的话多，可以写一条新留言（新留言最多 ' + MESSAGE_MAX + ' 字）。'
  )
}

/**
 * The steps of 办理经过, newest first. The answer and her rating shown in full in the card above are
 * named there, not said again ("张伟代表已答复（见上面）"); an older answer (before 重新办理) is folded,
 * opened by a tap, so the page does not grow by a whole answer with every round.
 */
function steps(c, withYear) {
  const last = (type) => c.timeline.filter((e) => e.type === type).pop()
  const shownReply = c.reply ? last('replied') : null
  const shownRating = c.rating ? last('rated') : null
  // Ended after an answer (withdrawn in a round she asked for again): that answer was the last word she had, shown open.
  const lastWord = !c.reply && (c.status === 'withdrawn' || c.status === 'rejected') ? last('replied') : null
  return c.timeline
    .map((e) => {
      const step = { type: e.type, label: e.label, whenParts: timeApart(spokenMoment(e.at, withYear)), note: e.note, seeAbove: false, folded: '', open: false }
      if (e === shownReply || e === shownRating) return Object.assign(step, { seeAbove: true, note: null })
      if (e.type === 'replied' && e.note && e !== lastWord) return Object.assign(step, { note: null, folded: e.note })
      return step
    })
    .reverse()
}

/**
 * What the 重新办理 box starts with: the words she gave with her rating ("灯还是没修好，噪音的事也没人管"), hers to
 * change, as the chat carries them over; empty when she wrote none or cannot ask again.
 */
function carriedReason(c) {
  return c.canReopen && c.ratingComment ? c.ratingComment : ''
}

function view(c) {
  const withdrawable = WITHDRAWABLE.indexOf(c.status) >= 0
  // Whether she may still ask, and until when, is the backend's to judge, on its clock: the phone's may be wrong.
  const reopen = c.reopen || null
  // Written before a new year and answered after it: every date on the page with its year (spansYears), else none.
  const withYear = spansYears([c.createdAt, c.repliedAt].concat(c.timeline.map((e) => e.at)))
  const handler = handlerName(c.handledBy)
  return Object.assign({}, c, {
    images: (c.images || []).map((url) => (/^https?:/.test(url) ? url : config.apiBase + url)),
    // "11月23日（星期一）上午10:05送出", a moment as the server says one ("…上午8:40签到", "…下午5:00结束"): 送出 (her
    // button's verb, 送出留言) goes with its time, and the date and the time each stay whole on their line (time-apart.js).
    createdParts: timeApart(spokenMoment(c.createdAt, withYear) + '送出'),
    repliedParts: timeApart(spokenMoment(c.repliedAt, withYear)),
    handler: handler,
    ratingText: c.rating ? c.rating + ' 分（' + RATING_WORDS[c.rating] + '）' : '',
    // Each step in her words, whom and where by name ("张伟代表已把留言交给区住建局办理"): the label says it all.
    timeline: steps(c, withYear),
    // One state, in one sentence naming the deputy ("已交给张伟代表，代表还没有看"), never a label and a second state beside it.
    statusText: c.statusText || c.statusLabel,
    canWithdraw: withdrawable,
    withdrawAsk: c.timeline.some((e) => e.type === 'replied') ? WITHDRAW_ASK_AFTER_ANSWER : WITHDRAW_ASK,
    noWithdrawText: NO_WITHDRAW[c.status] || '',
    canRate: c.status === 'replied',
    canReopen: Boolean(reopen && reopen.allowed),
    // Past the window: say so, and what she can do instead (write again), in place of a button the server would refuse.
    reopenPassed: Boolean(reopen && !reopen.allowed),
    // Agreed to 公开选登 when writing: the person may take that back at any time, published or not.
    canWithdrawConsent: c.publicConsent === true,
    reopenUntilText: reopen && reopen.allowed ? '可以在 ' + reopen.untilText + '申请重新办理' : '',
    reopenRefusal: reopen && !reopen.allowed ? reopen.refusal : '',
    // Where 再写一条留言 sends it, said before she taps: the deputy she wrote to, or by her place.
    writeAgainText: c.writeAgainTo ? '新的留言会送给' + c.writeAgainTo.deputyName + '代表。' : '新的留言会按您选的地方，送到那里的代表联络站。',
    // The date promised, under the state sentence; no second state of its own (it once began 办理中).
    waitingText: withdrawable ? replyBySentence(c.handledBy, c.replyByText) : '',
  })
}

Page({
  // actionAt: which action failed ('rate', 'reopen', 'consent', 'withdraw'), so its words show
  // beside its own button. doneAt / doneText: what her last tap did and where the message stands
  // now, said where that button was (its card goes away once done; the top is out of her sight).
  data: {
    loading: true,
    error: '',
    c: null,
    rating: 0,
    ratingWord: '',
    comment: '',
    reason: '',
    // The box holds her rating's words, unchanged: said above it, so she knows where they came from.
    reasonCarried: false,
    reasonCountText: '最多 ' + REASON_MAX + ' 字',
    reasonOver: false,
    busy: false,
    actionError: '',
    actionAt: '',
    doneAt: '',
    doneText: '',
    consentMessage: '',
    // Said above 申请重新办理 once the notice can be asked at that tap.
    reopenNoticeHint: '',
  },

  onLoad(query) {
    this.caseId = query.caseId
    this.cases = casesService(request)
    this.notices = subscribeNotices(request)
    return this.load()
  },

  load() {
    this.setData({ loading: true, error: '' })
    return this.cases
      .detail(this.caseId)
      .then((c) => {
        const shown = view(c)
        // Opened again later, her rating's words are there to send; what she typed meanwhile is never replaced.
        this.setData(Object.assign({ c: shown }, this.data.reason ? {} : this.reasonFrom(shown)))
        return this.prepareNotices()
      })
      .catch((err) => {
        // A case notification opens this page for residents and deputies alike (one page per
        // subject in the backend's config): a deputy's case that is not their own message goes
        // to the workbench's case page.
        const profile = wx.getStorageSync('session.profile')
        if ((err.status === 404 || err.status === 403) && profile && profile.deputy) {
          return wx.redirectTo({ url: '/pages/deputy/case?caseId=' + this.caseId })
        }
        // Its status: a message that is not there (404) offers 返回首页, not a 再试一次 that cannot help.
        this.setData({ error: err.message, errorStatus: err.status || 0 })
      })
      .then(() => this.setData({ loading: false }))
  },

  show(c) {
    const shown = view(c)
    this.setData(Object.assign({ c: shown, actionError: '', comment: '' }, this.reasonFrom(shown)))
    this.prepareNotices()
  },

  /** The 重新办理 box as the message now stands: her rating's words in it, or empty. */
  reasonFrom(shown) {
    this.carried = carriedReason(shown)
    return Object.assign({ reason: this.carried, reasonCarried: Boolean(this.carried) }, reasonCount(this.carried))
  },

  /**
   * While she may ask for 重新办理, the notice of the second answer is made ready to be asked at that tap
   * (WeChat asks only from a tap, never after a request the tap waited for), and she is told it will be asked.
   */
  prepareNotices() {
    if (!this.data.c || !this.data.c.canReopen || this.preparing) return this.preparing
    this.preparing = this.notices.load().then(() => {
      const ready = this.notices.state() === 'ready'
      // Not fetched (no signal): tried again the next time the page is shown as it is.
      if (this.notices.state() === 'failed') this.preparing = null
      this.setData({ reopenNoticeHint: ready ? '点“申请重新办理”时，微信会问您：代表再次答复时要不要通知您。' : '' })
    })
    return this.preparing
  },

  /** Opens or folds an older answer in 办理经过. */
  toggleStep(e) {
    const at = Number(e.currentTarget.dataset.index)
    this.setData({ ['c.timeline[' + at + '].open']: !this.data.c.timeline[at].open })
  },

  /** Runs her action; `said(shown)` words what became of the message, shown where the button was. */
  act(work, at, said) {
    if (this.data.busy) return
    this.setData({ busy: true, actionError: '', actionAt: '', doneAt: '', doneText: '' })
    return work()
      .then((c) => {
        this.show(c)
        if (said) this.setData({ doneAt: at, doneText: said(this.data.c) })
      })
      .catch((err) => this.setData({ actionError: err.message, actionAt: at }))
      .then(() => this.setData({ busy: false }))
  },

  onRating(e) {
    const rating = Number(e.detail.value)
    // In the words her rating is shown in afterwards ("您的评价：2 分（不满意）"): the stars are 分.
    this.setData({ rating: rating, ratingWord: RATING_WORDS[rating] ? rating + ' 分（' + RATING_WORDS[rating] + '）' : '' })
  },

  onComment(e) {
    this.setData({ comment: e.detail.value })
  },

  onReason(e) {
    const reason = e.detail.value
    this.setData(Object.assign({ reason: reason, reasonCarried: Boolean(this.carried) && reason === this.carried }, reasonCount(reason)))
  },

  rate() {
    if (!this.data.rating) return this.setData({ actionError: '请先点星星打分', actionAt: 'rate' })
    return this.act(
      () => this.cases.rate(this.caseId, this.data.rating, this.data.comment.trim() || null),
      'rate',
      (c) => '谢谢您的评价。这条留言' + c.statusLabel + '。' + (c.canReopen ? '问题还没解决的话，可以在下面请代表重新办理。' : ''),
    )
  },

  reopen() {
    if (this.data.busy) return
    const reason = this.data.reason.trim()
    if (!reason) return this.setData({ actionError: '请写下还有什么没解决', actionAt: 'reopen' })
    if (reason.length > REASON_MAX) return this.setData({ actionError: reasonTooLong(reason.length), actionAt: 'reopen' })
    // The second answer's notice, asked at this tap as 留言已送出 asks for the first: her first 允许 was spent
    // on the first answer. Whatever she answers, she is told how she will hear of it.
    const allowed = new Promise((resolve) => this.notices.ask(resolve) || resolve(false))
    let notified = false
    // Reopened, the old answer leaves the page: these words land under the head, which says by when.
    return this.act(
      () =>
        Promise.all([this.reopenNow(reason), allowed]).then(([c, accepted]) => {
          notified = accepted
          return c
        }),
      'reopen',
      () => REOPENED + (notified ? '代表再次答复时，会发微信通知给您。' : NO_SECOND_NOTICE),
    )
  },

  /**
   * The window closed while the page was open: the server refuses, and the page shows the message
   * as it is now — no 重新办理 any more, what she can do instead — rather than a button that stays.
   */
  reopenNow(reason) {
    return this.cases.reopen(this.caseId, reason).catch((err) => {
      if (err.code !== 'reopen_window_passed') throw err
      return this.cases.detail(this.caseId).then((c) => {
        this.show(c)
        throw err
      })
    })
  },

  /**
   * Past the window: a new message, written afresh. To the deputy she wrote to by name while they
   * are in office (the server says by which code, as a deputy card opens the form); otherwise the
   * form goes by her place, which it remembers.
   */
  writeAgain() {
    const to = this.data.c && this.data.c.writeAgainTo
    // chosen=1: she writes to him again from here, not from his poster; the new message never says 二维码.
    wx.navigateTo({ url: '/pages/case/new' + (to ? '?deputyCode=' + encodeURIComponent(to.deputyCode) + '&chosen=1' : '') })
  },

  withdraw() {
    return new Promise((resolve) =>
      wx.showModal({
        title: '撤回留言',
        content: this.data.c.withdrawAsk,
        confirmText: '撤回',
        cancelText: '不撤回',
        success: (res) =>
          resolve(
            res.confirm
              ? this.act(
                  () => this.withdrawNow(),
                  'withdraw',
                  () => WITHDRAWN,
                )
              : undefined,
          ),
        fail: () => resolve(),
      }),
    )
  },

  /**
   * Answered (or ended) while the page was open, it can no longer be withdrawn: the page shows
   * the message as it is now — the reply, the rating — and says why beside the button.
   */
  withdrawNow() {
    return this.cases.withdraw(this.caseId, this.data.reason.trim() || null).catch((err) => {
      if (err.code !== 'illegal_transition') throw err
      return this.cases.detail(this.caseId).then((c) => {
        this.show(c)
        // Her words for where it stands say what she may do instead ("代表已答复，请评价").
        throw { message: '这条留言不能撤回了：' + c.statusLabel }
      })
    })
  },

  withdrawConsent() {
    return new Promise((resolve) =>
      wx.showModal({
        title: '撤回公开同意',
        content: '撤回后，这条留言和答复不会公开，已经公开的会马上撤下。确定撤回吗？',
        confirmText: '撤回',
        cancelText: '不撤回',
        success: (res) => resolve(res.confirm ? this.takeBackConsent() : undefined),
        fail: () => resolve(),
      }),
    )
  },

  takeBackConsent() {
    if (this.data.busy) return
    this.setData({ busy: true, actionError: '', actionAt: '', consentMessage: '' })
    return this.cases
      .withdrawPublicConsent(this.caseId)
      .then((answer) => this.setData({ consentMessage: answer.message, 'c.publicConsent': false, 'c.canWithdrawConsent': false }))
      .catch((err) => this.setData({ actionError: err.message, actionAt: 'consent' }))
      .then(() => this.setData({ busy: false }))
  },

  preview(e) {
    wx.previewImage({ urls: this.data.c.images, current: e.currentTarget.dataset.url })
  },
})
