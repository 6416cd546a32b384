import type { Clock } from '../../clock.js'
import { ValidationError } from '../../errors.js'
import type { Store } from '../../store/ports.js'
import type { AuditAction } from '../../domain/audit-words.js'

export interface PrivacyNotice {
  version: string
  title: string
  /**
   * What she reads in the chat before she agrees (at most 300 characters, one chat bubble): her rights first and where
   * to use them, what deletion reaches, then what is kept and for how long; `text` is one tap (or "全文") away. Too long
   * for one screen in 关怀模式 (about a screen and a half at 375×667): the pages where she agrees read `features`.
   */
  summary: string
  /** The whole notice: every kind of record kept, for what, who sees it, and her rights in full. */
  text: string
  /**
   * What changed from the version before, in one line, said first to whoever agreed to that one and is asked again
   * (the chat, 我的): a notice put before her again without a word of why reads as the same one, asked twice.
   */
  whatChanged?: string
  /**
   * What a message, a questionnaire, a consultation or a quiz keeps, who sees it, how long, under 您的权利: the short
   * notice on that feature's page, where she agrees before writing (pages/case/new) or answering
   * (components/privacy-consent), each one screen in 关怀模式; `summary` stays the chat's (and 我的信息's). Not part of
   * the versioned wording: each line only restates what `text` says of that feature, so her agreement to `version`
   * covers them; change `text` (and the version) first if a line would ever say more.
   */
  features: Record<PrivacyFeature, string>
}

/** The pages that put the notice before what she gives is kept (留言, a named questionnaire or consultation, a quiz). */
export type PrivacyFeature = 'message' | 'survey' | 'consultation' | 'quiz'

/**
 * The first line of `summary`: her rights, each named as the button or the words that do it and where (the chat sends
 * `summary` too). 撤回同意 is the button's name in 我的信息 and the heading of what it stops, so it is said so here too;
 * a message is withdrawn on its own page with “撤回这条留言” (pages/case/detail), not in 我的信息, and in the chat with
 * “撤回”: a sentence of its own, never "撤回还没答复的留言，撤回同意", one 撤回 of two things.
 */
const RIGHTS =
  '您的权利：随时可以查看、删除您的信息，或撤回同意：小程序里在“我的—我的信息”，也能改电话；聊天里发送“我的信息”“撤回同意”。还没答复的留言：小程序里点开它，点“撤回这条留言”；聊天里发“撤回”。'

/**
 * The first line of each feature's lines, read only in the mini-program (pages/case/new, components/privacy-consent):
 * the same rights without the chat's way to them, each at the button she will find, so that with the feature's four
 * lines the notice stays one screen in 关怀模式 (375×667, 40rpx text); `text` says every way in full.
 */
const RIGHTS_HERE =
  '您的权利：随时可以查看、删除您的信息，改电话，或撤回同意，都在“我的—我的信息”里；还没答复的留言，在那条留言里点“撤回这条留言”。其他请找联络站改。'

/**
 * What a resident reads and agrees to before their first message (PIPL arts. 17 and 19).
 * The version changes when what is kept, why or for how long changes, or what she is promised of
 * her rights (that needs consent again, art. 14); saying the same more plainly does not.
 *
 * v2: v1 promised that deletion clears 聊天记录 and that her phone is corrected in 我的—我的信息, untrue of what she
 * wrote in the chat, which was another account; now the chat can be joined to her mini-program account, and the
 * notice says what deletion reaches in each place. Those who agreed to v1 are asked again before their next message.
 * Still v2 after the joining steps were named by the buttons she taps (“把聊天里的留言放到这里”, “是我的，放到这里”)
 * instead of "取一个码": the same steps, said as she sees them, nothing kept or promised differently.
 * v3: withdrawing consent came to stop named questionnaires, consultations and quizzes (domain/consent-needed.ts), a
 * paper already started included, where v2 said only that it stops messages; v3 says what withdrawing stops, that it
 * deletes nothing kept (only her 公开 messages are taken down), and, for each feature, what is kept and until when
 * (until she deletes her information, then only what names nobody). Those who agreed to v2 are asked again before
 * their next message, named answer or paper, as v1's were. Still v3 after her rights were said at the buttons that do
 * them (撤回同意 in 我的信息, “撤回这条留言” on the message, “撤回” in the chat): the same rights, nothing kept differently.
 */
export const PRIVACY_NOTICE: PrivacyNotice = {
  version: 'v3',
  title: '个人信息保护说明',
  whatChanged: '说清楚了撤回同意以后哪些不能再用（留言、问卷、提意见、答题），已经保存的不会因此删掉；也写明了问卷、意见和答题成绩保存多久。',
  summary: [
    RIGHTS,
    '删除：在小程序里删，只删小程序里的；在聊天里删，只删聊天里的。在小程序“我的”里把聊天里的留言放到小程序以后，要在小程序里删，两边一起删。',
    '我们保存：您的留言、照片、所在区域、您留的电话和办理经过，只给办理的代表和联络站看，电话加密保存。',
    '保存多久：留言办结后保存三年，之后去掉姓名、电话等，只留内容做统计。',
    // Short to stay one screen: what it stops and that nothing is deleted; the whole of it is in `text`.
    '撤回同意：不能再留言、答题和填留名字的问卷；已保存的不因撤回删掉。',
    '问卷、答题保存什么见全文。',
  ].join('\n'),
  // Every kind of record the export returns is named here, in her words, with what it is for (PIPL art. 17).
  text: [
    '为把您的意见建议转交给人大代表并跟踪办理，我们会保存：您的留言内容和图片、您选择的所在区域、您主动留下的联系电话，以及办理过程记录。',
    '您使用其他功能时，我们还会保存：您的微信账号标识和您同意给我们的微信绑定手机号（用来登录、留言时填电话）；您订阅的微信通知；您填写的问卷答案和对文件草稿的意见；您参加的答题和得分（得分排名只显示“群众”和编号，不显示姓名）；您打开过的学习材料和学习心得；您报名公民旁听时留下的姓名；您提出的民生实事项目建议和照片；通过留言小助手（微信聊天）留言时，您的微信联系人和聊天中的留言内容。',
    '这些信息只用于办理您的留言和您使用的这些功能：由负责的人大代表和代表联络站工作人员查看；匿名留言时，代表和工作人员看不到您是谁。电话号码加密保存，仅负责办理的代表可查看完整号码，每次查看都有记录。图片只给能看这条留言的人看，上传时会去掉照片里的拍摄地点等信息。',
    // What each feature keeps and until when, as its own lines (`features`) say it, so that they restate this text.
    '填问卷、提意见和答题时：记下是谁填的问卷，保存您填的答案和这份问卷是您填的；对文件草稿征求意见，保存您提的意见和意见是您提的，好告诉您是否采纳；这两样只给负责的工作人员看，不会公开您是谁。答题保存您答的题和得分，排名里只显示“群众”和编号，不显示您的名字。这些一直保存到您删除您的信息；删除后只留下看不出是您的答案、意见和成绩，用来统计。',
    '留言办结后保存三年，之后去掉姓名、电话、地址等个人信息，只保留内容用于统计。您可以随时：查看和导出我们保存的您的全部信息；更正您留下的电话；撤回同意；申请删除您的个人信息。在小程序里，这些都在“我的—我的信息”里；在微信聊天里，发送“我的信息”“撤回同意”或“删除我的信息”；也可以联系联络站。还没答复的留言可以撤回：在小程序里点开那条留言，点“撤回这条留言”；在微信聊天里发送“撤回”。',
    // What withdrawing stops and what it leaves (PrivacyService.withdrawConsent, domain/consent-needed.ts).
    '撤回同意以后：不能再留言；不能再填记下是谁填的问卷，不能再对文件草稿提意见，也不能再答题，已经开始答的题也不能交卷；匿名的问卷照常可以填。已经提交的留言照常办理、答复；您同意公开的留言会撤下，不再公开。撤回同意不会删除已经保存的信息：留言、问卷答案、意见和答题成绩都还保存着；要删除，请申请删除您的个人信息。重新同意以后，这些又都可以用了。',
    '小程序和微信聊天里的留言，起初分开保存：小程序里看不到您在聊天里发的留言，聊天里发的留言要在聊天里查看、删除。您在小程序“我的”里点“把聊天里的留言放到这里”，把那里给的一句话在微信聊天里发给留言小助手，再回到小程序点“是我的，放到这里”，确认那个微信是您本人的，聊天里发的留言就放到小程序里，在“我的留言”里都能看到，也能在“我的信息”里查看、更正电话和删除；聊天照常可以用，也可以在“我的”里解除。',
    '删除后，您的账号、电话、图片和订阅都会清除：在小程序里删除，清除小程序里的；在聊天里删除，清除聊天里的，包括聊天记录。两边放到一起以后，要在小程序里删除（为了防止别人用聊天删掉您的账号，聊天里不能删），两边的都会清除，包括聊天记录。已提交的留言和问卷只保留去掉个人信息后的内容用于统计。办理记录和操作记录按规定保存，以备核查，其中您写下的个人信息已去除。',
    '我们会去掉您写在留言里的姓名、电话、门牌号等；个别写法特殊的称呼可能没能识别出来，如有发现，请联系联络站处理。',
  ].join('\n'),
  // Each line restates `text` above for that feature (what: 问卷答案和对文件草稿的意见, 答题和得分; who: the staff in
  // charge, the ranking shows 群众 and a number; how long: until she deletes, after which only what names nobody stays;
  // withdrawing: no more of it, nothing deleted), so they are read under the same version (see PrivacyNotice.features).
  features: {
    // 留言 as `text` says it (the phone she leaves is a 联系电话 only the deputy handling it reads whole: he may call
    // her, as the form says), each line two lines of 40rpx text: 13 in all, what one screen holds. What deleting
    // reaches in the chat and in the mini-program, which `summary` says for the chat, is in `text`, one tap away.
    message: [
      RIGHTS_HERE,
      '我们保存：您的留言、照片、所在区域、您留的电话和办理经过。',
      '谁能看：办理的代表和联络站；您留了电话，代表可以打给您。',
      '保存多久：留言办结后保存三年；之后去掉姓名电话，只做统计。',
      '撤回同意：不能再留言；已送出的照常办理、答复，不会删掉。',
    ].join('\n'),
    survey: [
      RIGHTS_HERE,
      '我们保存：您填的答案，和这份问卷是您填的。',
      '谁能看：只有负责的工作人员。',
      '保存多久：到您删除信息为止；之后只留下看不出是您的答案。',
      '撤回同意：不能再填这样的问卷；已填的答案不会删掉。',
    ].join('\n'),
    consultation: [
      RIGHTS_HERE,
      '我们保存：您提的意见，和意见是您提的，好告诉您是否采纳。',
      '谁能看：只有负责的工作人员。',
      '保存多久：到您删除信息为止；之后只留下看不出是您的意见。',
      '撤回同意：不能再提这样的意见；已提的意见不会删掉。',
    ].join('\n'),
    quiz: [
      RIGHTS_HERE,
      '我们保存：您答的题和得分。',
      '谁能看：负责的工作人员；排名只显示“群众”和编号。',
      '保存多久：到您删除信息为止；之后只留下看不出是您的成绩。',
      '撤回同意：不能再答题，答了一半的也交不了；成绩不会删掉。',
    ].join('\n'),
  },
}

/** Audit actions of a person's consent: their history is part of what they can export. */
const GIVEN = 'privacy.consent.given'
const WITHDRAWN = 'privacy.consent.withdrawn'
/** Her chat joined to this account: its `from` is the chat person, whose consents are hers. */
const JOINED = 'privacy.chat_joined'
/**
 * The chat took back what it brought (解除 said there, or in the mini-program since review 37): its `to`, the chat
 * person, is its own again, consents and all. An unjoin of before then names no `to`: what came stayed.
 */
const UNDONE = 'privacy.chat_join_undone'
const UNJOINED = 'privacy.chat_unjoined'

/** Where an agreement was given or withdrawn: a joined account's two sides each keep their own (ChatJoinRepo.consentWhileJoined). */
export type ConsentSide = 'chat' | 'mini-program'

export class PrivacyService {
  constructor(
    private readonly store: Pick<Store, 'audit' | 'chatJoins' | 'mpUsers' | 'publications'>,
    private readonly clock: Clock,
    readonly notice: PrivacyNotice = PRIVACY_NOTICE,
  ) {}

  /** `side`: where she agreed (the bot says 'chat'), which a joined account keeps apart for 解除. */
  async consent(userId: string, version: string, side: ConsentSide = 'mini-program') {
    if (version !== this.notice.version) {
      throw new ValidationError('说明版本已更新，请重新阅读', [{ path: 'body.version', message: `当前版本为 ${this.notice.version}` }])
    }
    const now = this.clock.now()
    await this.setConsent(userId, { consentVersion: version, consentAt: now }, side)
    await this.record(userId, GIVEN, version)
  }

  /** No new messages until the person agrees again; what they already sent is still handled. */
  /** Whether the person agreed to the notice as it reads now. */
  hasConsented(user: { consentVersion: string | null }) {
    return user.consentVersion === this.notice.version
  }

  /**
   * `side`: where she withdrew it (the bot says 'chat'): after 解除 a withdrawal made in the chat stays the chat's. False
   * when there was no agreement to withdraw (never given, or withdrawn already): nothing is written, and she is told
   * so rather than "已撤回" of an agreement she never gave.
   */
  async withdrawConsent(userId: string, side: ConsentSide = 'mini-program'): Promise<boolean> {
    const before = await this.store.mpUsers.get(userId)
    if (before && before.consentVersion === null) return false
    await this.setConsent(userId, { consentVersion: null, consentAt: null }, side)
    // Nothing of theirs stays public once they withdraw (公开选登 needs their consent).
    await this.store.publications.unpublishResident(userId)
    await this.record(userId, WITHDRAWN, null)
    return true
  }

  /**
   * Oldest first; with what she agreed to in the chat before she joined it to this account (chat-join.ts), unless that
   * chat took its own back since (解除 said in the chat).
   */
  async consentHistory(userId: string) {
    const entries: Array<{ action: string; version: string | null; at: Date }> = []
    const people = [userId]
    for (let i = 0; i < people.length; i++) {
      let cursor: string | null = null
      // Entries come newest first: a chat that took its own back after a join is seen before that join.
      const undoneSince = new Set<unknown>()
      do {
        const page = await this.store.audit.list({ targetId: people[i], limit: 100, cursor })
        for (const e of page.items) {
          if (e.action === GIVEN || e.action === WITHDRAWN) {
            entries.push({ action: e.action === GIVEN ? 'given' : 'withdrawn', version: (e.details.version as string | null) ?? null, at: e.at })
          }
          if ((e.action === UNDONE || e.action === UNJOINED) && e.details.to) undoneSince.add(e.details.to)
          const from = e.action === JOINED ? e.details.from : null
          if (typeof from === 'string' && !undoneSince.has(from) && !people.includes(from)) people.push(from)
        }
        cursor = page.nextCursor
      } while (cursor)
    }
    // Each person's entries came newest first; stable, so entries of one instant keep their order.
    return entries.reverse().sort((a, b) => a.at.getTime() - b.at.getTime())
  }

  /**
   * A joined account's agreement is written with the side it came from (both sides are one record while joined, and
   * 解除 gives each its own: ChatJoinRepo.consentWhileJoined); anyone else's is written as it is.
   */
  private async setConsent(userId: string, consent: { consentVersion: string | null; consentAt: Date | null }, side: ConsentSide) {
    if (await this.store.chatJoins.consentWhileJoined(userId, side === 'chat' ? 'chat' : 'account', consent)) return
    await this.store.mpUsers.update(userId, consent)
  }

  /** Typed as AuditTrail.record's action: the 操作记录 page has words for it. */
  private record(userId: string, action: AuditAction, version: string | null) {
    return this.store.audit.append({
      at: this.clock.now(),
      actorKind: 'mp_user',
      actorId: userId,
      action,
      targetKind: 'mp_user',
      targetId: userId,
      details: { version },
    })
  }
}
