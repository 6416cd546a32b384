import type { ReminderOutcome, ReminderState } from '../../services/reminder-round.js'

/** Whether 提醒未参与 / 提醒未读 may be pressed now, and for how many: the console's button and its note (names only). */
export const presentReminderState = (s: ReminderState) => ({
  closed: s.closed,
  waiting: s.waiting,
  remindedToday: s.remindedToday,
  ready: s.ready,
  note: s.note,
})

/** What a press did: counts, whom to phone (names only, never a phone number), and all of it in words. */
export const presentReminderOutcome = (o: ReminderOutcome) => ({
  reminded: o.reminded,
  remindedToday: o.remindedToday,
  unreachable: o.unreachable.map((p) => ({ deputyId: p.deputyId, name: p.name })),
  words: o.words,
})
