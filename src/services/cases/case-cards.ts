import { deadlineDay } from '../../domain/spoken-dates.js'
import { cardLine, dueCard } from './case-changes.js'

/**
 * The line each case notice puts on its subscribe card (the template's text keyword, 20
 * characters: wechat.md §2.4). The card's title already says what happened (留言已答复, 代表已看到留言
 * …, delivery/kinds.ts) and a tap opens the message, so the line says what it means for the
 * reader and what to do, in words made to fit, never the chat's long sentence cut off. Each
 * starts with the most telling words (the deputy's name, the department, the date) and falls
 * back to words that always fit when a long name would not.
 */
export const caseCards = {
  // ——— to the resident ———
  acknowledged: (deputyName: string, replyDueAt: Date, timeZone: string, now: Date) => {
    const day = deadlineDay(replyDueAt, timeZone, now)
    // Her words for it (已看到, as her message's state says), not the office's 受理.
    return cardLine(`${deputyName}代表已看到，最晚${day}答复`, `代表已看到，最晚${day}答复`, '代表已看到，会按时答复您')
  },
  // Her words (代表会跟进), not the office's 督办.
  forwarded: (department: string) => cardLine(`已交${department}办理，代表会跟进办理进度`, `已交${department}办理`, '已交有关部门办理，代表会跟进办理进度'),
  replied: (deputyName: string) => cardLine(`${deputyName}代表已答复，请点开查看并评价`, '代表已答复，请点开查看并评价'),
  /** To a resident whose message was merged into the one answered: the answer is hers too (she does not rate it). */
  repliedMerged: (deputyName: string) => cardLine(`${deputyName}代表已答复，请点开查看`, '代表已答复，请点开查看'),
  /**
   * Turned down (不予受理, the office's word): said as what happened to her message, by whoever turned it down (a
   * station's staff, or the congress's own for a message no station covers), with where the reason is.
   */
  rejected: (byStation: boolean) => `${byStation ? '联络站' : '工作人员'}没有接办这条留言，请点开看原因`,
  merged: () => '与相同问题合并办理，结果一并告知',
  unmerged: () => '改为单独办理，结果会告知您',
  /** Her message waited for staff to place it, and now has its first deputy. */
  placed: (deputyName: string) => cardLine(`已交给${deputyName}代表办理`, '已交给代表办理'),
  /** Another deputy handles her message now. */
  transferred: (deputyName: string) => cardLine(`已转给${deputyName}代表办理`, '已转给其他代表办理'),
  /** The deputy left office: another will be found, by the date she was given. */
  handedOn: (replyDueAt: Date, timeZone: string, now: Date) =>
    cardLine(`将另派代表，仍最晚${deadlineDay(replyDueAt, timeZone, now)}答复`, '原代表已离任，将另派代表办理'),
  closed: () => '已办结，如仍有问题欢迎再留言',
  /** Station staff handed her message up to their office (上报), which finds a deputy for it. */
  handedUp: (office: string) => cardLine(`已转交${office}办理`, '已转交人大办办理'),

  // ——— to the deputy ———
  /** Handed back to him by a resident not satisfied: he acknowledges it again, then answers. */
  reopened: (rating: number | null) => cardLine(rating ? `群众不满意（${rating} 分），请重新受理` : '群众不满意，请重新受理', '群众不满意，请重新受理'),
  rated: (rating: number, comment: boolean) => `获得 ${rating} 分评价${comment ? '，请点开看群众的话' : ''}`,
  withdrawn: () => '群众已撤回，无需再办理',
  /** His message was folded into another one, which carries the work. */
  mergedAway: () => '已并入另一条留言办理，无需受理',
  /** Staff gave his message to another deputy. */
  reassigned: (deputyName: string) => cardLine(`已改由${deputyName}代表办理，您无需再办`, '已改由其他代表办理，您无需再办'),
  /** Station staff handed his message up to their office (上报): the office places it now. */
  handedUpFromYou: (office: string) => cardLine(`已上报${office}，您无需再办`, '已上报人大办，您无需再办'),
  /** Staff turned down the message he holds (不予受理): by whom (a station's or an office's name, else its kind). */
  rejectedFromYou: (by: string, byKind: '联络站' | '人大办') => cardLine(`${by}决定不予受理，您无需再办`, `${byKind}决定不予受理，您无需再办`),
  /** 催办: what is late or due, in two words. */
  urged: (word: '受理' | '答复', late: boolean) => (late ? `已过${word}期限，请尽快办理` : `工作人员催办，请尽快${word}`),
  /** A deadline to meet, as the chat says it (dueCard: "请在11月24日上午10:00前受理"), else the plain request. */
  dueBy: (dueText: string, word: '受理' | '答复') => dueCard(dueText, word),
}
