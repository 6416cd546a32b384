import type { Context } from 'koa'

const LOOPBACK = /^(127(\.\d{1,3}){3}|::1|::ffff:127(\.\d{1,3}){3})$/

/**
 * Whether a request was made on the computer the server runs on, read from the connection itself
 * (never from a header a client writes). A request a reverse proxy passed on arrives from the
 * proxy, often on this machine: with `http.trustProxy` on, or any forwarding header present, it
 * counts as coming from elsewhere, since the person behind it may be anywhere.
 */
export function fromThisMachine(ctx: Context): boolean {
  if (!LOOPBACK.test(ctx.req.socket.remoteAddress ?? '')) return false
  if (ctx.app.proxy) return false
  return !(ctx.get('x-forwarded-for') || ctx.get('forwarded') || ctx.get('x-real-ip'))
}
