import type { DirectoryFile } from '../../src/domain/directory.js'
import { caseCity } from '../fixtures.js'
import { Client, startApp, type TestApp } from './app.js'
import { BOT_SECRET } from './wechat.js'

/**
 * The real app with the bot API on (the case city unless another directory is given), and a client that calls it as
 * the bot process does, with the shared secret.
 */
export async function startWithBotApi(
  options: { directory?: DirectoryFile; overrides?: Record<string, unknown> } = {},
): Promise<{ app: TestApp; bot: Client }> {
  const app = await startApp({ directory: options.directory ?? caseCity(), overrides: { ...options.overrides, bot: { secret: BOT_SECRET } } })
  const bot = new Client(app.baseUrl)
  bot.bearer = BOT_SECRET
  return { app, bot }
}
