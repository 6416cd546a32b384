const { request } = require('../../utils/request')
const { accountService } = require('../../services/account')
const { settingsService } = require('../../services/settings')
const { deputyService } = require('../../services/deputy')
const care = require('../../utils/care')
const { noticesOffWords } = require('../../utils/notices-off')
const { loadBotName } = require('../../utils/bot-name')
const { loadPage } = require('../../utils/page-load')
const { askTemplates } = require('../../utils/subscribe-notices')

/**
 * What she has already turned on of WeChat's notices, in the server's words (the profile's `noticesText`): each yes
 * to WeChat's prompt allows one message, so how many are left, and when they are used up, that none will come.
 */
const noticesOnWords = (me) => (me && me.noticesText) || ''
/** Nothing of WeChat's notices is on now (none left, none long-term): the line above then only says "not on". */
const nothingOnOf = (me) => !(me && me.notices && (me.notices.longTerm || me.notices.left > 0))

/**
 * The chat account reaches them too (her chat joined to this account, his chat bound): said beside WeChat's notices, or
 * "还没有开通微信通知。" alone reads as if nothing reaches her at all. '' when the chat does not reach them.
 */
function chatTooWords(who, also) {
  if (!who.bot) return ''
  return (who.deputy ? '有新留言时，“' : '代表答复时，“') + who.botName + (also ? '”也会' : '”会') + '在微信聊天里告诉您。'
}

/** 我的: who I am here, my deputy binding, WeChat notifications, 关怀模式, my data. */
Page({
  // noticesOff: the office has not switched WeChat messages on (no templates to ask for): said plainly, no button,
  // in the words of every page that says it (noticesOffWords).
  // noticesOn: what she has turned on already, in words (noticesOnWords); nothingOn: none of it is (nothingOnOf).
  // After a no with nothing on, the line where she tapped says it alone: above it 还没有开通微信通知。 said the same again.
  data: {
    loading: true,
    loadError: '',
    errorStatus: 0,
    me: null,
    care: false,
    careAuto: false,
    subscribed: '',
    noticesOff: false,
    noticesOffText: '',
    noticesOn: '',
    nothingOn: true,
    // The chat reaches them too (chatTooWords), said under what is on of WeChat's notices; chatAlone, without 也, when
    // that line is not shown (after her no with nothing on), where 也 would point at nothing.
    chatToo: '',
    chatAlone: '',
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
   */
  loadTemplates(me) {
    this.templatesError = ''
    // `bot`: the chat account reaches a deputy in the WeChat chat (from his notices), and a resident whose chat is joined to
    // this account (chatJoined), which the words for "sending off" must say by its nickname (notices-off.js, bot-name.js).
    const chosen = me.deputy
      ? deputyService(request)
          .notices()
          .then((n) => ({ ids: n.templateIds, bot: n.bot }))
      : settingsService(request)
          .get()
          .then((s) => ({ ids: s.subscribeTemplateIds, bot: Boolean(me.chatJoined) }))
    return Promise.all([chosen, loadBotName(request)])
      .then(([{ ids, bot }, botName]) => {
        this.templateIds = ids
        this.setData({
          noticesOff: ids.length === 0,
          noticesOffText: noticesOffWords({ deputy: Boolean(me.deputy), bot, botName }),
          chatToo: chatTooWords({ deputy: Boolean(me.deputy), bot, botName }, true),
          chatAlone: chatTooWords({ deputy: Boolean(me.deputy), bot, botName }, false),
        })
      })
      .catch((err) => {
        this.templateIds = null
        this.templatesError = err.message
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
    // A resident is greeted, not labelled: "群众" is what the office calls her, not how to address her.
    this.setData({
      me: Object.assign({}, me, { who: me.deputy ? me.deputy.name + ' 代表' : '您好' }),
      noticesOn: noticesOnWords(me),
      nothingOn: nothingOnOf(me),
    })
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
      return this.loadTemplates(this.data.me)
    }
    if (!ids.length) return this.setData({ noticesOff: true })
    askTemplates(
      ids,
      (results, accepted) => {
        // Each yes allows one message: until the count is read back, only the next one is promised.
        const next = this.data.me && this.data.me.deputy ? '已开通：下一条新留言、催办或通知会发微信消息给您。' : '已开通：下一条答复或通知会发微信消息给您。'
        // Turned on, the one line above the button says what is on now (noticesOn), not a second line under it (a
        // card that promised every answer while that line said one); a no is said where she tapped.
        this.setData(accepted ? { subscribed: '', noticesOn: next, nothingOn: false } : { subscribed: this.declinedWords() })
        this.account
          .recordSubscriptions(results)
          .then(() => this.account.me())
          .then((me) => this.setData({ noticesOn: noticesOnWords(me), nothingOn: nothingOnOf(me) }))
          .catch(() => undefined)
      },
      (words) => this.setData({ subscribed: words || this.declinedWords() }),
    )
  },

  /**
   * Her no, where she tapped. With nothing on, the line above is not shown beside it (the page's wxml): one line says
   * it. With some still on (还能收到 2 条), that line stays true, and this says only that this tap added none.
   */
  declinedWords() {
    return this.data.nothingOn ? '没有开通。需要时可以再点一次。' : '这次没有再开通，原来开通的还能用。需要时可以再点一次。'
  },

  go(e) {
    wx.navigateTo({ url: e.currentTarget.dataset.url })
  },
})
