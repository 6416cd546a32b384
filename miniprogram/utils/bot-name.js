const { settingsService } = require('../services/settings')

/**
 * The chat account by the nickname people find it by in WeChat: the backend's config bot.nickname, told in
 * GET /api/mp/settings (`botName`). Every line that tells a person to find the bot or that it will write to them
 * names it so, never a name of its own (联络助手, 联络机器人). An older backend that does not say, or settings that
 * cannot be read just now, fall back to the config's default nickname.
 */
const DEFAULT_BOT_NAME = '留言小助手'

const botNameOf = (settings) => (settings && settings.botName) || DEFAULT_BOT_NAME

/** The nickname, from the settings read once per launch; never fails (the default instead). */
function loadBotName(request) {
  return settingsService(request)
    .get()
    .then(botNameOf, () => DEFAULT_BOT_NAME)
}

module.exports = { DEFAULT_BOT_NAME, botNameOf, loadBotName }
