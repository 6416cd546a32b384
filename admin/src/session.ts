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
 * `office`: the office she turns to, by its name ("澜江区人大常委会办公室"), as the server names it with her session;
 * `botName`: the chat account's WeChat nickname, which the binding pages tell people to find. Both '' until told
 * (an older server): the pages then say them without a name.
 */
export const session = reactive<{ staff: Staff | null; checked: boolean; ended: boolean; office: string; botName: string }>({
  staff: null,
  checked: false,
  ended: false,
  office: '',
  botName: '',
})

/** Every session answer (GET /me, login, activation, a password change): who, the business time zone, her office, the bot's name. */
interface SessionAnswer {
  staff: Staff
  timeZone?: string
  office?: string
  botName?: string
}
/** The person signed in; the zone every date and time is shown and picked in, her office and the bot's name, from now on. */
function signedIn(answer: SessionAnswer): Staff {
  setBusinessZone(answer.timeZone)
  session.office = answer.office ?? ''
  session.botName = answer.botName ?? ''
  return answer.staff
}

/** "澜江区人大常委会办公室" → "澜江区人大办", as a short line or a button names an office: the server's own rule, so both say it alike. */
export { shortOfficeName as shortOffice } from '../../src/domain/office-name'

/** Her office by its name, or the bare words for one when an older server did not say. */
export const officeName = () => session.office || '人大常委会办公室'
/**
 * The chat account where she must find it in WeChat: 微信助手, its one name on every page, with the nickname WeChat
 * shows for it (“留言小助手”), or the name alone when an older server did not say.
 */
export const botWords = () => (session.botName ? `微信助手（微信里的名字叫“${session.botName}”）` : '微信助手')

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
