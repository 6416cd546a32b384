const care = require('./utils/care')

App({
  globalData: { care: false },

  onLaunch() {
    this.globalData.care = care.isOn()
  },
})
