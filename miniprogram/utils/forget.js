/**
 * What a person's deletion of their data (我的信息) leaves on the phone: nothing of theirs.
 * The session, their profile, the last message they sent, the place they live, answers
 * carried between pages — all of it goes, including keys added later. Only how the app
 * looks (关怀模式) stays, which says nothing about the person and which an elderly user
 * would otherwise have to find and switch on again.
 */
const KEEP = ['care.mode']

function forgetPerson() {
  const kept = KEEP.map((key) => [key, wx.getStorageSync(key)]).filter((pair) => pair[1] !== '' && pair[1] !== undefined && pair[1] !== null)
  wx.clearStorageSync()
  kept.forEach((pair) => wx.setStorageSync(pair[0], pair[1]))
}

module.exports = { forgetPerson }
