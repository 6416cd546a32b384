import { existsSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { UnattachedUploads, UploadKind, UploadRecord, UploadRepo } from '../store/ports.js'

/** Uploads deleted per read of the store; a run goes on until none is left. */
const BATCH = 200
const MAX_ROUNDS = 100

/**
 * What becomes of the files of one folder of uploads (residents' photos, meeting papers): each
 * is recorded before it is written, marked attached when a message, a meeting or a report first
 * keeps it, and deleted when nothing kept it within the grace period (the unattached-uploads
 * job) or when its uploader has their data erased. A photo of someone who gave up on her message
 * would otherwise be personal data kept for no purpose, which the privacy notice does not allow.
 */
export class UploadLedger {
  constructor(
    private readonly records: UploadRepo,
    private readonly kind: UploadKind,
    private readonly dir: string,
  ) {}

  /** Before the file is written: a crash between leaves a record whose deletion finds no file, never a file nothing will delete. */
  recordNew(name: string, ownerId: string, at: Date): Promise<void> {
    return this.records.add({ kind: this.kind, name, ownerId, uploadedAt: at })
  }

  /**
   * Marks these files attached, from now on kept for as long as what holds them; returns those
   * that are no longer there to attach: taken by a deletion, or already deleted. Called before the
   * holder is written: a failed write leaves a file kept, never a holder pointing at a deleted file.
   */
  async attach(names: string[], at: Date, hold?: string): Promise<string[]> {
    if (!names.length) return []
    const refused = new Set(await this.records.attach(this.kind, names, at, hold))
    // Once marked, no deletion takes a file: one missing now stays missing.
    return names.filter((n) => refused.has(n) || !this.exists(n))
  }

  /**
   * Undoes `attach(names, at, hold)` for a holder then refused and not written: the files that call marked, and
   * nothing attached since, are unattached again and go as any upload never sent; one kept by another write stays.
   */
  release(names: string[], hold: string): Promise<void> {
    return this.records.detach(this.kind, names, hold)
  }

  /** Deletes every unattached file uploaded before the instant; how many. */
  deleteUnattachedBefore(uploadedBefore: Date, now: Date): Promise<number> {
    return this.deleteAll({ kind: this.kind, uploadedBefore }, now)
  }

  /** Deletes every unattached file of one uploader, however new; how many. */
  deleteUnattachedOf(ownerId: string, now: Date): Promise<number> {
    return this.deleteAll({ kind: this.kind, ownerId }, now)
  }

  private async deleteAll(which: UnattachedUploads, now: Date): Promise<number> {
    let deleted = 0
    // Bounded all the same: what is left waits for the next run.
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const taken = await this.records.takeUnattached(which, BATCH, now)
      await this.delete(taken)
      deleted += taken.length
      if (taken.length < BATCH) break
    }
    return deleted
  }

  /** Files first, then their records: a stop between leaves records the next run takes again. */
  private async delete(taken: UploadRecord[]) {
    // A record names a file of this folder only: a name with a path in it deletes nothing.
    for (const upload of taken) if (basename(upload.name) === upload.name) await rm(join(this.dir, upload.name), { force: true })
    const names = taken.map((u) => u.name)
    await this.records.forget(this.kind, names)
  }

  private exists(name: string) {
    return existsSync(join(this.dir, name))
  }
}
