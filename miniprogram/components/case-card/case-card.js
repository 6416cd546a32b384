/** One message in a list: ticket, state in words, the beginning of the text; tapping opens it. */
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
