import type { Clock } from '../clock.js'
import type { Store } from '../store/ports.js'
import type { JobDefinition } from './job.js'
import { DIALOGUE_UNTOUCHED_MS } from '../services/bot/bot-state.js'
import type { MeetingDepartures } from '../services/meetings/meeting-departures.js'

export const MAINTENANCE_JOB = 'maintenance'

const HOUR = 3_600_000
/** Binding codes are kept this long past their end, then go: a binding is audited, so nothing needs the code after. */
const BINDING_CODES_KEPT_DAYS = 7
/**
 * How far back a chat joined to a mini-program account is looked at for messages left under its old person: a write
 * that began before the join ends within a MongoDB transaction's life (a minute, retried for two), so a day is ample.
 */
const LEFT_BEHIND_HOURS = 24

/**
 * Idempotency keys are kept 48 h (the promise is 24 h), expired sessions go, and the bot's
 * handled message ids are kept 30 days (puppets replay a few days at most). A chat dialogue goes
 * once past the time the bot said it keeps it (words typed before the privacy notice was agreed
 * to: the day she was told; a summary left unsent: the week), or untouched for a week, even while
 * the bot is not running to let it go: hourly, so "a day" is not nearly two. Binding codes go a week after they end
 * (anyone may ask for a resident's code: they must not pile up), a chat's request to join a mini-program account that
 * lapsed goes with the WeChat name in it, and messages left under a chat person after its join are moved.
 */
export async function runMaintenanceJob({ store, clock, departures }: { store: Store; clock: Clock; departures?: Pick<MeetingDepartures, 'mend'> }) {
  const now = clock.now()
  const keys = await store.idempotency.purgeBefore(new Date(now.getTime() - 48 * HOUR))
  const sessions = await store.sessions.deleteExpired(now)
  const seen = await store.bot.purgeSeenBefore(new Date(now.getTime() - 30 * 24 * HOUR))
  const dialogues = await store.bot.purgeDialogues(now, new Date(now.getTime() - DIALOGUE_UNTOUCHED_MS))
  const bindingCodes = await store.bindingCodes.purgeExpired(new Date(now.getTime() - BINDING_CODES_KEPT_DAYS * 24 * HOUR))
  const chatJoinRequests = await store.chatJoins.purgeLapsed(now)
  const chatLeftBehind = await store.chatJoins.gatherLeftBehind(new Date(now.getTime() - LEFT_BEHIND_HOURS * HOUR))
  // The lists of meetings ahead judged again against the directory: a move whose request stopped halfway
  // (timed out, restarted) left some unmarked, or a newcomer off his station's list; put right within the hour.
  const meetingLists = departures ? await departures.mend() : null
  return { keys, sessions, seen, dialogues, bindingCodes, chatJoinRequests, chatLeftBehind, meetingLists }
}

/** Hourly, at a minute no other job uses. */
export const maintenanceJob: JobDefinition = {
  name: MAINTENANCE_JOB,
  schedule: '17 * * * *',
  leaseMs: 10 * 60_000,
  run: ({ store, clock, services }) => runMaintenanceJob({ store, clock, departures: services.meetingDepartures }),
}
