import { pino } from 'pino'
import { LiaisonBot } from './bot.js'
import { BotConfigError, loadBotConfig } from './config.js'

/**
 * `npm run bot`: the chat bot as its own process, talking to the backend at
 * LIAISON_API_BASE over HTTP. With WECHATY_PUPPET=wechaty-puppet-mock it runs a scripted
 * demo instead; `-- --demo` also starts a throw-away backend in this process.
 */
async function main() {
  const args = new Set(process.argv.slice(2))
  let config = loadBotConfig()
  let backend: Awaited<ReturnType<typeof import('./demo.js').startDemoBackend>> | null = null
  let adminPassword = config.demoAdminPassword

  if (args.has('--demo')) {
    const { startDemoBackend } = await import('./demo.js')
    backend = await startDemoBackend()
    config = { ...config, apiBase: backend.baseUrl, secret: backend.secret }
    adminPassword = backend.adminPassword
  }

  if (config.puppet === 'wechaty-puppet-mock') {
    if (!config.secret) throw new BotConfigError('LIAISON_BOT_SECRET is not set (or run with -- --demo to start a backend of its own)')
    const { runDemo } = await import('./demo.js')
    try {
      await runDemo(config, { adminPassword, realPace: args.has('--real-pace') })
    } finally {
      await backend?.close()
    }
    process.exit(0)
  }

  if (backend) process.stderr.write('--demo starts a backend for the mock puppet only; set WECHATY_PUPPET=wechaty-puppet-mock\n')
  const log = pino({ name: 'liaison-bot' })
  const bot = new LiaisonBot({ config, log })
  await bot.start()
  log.info({ puppet: config.puppet, api: config.apiBase }, 'bot started; waiting for login (see the QR link above when asked)')

  const stop = async (signal: string) => {
    log.info({ signal }, 'bot stopping')
    await bot.stop().catch(() => {})
    await backend?.close()
    process.exit(0)
  }
  process.once('SIGINT', () => void stop('SIGINT'))
  process.once('SIGTERM', () => void stop('SIGTERM'))
  // Some puppets throw from their own timers after a failed re-login ("must logout first
  // before login again"); the bot cannot recover in-process, so it exits for its
  // supervisor to restart it. Held messages are on disk and are answered after the restart.
  process.on('uncaughtException', (err) => {
    log.fatal({ err }, 'bot: uncaught exception; exiting for a restart')
    process.exit(1)
  })
}

main().catch((err) => {
  if (err instanceof BotConfigError) {
    process.stderr.write(`${err.message}\n`)
    process.exit(2)
  }
  process.stderr.write(`bot failed to start: ${err instanceof Error ? err.stack : String(err)}\n`)
  process.exit(1)
})
