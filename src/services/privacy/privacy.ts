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
  text: [
    '为把您的意见建议转交给人大代表并跟踪办理，我们会保存：您的留言内容和图片、您选择的所在区域、您主动留下的联系电话，以及办理过程记录。',
    '这些信息只用于办理您的留言：由负责的人大代表和代表联络站工作人员查看；匿名留言时，代表和工作人员看不到您是谁。电话号码加密保存，仅负责办理的代表可查看完整号码，每次查看都有记录。图片只给能看这条留言的人看，上传时会去掉照片里的拍摄地点等信息。',
    '留言办结后保存三年，之后删除或匿名化处理。您可以随时查询、撤回尚未答复的留言，导出我们保存的您的全部信息，撤回同意（撤回后不能再留言，已提交的留言照常办理），或申请删除您的个人信息。',
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
