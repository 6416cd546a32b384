import type { Clock } from '../../clock.js'
import { ValidationError } from '../../errors.js'
import type { Store } from '../../store/ports.js'
import type { AuditAction } from '../../domain/audit-words.js'

export interface PrivacyNotice {
  version: string
  title: string
  text: string
}

/**
 * What a resident reads and agrees to before their first message (PIPL arts. 17 and 19).
 * The version changes when what is kept, why or for how long changes (that needs consent
 * again, art. 14); saying more plainly how to use one's rights does not.
 */
export const PRIVACY_NOTICE: PrivacyNotice = {
  version: 'v1',
  title: '个人信息保护说明',
  // Every kind of record the export returns is named here, in her words, with what it is for (PIPL art. 17):
  // the version stays v1, since what is kept did not change, only the notice now names all of it.
  text: [
    '为把您的意见建议转交给人大代表并跟踪办理，我们会保存：您的留言内容和图片、您选择的所在区域、您主动留下的联系电话，以及办理过程记录。',
    '您使用其他功能时，我们还会保存：您的微信账号标识和您同意给我们的微信绑定手机号（用来登录、留言时填电话）；您订阅的微信通知；您填写的问卷答案和对文件草稿的意见；您参加的答题和得分（得分排名只显示“群众”和编号，不显示姓名）；您打开过的学习材料和学习心得；您报名公民旁听时留下的姓名；您提出的民生实事项目建议和照片；通过联络助手（微信聊天）留言时，您的微信联系人和聊天中的留言内容。',
    '这些信息只用于办理您的留言和您使用的这些功能：由负责的人大代表和代表联络站工作人员查看；匿名留言时，代表和工作人员看不到您是谁。电话号码加密保存，仅负责办理的代表可查看完整号码，每次查看都有记录。图片只给能看这条留言的人看，上传时会去掉照片里的拍摄地点等信息。',
    '留言办结后保存三年，之后去掉姓名、电话、地址等个人信息，只保留内容用于统计。您可以随时：查看和导出我们保存的您的全部信息；更正您留下的电话（在“我的—我的信息”里，或联系联络站）；撤回尚未答复的留言；撤回同意（撤回后不能再留言，已提交的留言照常办理）；申请删除您的个人信息。',
    '删除后，您的账号、电话、图片、订阅和聊天记录都会清除；已提交的留言和问卷只保留去掉个人信息后的内容用于统计。办理记录和操作记录按规定保存，以备核查，其中您写下的个人信息已去除。',
    '我们会去掉您写在留言里的姓名、电话、门牌号等；个别写法特殊的称呼可能没能识别出来，如有发现，请联系联络站处理。',
  ].join('\n'),
}

/** Audit actions of a person's consent: their history is part of what they can export. */
const GIVEN = 'privacy.consent.given'
const WITHDRAWN = 'privacy.consent.withdrawn'

export class PrivacyService {
  constructor(
    private readonly store: Pick<Store, 'audit' | 'mpUsers' | 'publications'>,
    private readonly clock: Clock,
    readonly notice: PrivacyNotice = PRIVACY_NOTICE,
  ) {}

  async consent(userId: string, version: string) {
    if (version !== this.notice.version) {
      throw new ValidationError('说明版本已更新，请重新阅读', [{ path: 'body.version', message: `当前版本为 ${this.notice.version}` }])
    }
    const now = this.clock.now()
    await this.store.mpUsers.update(userId, { consentVersion: version, consentAt: now })
    await this.record(userId, GIVEN, version)
  }

  /** No new messages until the person agrees again; what they already sent is still handled. */
  /** Whether the person agreed to the notice as it reads now. */
  hasConsented(user: { consentVersion: string | null }) {
    return user.consentVersion === this.notice.version
  }

  async withdrawConsent(userId: string) {
    const user = await this.store.mpUsers.update(userId, { consentVersion: null, consentAt: null })
    // Nothing of theirs stays public once they withdraw (公开选登 needs their consent).
    await this.store.publications.unpublishResident(userId)
    await this.record(userId, WITHDRAWN, null)
    return user
  }

  /** Oldest first. */
  async consentHistory(userId: string) {
    const entries: Array<{ action: string; version: string | null; at: Date }> = []
    let cursor: string | null = null
    do {
      const page = await this.store.audit.list({ targetId: userId, limit: 100, cursor })
      for (const e of page.items) {
        if (e.action === GIVEN || e.action === WITHDRAWN) {
          entries.push({ action: e.action === GIVEN ? 'given' : 'withdrawn', version: (e.details.version as string | null) ?? null, at: e.at })
        }
      }
      cursor = page.nextCursor
    } while (cursor)
    return entries.reverse()
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
