const { DEFAULT_BOT_NAME } = require('./bot-name')

/**
 * What a person is told while the office has not switched WeChat notices on (no template to ask for):
 * one sentence for 我的, 代表工作台 and the page after writing, so the same person never reads two
 * different things. A deputy bound to the bot (the chat account) is still reached by it in the WeChat chat:
 * he is told that, never that nothing comes to him. So is a resident who joined her chat to this account
 * (her profile's `chatJoined`); otherwise her answer can only be read in 我的留言, and she is told so.
 * `who`: { deputy: whether a deputy reads it, bot: whether the bot reaches them (his notices' `bot`, her `chatJoined`),
 * botName: the chat account's WeChat nickname (bot-name.js), which is what the chat is called where it reaches them }.
 */
function noticesOffWords(who) {
  const bot = (who && who.botName) || DEFAULT_BOT_NAME
  if (who && who.deputy) {
    return who.bot
      ? '微信通知未开启。有新留言时，“' + bot + '”会在微信聊天里告诉您。'
      : '微信通知未开启：有新留言时不会发微信通知给您，请常来“代表工作台”看看。'
  }
  // Her chat joined to this account (我的 knows it from her profile): the bot brings her answers there.
  if (who && who.bot) return '微信通知未开启。代表答复时，“' + bot + '”会在微信聊天里告诉您。'
  return '微信通知未开启：代表答复时不会发微信通知给您，请到“我的留言”查看进度。'
}

module.exports = { noticesOffWords }
