/**
 * One message in a list: ticket, state in words, the beginning of the text, and for an answered one
 * (replied) that she is to rate it; tapping opens it. The state is the sentence her message's page
 * says (statusText, "已交给张伟代表，代表还没有看"): one state read one way on both.
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
