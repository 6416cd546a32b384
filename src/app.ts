import type { Server } from 'node:http'
import { systemClock, type Clock } from './clock.js'
import type { Config } from './config.js'
import { createHttpApp } from './http/app.js'
import { createLogger, type Logger } from './logger.js'
import { resolveSecretKey } from './secret-key.js'
import { createServices, type Services } from './services/index.js'
import { openStore } from './store/open-store.js'
import type { Store } from './store/ports.js'

export interface BuildOptions {
  clock?: Clock
  logger?: Logger
  /** An already open store (tests that reopen one file); otherwise config.store.url is opened. */
  store?: Store
}

export interface Liaison {
  config: Config
  store: Store
  services: Services
  logger: Logger
  http: ReturnType<typeof createHttpApp>
  /** Starts listening; resolves with the bound port (useful with port 0). */
  listen(port?: number, host?: string): Promise<{ server: Server; port: number }>
  close(): Promise<void>
}

/** The composition root: the one place adapters are chosen and services wired. */
export async function build(config: Config, options: BuildOptions = {}): Promise<Liaison> {
  const logger = options.logger ?? createLogger(config)
  const clock = options.clock ?? systemClock
  const { key, source } = resolveSecretKey(config)
  if (source === 'ephemeral') logger.warn('no LIAISON_SECRET_KEY: personal data in this throw-away store uses a temporary key')
  const store = options.store ?? (await openStore(config.store.url))
  const services = createServices({ ...config, security: { ...config.security, secretKey: key } }, store, clock)
  const http = createHttpApp(config, logger, store, services, clock)
  let server: Server | null = null

  return {
    config, store, services, logger, http,
    listen(port = config.http.port, host = config.http.host) {
      return new Promise((resolve, reject) => {
        const s = http.listen(port, host)
        s.once('listening', () => {
          server = s
          const address = s.address()
          resolve({ server: s, port: typeof address === 'object' && address ? address.port : port })
        })
        s.once('error', reject)
      })
    },
    async close() {
      if (server) {
        const s = server
        server = null
        s.closeAllConnections()
        await new Promise<void>((resolve) => s.close(() => resolve()))
      }
      await store.close()
    },
  }
}
