/**
 * What a page shows when it could not load: what happened, in the words the request layer
 * gives ("网络不通，请检查网络后重试"), and one thing to tap, 再试一次, which asks the page
 * to load again (bind:retry). The page shows nothing else meanwhile: no "暂无…" that is not
 * true, no button that needs what did not come.
 */
Component({
  options: { addGlobalClass: true },
  properties: { message: { type: String, value: '' } },
  methods: {
    retry() {
      this.triggerEvent('retry')
    },
  },
})
