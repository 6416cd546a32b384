const { request } = require('../../utils/request')
const { deputyService } = require('../../services/deputy')
const { accountService } = require('../../services/account')
const when = require('../../utils/when')
const { DEFAULT_BOT_NAME, loadBotName } = require('../../utils/bot-name')
const { loadPage } = require('../../utils/page-load')
const { askTemplates } = require('../../utils/subscribe-notices')
const { timeApart } = require('../../utils/time-apart')
const { noticeStanding, chatOfferWords, CHAT_WORDS_EXPIRED, SUBSCRIBED, DECLINED } = require('./notice-words')

/** His message's button by what it waits for from him (the server's action): 受理 it, or answer it. */
const CASE_BUTTONS = { acknowledge: '去受理', reply: '去答复' }

/** 我的待办 as sections the page lists, each entry with where a tap leads. */
function sectionsOf(tasks) {
  // The server's words say it ("已超期 2 天", "今天到期"): said once, not again in a 【】 mark before them.
  const due = (d) => (d ? { words: d.words, urgent: d.state !== 'upcoming' } : null)
  // Every kind of task is one line: its title, a line of text, the action and state words, and the page it opens.
  // The line of text cut around its dates and times ("请在12月2日（星期三）上午10:00前回复"), each kept whole (time-apart.js).
  const row = (t, title, text, state, url) => ({ id: t.id, title, text, textParts: timeApart(text), label: t.actionLabel, state, due: due(t.due), url })
  // As the digest words it: a close at 00:00 is the day before ("请在12月19日前（含当日）填写").
  const closing = (t, verb) => '请在' + t.closesText + verb
  // A paper or a quiz: its line already says until when ("请在11月30日（星期一）晚上6:00前投票"), so 还有 7 天到期 would say
  // it twice; only 今天到期 (or 已超期) stays, as the nudge. Its action (去投票, 去答题) is a button, the one thing to tap.
  const deadlined = (r) => Object.assign(r, { button: true, due: r.due && r.due.urgent ? r.due : null })
  // The section names the kind (票决, 问卷和征求意见), so the card does not say it again beside its button.
  const survey = (s) => deadlined(row(s, s.title, closing(s, s.kind === 'ballot' ? '投票' : '填写'), '', '/pages/survey/answer?surveyId=' + s.id))
  const sections = [
    {
      key: 'cases',
      title: '群众留言',
      // 已催办: the station is waiting on him for this one (the message page says who and what they said). What to do by
      // when is one line of its own ("请在11月24日（星期二）上午10:00前受理", todoText), in place of the bare 请受理 and
      // 明天到期; only today's or a late one's words (今天到期, 答复已超期 2 天) stay beside it, in red, as a paper's do.
      items: tasks.cases.map((c) => {
        const r = Object.assign(row(c, c.ticket + ' ' + (c.topic || ''), c.excerpt, c.statusLabel, '/pages/deputy/case?caseId=' + c.id), {
          urged: c.urgedText || '',
        })
        // An older backend sends no todoText: its 请受理 and 明天到期 stay.
        if (!c.todoText) return r
        // A button as every other card has (a card without one lost his tap to a meeting's button beside it): 去受理 for a
        // new one or one sent back to him (action acknowledge), 去答复 once he has taken it on (reply).
        const go = CASE_BUTTONS[c.action] || ''
        return Object.assign(r, { todoParts: timeApart(c.todoText), label: go, button: !!go, due: r.due && r.due.urgent ? r.due : null })
      }),
    },
    {
      key: 'meetings',
      title: '会议活动',
      // A meeting is not "due": when it is ("2天后开会"), and what to do, a button as a paper's is (回复是否参加). The day
      // answers close, when before the meeting, is a line of its own ("请在11月25日（星期三）下午5:00前回复", from the
      // server's rsvpByText): the button says the rest. Its kind (常委会会议) is left out: words run together in one line.
      items: tasks.meetings.map((m) => {
        const by = m.rsvpByText ? '请在' + m.rsvpByText + '回复' : ''
        return Object.assign(row(m, m.title, (m.startText || when.spokenMoment(m.startAt)) + '，' + m.place, '', '/pages/meetings/detail?meetingId=' + m.id), {
          label: '回复是否参加',
          button: true,
          todoParts: by ? timeApart(by) : null,
          due: m.dayWords ? { words: m.dayWords, urgent: m.due.state !== 'upcoming' } : due(m.due),
        })
      }),
    },
    { key: 'ballots', title: '票决', items: tasks.ballots.map(survey) },
    { key: 'surveys', title: '问卷和征求意见', items: tasks.surveys.map(survey) },
    {
      key: 'quizzes',
      title: '知识竞赛',
      items: tasks.quizzes.map((q) => deadlined(row(q, q.title, closing(q, '答题'), '', '/pages/quiz/take?quizId=' + q.id))),
    },
    {
      key: 'reading',
      title: '必读材料',
      items: tasks.reading.map((r) => Object.assign(row(r, r.title, r.campaignTitle, '', '/pages/study/item?itemId=' + r.id), { due: null })),
    },
    {
      key: 'suggestions',
      title: '代表建议',
      // His own answered one to rate, or a colleague's he was asked to co-sign: a button, as a paper's is, in the
      // server's words (去评价, 去回复: presenters/tasks.ts), as every other task's. An older backend sends no `suggestions`.
      items: (tasks.suggestions || []).map((s) =>
        Object.assign(row(s, '《' + s.title + '》', s.text, '', '/pages/suggestion/detail?suggestionId=' + s.id), { button: true, due: null }),
      ),
    },
  ]
  return sections.filter((s) => s.items.length)
}

Page({
  data: {
    loading: true,
    error: '',
    loadError: '',
    errorStatus: 0,
    bound: false,
    leftOffice: false,
    deputy: null,
    bindCode: '',
    binding: false,
    total: 0,
    sections: [],
    // "联络站已为您暂停接收新留言（11月28日至12月4日），您手上的留言仍由您办理", or ''.
    awayText: '',
    // How new messages reach him (notice-words.js), never as a count: a warning while the next may reach him by no way,
    // his bound chat or what the yes to WeChat does, whether its 开通 button is offered, and what his last tap on it did.
    noticeWarning: '',
    noticeText: '',
    canSubscribe: false,
    subscribed: '',
    // His chat not bound yet: the offer (words), then the words to send it once he asked (绑定 123456) and for how long.
    chatOffer: '',
    chatWords: '',
    chatHint: '',
    chatBusy: false,
    chatError: '',
    // Come from 我的's 去绑定微信聊天: the chat's card is framed as the one he was sent to.
    chatMeant: false,
  },

  onLoad(options) {
    this.deputies = deputyService(request)
    // Sent from 我的's 去绑定微信聊天 (?to=chat): the card that binds the chat is below his 待办, out of sight at the top.
    this.toChat = Boolean(options && options.to === 'chat')
  },

  onShow() {
    return this.load()
  },

  /** Not knowing who they are or what waits for them, the page says only that, with 再试一次: never the bind form to a bound deputy, never "nothing to do". */
  load() {
    // A refused bind code was about the form as it stood: a fresh load starts it clean.
    this.setData({ error: '' })
    return loadPage(this, () => this.deputies.me(), this.showMe).then(() => this.showChatCard())
  },

  /**
   * Sent here to bind his chat: the card, framed, brought up to the top of the screen once it is drawn (the setData
   * callback; before it WeChat finds nothing to scroll to). Once only: back from a message, he stays where he was. A
   * failed load keeps it for 再试一次.
   */
  showChatCard() {
    if (!this.toChat || !this.data.bound || this.data.loadError) return
    this.toChat = false
    this.setData({ chatMeant: true }, () => wx.pageScrollTo({ selector: '#chat-card', duration: 300 }))
  },

  /** Who he is; for a bound deputy, what waits for him (until it has come, the page is still loading). */
  showMe(me) {
    this.setData({ bound: !!me.deputy, leftOffice: !me.deputy && me.leftOffice === true, deputy: me.deputy })
    // The home page reads who they are from here: one who has left office sees the resident's entries there too.
    wx.setStorageSync('session.profile', me)
    if (me.deputy) return this.loadTasks()
    return undefined
  },

  loadTasks() {
    return Promise.all([
      // awayText: the backend's sentence while a 暂停接收留言 stands, now or ahead (an older backend sends no `away`).
      this.deputies.tasks().then((tasks) => this.setData({ total: tasks.total, sections: sectionsOf(tasks), awayText: (tasks.away && tasks.away.text) || '' })),
      this.loadNotices(),
    ])
  },

  /**
   * Fetched before his tap: WeChat opens its question only from the tap itself, never after a
   * request the tap waited for. Not come (no signal), the tasks still show; the tap fetches again.
   */
  loadNotices() {
    this.notices = null
    // The chat account's nickname comes with the settings, read once per launch (never failing: its default then).
    return Promise.all([this.deputies.notices(), loadBotName(request)]).then(
      ([n, bot]) => {
        this.notices = n
        this.botName = bot
        // Words past their minutes bind nothing: they go, and 绑定微信聊天 is offered again, saying why.
        const expired = !n.bot && !!this.data.chatWords && Date.now() >= this.chatWordsUntil
        const standing = noticeStanding(n, bot)
        this.setData({
          noticeWarning: standing.warning,
          noticeText: standing.text,
          canSubscribe: standing.canSubscribe,
          // Bound since (he sent the words): the offer, the words and what his last yes said of binding are done with.
          subscribed: n.bot ? '' : this.data.subscribed,
          chatOffer: n.bot ? '' : expired ? CHAT_WORDS_EXPIRED : chatOfferWords(bot),
          chatWords: n.bot || expired ? '' : this.data.chatWords,
          chatError: n.bot || expired ? '' : this.data.chatError,
        })
      },
      () => this.setData({ canSubscribe: true }),
    )
  },

  /** 开通微信通知: WeChat's own question for the deputy's templates (new message, 催办, rating, meeting, digest). */
  subscribeNotices() {
    const n = this.notices
    if (!n) {
      this.setData({ subscribed: '正在准备微信通知，请稍等一下再点一次' })
      return this.loadNotices()
    }
    askTemplates(
      n.templateIds,
      (results, accepted) => {
        if (!accepted) return this.setData({ subscribed: DECLINED })
        this.setData({ subscribed: SUBSCRIBED })
        // Recorded, then read again: whether the next new message may still go unheard (the warning) is read anew.
        return accountService(request)
          .recordSubscriptions(results)
          .then(() => this.loadNotices())
          .catch(() => undefined)
      },
      (words) => this.setData({ subscribed: words || DECLINED }),
    )
  },

  /** 绑定微信聊天: his own one-time words for the chat (the backend's, with how many minutes they work). */
  getChatCode() {
    if (this.data.chatBusy) return undefined
    this.setData({ chatBusy: true, chatError: '' })
    const bot = this.botName || DEFAULT_BOT_NAME
    return this.deputies
      .chatCode()
      .then((c) => {
        // By the phone's own clock from now (its time may differ from the server's): past it, the page offers new words.
        this.chatWordsUntil = Date.now() + c.minutes * 60 * 1000
        this.setData({
          chatWords: c.words,
          chatHint: '请在微信里找到“' + bot + '”，把上面这句话发给它。' + c.minutes + ' 分钟内有效，只能用一次；这句话只给您自己用，不要告诉别人。',
        })
      })
      .catch((err) => this.setData({ chatError: '没能拿到绑定的话：' + err.message }))
      .then(() => this.setData({ chatBusy: false }))
  },

  /** Copied, he pastes it into the chat instead of typing the digits. */
  copyChatWords() {
    wx.setClipboardData({ data: this.data.chatWords, success: () => wx.showToast({ title: '已复制，到微信聊天里粘贴后发送', icon: 'none' }) })
  },

  onCodeInput(e) {
    this.setData({ bindCode: e.detail.value })
  },

  bind() {
    if (!/^\d{6}$/.test(this.data.bindCode.trim())) return this.setData({ error: '请输入工作人员给您的 6 位数字绑定码' })
    this.setData({ binding: true, error: '' })
    return this.deputies
      .bind(this.data.bindCode)
      .then(() => this.load())
      .catch((err) => this.setData({ error: err.message }))
      .then(() => this.setData({ binding: false }))
  },

  open(e) {
    wx.navigateTo({ url: e.currentTarget.dataset.url })
  },

  /** The messages they answered or that are closed: 我的待办 lists only what still waits on them. */
  openHandled() {
    wx.navigateTo({ url: '/pages/deputy/handled' })
  },

  /** The messages he handed on himself: where each went and where it stands now (they leave 我的待办 and 我办过的留言). */
  openHandedOn() {
    wx.navigateTo({ url: '/pages/deputy/handed-on' })
  },

  openSuggestions() {
    wx.navigateTo({ url: '/pages/suggestion/index' })
  },

  openDigest() {
    wx.navigateTo({ url: '/pages/deputy/digest' })
  },

  /** 暂停接收新留言: he pauses his own new messages for some days, changes the dates or ends it (the page shows it again on return). */
  openAway() {
    wx.navigateTo({ url: '/pages/deputy/away' })
  },

  openRecords() {
    wx.navigateTo({ url: '/pages/records/index' })
  },
})
