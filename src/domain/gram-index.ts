/**
 * The topic model's n-grams (1 to 3 UTF-16 code units) in an open-addressing hash table
 * keyed by their code units, so that a message's n-grams are looked up straight from its
 * characters instead of each being cut out as a string and hashed: that was most of the
 * time classifying a message took.
 */
export class GramIndex {
  /**
   * Three numbers per slot, together so that a probe reads one cache line: the first two code
   * units (`c1 << 16 | c2`), the third (0 when shorter), and the row (-1: an empty slot).
   */
  private readonly slots: Int32Array
  private readonly mask: number

  /** Each n-gram's row is its place in `grams` (the last, if listed twice). N-grams longer than 3 are left out (the model never reads them). */
  constructor(grams: readonly string[]) {
    let size = 16
    while (size < grams.length * 2) size *= 2
    const slots = new Int32Array(size * 3)
    this.slots = slots
    this.mask = size - 1
    for (let at = 2; at < slots.length; at += 3) slots[at] = -1
    for (let row = 0; row < grams.length; row++) {
      const gram = grams[row]
      if (gram.length < 1 || gram.length > 3) continue
      const head = (gram.charCodeAt(0) << 16) | (gram.length > 1 ? gram.charCodeAt(1) : 0)
      const tail = gram.length > 2 ? gram.charCodeAt(2) : 0
      let at = this.slotOf(head, tail) * 3
      while (slots[at + 2] >= 0 && (slots[at] !== head || slots[at + 1] !== tail)) at = at + 3 === slots.length ? 0 : at + 3
      slots[at] = head
      slots[at + 1] = tail
      slots[at + 2] = row
    }
  }

  /**
   * The row of the n-gram of code units c1, c2, c3 (0 for the ones a shorter n-gram lacks), or -1.
   * Code unit 0 never occurs in a message's runs of letters and digits.
   */
  rowOf(c1: number, c2: number, c3: number): number {
    const head = (c1 << 16) | c2
    const slots = this.slots
    for (let at = this.slotOf(head, c3) * 3; ; at = at + 3 === slots.length ? 0 : at + 3) {
      const row = slots[at + 2]
      if (row < 0 || (slots[at] === head && slots[at + 1] === c3)) return row
    }
  }

  /** The row of an n-gram given as a string, or -1. */
  find(gram: string): number {
    if (gram.length < 1 || gram.length > 3) return -1
    return this.rowOf(gram.charCodeAt(0), gram.length > 1 ? gram.charCodeAt(1) : 0, gram.length > 2 ? gram.charCodeAt(2) : 0)
  }

  private slotOf(head: number, tail: number): number {
    const h = Math.imul(head ^ Math.imul(tail + 0x9e3779b9, 0x85ebca6b), 0xc2b2ae35)
    return (h ^ (h >>> 15)) & this.mask
  }
}
