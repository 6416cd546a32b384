/**
 * 关怀模式 (the elderly mode): larger text, more space, bigger buttons. On by itself when
 * the phone's font is set large (WeChat's fontSizeSetting above the standard 17), and by
 * the switch in 我的, which is remembered and wins over the phone's setting.
 */
const KEY = 'care.mode'
const STANDARD_FONT = 17

function phoneFontIsLarge() {
  try {
    const info = wx.getAppBaseInfo ? wx.getAppBaseInfo() : wx.getSystemInfoSync()
    return Number(info.fontSizeSetting || STANDARD_FONT) > STANDARD_FONT
  } catch (e) {
    return false
  }
}

/** 'on', 'off', or '' when the person never chose. */
function chosen() {
  const value = wx.getStorageSync(KEY)
  return value === 'on' || value === 'off' ? value : ''
}

function isOn() {
  const choice = chosen()
  return choice ? choice === 'on' : phoneFontIsLarge()
}

function choose(on) {
  wx.setStorageSync(KEY, on ? 'on' : 'off')
}

module.exports = { isOn, choose, chosen, phoneFontIsLarge }
