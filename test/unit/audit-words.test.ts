import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { expect } from 'chai'
import { AUDIT_ACTION_WORDS, auditActionWords, isAuditAction } from '../../src/domain/audit-words.js'
import { auditEntryWords, auditRefs } from '../../src/domain/audit-entry-words.js'
import type { AuditLine, AuditName, AuditNamedKind } from '../../src/domain/audit-names.js'

const SRC = join(import.meta.dirname, '../../src')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  )
}

/** The text of a call's arguments, from just after its "(" to its matching ")", strings skipped over. */
function callArguments(text: string, open: number): string {
  let depth = 0
  for (let i = open; i < text.length; i++) {
    const ch = text[i]
    if (ch === "'" || ch === '"' || ch === '`') {
      for (i++; i < text.length && text[i] !== ch; i++) if (text[i] === '\\') i++
      continue
    }
    if ('([{'.includes(ch)) depth++
    if (')]}'.includes(ch) && --depth === 0) return text.slice(open + 1, i)
  }
  throw new Error('unbalanced call')
}

/** The top-level arguments of a call, split at its commas. */
function topLevel(args: string): string[] {
  const parts: string[] = []
  let depth = 0
  let start = 0
  for (let i = 0; i < args.length; i++) {
    const ch = args[i]
    if (ch === "'" || ch === '"' || ch === '`') {
      for (i++; i < args.length && args[i] !== ch; i++) if (args[i] === '\\') i++
      continue
    }
    if ('([{'.includes(ch)) depth++
    if (')]}'.includes(ch)) depth--
    if (ch === ',' && depth === 0) parts.push(args.slice(start, i)) && (start = i + 1)
  }
  return [...parts, args.slice(start)].map((p) => p.trim())
}

const CODE = /^[a-z_]+(?:\.[a-z_]+)+$/
const literalCodes = (expr: string) => [...expr.matchAll(/'([^']*)'/g)].map((m) => m[1]).filter((s) => CODE.test(s))

/**
 * Every action code the source writes to the audit trail, where: the second argument of each
 * `audit.record(…)` (literals; any other expression there is held to AuditAction by the type
 * check) and the `action:` of each `audit.append({…})`, which bypasses that type, so an
 * identifier there must be a constant of its file.
 */
function writtenCodes(): { codes: Array<{ code: string; where: string }>; unknown: string[] } {
  const codes: Array<{ code: string; where: string }> = []
  const unknown: string[] = []
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8')
    // `entry` makes an entry as `record` writes it, for a store write that carries it (a case's move).
    for (const m of text.matchAll(/\baudit\??\.(record|append|entry)\(/g)) {
      const at = `${relative(SRC, file)}:${text.slice(0, m.index).split('\n').length}`
      const args = callArguments(text, m.index! + m[0].length - 1)
      // `action: 'x.y'`, or the shorthand `action,` (a variable of that name).
      const property = /\baction(?::\s*([^,\n}]+)|\s*[,\n}])/.exec(args)
      const expr = m[1] === 'record' || m[1] === 'entry' ? topLevel(args)[1] : property && (property[1]?.trim() ?? 'action')
      if (!expr) {
        // An append without an action property of its own (a spread): nothing to read.
        if (m[1] === 'append' && /^\s*\{/.test(args)) unknown.push(`${at}: no action: property`)
        continue
      }
      const found = literalCodes(expr)
      if (!found.length && m[1] === 'append') {
        const constant = /^\w+$/.test(expr) ? new RegExp(`const ${expr} = '([^']+)'`).exec(text)?.[1] : undefined
        if (constant) found.push(constant)
        else if (expr !== 'action' || !text.includes('action: AuditAction')) unknown.push(`${at}: ${expr}`)
      }
      for (const code of found) codes.push({ code, where: at })
    }
  }
  return { codes, unknown }
}

describe('the audit trail in words (操作记录)', () => {
  it('has words for every action code the code base writes, so the page never shows a bare code', () => {
    const { codes, unknown } = writtenCodes()
    expect(unknown, 'audit writes whose action the test cannot read: write a literal or a const').to.deep.equal([])
    // The reading works: the staff moves, exports and publishing actions are among what it found.
    const seen = new Set(codes.map((c) => c.code))
    for (const code of ['login.succeeded', 'case.urged', 'cases.exported', 'meeting.published', 'meeting.reminded', 'campaign.created', 'privacy.erased'])
      expect(seen, code).to.include(code)
    expect(seen.size, 'codes found').to.be.greaterThan(60)
    const wordless = codes.filter((c) => !isAuditAction(c.code)).map((c) => `${c.where}: ${c.code}`)
    expect(wordless, 'codes written without words in src/domain/audit-words.ts').to.deep.equal([])
  })

  it('says every action in Chinese words, and an old code no longer written as 其他操作', () => {
    for (const [code, words] of Object.entries(AUDIT_ACTION_WORDS)) {
      expect(words, code).to.match(/^[\u4e00-\u9fa5（）]+$/)
    }
    expect(auditActionWords('case.urged')).to.equal('催办留言')
    expect(auditActionWords('case.assigned')).to.equal('分派留言')
    expect(auditActionWords('cases.exported')).to.equal('导出留言列表')
    expect(auditActionWords('something.retired')).to.equal('其他操作')
    // The chat account by its one name on every page, as the binding pages call it.
    expect(auditActionWords('staff.bot_bound')).to.equal('工作人员绑定微信助手')
    expect(auditActionWords('staff.bot_unbound')).to.equal('工作人员解除微信助手绑定')
  })

  const names: AuditName[] = [
    { kind: 'staff', id: 'sf01', name: '张国华', role: 'station_staff' },
    { kind: 'staff', id: 'sf03', name: '孙丽', role: 'organizer' },
    { kind: 'deputy', id: 'dp0001', name: '张伟', role: null },
    { kind: 'deputy', id: 'dp0002', name: '王芳', role: null },
    { kind: 'case', id: 'cs-1', name: '20261205-0001', role: null },
    { kind: 'meeting', id: 'mt-1', name: '代表接待日', role: null },
    { kind: 'region', id: 'd01', name: '湛河区', role: null },
    { kind: 'station', id: 'st001', name: '轻工街道代表联络站', role: null },
  ]
  const book = (kind: AuditNamedKind, id: string) => names.find((n) => n.kind === kind && n.id === id)
  const line = (over: Partial<AuditLine>): AuditLine => ({
    actorKind: 'staff',
    actorId: 'sf01',
    action: 'case.assigned',
    targetKind: 'case',
    targetId: 'cs-1',
    details: {},
    ...over,
  })
  const say = (over: Partial<AuditLine>) => auditEntryWords(line(over), book, 'Asia/Shanghai')

  it('names the person, the message and whom it went to, never an id', () => {
    expect(say({ details: { ticket: '20261205-0001', deputyId: 'dp0002', fromDeputyId: null } })).to.deep.equal({
      actor: '张国华（联络站工作人员）',
      action: '分派留言',
      target: '留言 20261205-0001',
      details: '交王芳代表办理',
    })
    expect(say({ action: 'case.reassigned', details: { deputyId: 'dp0002', fromDeputyId: 'dp0001' } }).details).to.equal('由张伟代表改为王芳代表办理')
    expect(say({ action: 'case.handed_up', details: { toOffice: 'd01', note: '本站暂无代表' } }).details).to.equal(
      '上报湛河区人大常委会办公室，理由：本站暂无代表',
    )
    // The whole installation's office ('city') by the name it is given (business.officeName), never a bare 市人大常委会办公室.
    const toCity = line({ action: 'case.handed_up', details: { toOffice: 'city', note: '涉及两个区' } })
    expect(auditEntryWords(toCity, book, 'Asia/Shanghai', '平顶山市人大常委会办公室').details).to.equal('上报平顶山市人大常委会办公室，理由：涉及两个区')
    const retrained = line({ action: 'topics.retrained', targetKind: null, targetId: null, details: { offices: ['d01', 'city'] } })
    expect(auditEntryWords(retrained, book, 'Asia/Shanghai', '平顶山市人大常委会办公室').details).to.equal('湛河区人大常委会、平顶山市人大常委会')
    expect(say({ action: 'case.merged', details: { intoTicket: '20261204-0007' } }).details).to.equal('并入留言 20261204-0007')
    // The refs the page reads in one go hold every name those words need.
    expect(auditRefs(line({ details: { deputyId: 'dp0002', fromDeputyId: 'dp0001' } }))).to.deep.include.members([
      { kind: 'staff', id: 'sf01' },
      { kind: 'case', id: 'cs-1' },
      { kind: 'deputy', id: 'dp0001' },
      { kind: 'deputy', id: 'dp0002' },
    ])
  })

  it('says an export by its filters, a reminder by how many, a login by where from, and residents only as 群众', () => {
    const exported = say({
      action: 'cases.exported',
      targetKind: null,
      targetId: null,
      details: { filters: { status: 'submitted', stationId: 'st001', q: '路灯', from: '2026-11-30T16:00:00.000Z' }, order: 'newest' },
    })
    expect(exported).to.deep.include({ action: '导出留言列表', target: '留言列表' })
    expect(exported.details).to.equal('筛选：状态 待分派，联络站 轻工街道代表联络站，时间 2026-12-01 至 ，查找“路灯”')
    expect(say({ action: 'cases.exported', targetKind: null, targetId: null, details: { filters: {} } }).details).to.equal('全部留言')
    expect(say({ actorId: 'sf03', action: 'meeting.reminded', targetKind: 'meeting', targetId: 'mt-1', details: { reminded: 3, round: 1 } })).to.deep.equal({
      actor: '孙丽（人大办工作人员）',
      action: '提醒未回复的参会人员',
      target: '会议「代表接待日」',
      details: '提醒未回复的 3 人',
    })
    expect(say({ action: 'login.succeeded', targetKind: 'staff', targetId: 'sf01', details: { client: '127.0.0.1' } })).to.deep.equal({
      actor: '张国华（联络站工作人员）',
      action: '登录',
      target: '本人账号',
      details: '网络地址 127.0.0.1',
    })
    expect(
      say({
        actorKind: 'mp_user',
        actorId: 'mu-31ae505c',
        action: 'privacy.consent.given',
        targetKind: 'mp_user',
        targetId: 'mu-31ae505c',
        details: { version: 'v3' },
      }),
    ).to.deep.equal({
      actor: '群众',
      action: '同意隐私告知',
      target: '群众本人',
      details: '第 3 版',
    })
    // A deputy reading a resident's phone is named as the deputy, not as 系统.
    expect(say({ actorKind: 'system', actorId: null, action: 'case.phone.read', details: { deputyId: 'dp0001', mpUserId: 'mu-1' } }).actor).to.equal(
      '张伟（人大代表）',
    )
    // A deputy's 转交 to a colleague is his, by name, with whom it went to and why.
    expect(
      say({
        actorKind: 'system',
        actorId: null,
        action: 'case.transferred',
        details: { ticket: '20261205-0001', fromDeputyId: 'dp0001', deputyId: 'dp0002', note: '王芳代表熟悉这个小区' },
      }),
    ).to.deep.equal({
      actor: '张伟（人大代表）',
      action: '代表转交留言',
      target: '留言 20261205-0001',
      details: '转给王芳代表办理，理由：王芳代表熟悉这个小区',
    })
    // His hand-back to the station (退回) is his too, with where it went and why; a phone number in his words is masked.
    const back = { actorKind: 'system' as const, actorId: null, action: 'case.handed_back' }
    expect(
      say({ ...back, details: { ticket: '20261205-0001', fromDeputyId: 'dp0001', toStation: 'st001', note: '群众电话 138-1234-5678 打不通' } }),
    ).to.deep.equal({
      actor: '张伟（人大代表）',
      action: '代表交回留言',
      target: '留言 20261205-0001',
      details: '交回轻工街道代表联络站，理由：群众电话 （已隐去） 打不通',
    })
    expect(say({ ...back, details: { fromDeputyId: 'dp0001', toStation: null, toOffice: 'd01', note: '不归我管' } }).details).to.equal(
      '交回湛河区人大常委会办公室，理由：不归我管',
    )
    // The numbers a deputy copies into his reason, a resident's phone or ID card, are masked in both, even typed full-width.
    const transferred = { actorKind: 'system' as const, actorId: null, action: 'case.transferred' }
    expect(
      say({ ...transferred, details: { fromDeputyId: 'dp0001', deputyId: 'dp0002', note: '老人电话13812345678，身份证410402195003121234' } }).details,
    ).to.equal('转给王芳代表办理，理由：老人电话（已隐去），身份证（已隐去）')
    expect(
      say({ ...back, details: { fromDeputyId: 'dp0001', toStation: 'st001', note: '身份证号４１０４０２１９５００３１２００１Ｘ不对' } }).details,
    ).to.equal('交回轻工街道代表联络站，理由：身份证号（已隐去）不对')
    expect(auditRefs(line({ ...back, details: { fromDeputyId: 'dp0001', toStation: 'st001' } }))).to.deep.include.members([
      { kind: 'deputy', id: 'dp0001' },
      { kind: 'station', id: 'st001' },
    ])
    // What no longer exists says what it was, not its id.
    expect(say({ targetKind: 'survey', targetId: 'sv-028cbecd', action: 'survey.published' }).target).to.equal('问卷（已不存在）')
  })
})
