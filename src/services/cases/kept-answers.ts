import type { PreparedDirectory } from '../directory/directory-cache.js'

/**
 * Report answers kept between requests (the statistics, the dashboard): one is given again while the store's
 * figures mark (`cases.figuresMark`) stays and the directory's names are the same, the last asked kept longest, at
 * most `size`. The directory is held weakly: a kept answer must not keep a replaced one (a province's is ~175 MB) alive.
 */
export class KeptAnswers<T> {
  private readonly kept = new Map<string, { mark: string; names: WeakRef<PreparedDirectory>; answer: T }>()

  constructor(private readonly size: number) {}

  get(question: string, mark: string | null, names: PreparedDirectory): T | undefined {
    const kept = this.kept.get(question)
    return kept && mark !== null && kept.mark === mark && kept.names.deref() === names ? kept.answer : undefined
  }

  /** How many answers are held now (a test looks). */
  get held() {
    return this.kept.size
  }

  /** Keeps an answer every later request will share (so frozen by the caller); none when the store marks nothing. */
  keep(question: string, mark: string | null, names: PreparedDirectory, answer: T) {
    if (mark === null) return
    // The mark only moves on (a case change, a deadline passed): an answer kept under another is never given again,
    // and one may be large (an admin's ranking of 100,000 deputies, ~15 MB): let it go now, not when pushed out.
    for (const [other, kept] of this.kept) if (kept.mark !== mark) this.kept.delete(other)
    // A Map iterates in insertion order, so the first key is the least recent.
    this.kept.delete(question)
    this.kept.set(question, { mark, names: new WeakRef(names), answer })
    if (this.kept.size > this.size) this.kept.delete(this.kept.keys().next().value!)
  }
}
