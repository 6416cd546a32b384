import { randomFillSync, randomInt } from 'node:crypto'

let lastMs = 0
let sequence = 0

/**
 * Random bytes drawn from the system in one call per 512 ids: a call per id (a syscall and a
 * fresh buffer each) was a tenth of a case submission's CPU. Node's own randomUUID pools the
 * same way.
 */
const POOL_IDS = 512
const pool = Buffer.allocUnsafe(POOL_IDS * 10)
let poolOffset = pool.length

function randomTen(): Buffer {
  if (poolOffset >= pool.length) {
    randomFillSync(pool)
    poolOffset = 0
  }
  const bytes = pool.subarray(poolOffset, poolOffset + 10)
  poolOffset += 10
  return bytes
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
  const bytes = Buffer.allocUnsafe(16)
  bytes.writeUIntBE(lastMs, 0, 6)
  bytes[6] = 0x70 | (sequence >> 8) // version 7
  bytes[7] = sequence & 0xff
  randomTen().copy(bytes, 8)
  bytes[8] = (bytes[8] & 0x3f) | 0x80 // variant 10
  const hex = bytes.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
