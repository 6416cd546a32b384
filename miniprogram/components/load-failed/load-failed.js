/**
 * What a page shows when it could not load: what happened, in the words the request layer
 * gives ("网络不通，请检查网络后重试"), and one thing to tap. When trying again might help (no
 * signal, the server down) that is 再试一次, which asks the page to load again (bind:retry).
 * When the answer will not change however often she taps (what she opened is not there, 404,
 * or is not hers to see, 403: the page passes the failure's `status`), it is 返回首页 instead.
 * The page shows nothing else meanwhile: no "暂无…" that is not true, no button that needs what
 * did not come.
 */
const FINAL = [403, 404, 410]

Component({
  options: { addGlobalClass: true },
  properties: {
    message: { type: String, value: '' },
    status: { type: Number, value: 0 },
  },
  observers: {
    status(status) {
      this.setData({ final: FINAL.indexOf(status) >= 0 })
    },
  },
  data: { final: false },
  methods: {
    retry() {
      this.triggerEvent('retry')
    },
    home() {
      wx.reLaunch({ url: '/pages/index/index' })
    },
  },
})
