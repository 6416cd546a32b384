/**
 * Many signed-in mini-program users for the load benches, written straight into the store's
 * file in one transaction (seeding 100,000 through the services would take longer than the
 * bench). Their tokens are derived from their number, so the load generator needs no list.
 */
import Database from 'better-sqlite3'
import { hashToken } from '../../src/services/accounts/auth.js'

export const benchToken = (i: number) => `bench-session-${String(i).padStart(10, '0')}`
export const benchUserId = (i: number) => `mu-bench-${i}`

export function seedPeople(file: string, count: number, consentVersion: string | null) {
  const db = new Database(file)
  try {
    const now = new Date().toISOString()
    const expires = new Date(Date.now() + 86_400_000).toISOString()
    const user = db.prepare(`INSERT INTO mp_users (id, openid, consent_version, consent_at, created_at) VALUES (?, ?, ?, ?, ?)`)
    const session = db.prepare(`INSERT INTO sessions (id, token_hash, subject_kind, subject_id, created_at, last_seen_at, expires_at)
      VALUES (?, ?, 'mp_user', ?, ?, ?, ?)`)
    db.transaction(() => {
      for (let i = 0; i < count; i++) {
        user.run(benchUserId(i), `o-bench-${i}`, consentVersion, consentVersion ? now : null, now)
        session.run(`bs-${i}`, hashToken(benchToken(i)), benchUserId(i), now, now, expires)
      }
    })()
  } finally {
    db.close()
  }
}
