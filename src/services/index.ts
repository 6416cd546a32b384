import type { Clock } from '../clock.js'
import type { Config } from '../config.js'
import { PasswordHasher } from '../security/passwords.js'
import { PiiCipher } from '../security/pii.js'
import type { Store } from '../store/ports.js'
import { AuditTrail } from './audit.js'
import { AuthService } from './auth.js'
import { DirectoryService } from './directory.js'
import { DirectoryImporter } from './directory-import.js'
import { QrCodeRenderer } from './qr-codes.js'
import { StaffService } from './staff.js'
import { BusinessCalendar } from '../domain/business-calendar.js'
import { CaseQueries } from './case-queries.js'
import { CaseReports } from './case-reports.js'
import { RoutingService } from './case-routing.js'
import { CaseSubmitter } from './case-submission.js'
import { CaseWorkflow } from './case-workflow.js'
import { MpSessions } from './mp-sessions.js'
import { PrivacyService } from './privacy.js'
import { Uploads } from './uploads.js'

export type Services = ReturnType<typeof createServices>

/** Every use-case service, wired to one store, one clock and one key. */
export function createServices(config: Config & { security: { secretKey: string } }, store: Store, clock: Clock) {
  const cipher = new PiiCipher(config.security.secretKeyId, config.security.secretKey, config.security.previousKeys)
  const passwords = new PasswordHasher(config.security.scryptCost)
  const audit = new AuditTrail(store.audit, clock)
  const topics = config.business.topics
  const { timeZone } = config.business
  const calendar = new BusinessCalendar({ timeZone, ...config.business.calendar })
  const routing = new RoutingService(store, { timeZone, deputyCapacity: config.cases.deputyCapacity, topics, topicKeywords: config.business.topicKeywords }, clock)
  const policy = { ...config.cases, timeZone }
  const privacy = new PrivacyService(store, clock)
  const caseQueries = new CaseQueries(store, routing, cipher, audit, clock, { windowDays: config.cases.similarWindowDays, threshold: config.cases.similarThreshold })
  return {
    cipher,
    passwords,
    audit,
    auth: new AuthService(store, passwords, audit, clock, config.security),
    directory: new DirectoryService(store, cipher, audit, topics, () => routing.invalidate()),
    importer: new DirectoryImporter(store, cipher, passwords, audit, topics, () => routing.invalidate()),
    staff: new StaffService(store, passwords, audit),
    qrCodes: new QrCodeRenderer({ qrLinkPrefix: config.miniprogram.qrLinkPrefix, cityName: config.business.cityName }),
    calendar,
    routing,
    privacy,
    mpSessions: new MpSessions(store, clock),
    uploads: new Uploads(config.uploads.dir),
    submitter: new CaseSubmitter(store, routing, cipher, calendar, policy, privacy.notice, clock),
    workflow: new CaseWorkflow(store, routing, calendar, policy, clock),
    caseQueries,
    caseReports: new CaseReports(store, caseQueries, routing, clock),
  }
}
