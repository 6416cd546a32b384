import { asResident } from '../../test/helpers/app.js'
import { holdPhone, type Backend } from './backend.js'

/**
 * A resident who agreed to the first privacy notice (v1), which has changed since, now holds the phone: the
 * one the mini-program must tell of the new notice before she writes again.
 */
export async function residentWhoAgreedToTheOldNotice(app: Backend, openid: string) {
  const resident = await asResident(app, openid)
  await app.liaison.store.mpUsers.update(resident.userId, { consentVersion: 'v1' })
  holdPhone(app, openid)
  return resident
}
