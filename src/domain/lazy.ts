/**
 * A loader that runs `load` at its first call and hands every later caller the same promise:
 * packages that only some requests need (the WeChat HTTP client, the HTML sanitiser, the file
 * type sniffer, the CSV reader and writer) load then, not at every start. A load that fails is
 * forgotten, so the next call tries again instead of failing for the rest of the process.
 * In domain/ (no I/O of its own) so that domain files may use it too.
 */
export function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null
  return () => {
    if (loading) return loading
    const attempt = load()
    loading = attempt
    attempt.catch(() => {
      if (loading === attempt) loading = null
    })
    return attempt
  }
}
