/**
 * What a person is told while the office has not switched WeChat notices on (no template to ask for):
 * one sentence for 我的, 代表工作台 and the page after writing, so the same person never reads two
 * different things. A deputy bound to the 联络助手 (the bot) is still reached by it in the WeChat chat:
 * he is told that, never that nothing comes to him. A resident is not: nothing in the product links her
 * mini-program account to a chat contact, so her answer can only be read in 我的留言, and she is told so.
 * `who`: { deputy: whether a deputy reads it, bot: whether the 联络助手 reaches him (his notices' `bot`) }.
 */
function noticesOffWords(who) {
  if (who && who.deputy) {
    return who.bot ? '微信通知未开启。有新留言时，联络助手会在微信聊天里告诉您。' : '微信通知未开启：有新留言时不会发微信通知给您，请常来“代表工作台”看看。'
  }
  return '微信通知未开启：代表答复时不会发微信通知给您，请到“我的留言”查看进度。'
}

module.exports = { noticesOffWords }
