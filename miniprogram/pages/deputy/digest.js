const { request } = require('../../utils/request')
const { deputyService } = require('../../services/deputy')
const { loadPage } = require('../../utils/page-load')

/**
 * How the digest comes, one choice of three, in the words a deputy knows them: personal ways only, never a group.
 * The server keeps an ordered list of channels (`channels`): empty is the office's order, which is what 自动 does
 * (the mini-program first, else the 联络助手 chat); one channel is that way only. A list of both, kept by an older
 * version of this page, also reaches him whichever way works, so it reads as 自动 and is saved as the empty list.
 */
const WAYS = [
  { value: 'auto', label: '自动（哪个能收到就用哪个）' },
  { value: 'mp_subscribe', label: '只发小程序消息' },
  { value: 'bot_private', label: '只发微信私聊（联络助手）' },
]
const wayOf = (channels) => (channels.length === 1 ? channels[0] : 'auto')
const channelsOf = (way) => (way === 'auto' ? [] : [way])

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
    ways: WAYS,
    way: 'auto',
    sendAt: '',
    muteWeekends: false,
    window: null,
    stationTimeWords: '按联络站统一时间',
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
    return loadPage(this, () => this.deputies.digestPreferences(), this.show)
  },

  show(p) {
    this.setData({
      way: wayOf(p.channels),
      sendAt: p.sendAt || '',
      muteWeekends: p.muteWeekends,
      // The picker offers only times outside the night's quiet hours, which the server would refuse.
      window: p.sendWindow || null,
      // The time 按联络站统一时间 means, said with it; an older server does not say it, and the words then stand alone.
      stationTimeWords: p.stationSendAt ? '按联络站统一时间（' + p.stationSendAt + '）' : '按联络站统一时间',
      changed: false,
    })
  },

  pickWay(e) {
    const way = e.currentTarget.dataset.value
    if (way === this.data.way) return
    this.setData({ way: way, notice: '', changed: true })
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
