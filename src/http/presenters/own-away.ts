import { AWAY_REASON_CHOICES, awayDeputyLine } from '../../domain/deputy-away.js'
import type { OwnAway } from '../../services/directory/deputy-own-away.js'

/**
 * A deputy's own 暂停接收留言 for his page: the mark now or ahead, with his workbench's line for it ("您已暂停接收新留言
 * （…），您手上的留言仍由您办理"), who set it (`bySelf`), today (the first day he may pick) and the kinds he chooses from.
 * The note only when he wrote it: on a mark staff set it is their few words for each other ("家属来电，情况待核实"),
 * never told to him. `askStation`: on a mark staff set, whom he asks to change it (he may not here).
 */
export const presentOwnAway = ({ away, state, today, askStation }: OwnAway) => ({
  away: away && {
    from: away.from,
    until: away.until,
    reason: away.reason,
    note: away.bySelf ? away.note : null,
    now: state === 'now',
    bySelf: away.bySelf === true,
    text: awayDeputyLine(away, today),
    askStation,
  },
  today,
  reasons: AWAY_REASON_CHOICES.map((r) => ({ value: r.value, label: r.label })),
})
