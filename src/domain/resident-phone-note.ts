/**
 * What the console's case page says beside 留言人电话 (review 37): the number a resident left is masked for every
 * console user (the office's decision: only the deputy handling her message sees it whole, in the mini-program or the
 * chat helper, each read recorded), so the page says that, and how she is reached: by that deputy, and (when she also
 * wrote a number in her words) through 查看完整原文, which shows what she wrote and is recorded on 操作记录. Pure.
 */

export interface ResidentPhoneFacts {
  anonymous: boolean
  /** She left a number in the phone field (shown masked). */
  phoneField: boolean
  /** She wrote a phone number in her message (masked on the page; 查看完整原文 shows it). */
  phoneInWords: boolean
  /** Her message is still being handled (open, not merged): only then does the deputy see the number. */
  open: boolean
  /** The deputy handling it, by name; null when none does yet. */
  deputy: string | null
  /** No reminder reaches that deputy (neither the mini-program nor the chat helper): he cannot see the number either. */
  deputyUnreachable: boolean
}

const IN_WORDS = '群众在留言里写的号码，点上面的“查看完整原文”就能看到，这次查看会记入操作记录。'

/** The line beside the masked number, or null when there is nothing to say (anonymous, no number at all). */
export function residentPhoneNote(f: ResidentPhoneFacts): string | null {
  if (f.anonymous || (!f.phoneField && !f.phoneInWords)) return null
  if (!f.phoneField) return `群众没有另外留电话。${IN_WORDS}`
  const hidden = '号码已隐去：工作台不显示群众留的完整电话，只有办理代表能在小程序或微信助手里看到并拨打（每次查看都有记录）。'
  const reach = !f.open
    ? ''
    : !f.deputy
      ? '分派给代表后，由代表打电话联系群众。'
      : f.deputyUnreachable
        ? `${f.deputy}代表还没有开通小程序或微信助手，看不到这个号码；需要回访的，请改派给能联系上的代表。`
        : `需要回访时，请${f.deputy}代表打电话联系群众。`
  return `${hidden}${reach}${f.phoneInWords ? IN_WORDS : ''}`
}
