import type { DigestService } from '../services/digests/digests.js'

export const DIGEST_JOB = 'digest'

/** One pass: digests for every deputy whose time has come today and who has none yet. */
export function runDigestJob({ digests }: { digests: DigestService }) {
  return digests.buildDue()
}
