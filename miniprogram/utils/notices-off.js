/**
 * What a person is told while the office has not switched WeChat notices on (no template to ask for):
 * one sentence for 我的, 代表工作台 and the page after writing, so the same person never reads two
 * different things. A deputy or a resident bound to the 联络助手 is still reached by it in the WeChat
 * chat: they are told that, never that nothing comes to them.
 * `who`: { deputy: whether a deputy reads it, bot: whether the 联络助手 reaches them (the server's `bot`; null: not known) }.
 */
function noticesOffWords(who) {
  const bot = Boolean(who && who.bot)
  if (who && who.deputy) {
    return bot ? '微信通知未开启。有新留言时，联络助手会在微信聊天里告诉您。' : '微信通知未开启：有新留言时不会发微信通知给您，请常来“代表工作台”看看。'
  }
  // Not known (her profile did not come): nothing said of the chat either way.
  if (who && who.bot === null) return '微信通知未开启。代表答复后，请到“我的留言”查看进度。'
  return bot ? '微信通知未开启。代表答复后，联络助手会在微信聊天里把答复发给您。' : '微信通知未开启：代表答复时不会发微信通知给您，请到“我的留言”查看进度。'
}

module.exports = { noticesOffWords }
