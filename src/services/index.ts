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

export type Services = ReturnType<typeof createServices>

/** Every use-case service, wired to one store, one clock and one key. */
export function createServices(config: Config & { security: { secretKey: string } }, store: Store, clock: Clock) {
  const cipher = new PiiCipher(config.security.secretKeyId, config.security.secretKey, config.security.previousKeys)
  const passwords = new PasswordHasher(config.security.scryptCost)
  const audit = new AuditTrail(store.audit, clock)
  const topics = config.business.topics
  return {
    cipher,
    passwords,
    audit,
    auth: new AuthService(store, passwords, audit, clock, config.security),
    directory: new DirectoryService(store, cipher, audit, topics),
    importer: new DirectoryImporter(store, cipher, passwords, audit, topics),
    staff: new StaffService(store, passwords, audit),
    qrCodes: new QrCodeRenderer({ qrLinkPrefix: config.miniprogram.qrLinkPrefix, cityName: config.business.cityName }),
  }
}
