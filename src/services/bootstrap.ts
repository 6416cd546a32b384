import type { DirectoryFile } from '../domain/directory.js'
import { generatePassword, type PasswordHasher } from '../security/passwords.js'
import type { Store } from '../store/ports.js'
import type { AuditTrail } from './audit.js'
import { DEMO_STORE_MARKER } from './accounts/demo-login.js'
import type { DirectoryImporter } from './directory/directory-import.js'

export const BUILT_IN_ADMIN = 'admin'

/**
 * Makes sure the built-in console account exists. Its password comes from
 * LIAISON_ADMIN_PASSWORD when set (and follows it when it changes, ending the account's open
 * sessions); otherwise a random
 * one is made once and returned so that it can be printed once.
 */
export async function ensureAdmin(store: Pick<Store, 'staff' | 'sessions'>, passwords: PasswordHasher, audit: AuditTrail, configured: string | null) {
  const existing = await store.staff.getByUsername(BUILT_IN_ADMIN)
  if (existing) {
    if (configured && !(await passwords.verify(configured, existing.passwordHash))) {
      // The deployment's password is the admin's own: nothing left for them to change (an earlier reset's flag goes).
      await store.staff.update(existing.id, { passwordHash: await passwords.hash(configured), active: true, mustChangePassword: false })
      // A changed password is often a leaked one: whoever is signed in with the old one is signed out.
      await store.sessions.deleteForSubject('staff', existing.id)
      await audit.record(null, 'staff.password.reset', { kind: 'staff', id: existing.id }, { reason: 'LIAISON_ADMIN_PASSWORD changed' })
    }
    return { created: false as const }
  }
  const password = configured ?? generatePassword()
  await store.staff.create({
    id: BUILT_IN_ADMIN,
    username: BUILT_IN_ADMIN,
    name: '系统管理员',
    activationHash: null,
    activationIssuedAt: null,
    // Its password is the deployment's, or printed once to whoever started the server: their own.
    mustChangePassword: false,
    role: 'admin',
    stationIds: [],
    regionIds: [],
    passwordHash: await passwords.hash(password),
    active: true,
  })
  await audit.record(null, 'staff.create', { kind: 'staff', id: BUILT_IN_ADMIN }, { reason: 'built-in admin' })
  return { created: true as const, generatedPassword: configured ? null : password }
}

/**
 * scrypt N for the demo's staff passwords. They are generated (12 characters of 55: ~69 bits), so a
 * slow hash adds nothing against guessing them, and at today's cost the ~20 hashes were most of a first
 * `npm start`'s seeding; a login upgrades each to today's cost (AuthService, needsRehash).
 */
export const DEMO_PASSWORD_COST = 1024

/** Loads a demo directory into an empty store, with fresh passwords for its staff, returned once. */
export async function seedDemo(store: Pick<Store, 'directory' | 'markers'>, importer: DirectoryImporter, demo: DirectoryFile) {
  const counts = await store.directory.counts()
  if (counts.regions + counts.stations + counts.deputies > 0) return null
  const logins = (demo.staff ?? []).map((s) => ({ ...s, password: generatePassword() }))
  // Printed once to whoever started the demo, to try each role themselves: not handed to anyone to keep.
  await importer.import({ ...demo, staff: logins }, null, undefined, { passwordCost: DEMO_PASSWORD_COST, changeAtFirstLogin: false })
  // The store is the demo's for good: only a demo store lets the mini-program in without WeChat (accounts/demo-login.ts).
  await store.markers.markDone(DEMO_STORE_MARKER, new Date())
  return logins.map(({ username, name, role, password }) => ({ username, name, role, password }))
}
