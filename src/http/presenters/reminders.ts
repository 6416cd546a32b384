import type { ReminderOutcome } from '../../services/reminder-round.js'

/** Whether 提醒未参与 / 提醒未读 may be pressed now, and for how many: the console's button and its note. */
export const presentReminderState = (s: { closed: string | null; waiting: number; remindedToday: number }) => ({
  closed: s.closed,
  waiting: s.waiting,
  remindedToday: s.remindedToday,
})

/** What a press did: counts, whom to phone (names only, never a phone number), and all of it in words. */
export const presentReminderOutcome = (o: ReminderOutcome) => ({
  reminded: o.reminded,
  remindedToday: o.remindedToday,
  unreachable: o.unreachable.map((p) => ({ deputyId: p.deputyId, name: p.name })),
  words: o.words,
})
