const { request } = require('../../utils/request')
const { deputyService } = require('../../services/deputy')
const { accountService } = require('../../services/account')
const { loadPage } = require('../../utils/page-load')
const { askTemplates } = require('../../utils/subscribe-notices')
const { DEFAULT_BOT_NAME, loadBotName } = require('../../utils/bot-name')
const { digestSubscribedWords } = require('./notice-words')

/**
 * How the digest comes, one choice of three, in the words a deputy knows them: personal ways only, never a group.
 * The server keeps an ordered list of channels (`channels`): empty is the office's order, which is what 自动 does
 * (the mini-program first, else the chat with the bot); one channel is that way only. A list of both, kept by an older
 * version of this page, also reaches him whichever way works, so it reads as 自动 and is saved as the empty list.
 */
const waysFor = (bot) => [
  { value: 'auto', label: '自动（哪个能收到就用哪个）' },
  { value: 'mp_subscribe', label: '只发小程序消息' },
  // The chat by the nickname he finds it by in WeChat (bot-name.js).
  { value: 'bot_private', label: '只发微信私聊（' + bot + '）' },
]
const wayOf = (channels) => (channels.length === 1 ? channels[0] : 'auto')
/** The send window as he reads it, the hours without a leading zero (8:00–20:45), as the server's refusal says them. */
const windowWords = (w) => (w ? [w.from, w.to].map((t) => t.replace(/^0(?=\d:)/, '')).join('–') : '')
const channelsOf = (way) => (way === 'auto' ? [] : [way])

/**
 * How to join the bot's chat, by its nickname: his workbench gives him the words to send (绑定微信聊天), so he is
 * pointed there rather than to the station for a code.
 */
const joinChat = (bot) => '请回到“代表工作台”，点“绑定微信聊天”，把给您的那句话发给“' + bot + '”。'

/**
 * After his one-time yes, the way that needs none, for the way he picked (the yes is asked only while that way brings
 * him nothing: 自动 with no chat, or 只发小程序消息): his chat, reached by 自动.
 */
function everyDayWords(way, reach, bot) {
  if (way !== 'mp_subscribe') return joinChat(bot)
  if (reach && reach.bot_private) return '请改为“自动”：没有小程序消息时，摘要会发到您的微信聊天里。'
  return '请改为“自动”，再' + joinChat(bot).replace(/^请/, '')
}

/**
 * When the way he has picked would bring him no digest now, why in one sentence and the one thing that fixes it:
 * { words, fix: 'subscribe' (a button that asks WeChat), 'auto' (a button that picks 自动), or 'chat' (joinChat), and
 * `also`: a second way, in words, when the quick fix is not the one he asked for }; null when it reaches him, or when
 * an older server does not say (`reach` absent).
 *
 * Said, not refused at 保存: refusing would leave a 68-year-old at a form that will not take what he asked, with
 * nothing he can do about it on the spot (joining the chat is done from his workbench and WeChat, not here); told the plain
 * consequence beside his choice, with the fix, he decides. It is read from the server each time the page opens,
 * so it is also said when a way he chose long ago has stopped reaching him (his sends used up, his chat gone).
 */
function blockedOf(way, reach, bot) {
  if (!reach) return null
  const subscribe = reach.templateId ? { fix: 'subscribe' } : null
  if (way === 'mp_subscribe' && !reach.mp_subscribe) {
    if (reach.templateId) return Object.assign({ words: '这样设置您现在收不到摘要：小程序消息现在没有开通。' }, subscribe)
    // The office has no mini-program messages: nothing to switch on here, and 只发 them brings nothing whatever else he
    // does. 自动 is the fix; it brings the digest by the chat he has joined, else by the chat once he joins it (said second).
    // Said as the rest of the system says that switch (系统的小程序提醒还没开通), with whom he, a deputy, asks about it.
    const words = '这样设置您现在收不到摘要：系统的小程序提醒还没开通（请联系人大办公室）。'
    if (reach.bot_private) return { words: words, fix: 'auto' }
    return { words: words, fix: 'auto', also: '改好后，' + joinChat(bot) }
  }
  if (way === 'bot_private' && !reach.bot_private) {
    const words = '这样设置您现在收不到摘要：您还没有在微信里加“' + bot + '”为好友。'
    // The mini-program reaches him now: 自动 brings tomorrow's digest at once; joining the chat is the other way, for later.
    if (reach.mp_subscribe) return { words: words, fix: 'auto', also: '想只用微信私聊，' + joinChat(bot) }
    return { words: words, fix: 'chat' }
  }
  if (way === 'auto' && !reach.mp_subscribe && !reach.bot_private) {
    return Object.assign({ words: '这样设置您现在收不到摘要：小程序消息和微信私聊都没有开通。' }, subscribe || { fix: 'chat' })
  }
  return null
}

Page({
  data: {
    loading: true,
    loadError: '',
    errorStatus: 0,
    error: '',
    notice: '',
    busy: false,
    // Something changed since the page showed what is saved: said by 保存, since these choices wait for it.
    changed: false,
    ways: waysFor(DEFAULT_BOT_NAME),
    // The chat account's WeChat nickname, as the backend's settings name it (bot-name.js).
    botName: DEFAULT_BOT_NAME,
    way: 'auto',
    sendAt: '',
    muteWeekends: false,
    window: null,
    windowText: '',
    // The station's time, said after 按联络站统一时间 (an older server does not send it: the words then stand alone).
    stationTime: '',
    // Whether each way reaches him now (the server's `reach`), and what that means for the way picked (blockedOf).
    reach: null,
    blocked: null,
    joinChatWords: joinChat(DEFAULT_BOT_NAME),
    // What his tap on 开通小程序消息 did, said beside it.
    subscribed: '',
  },

  onLoad() {
    this.deputies = deputyService(request)
    return this.load()
  },

  /**
   * His choices as saved. Without them the page shows only what happened and 再试一次: a form
   * of defaults with 保存 under it would write over what he chose before.
   */
  load() {
    // With the chat account's nickname (the settings, read once per launch; never failing): the words name it.
    const read = () =>
      Promise.all([this.deputies.digestPreferences(), loadBotName(request)]).then(([p, bot]) => {
        this.botName = bot
        return p
      })
    return loadPage(this, read, this.show)
  },

  show(p) {
    const bot = this.botName || DEFAULT_BOT_NAME
    this.setData({
      botName: bot,
      ways: waysFor(bot),
      joinChatWords: joinChat(bot),
      way: wayOf(p.channels),
      sendAt: p.sendAt || '',
      muteWeekends: p.muteWeekends,
      // The picker offers only times outside the night's quiet hours, which the server would refuse.
      window: p.sendWindow || null,
      windowText: windowWords(p.sendWindow),
      // The time 按联络站统一时间 means, said with it, in its brackets kept whole with the arrow (digest.wxml): in
      // 关怀模式 the row wraps. An older server does not say it, and the words then stand alone.
      stationTime: p.stationSendAt ? '（' + p.stationSendAt + '）' : '',
      changed: false,
    })
    this.showReach(p.reach)
  },

  showReach(reach) {
    this.setData({ reach: reach || null, blocked: blockedOf(this.data.way, reach, this.data.botName) })
  },

  pickWay(e) {
    const way = e.currentTarget.dataset.value
    if (way === this.data.way) return
    // Said as he picks it, before 保存: the choice and its consequence read together.
    this.setData({ way: way, notice: '', subscribed: '', changed: true, blocked: blockedOf(way, this.data.reach, this.data.botName) })
  },

  /** The fix 改为自动: the way that reaches him whichever is on. */
  useAuto() {
    this.pickWay({ currentTarget: { dataset: { value: 'auto' } } })
  },

  /**
   * 开通小程序消息: WeChat's question for the digest's template, asked from the tap itself (WeChat opens it only
   * then; the template came with the page). A yes is recorded, and whether it now reaches him read again: only
   * `reach`, so that what he picked and has not saved yet stays as he left it.
   */
  subscribeDigest() {
    const id = this.data.reach && this.data.reach.templateId
    if (!id) return undefined
    // Said in the box that says he gets none, under its button: "摘要还是收不到" there would say it a second time.
    const declined = '这次没有开通。需要时可以再点一次。'
    askTemplates(
      [id],
      (results, accepted) => {
        if (!accepted) return this.setData({ subscribed: declined })
        return accountService(request)
          .recordSubscriptions(results)
          .then(() => this.deputies.digestPreferences())
          .then((p) => {
            this.showReach(p.reach)
            // Never a count of digests left: the rule, and the way that needs no yes (notice-words.js).
            const sends = p.reach && p.reach.mpSends
            this.setData({ subscribed: digestSubscribedWords(sends, everyDayWords(this.data.way, p.reach, this.data.botName)) })
          })
          .catch((err) => this.setData({ subscribed: err.message }))
      },
      (words) => this.setData({ subscribed: words || declined }),
    )
    return undefined
  },

  onTime(e) {
    this.setData({ sendAt: e.detail.value, notice: '', changed: true })
  },

  useDefaultTime() {
    this.setData({ sendAt: '', notice: '', changed: true })
  },

  toggleWeekends() {
    this.setData({ muteWeekends: !this.data.muteWeekends, notice: '', changed: true })
  },

  save() {
    this.setData({ busy: true, error: '', notice: '' })
    const prefs = {
      channels: channelsOf(this.data.way),
      sendAt: this.data.sendAt || null,
      muteWeekends: this.data.muteWeekends,
    }
    return this.deputies
      .saveDigestPreferences(prefs)
      .then((p) => {
        this.show(p)
        this.setData({ notice: '已保存' })
      })
      .catch((err) => this.setData({ error: err.message }))
      .then(() => this.setData({ busy: false }))
  },
})
