import { randomInt } from 'node:crypto'
import type { Clock } from '../../clock.js'
import { generateActivationCode, normalizeActivationCode } from '../../domain/activation-code.js'
import type { ImportedStaff } from '../../domain/directory-import.js'
import { EXAMPLE_ACTIVATION_CODE } from '../../domain/directory-sheet-specs.js'
import type { PasswordHasher } from '../../security/passwords.js'
import type { PiiCipher } from '../../security/pii.js'
import type { DirectorySnapshot, StaffRecord } from '../../store/ports.js'
import { activationHashOf, legacyActivationHashesOf } from '../accounts/activation.js'
import { csvSheet } from '../csv-sheet.js'
import type { ImportProgress, ImportReport } from './import-report.js'

// The console accounts an import makes or keeps, and the activation codes made for those with a blank cell.

/**
 * Who in the store is waiting with a code, found by its hash (codes are never stored in the clear); the
 * hashes of codes from before they were normalized are tried too, as AuthService.activate does.
 */
export function codeOwnerIn(cipher: PiiCipher, existing: DirectorySnapshot) {
  const byHash = new Map(existing.staff.flatMap((s) => (s.activationHash ? [[s.activationHash, s] as const] : [])))
  if (!byHash.size) return () => undefined
  return (code: string) => [activationHashOf(cipher, code), ...legacyActivationHashesOf(cipher, code)].map((h) => byHash.get(h)).find((s) => s !== undefined)
}

/**
 * The console accounts of the file as records to store: a password set keeps; an initial password is hashed; a blank
 * code cell of a new account gets a code made here (into `generated`), one never used stays as it was.
 */
export async function staffRecords(
  { cipher, passwords, clock }: { cipher: PiiCipher; passwords: PasswordHasher; clock: Clock },
  list: ImportedStaff[],
  existing: Map<string, StaffRecord>,
  progress: ImportProgress,
  {
    passwordCost,
    changeAtFirstLogin,
    generated,
    stillWaiting,
    taken,
  }: {
    passwordCost?: number
    changeAtFirstLogin: boolean
    /** Where made codes go (the sheets' import); null: an account without password or code is left without (a file). */
    generated: Array<{ username: string; name: string; code: string }> | null
    /** Names of accounts whose blank cell keeps a code given before (no new one is made), to say what replaces a lost one. */
    stillWaiting?: string[]
    taken: (code: string) => unknown
  },
) {
  // Codes in the file, so that a made one is none of them either.
  const inFile = new Set(list.flatMap((s) => (s.activationCode ? [normalizeActivationCode(s.activationCode)] : [])))
  const madeUp = new Set<string>()
  const isTaken = (code: string) => {
    const key = normalizeActivationCode(code)
    return inFile.has(key) || madeUp.has(key) || key === normalizeActivationCode(EXAMPLE_ACTIVATION_CODE) || taken(code) !== undefined
  }
  const toHash = list.filter((s) => s.password && !existing.get(s.id)?.passwordHash).length
  let hashed = 0
  return Promise.all(
    list.map(async ({ password, activationCode: written, ...s }): Promise<StaffRecord> => {
      const old = existing.get(s.id)
      // A new account (or one never given a way in) with a blank cell gets a code made up here, told once in the report.
      const make = generated !== null && !written && !password && !old?.passwordHash && !old?.activationHash && s.active
      const activationCode = make ? generateActivationCode(randomInt, isTaken) : written
      if (make) {
        madeUp.add(normalizeActivationCode(activationCode!))
        generated.push({ username: s.username, name: s.name, code: activationCode! })
      } else if (generated !== null && !written && !password && !old?.passwordHash && old?.activationHash && s.active) stillWaiting?.push(s.name)
      // Someone who has set a password keeps it: a file's initial password or code is for first use only.
      // An initial password not changed yet must still be changed; a file repeating it changes nothing.
      if (old?.passwordHash) {
        return { ...s, passwordHash: old.passwordHash, activationHash: null, activationIssuedAt: null, mustChangePassword: old.mustChangePassword }
      }
      if (password) {
        const passwordHash = await passwords.hash(password, passwordCost)
        if (++hashed % 50 === 0 || hashed === toHash) progress(`初始密码加密 ${hashed}/${toHash}`)
        return { ...s, passwordHash, activationHash: null, activationIssuedAt: null, mustChangePassword: changeAtFirstLogin }
      }
      const activationHash = activationCode ? activationHashOf(cipher, activationCode) : (old?.activationHash ?? null)
      // The nightly file repeats a code until it is used: only a new code starts a new term.
      const sameCode = activationHash !== null && activationHash === old?.activationHash
      const activationIssuedAt = activationHash === null ? null : sameCode && old.activationIssuedAt ? old.activationIssuedAt : clock.now()
      // The person will choose their own password with the code.
      return { ...s, passwordHash: null, activationHash, activationIssuedAt, mustChangePassword: false }
    }),
  )
}

/** The made codes in the report: the file to download at once, and the two lines (warnings and notes) that say so. */
export async function tellGeneratedCodes(report: ImportReport, generated: Array<{ username: string; name: string; code: string }>) {
  if (generated.length) {
    report.activationCodes = { count: generated.length, fileName: '新账号激活码.csv', csv: await generatedCodesSheet(generated) }
    const words = `已为 ${generated.length} 个新账号生成激活码（激活码一栏空着的）。激活码只在这次导入后给出一次：请马上点“下载激活码”保存，分别交给本人`
    // The hashes are kept: importing again makes no new codes for these accounts. A code not saved is replaced
    // by 重置密码 on 账号与角色 (the import and that page are both the admin's), whose password ends the old code.
    const lost = '如果激活码没有下载保存好（页面已关闭或刷新），再导入一次也不会重新生成：请到“账号与角色”找到这些账号，点“重置密码”，把新密码交给本人'
    report.warnings.unshift(words, lost)
    report.notes.unshift(words, lost)
  }
}

/** Accounts whose blank cell kept an earlier code: said in the report, and what replaces a lost one. */
export function tellStillWaiting(report: ImportReport, stillWaiting: string[]) {
  // Importing again after the answer with the codes was lost (a timeout, a closed tab) makes none: say what does.
  if (stillWaiting.length) {
    const names = stillWaiting.length > 10 ? `${stillWaiting.slice(0, 10).join('、')}等` : stillWaiting.join('、')
    const words = `${names} ${stillWaiting.length} 个账号还没有激活，激活码一栏空着，沿用以前导入时的激活码，这次不会重新生成。如果那次的激活码没有保存好，请到“账号与角色”为他们点“重置密码”，把新密码交给本人`
    report.warnings.push(words)
    report.notes.push(words)
  }
}

/** The made codes as a sheet to print or send: who, their user name, the code (in the order of the file). */
function generatedCodesSheet(codes: Array<{ username: string; name: string; code: string }>) {
  return csvSheet([['姓名', '账号', '激活码'], ...codes.map((c) => [c.name, c.username, c.code])])
}
