const { request } = require('../../utils/request')
const { deputyService } = require('../../services/deputy')
const { loadPage } = require('../../utils/page-load')

/** The channels a digest can come by, in the words a deputy knows them: personal ones only, never a group. */
const CHANNELS = [
  { key: 'mp_subscribe', label: '小程序消息' },
  { key: 'bot_private', label: '微信私聊（联络助手）' },
]

Page({
  data: {
    loading: true,
    loadError: '',
    errorStatus: 0,
    error: '',
    notice: '',
    busy: false,
    channels: [],
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
      channels: CHANNELS.map((c) => ({ key: c.key, label: c.label, on: p.channels.indexOf(c.key) >= 0 })),
      sendAt: p.sendAt || '',
      muteWeekends: p.muteWeekends,
      // The picker offers only times outside the night's quiet hours, which the server would refuse.
      window: p.sendWindow || null,
      // The time 按联络站统一时间 means, said with it; an older server does not say it, and the words then stand alone.
      stationTimeWords: p.stationSendAt ? '按联络站统一时间（' + p.stationSendAt + '）' : '按联络站统一时间',
    })
  },

  toggleChannel(e) {
    const key = e.currentTarget.dataset.key
    this.setData({ channels: this.data.channels.map((c) => (c.key === key ? Object.assign({}, c, { on: !c.on }) : c)), notice: '' })
  },

  onTime(e) {
    this.setData({ sendAt: e.detail.value, notice: '' })
  },

  useDefaultTime() {
    this.setData({ sendAt: '', notice: '' })
  },

  toggleWeekends() {
    this.setData({ muteWeekends: !this.data.muteWeekends, notice: '' })
  },

  save() {
    this.setData({ busy: true, error: '', notice: '' })
    const prefs = {
      channels: this.data.channels.filter((c) => c.on).map((c) => c.key),
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
