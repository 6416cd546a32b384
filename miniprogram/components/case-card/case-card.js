/**
 * One message in a list: ticket, state in words, the beginning of the text, and for an answered one
 * (replied) that she is to rate it; tapping opens it.
 */
Component({
  options: { addGlobalClass: true },
  properties: {
    item: { type: Object, value: {} },
  },
  methods: {
    open() {
      wx.navigateTo({ url: '/pages/case/detail?caseId=' + this.data.item.id })
    },
  },
})
