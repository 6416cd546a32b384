import { randomFillSync, randomInt } from 'node:crypto'

let lastMs = 0
let sequence = 0

// A call into OpenSSL for every 16 bytes was a tenth of making a morning's digests: draw
// random bytes 4 KB at a time, as crypto.randomUUID does with its own pool.
const pool = Buffer.alloc(4096)
let poolAt = pool.length
function randomBytes16(): Buffer {
  if (poolAt === pool.length) {
    randomFillSync(pool)
    poolAt = 0
  }
  poolAt += 16
  return Buffer.from(pool.subarray(poolAt - 16, poolAt))
}

/**
 * A UUID version 7 (RFC 9562): the first 48 bits are the Unix time in ms, then a 12-bit
 * sequence (so ids made in one millisecond still sort in the order they were made, within
 * this process), the rest random. Rows written one after another get ids that sort one
 * after another, so a busy table's primary key and the indexes that carry the id grow at
 * their right edge: a commit of 50 new cases writes a few index pages, not one random
 * page per case and per index.
 */
export function timeOrderedUuid(now = Date.now()): string {
  if (now > lastMs) {
    lastMs = now
    sequence = randomInt(0x800) // room to count up within the millisecond
  } else if (++sequence > 0xfff) {
    lastMs++
    sequence = 0
  }
  const bytes = randomBytes16()
  bytes.writeUIntBE(lastMs, 0, 6)
  bytes[6] = 0x70 | (sequence >> 8) // version 7
  bytes[7] = sequence & 0xff
  bytes[8] = (bytes[8] & 0x3f) | 0x80 // variant 10
  const hex = bytes.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
