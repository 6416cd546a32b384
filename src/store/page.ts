/** One page of a list, and the query for it: shared by every port (a file of its own so the port files never import each other in a circle). */
export interface Page<T> {
  items: T[]
  /** Opaque; pass back as `cursor` for the next page. Null on the last page. */
  nextCursor: string | null
}
export interface PageQuery {
  cursor?: string | null
  limit: number
}
