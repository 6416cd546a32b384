import net from 'node:net'

/**
 * Tests talk to loopback only: the app on an ephemeral port, the fake WeChat, the bot.
 * A connection anywhere else (a forgotten override pointing at api.weixin.qq.com, a
 * library phoning home) is refused before a byte leaves, and recorded so that the test
 * that made it fails even when the code under test swallows the error.
 */
const blocked: string[] = []

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|::1|::ffff:127(\.\d{1,3}){3}|\[::1\])$/i

export function isLoopback(host: string): boolean {
  return LOOPBACK.test(host)
}

/** Takes the list of refused destinations, leaving it empty. */
export function takeBlockedConnections(): string[] {
  return blocked.splice(0)
}

let installed = false

export function installNetworkGuard() {
  if (installed) return
  installed = true
  const connect = net.Socket.prototype.connect
  net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
    const first = args[0]
    const options = (Array.isArray(first) ? first[0] : first) as unknown
    let host: string | null = null
    let port: unknown
    if (options && typeof options === 'object') {
      const o = options as { path?: string | null; host?: string; port?: unknown }
      if (!o.path) {
        // As net.Socket#connect decides: a truthy path is a local pipe, otherwise host and port.
        host = o.host ?? 'localhost'
        port = o.port
      }
    } else if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
      host = typeof args[1] === 'string' ? args[1] : 'localhost'
      port = first
    }
    if (host !== null && !isLoopback(host)) {
      const where = `${host}:${String(port)}`
      blocked.push(where)
      throw new Error(`tests may only connect to loopback; refused ${where}`)
    }
    return (connect as (...a: unknown[]) => net.Socket).apply(this, args)
  } as typeof net.Socket.prototype.connect
}
