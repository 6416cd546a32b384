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

  /** Keeps an answer every later request will share (so frozen by the caller); none when the store marks nothing. */
  keep(question: string, mark: string | null, names: PreparedDirectory, answer: T) {
    if (mark === null) return
    // A Map iterates in insertion order, so the first key is the least recent.
    this.kept.delete(question)
    this.kept.set(question, { mark, names: new WeakRef(names), answer })
    if (this.kept.size > this.size) this.kept.delete(this.kept.keys().next().value!)
  }
}
