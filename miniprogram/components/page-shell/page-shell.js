const care = require('../../utils/care')

/**
 * The outer frame of every page: padding, and the 关怀模式 class that enlarges text and
 * buttons through the font variables in app.wxss. It reads the mode whenever its page shows,
 * so the switch in 我的 takes effect on every page without a restart.
 */
Component({
  options: { addGlobalClass: true, multipleSlots: true },
  data: { care: false },
  lifetimes: {
    attached() {
      this.refresh()
    },
  },
  pageLifetimes: {
    show() {
      this.refresh()
    },
  },
  methods: {
    refresh() {
      const on = care.isOn()
      if (on !== this.data.care) this.setData({ care: on })
    },
  },
})
