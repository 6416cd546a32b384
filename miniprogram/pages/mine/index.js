const { request } = require('../../utils/request')
const { accountService } = require('../../services/account')
const { settingsService } = require('../../services/settings')
const { deputyService } = require('../../services/deputy')
const care = require('../../utils/care')
const { loadPage } = require('../../utils/page-load')
const { askTemplates } = require('../../utils/subscribe-notices')
const { DEFAULT_BOT_NAME, loadBotName } = require('../../utils/bot-name')
const { noticeStanding, residentStanding, CHAT_OFFER_ON_MINE, SUBSCRIBED, DECLINED } = require('../deputy/notice-words')

/** Nothing of WeChat's notices is on now (none left, none long-term): her no is then said alone, where she tapped. */
const nothingOnOf = (me) => !(me && me.notices && (me.notices.longTerm || me.notices.left > 0))

/** 我的: who I am here, my deputy binding, WeChat notifications, 关怀模式, my data. */
Page({
  // How WeChat's notices reach them, in the workbench's words and never as a count (deputy/notice-words.js): a warning
  // while the next may reach a deputy by no way, what is on (noticesOn), whether 开通微信通知 is offered, and, for a
  // deputy whose chat is not bound, the offer to bind it on his workbench. noticesOff: the office has not switched WeChat
  // messages on, said in the words every page says it. nothingOn: none of hers is on (after her no, one line says it).
  data: {
    loading: true,
    loadError: '',
    errorStatus: 0,
    me: null,
    care: false,
    careAuto: false,
    subscribed: '',
    noticesOff: false,
    noticeWarning: '',
    noticesOn: '',
    canSubscribe: true,
    chatOffer: '',
    nothingOn: true,
  },

  onLoad() {
    this.account = accountService(request)
  },

  onShow() {
    this.setData({ care: care.isOn(), careAuto: !care.chosen() && care.phoneFontIsLarge() })
    return this.load()
  },

  /**
   * The notifications to ask for, fetched before the tap: WeChat opens its prompt only from the
   * tap itself, never after a request the tap waited for (it fails, and nothing opens). WeChat takes
   * at most three at a tap: a deputy's are chosen as his workbench chooses them (new message, 催办,
   * 重新办理 …), a resident's by the server's settings (the answer to her message first).
   * With them, how notices reach them now, said as the workbench says it (showStanding).
   */
  loadTemplates(me) {
    this.templatesError = ''
    // A deputy's notices say whether his chat is bound and whether a yes is left for a new message; a resident's come
    // with her profile, and her chat reaches her when it is joined to this account (chatJoined).
    const chosen = me.deputy
      ? deputyService(request)
          .notices()
          .then((n) => ({ ids: n.templateIds, notices: n }))
      : settingsService(request)
          .get()
          .then((s) => ({ ids: s.subscribeTemplateIds, notices: null }))
    return Promise.all([chosen, loadBotName(request)])
      .then(([{ ids, notices }, botName]) => {
        this.templateIds = ids
        this.botName = botName
        this.deputyNotices = notices
        this.showStanding(me)
      })
      .catch((err) => {
        this.templateIds = null
        this.templatesError = err.message
        // Not known whether a yes is left: 开通微信通知 stays, and its tap fetches again.
        this.setData({ canSubscribe: true })
      })
  },

  /**
   * How notices reach them now, in words (deputy/notice-words.js): a deputy's as his workbench says it, with his unbound
   * chat offered first (bound on his workbench, where the words to send are given); a resident's from her profile.
   */
  showStanding(me) {
    const bot = this.botName || DEFAULT_BOT_NAME
    const offered = this.templateIds ? this.templateIds.length > 0 : true
    const n = this.deputyNotices
    const standing = me.deputy
      ? n
        ? noticeStanding(n, bot)
        : { warning: '', text: '', canSubscribe: true }
      : residentStanding(me.notices, offered, Boolean(me.chatJoined), bot)
    this.setData({
      noticesOff: !offered,
      noticeWarning: standing.warning,
      noticesOn: standing.text,
      canSubscribe: standing.canSubscribe,
      chatOffer: me.deputy && n && !n.bot ? CHAT_OFFER_ON_MINE : '',
      // A deputy's no is said as his workbench says it, beside what stands: only hers is said alone (declinedWords).
      nothingOn: !me.deputy && nothingOnOf(me),
    })
  },

  /**
   * Who they are first, then what to ask WeChat for: a deputy is asked for his own kinds of notice, a
   * resident for hers. Not knowing who they are, the page asks for nothing (a guess would ask a deputy
   * for a resident's notices) and says so, with 再试一次, which loads both again.
   */
  load() {
    this.templateIds = null
    this.templatesError = ''
    // Failing, nothing of whom it showed before stays beside 再试一次 (nor the notices to ask for).
    const read = () =>
      this.account.me().catch((err) => {
        this.setData({ me: null })
        throw err
      })
    return loadPage(this, read, this.showMe)
  },

  showMe(me) {
    wx.setStorageSync('session.profile', me)
    this.profile = me
    // A resident is greeted, not labelled: "群众" is what the office calls her, not how to address her.
    this.setData({ me: Object.assign({}, me, { who: me.deputy ? me.deputy.name + ' 代表' : '您好' }) })
    // Hers is known from her profile already; a deputy's waits for his notices.
    this.showStanding(me)
    return this.loadTemplates(me)
  },

  /** 关怀模式 on or off, remembered; every page's shell reads it when it shows. */
  onCare(e) {
    const on = Boolean(e.detail.value)
    care.choose(on)
    this.setData({ care: on, careAuto: false })
    const shell = this.selectComponent('#shell')
    if (shell) shell.refresh()
  },

  subscribe() {
    // Not knowing who taps, nothing is asked: the button is not shown then, and a stale tap does nothing.
    if (!this.data.me) return undefined
    const ids = this.templateIds
    if (!ids) {
      // What to ask for did not come (no signal when the page opened): fetched again for the next tap.
      this.setData({ subscribed: '没能开通：' + (this.templatesError || '请稍后再点一次') })
      return this.loadTemplates(this.profile)
    }
    if (!ids.length) return this.setData({ noticesOff: true, canSubscribe: false })
    const deputy = Boolean(this.profile.deputy)
    askTemplates(
      ids,
      (results, accepted) => {
        if (!accepted) return this.setData({ subscribed: this.declinedWords() })
        // His yes as his workbench says it (the rule, and the chat that needs none); hers in the one line above the
        // button, once the server has it (a card under the button that said it again was one line too many).
        this.setData({ subscribed: deputy ? SUBSCRIBED : '' })
        return this.account
          .recordSubscriptions(results)
          .then(() => this.account.me())
          .then((me) => {
            this.profile = me
            return deputy ? this.loadTemplates(me) : this.showStanding(me)
          })
          .catch(() => undefined)
      },
      (words) => this.setData({ subscribed: words || this.declinedWords() }),
    )
    return undefined
  },

  /**
   * Her no, where she tapped. With nothing on, the line above is not shown beside it (the page's wxml): one line says
   * it. With some still on, that line stays true, and this says only that this tap added none. His, as his workbench
   * says it.
   */
  declinedWords() {
    if (this.profile && this.profile.deputy) return DECLINED
    return this.data.nothingOn ? '没有开通。需要时可以再点一次。' : '这次没有再开通，原来开通的还能用。需要时可以再点一次。'
  },

  go(e) {
    wx.navigateTo({ url: e.currentTarget.dataset.url })
  },
})
