/**
 * Uploaded files and what became of them (services/upload-ledger.ts): each upload is recorded
 * when it is stored, marked attached when a message, a meeting or a report first keeps it, and
 * deleted by the unattached-uploads job when nothing did within the grace period. The record is
 * what lets the job find those files without reading every case. Re-exported by ports.ts.
 */

/**
 * Which files an upload is among: photos uploaded through the mini-program or by a unit
 * (services/cases/uploads.ts, folder uploads.dir), or a meeting's papers uploaded by the office
 * (services/meetings/meeting-files.ts, folder uploads.dir/meeting-files).
 */
export type UploadKind = 'image' | 'meeting_file'

export interface UploadRecord {
  kind: UploadKind
  /** The stored file's name in its folder: random, marked with its uploader. */
  name: string
  /** Who uploaded it: a mini-program account's id, or `staff:<id>` (staffUploader). */
  ownerId: string
  uploadedAt: Date
  /** When something first kept it; null while nothing has. */
  attachedAt: Date | null
  /** When a deletion took it (takeUnattached); null otherwise. */
  deletingAt: Date | null
}

/** Which unattached uploads to take: those of one kind older than an instant, or all of one person's. */
export type UnattachedUploads = { kind: UploadKind; uploadedBefore: Date } | { kind: UploadKind; ownerId: string }

export interface UploadRepo {
  /** Records a new upload, attached to nothing. */
  add(upload: Pick<UploadRecord, 'kind' | 'name' | 'ownerId' | 'uploadedAt'>): Promise<void>
  /**
   * Marks these uploads attached at `at` (one attached already keeps its first time), each in one
   * atomic step, and returns those refused: the ones a deletion has taken (takeUnattached), whose
   * files are going. A name with no record (uploaded before uploads were recorded) is neither
   * marked nor refused: nothing deletes such a file.
   *
   * `hold`, given when what keeps them may yet be refused by the store and not written (a proposal over the yearly
   * cap), names this one call for `detach`: an upload it marks carries it. One attached already, whoever marked it,
   * carries no hold from then on: two writes keep it, and neither one's refusal may let it go.
   */
  attach(kind: UploadKind, names: string[], at: Date, hold?: string): Promise<string[]>
  /**
   * Undoes `attach(kind, names, at, hold)` for a holder then refused and not written: those of these uploads that
   * still carry this hold (marked by that very call and attached by nothing since) are unattached again, for the
   * unattached-uploads job to delete as any upload never sent. One marked by another call, or attached again by
   * anything since, stays attached, even in the same millisecond.
   */
  detach(kind: UploadKind, names: string[], hold: string): Promise<void>
  /**
   * Unattached uploads to delete, oldest first, at most `limit`: each is marked as taken
   * (deletingAt `at`) in the same atomic step that finds it, so that `attach` refuses it from then
   * on. Ones an earlier call took and that were not forgotten (the deletion stopped half-way) are
   * among them again.
   */
  takeUnattached(which: UnattachedUploads, limit: number, at: Date): Promise<UploadRecord[]>
  /** Forgets taken uploads whose files are deleted; an attached one is never forgotten. */
  forget(kind: UploadKind, names: string[]): Promise<void>
}
