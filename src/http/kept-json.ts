// Bytes of the answers written so far, gone with their answer.
const written = new WeakMap<object, Buffer>()

/**
 * Sets a JSON answer as the body. A frozen answer is one a service keeps and hands to every request that asks the
 * same question (the statistics: an admin's 3,000 stations are 2 MB of JSON): its bytes are written once and sent
 * again, the very bytes Koa writes for an object body (JSON.stringify, UTF-8, application/json).
 */
export function sendJson(ctx: { body: unknown; type: string }, answer: object) {
  if (!Object.isFrozen(answer)) {
    ctx.body = answer
    return
  }
  let bytes = written.get(answer)
  if (!bytes) written.set(answer, (bytes = Buffer.from(JSON.stringify(answer))))
  ctx.body = bytes
  ctx.type = 'json'
}
