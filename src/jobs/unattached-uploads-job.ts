import type { JobDefinition } from './job.js'

export const UNATTACHED_UPLOADS_JOB = 'unattached-uploads'

const HOUR = 3_600_000

/**
 * Uploaded files that nothing kept: a resident's photo whose message was never sent, a meeting
 * paper the clerk took off the form before saving. Kept `uploads.unattachedHours` (default 24,
 * so that someone still writing keeps hers), then deleted: for residents' photos, personal data
 * with no purpose left, which the privacy notice does not allow to keep.
 */
export const unattachedUploadsJob: JobDefinition = {
  name: UNATTACHED_UPLOADS_JOB,
  // Hourly, at a minute no other hourly job uses.
  schedule: '47 * * * *',
  leaseMs: 10 * 60_000,
  async run({ services, clock, config, logger }) {
    const now = clock.now()
    const uploadedBefore = new Date(now.getTime() - config.uploads.unattachedHours * HOUR)
    const photos = await services.uploads.deleteUnattached(uploadedBefore, now)
    const meetingFiles = await services.meetingFiles.deleteUnattached(uploadedBefore, now)
    if (photos || meetingFiles) logger.info({ photos, meetingFiles, uploadedBefore: uploadedBefore.toISOString() }, 'unattached uploads deleted')
    return { photos, meetingFiles }
  },
}
