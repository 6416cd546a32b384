/**
 * A points line ("按时答复群众留言 2 条 × 3 分 = 6 分") with each number kept beside its word and sign by non-breaking
 * spaces: at a line's end "= 3 分" broke as "= 3" / "分", and an old reader reads a number without what it counts.
 */
function keepTogether(line) {
  return String(line)
    .replace(/(\d) (?=[分次条件天场])/g, '$1\u00a0')
    .replace(/([=×]) (?=\d)/g, '$1\u00a0')
}

module.exports = { keepTogether }
