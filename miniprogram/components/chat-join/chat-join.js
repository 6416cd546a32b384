const { request } = require('../../utils/request')
const { accountService } = require('../../services/account')

/**
 * Why she has no words to send, in hers: "码" alone means nothing to her, the eight digits are her 绑定数字. The network
 * or the server failing is passing: she taps again; a refusal (too many tries) says itself what to do and when.
 */
function chatCodeFailed(err) {
  if (!err || !err.status || err.status >= 500) return '没能拿到绑定数字，请再点一次。'
  return '没能拿到绑定数字：' + err.message
}

/**
 * Her messages written in the WeChat chat, brought here, in three states the page passes in as `join` (her profile's
 * `chatJoin`):
 * - nothing yet: one short question (以前在微信聊天里发过留言？), as nothing here can know whether she did; 把聊天里的留言放到这里
 *   gives her a one-time code and the exact words to send in the chat ("绑定 12345678"), and where that chat is (the
 *   留言小助手, as it calls itself), named only then;
 * - a chat sent her code (`join.pending`): she is asked, by that WeChat's name, whether it is hers. Only 是我的，放到这里
 *   brings anything here (her code alone proves nothing about who sent it); 不是我的 ends it;
 * - her chat joined (`join.joined`): which WeChat and since when, and 解除 (what came from the chat goes back to it).
 * After an answer it says what happened and tells the page (`changed`, detail { message }), which reads her profile again.
 * Shown on 我的 and 我的留言 to a resident only (the page decides, from her profile).
 */
Component({
  options: { addGlobalClass: true },
  properties: {
    /** { pending: { id, name, question } | null, joined: { name, date, line } | null }, or null while unknown. */
    join: { type: Object, value: null },
  },
  data: { busy: false, words: '', minutes: 0, error: '', done: '' },
  observers: {
    // A chat answered her code, or her chat is joined: the words to send are done with.
    join(j) {
      if (j && (j.pending || j.joined) && this.data.words) this.setData({ words: '', minutes: 0 })
    },
  },
  lifetimes: {
    attached() {
      this.account = accountService(request)
    },
  },
  methods: {
    getCode() {
      if (this.data.busy) return undefined
      this.setData({ busy: true, error: '', done: '' })
      return this.account
        .chatCode()
        .then((c) => this.setData({ words: c.words, minutes: c.minutes }))
        .catch((err) => this.setData({ error: chatCodeFailed(err) }))
        .then(() => this.setData({ busy: false }))
    },

    /** Copied, she pastes it into the chat instead of typing eight digits. */
    copy() {
      wx.setClipboardData({ data: this.data.words, success: () => wx.showToast({ title: '已复制，到微信聊天里粘贴后发送', icon: 'none' }) })
    },

    /** 是我的，放到这里. */
    mine() {
      const pending = this.data.join && this.data.join.pending
      if (!pending) return undefined
      return this.answer(() => this.account.confirmChatJoin(pending.id), '没有放好：')
    },

    /** 不是我的. */
    notMine() {
      const pending = this.data.join && this.data.join.pending
      if (!pending) return undefined
      return this.answer(() => this.account.refuseChatJoin(pending.id), '没能办好：')
    },

    /** 解除, after she says so once more: what it does, and what stays, in the question itself. */
    unjoin() {
      const joined = this.data.join && this.data.join.joined
      if (!joined || this.data.busy) return undefined
      return new Promise((resolve) => {
        wx.showModal({
          title: '解除连在一起？',
          content:
            '解除后，在' +
            (joined.name ? '微信“' + joined.name + '”' : '那个微信') +
            '聊天里发的留言都回到那个聊天，这里不再显示，那个聊天也看不到这里的留言；您在小程序里写的留言还留在“我的留言”里。',
          confirmText: '解除',
          cancelText: '不解除',
          success: (res) => resolve(res.confirm ? this.answer(() => this.account.unjoinChat(), '没能解除：') : undefined),
          fail: () => resolve(undefined),
        })
      })
    },

    answer(call, failed) {
      if (this.data.busy) return undefined
      this.setData({ busy: true, error: '', done: '' })
      return (
        call()
          .then((res) => {
            this.setData({ done: res.message })
            this.triggerEvent('changed', { message: res.message })
          })
          // Lapsed or answered already: the page reads her profile again, and the words say what to do.
          .catch((err) => {
            this.setData({ error: failed + err.message })
            if (err.status === 409) this.triggerEvent('changed', { message: '' })
          })
          .then(() => this.setData({ busy: false }))
      )
    },
  },
})
