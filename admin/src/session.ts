import { reactive } from 'vue'
import { api, ApiError } from './api'
import { setBusinessZone } from './business-zone'

export type Role = 'station_staff' | 'organizer' | 'admin' | 'unit_staff'
export interface Staff {
  id: string
  username: string
  name: string
  role: Role
  stationIds: string[]
  regionIds: string[]
  /** Only for unit_staff: the handling units they answer for. */
  unitIds?: string[]
  /** Signed in with a password an admin gave: only the screen that changes it opens (the server refuses the rest). */
  mustChangePassword?: boolean
}

export const ROLE_LABELS: Record<Role, string> = {
  station_staff: '联络站工作人员',
  organizer: '人大办工作人员',
  admin: '系统管理员',
  unit_staff: '承办单位工作人员',
}

/**
 * Who is logged in; null until /me answers or after logging out. `ended` says a session this
 * browser had timed out (not a first visit or a logout), so the login page can say why it is shown.
 */
export const session = reactive<{ staff: Staff | null; checked: boolean; ended: boolean }>({ staff: null, checked: false, ended: false })

/** Every session answer (GET /me, login, activation, a password change): who, and the business time zone. */
interface SessionAnswer {
  staff: Staff
  timeZone?: string
}
/** The person signed in; the zone every date and time is shown and picked in, from now on. */
function signedIn(answer: SessionAnswer): Staff {
  setBusinessZone(answer.timeZone)
  return answer.staff
}

export async function loadSession(): Promise<Staff | null> {
  if (session.checked) return session.staff
  try {
    session.staff = signedIn(await api.get<SessionAnswer>('/me'))
  } catch (err) {
    if (!(err instanceof ApiError && err.status === 401)) throw err
    session.staff = null
    session.ended = err.code === 'session_expired'
  }
  session.checked = true
  return session.staff
}

export async function logIn(username: string, password: string) {
  session.staff = signedIn(await api.post<SessionAnswer>('/login', { username, password }))
  session.checked = true
  session.ended = false
  return session.staff
}

/** First login with the activation code from the office: sets the password and signs in. */
export async function activate(username: string, activationCode: string, newPassword: string) {
  session.staff = signedIn(await api.post<SessionAnswer>('/activate', { username, activationCode, newPassword }))
  session.checked = true
  session.ended = false
  return session.staff
}

/** Changes one's own password; the answer is the new session, whose password is now one's own. */
export async function changeOwnPassword(currentPassword: string, newPassword: string) {
  session.staff = signedIn(await api.post<SessionAnswer>('/me/password', { currentPassword, newPassword }))
  return session.staff
}

export async function logOut() {
  await api.post('/logout').catch(() => {})
  session.staff = null
  session.checked = true
}
