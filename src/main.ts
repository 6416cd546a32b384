import { ConfigError, loadConfig } from './config.js'
import { build } from './app.js'
import { StoreStartupError } from './store/startup-error.js'
import { demoDirectory } from './demo/demo-city.js'
import { seedDemoMeeting } from './demo/demo-meeting.js'
import { seedDemoCampaign } from './demo/demo-campaign.js'
import { seedDemoSurveys } from './demo/demo-surveys.js'
import { seedDemoQuiz } from './demo/demo-quiz.js'
import { DEMO_RESIDENT_TO_RATE, seedDemoCases } from './demo/demo-cases.js'
import { localDate } from './domain/dates.js'
import { ensureAdmin, seedDemo } from './services/bootstrap.js'

/** `npm start`: load config, open the store, make sure an admin exists, seed the demo, serve. */
async function main() {
  const config = loadConfig()
  const liaison = await build(config)
  const { logger, store, services } = liaison
  const admin = await ensureAdmin(store, services.passwords, services.audit, config.security.adminPassword)
  const demoLogins = config.demo.seedOnEmptyStore
    ? await seedDemo(store, services.importer, demoDirectory({ today: localDate(new Date(), config.business.timeZone) }))
    : null
  // A demo just seeded gets a published meeting too, so the console shows notices and answers at once.
  if (demoLogins) await seedDemoMeeting(store, services, config.business.timeZone, new Date())
  // …and a running campaign with reading published and scheduled.
  if (demoLogins) await seedDemoCampaign(store, services, new Date())
  // …and a consultation on a draft regulation and a ballot on livelihood projects.
  if (demoLogins) await seedDemoSurveys(store, services, new Date())
  if (demoLogins) await seedDemoQuiz(store, services, new Date()) // …and a campaign quiz on the Deputies Law.
  // …and residents' messages, so the console's inbox and dashboard show work.
  const demoBusiest = demoLogins ? await seedDemoCases(store, services) : null
  const demoDeputy = demoBusiest ? await store.deputies.get(demoBusiest.deputyId) : null
  // The topic model before the first message rather than during it (counted once, then read from its cache).
  const modelStarted = performance.now()
  services.topicModels.base()
  logger.info({ ms: Math.round(performance.now() - modelStarted) }, 'topic model ready')
  const { port } = await liaison.listen()
  liaison.startJobs()
  logger.info({ port, store: store.kind }, 'liaison listening')

  // Passwords are shown here once and never logged: they go to the terminal, not the JSON log.
  const lines: string[] = []
  if (admin.created && admin.generatedPassword) lines.push(`  admin / ${admin.generatedPassword}   (系统管理员; set LIAISON_ADMIN_PASSWORD to choose it)`)
  for (const l of demoLogins ?? []) lines.push(`  ${l.username} / ${l.password}   (${l.name}, ${l.role})`)
  if (lines.length) process.stderr.write(`\nConsole logins (shown once; write them down):\n${lines.join('\n')}\n\n`)
  // Who to be in the mini-program without WeChat (accounts/demo-login.ts): no secrets, only where the demo's work is.
  if (demoLogins && !config.wechat.enabled) {
    const open = demoBusiest?.open ?? 0
    const deputy = demoDeputy
      ? `demo:deputy-${demoDeputy.code}   (${demoDeputy.name}, a deputy with ${open} message${open === 1 ? '' : 's'} to answer)`
      : 'demo:deputy-DP0004   (a deputy)'
    process.stderr.write(
      `Mini-program demo logins, from this computer only (WeChat DevTools or curl; README "Try a resident's and a deputy's side"):\n` +
        `  demo:resident-${DEMO_RESIDENT_TO_RATE}   (a resident with an answer to rate)\n  ${deputy}\n\n`,
    )
  }
  process.stderr.write(`Liaison is serving on http://localhost:${port} (store: ${config.store.url})\n`)

  const stop = async (signal: string) => {
    logger.info({ signal }, 'shutting down')
    await liaison.close()
    process.exit(0)
  }
  process.once('SIGINT', () => void stop('SIGINT'))
  process.once('SIGTERM', () => void stop('SIGTERM'))
}

main().catch((err) => {
  if (err instanceof ConfigError || err instanceof StoreStartupError) {
    process.stderr.write(`${err.message}\n`)
    process.exit(2)
  }
  process.stderr.write(`liaison failed to start: ${err instanceof Error ? err.stack : String(err)}\n`)
  process.exit(1)
})
